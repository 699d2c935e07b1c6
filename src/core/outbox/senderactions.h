#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

namespace inlet {

class OutboxTransport;

// typing_on / typing_off / mark_seen (instagram-api.md §3.3): fire and forget, and at most one
// of each kind per conversation every `minIntervalMs` (the composer calls typingOn on every
// keystroke; Instagram shows the indicator for a while by itself). Failures are only logged:
// a missed indicator is not worth the manager's attention.
class SenderActions : public QObject
{
    Q_OBJECT
public:
    explicit SenderActions(OutboxTransport *transport, QObject *parent = nullptr);

    void setMinIntervalMs(int ms) { m_minIntervalMs = ms; }
    // Where the actions go (team mode: TeamActionTransport); must outlive this or be replaced.
    void setTransport(OutboxTransport *transport) { m_transport = transport; }
    OutboxTransport *transport() const { return m_transport; }

    // Each returns whether a request was actually sent (false: throttled).
    bool typingOn(const QString &accountId, const QString &customerId);
    bool typingOff(const QString &accountId, const QString &customerId);
    bool markSeen(const QString &accountId, const QString &customerId);

signals:
    void actionDone(const QString &customerId, const QString &action, bool ok);

private:
    bool fire(const QString &accountId, const QString &customerId, const QString &action);

    OutboxTransport *m_transport;
    int m_minIntervalMs = 5000;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_last; // "<account>/<customer>/<action>" -> when it was last sent
};

} // namespace inlet
