#pragma once

#include <QtGlobal>

namespace inlet::sandbox {

// Real time plus an offset that tests move forward, so that code and token expiry and the
// messaging windows can be exercised without waiting.
class SandboxClock {
public:
    qint64 nowMs() const;
    qint64 offsetMs() const { return m_offsetMs; }
    void advanceSeconds(qint64 seconds);
    // Restores an offset saved by an earlier run, so the sandbox's time never goes backwards.
    void setOffsetMs(qint64 offsetMs) { m_offsetMs = qMax<qint64>(0, offsetMs); }

private:
    qint64 m_offsetMs = 0;
};

} // namespace inlet::sandbox
