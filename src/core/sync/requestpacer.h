#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace inlet {

// Spaces one account's Graph calls: at most one every `minIntervalMs` (the Conversations API
// allows 2 calls/s per account, so 500 ms by default), and none at all while a back-off from a
// rate-limit error or high usage is running. Sync and profile fetches of an account share one.
class RequestPacer : public QObject
{
    Q_OBJECT
public:
    explicit RequestPacer(int minIntervalMs = 500, QObject *parent = nullptr);

    void setMinIntervalMs(int ms);
    int minIntervalMs() const { return m_minIntervalMs; }

    // Runs `call` on this object's thread when its turn comes; dropped if `context` died by then.
    void enqueue(QObject *context, std::function<void()> call);
    // Nothing runs for the next `ms` (the longest of overlapping back-offs wins).
    void holdFor(qint64 ms);
    // Drops the calls queued for `context` (cancel).
    void dropFor(const QObject *context);

    int queued() const { return int(m_queue.size()); }

private:
    struct Item {
        QPointer<QObject> context;
        const QObject *key = nullptr;
        std::function<void()> call;
    };
    void schedule();
    void runNext();

    int m_minIntervalMs;
    QElapsedTimer m_clock;
    qint64 m_nextAllowedMs = 0;
    std::deque<Item> m_queue;
    QTimer m_timer;
};

} // namespace inlet
