#pragma once

#include <QElapsedTimer>
#include <QMutex>

#include <utility>

namespace inlet {

// Keeps a warning that strangers can trigger (refused connections, bad signatures) from writing
// our log at their rate: the first occurrence in an interval is logged, the rest are counted and
// reported with the next line that is logged ("... and 1234 more in the last 60 s").
// Thread-safe.
class LogThrottle {
public:
    explicit LogThrottle(qint64 intervalMs = 60'000)
        : m_intervalMs(intervalMs)
    {
    }

    // True when this occurrence should be logged; `*suppressed` then holds how many were not
    // logged since the previous line. False: counted, do not log.
    bool admit(qint64 *suppressed)
    {
        QMutexLocker lock(&m_mutex);
        if (m_window.isValid() && !m_window.hasExpired(m_intervalMs)) {
            ++m_suppressed;
            return false;
        }
        m_window.start();
        *suppressed = m_suppressed;
        m_suppressed = 0;
        return true;
    }

    void setIntervalMs(qint64 ms)
    {
        QMutexLocker lock(&m_mutex);
        m_intervalMs = ms;
    }

    // Occurrences counted but not yet reported (for a last line when the owner goes away).
    qint64 takeSuppressed()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_suppressed, 0);
    }

    double intervalSeconds()
    {
        QMutexLocker lock(&m_mutex);
        return double(m_intervalMs) / 1000.0;
    }

private:
    QMutex m_mutex;
    QElapsedTimer m_window;
    qint64 m_intervalMs;
    qint64 m_suppressed = 0;
};

} // namespace inlet
