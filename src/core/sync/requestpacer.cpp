#include "sync/requestpacer.h"


#include <algorithm>

namespace inlet {

RequestPacer::RequestPacer(int minIntervalMs, QObject *parent)
    : QObject(parent)
    , m_minIntervalMs(std::max(0, minIntervalMs))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestPacer::runNext);
}

void RequestPacer::setMinIntervalMs(int ms)
{
    m_minIntervalMs = std::max(0, ms);
}

void RequestPacer::enqueue(QObject *context, std::function<void()> call)
{
    m_queue.push_back({QPointer<QObject>(context), context, std::move(call)});
    schedule();
}

void RequestPacer::holdFor(qint64 ms)
{
    m_nextAllowedMs = std::max(m_nextAllowedMs, m_clock.elapsed() + std::max<qint64>(0, ms));
    if (m_timer.isActive()) {
        m_timer.stop();
    }
    schedule();
}

void RequestPacer::dropFor(const QObject *context)
{
    std::erase_if(m_queue, [context](const Item &i) { return i.key == context; });
}

void RequestPacer::schedule()
{
    if (m_queue.empty() || m_timer.isActive()) {
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_nextAllowedMs - m_clock.elapsed());
    m_timer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
}

void RequestPacer::runNext()
{
    if (m_clock.elapsed() < m_nextAllowedMs) {
        schedule();
        return;
    }
    while (!m_queue.empty()) {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        if (!item.context) {
            continue;
        }
        m_nextAllowedMs = m_clock.elapsed() + m_minIntervalMs;
        item.call();
        break;
    }
    schedule();
}

} // namespace inlet
