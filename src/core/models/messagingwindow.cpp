#include "models/messagingwindow.h"

namespace inlet {

MessagingWindow::State MessagingWindow::state(qint64 lastCustomerMessageMs, qint64 nowMs)
{
    if (lastCustomerMessageMs <= 0)
        return State::Closed;
    const qint64 age = nowMs - lastCustomerMessageMs;
    if (age < kStandardMs - kClosingSoonMs)
        return State::Open;
    if (age < kStandardMs)
        return State::ClosingSoon;
    if (age < kHumanAgentMs)
        return State::HumanAgent;
    return State::Closed;
}

qint64 MessagingWindow::timeLeftMs(qint64 lastCustomerMessageMs, qint64 nowMs)
{
    if (lastCustomerMessageMs <= 0)
        return 0;
    const qint64 age = nowMs - lastCustomerMessageMs;
    if (age < kStandardMs)
        return kStandardMs - age;
    if (age < kHumanAgentMs)
        return kHumanAgentMs - age;
    return 0;
}

qint64 MessagingWindow::deadlineMs(qint64 lastCustomerMessageMs, qint64 nowMs)
{
    const qint64 left = timeLeftMs(lastCustomerMessageMs, nowMs);
    return left > 0 ? nowMs + left : 0;
}

} // namespace inlet
