#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QFuture>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <optional>

// The sign-in hand-off (docs/team.md, "Connecting an account"): an admin's desktop catches the
// authorization code of Instagram's login and writes it into inlet.signin_handoffs; a server
// exchanges it with the App Secret only it holds and writes the result into the same row. Both
// sides use what is here: the server's public OAuth settings, the row's result, and the desktop's
// client (insert, then wait for the result).
namespace inlet::team::signin {

// The server's public OAuth settings (inlet.oauth_settings; not secret): what the desktop needs
// to open Instagram's authorize URL with the server's registered redirect URI.
struct OAuthSettings {
    QString appId; // the Instagram App ID
    QString redirectUri; // registered with Instagram, used by the login and by the exchange
    QString authorizeBase; // empty: https://www.instagram.com; else its stand-in (the sandbox)
};

// The hand-off's own failures, in Error::code (from 1101, clear of QNetworkReply's error numbers
// that Network errors carry); Error::reason stays None. handoffFailure() tells them apart.
enum class HandoffFailure {
    NotConfigured = 1101, // Invalid: the server has no Instagram app set (inlet-server oauth set)
    NotAdmin, // Invalid: the agent may not connect accounts
    TimedOut, // Network: no team server finished the hand-off in time (none running?)
    Interrupted, // Network: the server stopped during the exchange
    CodeExpired, // Auth: the code waited longer than Instagram keeps it (1 hour): not sent
    NoAppSecret, // Invalid: the server has no Instagram App Secret
};
Error handoffError(HandoffFailure why, const QString &logMessage);
// The hand-off's own failure in `error`, if it is one.
std::optional<HandoffFailure> handoffFailure(const Error &error);

// Reads inlet.oauth_settings. HandoffFailure::NotConfigured when the server has set none
// (`inlet-server oauth set`).
Result<OAuthSettings> readOAuthSettings(const QSqlDatabase &db);
Status writeOAuthSettings(const QSqlDatabase &db, const OAuthSettings &settings);

// Whether the connected role is an admin agent (may connect accounts).
Result<bool> isAdmin(const QSqlDatabase &db);

// A hand-off row once finished.
struct Handoff {
    qint64 id = 0;
    QString state; // pending, exchanging, done, failed
    QString igUserId; // done: the connected account
    QString username;
    bool subscribed = false; // done: its webhook subscription is on
    // failed: why (kind, the core's reason, Instagram's error code or a HandoffFailure,
    // Instagram's or the core's words).
    Error error;

    bool finished() const
    {
        return state == QLatin1String("done") || state == QLatin1String("failed");
    }
};

// Error::Kind as stored in error_kind ("network", "graph", "auth", ...), and back.
QString kindName(Error::Kind kind);
Error::Kind kindFromName(const QString &name);

// The row `id` as the connected role may read it; an invalid id (0) when there is none.
Result<Handoff> readHandoff(const QSqlDatabase &db, qint64 id);

// isAdmin() as the agent, on a thread of Qt's pool (whether the app offers to connect accounts).
QFuture<Result<bool>> adminCheck(const TeamConnection &connection);

// What the desktop needs to open the login: the settings, after checking that the agent is an
// admin. On a thread of Qt's pool.
QFuture<Result<OAuthSettings>> loginSettings(const TeamConnection &connection);

// The desktop's hand-off: connects as the agent, inserts the code, waits (NOTIFY inlet_signin,
// and a poll) until a server finished the row or `timeout` passed, and returns the finished row
// (a failed one is an error: its Error). On a thread of Qt's pool, never the caller's.
QFuture<Result<Handoff>> handOff(const TeamConnection &connection, const QString &code,
    std::chrono::milliseconds timeout = std::chrono::minutes(2));

} // namespace inlet::team::signin
