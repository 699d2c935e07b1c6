#include "sync/graphsyncsource.h"

#include <algorithm>

namespace inlet {

GraphSyncSource::GraphSyncSource(GraphClient *client, AccessToken auth)
    : m_client(client)
    , m_auth(std::move(auth))
{
}

QFuture<Result<QJsonObject>> GraphSyncSource::conversations(const QString &after, int limit)
{
    return m_client->conversations(m_auth, after, limit);
}

QFuture<Result<QJsonObject>> GraphSyncSource::conversationMessages(const QString &conversationId,
                                                                   const QString &after)
{
    return m_client->conversationMessages(m_auth, conversationId, after);
}

QFuture<Result<QJsonObject>> GraphSyncSource::message(const QString &mid)
{
    return m_client->message(m_auth, mid);
}

QFuture<Result<QJsonObject>> GraphSyncSource::userProfile(const QString &igsid)
{
    return m_client->userProfile(m_auth, igsid);
}

qint64 GraphSyncSource::suggestedDelayMs() const
{
    const qint64 delay = m_client->rateLimiter().suggestedDelay(m_auth.accountId).count();
    return m_maxDelayMs < 0 ? delay : std::min(delay, m_maxDelayMs);
}

} // namespace inlet
