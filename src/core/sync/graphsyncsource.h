#pragma once

#include "graph/graphclient.h"
#include "sync/syncports.h"

#include <functional>

namespace inlet {

// SyncSource over the real GraphClient for one account. The token is read for every request
// (TokenProvider; TokenVault in the app, which answers from memory), so a refreshed token is
// used by the very next call.
class GraphSyncSource : public SyncSource {
public:
    using TokenProvider = std::function<QFuture<Result<QString>>()>;

    GraphSyncSource(GraphClient *client, QString accountId, TokenProvider token);
    // A fixed token (tests).
    GraphSyncSource(GraphClient *client, AccessToken auth);

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
    using Call = std::function<QFuture<Result<QJsonObject>>(GraphClient *, const AccessToken &)>;
    QFuture<Result<QJsonObject>> withToken(Call call) const;

    GraphClient *m_client;
    QString m_accountId;
    TokenProvider m_token;
    qint64 m_maxDelayMs = -1;
};

} // namespace inlet
