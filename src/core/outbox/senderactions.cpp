#include "outbox/senderactions.h"

#include <QJsonObject>

#include "common/logging.h"
#include "common/ondone.h"
#include "outbox/outboxports.h"

namespace inlet {

SenderActions::SenderActions(OutboxTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    m_clock.start();
}

bool SenderActions::typingOn(const QString &accountId, const QString &customerId)
{
    return fire(accountId, customerId, QStringLiteral("typing_on"));
}

bool SenderActions::typingOff(const QString &accountId, const QString &customerId)
{
    // After typing_off the next keystroke may announce typing again right away.
    m_last.remove(accountId + QLatin1Char('/') + customerId + QStringLiteral("/typing_on"));
    return fire(accountId, customerId, QStringLiteral("typing_off"));
}

bool SenderActions::markSeen(const QString &accountId, const QString &customerId)
{
    return fire(accountId, customerId, QStringLiteral("mark_seen"));
}

bool SenderActions::fire(const QString &accountId, const QString &customerId, const QString &action)
{
    const QString key = accountId + QLatin1Char('/') + customerId + QLatin1Char('/') + action;
    const qint64 now = m_clock.elapsed();
    if (const auto it = m_last.constFind(key); it != m_last.cend() && now - *it < m_minIntervalMs) {
        return false;
    }
    m_last.insert(key, now);
    const QJsonObject body{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), customerId}}},
                           {QStringLiteral("sender_action"), action}};
    onDone(m_transport->send(accountId, body), this, [this, customerId, action](const Result<QJsonObject> &r) {
        if (!r) {
            qCDebug(lcOutbox) << action << "not sent:" << r.error().message;
        }
        emit actionDone(customerId, action, bool(r));
    });
    return true;
}

} // namespace inlet
