#include "team/teamactiontransport.h"

#include "outbox/sendfailure.h"
#include "outbox/sendpolicy.h"
#include "team/replicafollower.h"

#include <QHash>
#include <QPromise>
#include <QUuid>

namespace inlet::team {

namespace {

QFuture<Result<QJsonObject>> refused(const QString &why)
{
    return QtFuture::makeReadyFuture(Result<QJsonObject>(fail(Error::Kind::Invalid, why)));
}

} // namespace

// Reaction rows enqueued and not finished by the server yet, by client id.
struct TeamActionTransport::Waiting {
    QHash<QString, std::shared_ptr<QPromise<Result<QJsonObject>>>> rows;

    void finish(const QString &clientId, const Result<QJsonObject> &result)
    {
        const auto promise = rows.take(clientId);
        if (!promise)
            return; // not ours, or finished before (a batch read twice)
        promise->addResult(result);
        promise->finish();
    }
};

TeamActionTransport::TeamActionTransport(ReplicaFollower *follower)
    : m_follower(follower)
    , m_waiting(std::make_shared<Waiting>())
{
    m_finished = QObject::connect(follower, &ReplicaFollower::actionFinished, follower,
        [waiting = m_waiting](const QString &clientId, bool sent, const QString &errorText) {
            if (sent)
                waiting->finish(clientId, QJsonObject {});
            else
                waiting->finish(clientId, std::unexpected(failureOf(errorText)));
        });
}

TeamActionTransport::~TeamActionTransport()
{
    QObject::disconnect(m_finished);
    for (const QString &clientId : m_waiting->rows.keys()) {
        m_waiting->finish(clientId,
            fail(
                Error::Kind::Network, QStringLiteral("team mode ended before the server sent it")));
    }
}

Error TeamActionTransport::failureOf(const QString &errorText)
{
    Error error = errorText.isEmpty()
        ? Error::make(Error::Kind::Invalid, QStringLiteral("the team server could not send it"))
        : SendFailure::decode(errorText).error;
    // The server fails a row only when it gave up: never retried here.
    if (sendpolicy::classify(error) != sendpolicy::Outcome::Final)
        error.kind = Error::Kind::Invalid;
    return error;
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
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QFuture<Status> enqueued
        = m_follower->enqueueReply(clientId, accountId, customerId, row->kind, row->body);
    if (row->kind != QLatin1String("reaction")) {
        return enqueued.then([](const Status &done) -> Result<QJsonObject> {
            if (!done)
                return std::unexpected(done.error());
            return QJsonObject {};
        });
    }
    // Waiting before the row exists: its result cannot come before this.
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    m_waiting->rows.insert(clientId, promise);
    QFuture<Result<QJsonObject>> result = promise->future();
    enqueued.then(m_follower, [waiting = m_waiting, clientId](const Status &done) {
        if (!done)
            waiting->finish(clientId, std::unexpected(done.error()));
    });
    return result;
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
