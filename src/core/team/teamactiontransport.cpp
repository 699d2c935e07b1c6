#include "team/teamactiontransport.h"

#include "team/replicafollower.h"

#include <QUuid>

namespace inlet::team {

namespace {

QFuture<Result<QJsonObject>> refused(const QString &why)
{
    return QtFuture::makeReadyFuture(Result<QJsonObject>(fail(Error::Kind::Invalid, why)));
}

} // namespace

TeamActionTransport::TeamActionTransport(ReplicaFollower *follower)
    : m_follower(follower)
{
}

Result<TeamActionTransport::Row> TeamActionTransport::rowFor(const QJsonObject &sendApiBody)
{
    const QString action = sendApiBody.value(QStringLiteral("sender_action")).toString();
    if (action == QLatin1String("react") || action == QLatin1String("unreact")) {
        const QJsonObject payload = sendApiBody.value(QStringLiteral("payload")).toObject();
        QJsonObject body { { QStringLiteral("action"), action },
            { QStringLiteral("mid"), payload.value(QStringLiteral("message_id")).toString() } };
        if (action == QLatin1String("react"))
            body.insert(QStringLiteral("reaction"), payload.value(QStringLiteral("reaction")));
        return Row { QStringLiteral("reaction"), body };
    }
    if (action == QLatin1String("mark_seen"))
        return Row { QStringLiteral("mark_seen"), QJsonObject {} };
    return fail(Error::Kind::Invalid,
        QStringLiteral("the team server does not relay '%1'")
            .arg(action.isEmpty() ? QStringLiteral("messages") : action));
}

QFuture<Result<QJsonObject>> TeamActionTransport::send(
    const QString &accountId, const QJsonObject &body)
{
    auto row = rowFor(body);
    if (!row)
        return refused(row.error().message);
    const QString customerId
        = body.value(QStringLiteral("recipient")).toObject().value(QStringLiteral("id")).toString();
    return m_follower
        ->enqueueReply(QUuid::createUuid().toString(QUuid::WithoutBraces), accountId, customerId,
            row->kind, row->body)
        .then([](const Status &done) -> Result<QJsonObject> {
            if (!done)
                return std::unexpected(done.error());
            return QJsonObject {};
        });
}

QFuture<Result<QJsonObject>> TeamActionTransport::findConversation(const QString &, const QString &)
{
    return refused(QStringLiteral("Instagram is read by the team server in team mode"));
}

QFuture<Result<QJsonObject>> TeamActionTransport::conversationMessages(
    const QString &, const QString &)
{
    return refused(QStringLiteral("Instagram is read by the team server in team mode"));
}

QFuture<Result<QJsonObject>> TeamActionTransport::message(const QString &, const QString &)
{
    return refused(QStringLiteral("Instagram is read by the team server in team mode"));
}

} // namespace inlet::team
