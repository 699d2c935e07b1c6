#pragma once

#include "common/result.h"
#include "service/signinsteps.h"
#include "team/teamsignin.h"

#include <QPointer>

#include <chrono>
#include <functional>

namespace inlet {

class GraphClient;
class OAuthFlow;

// Connecting an Instagram account in team mode (docs/team.md, "Connecting an account"): the
// login view opens Instagram's authorize URL with the team server's app id and redirect URI
// (inlet.oauth_settings), this checks the redirect (state single-use, code) as the solo sign-in
// does, and hands the code to the team server through PostgreSQL (team::signin::handOff, on a
// thread of Qt's pool); the server exchanges it with the App Secret, which never reaches the
// desktop. Only admin agents may (checkAdmin()); the account then arrives through the replica.
class TeamSignInFlow : public SignInSteps {
    Q_OBJECT
public:
    // `connection`: the agent's connection with its password (TeamMode::agentConnection).
    using ConnectionSource = std::function<team::TeamConnection()>;
    explicit TeamSignInFlow(ConnectionSource connection, QObject *parent = nullptr);
    ~TeamSignInFlow() override;

    // Whether this agent may connect accounts (on a thread of Qt's pool).
    QFuture<Result<bool>> checkAdmin() const;

    QFuture<Result<SignInRequest>> beginSignIn() override;
    Result<QString> handleRedirect(const QUrl &url) override;
    void completeSignIn(const QString &code) override;
    void abortSignIn(const Error &error) override;

    bool isBusy() const { return m_busy; }
    // How long to wait for the server's result (tests shorten it).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

signals:
    // The code is on its way to the team server.
    void handingOff();
    void connected(const QString &igUserId, const QString &username);
    void failed(const inlet::Error &error);

private:
    void finish(const Result<team::signin::Handoff> &result);

    ConnectionSource m_connection;
    QPointer<GraphClient> m_hosts; // only for the authorize URL's host (no call is made)
    QPointer<OAuthFlow> m_flow;
    std::chrono::milliseconds m_timeout = std::chrono::minutes(2);
    bool m_busy = false;
};

} // namespace inlet
