#include "sync/graphsyncsource.h"

#include <algorithm>

namespace inlet {

GraphSyncSource::GraphSyncSource(GraphClient *client, QString accountId, TokenProvider token)
    : m_client(client)
    , m_accountId(std::move(accountId))
    , m_token(std::move(token))
{
}

GraphSyncSource::GraphSyncSource(GraphClient *client, AccessToken auth)
    : GraphSyncSource(client, auth.accountId,
        [token = auth.token] { return QtFuture::makeReadyFuture(Result<QString>(token)); })
{
}

QFuture<Result<QJsonObject>> GraphSyncSource::withToken(Call call) const
{
    // Only values are captured: the answer may come after this source is gone.
    return m_token()
        .then(QtFuture::Launch::Sync,
            [client = m_client, accountId = m_accountId, call = std::move(call)](
                const Result<QString> &token) {
                if (!token)
                    return QtFuture::makeReadyFuture(
                        Result<QJsonObject>(std::unexpected(token.error())));
                return call(client, AccessToken { *token, accountId });
            })
        .unwrap();
}

QFuture<Result<QJsonObject>> GraphSyncSource::conversations(const QString &after, int limit)
{
    return withToken([after, limit](GraphClient *c, const AccessToken &auth) {
        return c->conversations(auth, after, limit);
    });
}

QFuture<Result<QJsonObject>> GraphSyncSource::conversationMessages(const QString &conversationId,
                                                                   const QString &after)
{
    return withToken([conversationId, after](GraphClient *c, const AccessToken &auth) {
        return c->conversationMessages(auth, conversationId, after);
    });
}

QFuture<Result<QJsonObject>> GraphSyncSource::message(const QString &mid)
{
    return withToken(
        [mid](GraphClient *c, const AccessToken &auth) { return c->message(auth, mid); });
}

QFuture<Result<QJsonObject>> GraphSyncSource::userProfile(const QString &igsid)
{
    return withToken(
        [igsid](GraphClient *c, const AccessToken &auth) { return c->userProfile(auth, igsid); });
}

qint64 GraphSyncSource::suggestedDelayMs() const
{
    const qint64 delay = m_client->rateLimiter().suggestedDelay(m_accountId).count();
    return m_maxDelayMs < 0 ? delay : std::min(delay, m_maxDelayMs);
}

} // namespace inlet
