#pragma once

#include "graph/graphclient.h"
#include "sync/syncports.h"

namespace inlet {

// SyncSource over the real GraphClient for one account and its token.
class GraphSyncSource : public SyncSource
{
public:
    GraphSyncSource(GraphClient *client, AccessToken auth);

    void setToken(const QString &token) { m_auth.token = token; }
    // Caps the client's suggested wait (its RateLimiter asks for a minute after a rate-limit
    // error); tests against the sandbox use a small cap. Negative = no cap.
    void setMaxSuggestedDelayMs(qint64 ms) { m_maxDelayMs = ms; }

    QFuture<Result<QJsonObject>> conversations(const QString &after, int limit) override;
    QFuture<Result<QJsonObject>> conversationMessages(const QString &conversationId,
                                                      const QString &after) override;
    QFuture<Result<QJsonObject>> message(const QString &mid) override;
    QFuture<Result<QJsonObject>> userProfile(const QString &igsid) override;
    qint64 suggestedDelayMs() const override;

private:
    GraphClient *m_client;
    AccessToken m_auth;
    qint64 m_maxDelayMs = -1;
};

} // namespace inlet
