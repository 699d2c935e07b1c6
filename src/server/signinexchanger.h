#pragma once

#include "common/result.h"
#include "server/requestwaker.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QSet>

namespace inlet {
class GraphClient;
struct SignInResult;
} // namespace inlet

namespace inlet::server {

// The server's side of the sign-in hand-off (docs/team.md, "Connecting an account"): an admin's
// desktop writes the authorization code it caught into inlet.signin_handoffs; this claims pending
// rows (FOR UPDATE SKIP LOCKED, clearing the code in the same statement, so that two servers
// exchange a code once), exchanges the code with the Instagram App Secret through the core's
// OAuthFlow (short-lived, then long-lived token, then /me), stores the account and its token
// (storeAccount, as `account add` does), grants the account to the admin who connected it,
// subscribes it to webhooks and marks the row done; or failed with the core's error. A code older
// than Instagram keeps it (1 hour) fails without a call. Woken by NOTIFY inlet_signin, and polls.
class SignInExchanger : public QObject {
    Q_OBJECT
public:
    SignInExchanger(ServerConfig config, GraphClient *graph, QObject *parent = nullptr);
    ~SignInExchanger() override;

    Status start();
    void claimSoon();

    // How long an exchange may stay "exchanging" before another server calls it interrupted.
    static constexpr int AbandonedAfterS = 600;

signals:
    void finished(qint64 id, bool ok);

private:
    struct Claimed {
        qint64 id = 0;
        QString code;
        QString agentRole;
        bool expired = false;
    };

    void claim();
    void exchange(const Claimed &row);
    void stored(const Claimed &row, const SignInResult &result);
    void finishDone(qint64 id, const QString &igUserId, const QString &username, bool subscribed);
    void finishFailed(qint64 id, const Error &error);

    ServerConfig m_config;
    GraphClient *m_graph;
    RequestWaker m_wake;
    QSet<qint64> m_inFlight;
};

} // namespace inlet::server
