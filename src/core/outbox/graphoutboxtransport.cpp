#include "outbox/graphoutboxtransport.h"

#include "auth/tokenvault.h"
#include "common/ondone.h"

#include <QPromise>
#include <QUrlQuery>

#include <memory>

#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "graph/grapherror.h"

namespace inlet {

GraphOutboxTransport::GraphOutboxTransport(GraphClient *client, TokenProvider tokenFor, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokenFor(std::move(tokenFor))
{
}

GraphOutboxTransport::GraphOutboxTransport(GraphClient *client, TokenVault *vault, QObject *parent)
    : GraphOutboxTransport(
          client, [vault](const QString &accountId) { return vault->read(TokenVault::accountKey(accountId)); },
          parent)
{
}

QFuture<Result<QJsonObject>> GraphOutboxTransport::withToken(const QString &accountId, Call call)
{
    // The current token, read per request (the vault answers from memory): a refresh is used by
    // the very next call. A call that meets a token refreshed meanwhile is retried by GraphClient.
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    onDone(m_tokenFor(accountId), this,
        [this, promise, accountId, call](const Result<QString> &token) {
            if (!token) {
                promise->addResult(std::unexpected(token.error()));
                promise->finish();
                return;
            }
            onDone(call(AccessToken { *token, accountId }), this,
                [promise](const Result<QJsonObject> &r) {
                    promise->addResult(r);
                    promise->finish();
                });
        });
    return promise->future();
}

QFuture<Result<QJsonObject>> GraphOutboxTransport::send(const QString &accountId, const QJsonObject &body)
{
    return withToken(accountId, [this, body](const AccessToken &auth) { return m_client->sendMessage(auth, body); });
}

QFuture<Result<QJsonObject>> GraphOutboxTransport::findConversation(const QString &accountId,
                                                                    const QString &customerId)
{
    return withToken(accountId, [this, customerId](const AccessToken &auth) {
        QUrl url = m_client->hosts().graphUrl(QStringLiteral("me/conversations"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("platform"), QStringLiteral("instagram"));
        query.addQueryItem(QStringLiteral("user_id"), customerId);
        url.setQuery(query);
        return m_client->get(url, auth);
    });
}

QFuture<Result<QJsonObject>> GraphOutboxTransport::conversationMessages(const QString &accountId,
                                                                        const QString &conversationId)
{
    return withToken(accountId, [this, conversationId](const AccessToken &auth) {
        return m_client->conversationMessages(auth, conversationId);
    });
}

QFuture<Result<QJsonObject>> GraphOutboxTransport::message(const QString &accountId, const QString &mid)
{
    return withToken(
        accountId, [this, mid](const AccessToken &auth) { return m_client->message(auth, mid); });
}

qint64 GraphOutboxTransport::suggestedDelayMs(const QString &accountId) const
{
    const qint64 delay = m_client->rateLimiter().suggestedDelay(accountId).count();
    return m_maxDelayMs < 0 ? delay : std::min(delay, m_maxDelayMs);
}

} // namespace inlet
