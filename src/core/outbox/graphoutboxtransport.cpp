#include "outbox/graphoutboxtransport.h"

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
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    auto run = [this, promise, accountId, call](const QString &token) {
        onDone(call(AccessToken{token, accountId}), this, [this, promise, accountId](const Result<QJsonObject> &r) {
            if (!r && isAuthInvalid(r.error())) {
                m_tokens.remove(accountId); // maybe refreshed meanwhile: read it again next time
            }
            promise->addResult(r);
            promise->finish();
        });
    };
    if (const auto it = m_tokens.constFind(accountId); it != m_tokens.cend()) {
        run(*it);
    } else {
        onDone(m_tokenFor(accountId), this, [this, promise, accountId, run](const Result<QString> &token) {
            if (!token) {
                promise->addResult(std::unexpected(token.error()));
                promise->finish();
                return;
            }
            m_tokens.insert(accountId, *token);
            run(*token);
        });
    }
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
    return withToken(accountId, [this, mid](const AccessToken &auth) {
        return m_client->message(auth, mid, QStringLiteral("id,created_time,from,to,message,attachments"));
    });
}

qint64 GraphOutboxTransport::suggestedDelayMs(const QString &accountId) const
{
    const qint64 delay = m_client->rateLimiter().suggestedDelay(accountId).count();
    return m_maxDelayMs < 0 ? delay : std::min(delay, m_maxDelayMs);
}

} // namespace inlet
