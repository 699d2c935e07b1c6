#include "sandbox/sandboxclock.h"

#include <QDateTime>

namespace inlet::sandbox {

qint64 SandboxClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

void SandboxClock::advanceSeconds(qint64 seconds)
{
    if (seconds > 0)
        m_offsetMs += seconds * 1000;
}

} // namespace inlet::sandbox
