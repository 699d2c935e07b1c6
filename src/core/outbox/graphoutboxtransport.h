#pragma once

#include <QObject>

#include <functional>

#include "graph/graphclient.h"
#include "outbox/outboxports.h"

namespace inlet {

class TokenVault;

// OutboxTransport over GraphClient. The token comes from `tokenFor(accountId)` (TokenVault in the
// app) for every request, so a refreshed token is used at once; nothing is cached here.
class GraphOutboxTransport : public QObject, public OutboxTransport
{
    Q_OBJECT
public:
    using TokenProvider = std::function<QFuture<Result<QString>>(const QString &accountId)>;

    GraphOutboxTransport(GraphClient *client, TokenProvider tokenFor, QObject *parent = nullptr);
    // Tokens from the vault's "account/<IG_ID>" entries.
    GraphOutboxTransport(GraphClient *client, TokenVault *vault, QObject *parent = nullptr);

    // Caps the client's suggested wait (tests against the sandbox). Negative = no cap.
    void setMaxSuggestedDelayMs(qint64 ms) { m_maxDelayMs = ms; }

    QFuture<Result<QJsonObject>> send(const QString &accountId, const QJsonObject &body) override;
    QFuture<Result<QJsonObject>> findConversation(const QString &accountId, const QString &customerId) override;
    QFuture<Result<QJsonObject>> conversationMessages(const QString &accountId,
                                                      const QString &conversationId) override;
    QFuture<Result<QJsonObject>> message(const QString &accountId, const QString &mid) override;
    qint64 suggestedDelayMs(const QString &accountId) const override;

private:
    using Call = std::function<QFuture<Result<QJsonObject>>(const AccessToken &)>;
    QFuture<Result<QJsonObject>> withToken(const QString &accountId, Call call);

    GraphClient *m_client;
    TokenProvider m_tokenFor;
    qint64 m_maxDelayMs = -1;
};

} // namespace inlet
