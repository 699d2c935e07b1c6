#pragma once

#include <QtGlobal>

namespace inlet {

// Instagram's messaging window (API doc §3.5): standard replies within 24 h of the customer's last
// message, human-agent (HUMAN_AGENT tag) replies up to 7 days, nothing after.
struct MessagingWindow {
    enum class State {
        Open,         // more than 2 h left of the 24 h
        ClosingSoon,  // less than 2 h left of the 24 h
        HumanAgent,   // between 24 h and 7 days: only with the HUMAN_AGENT tag
        Closed,       // past 7 days, or the customer never wrote
    };

    static constexpr qint64 kStandardMs = 24LL * 3600 * 1000;
    static constexpr qint64 kHumanAgentMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 kClosingSoonMs = 2LL * 3600 * 1000;

    static State state(qint64 lastCustomerMessageMs, qint64 nowMs);
    // Milliseconds until the current state ends (24 h mark, or 7 d mark); 0 when closed.
    static qint64 timeLeftMs(qint64 lastCustomerMessageMs, qint64 nowMs);
    // When the window in force now closes (the 24 h mark, else the 7 d mark); 0 when closed. The
    // Reply window view's order.
    static qint64 deadlineMs(qint64 lastCustomerMessageMs, qint64 nowMs);
};

} // namespace inlet
