#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QFuture>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <optional>

// Disconnecting an Instagram account from an admin's desktop (docs/team.md, "Disconnecting an
// account"): the desktop writes the account's Instagram user id into inlet.account_disconnects;
// a server unsubscribes the account from webhooks with its token, deletes the token, marks the
// account removed (every replica then drops its rows) and writes the result into the same row.
// Both sides use what is here: the row's result, its failures, and the desktop's client.
namespace inlet::team::disconnect {

// The request's own failures, in Error::code (from 1121, clear of the sign-in hand-off's 1101...
// and of QNetworkReply's error numbers); Error::reason stays None. failure() tells them apart.
enum class Failure {
    NotAdmin = 1121, // Invalid: the agent may not disconnect accounts
    NotConnected, // Invalid: the account is not connected for this agent (unknown, not granted,
                  // or removed already)
    NoToken, // Auth: the server had no token to unsubscribe the account with (in a done row)
    TimedOut, // Network: no team server finished the request in time (none running?)
};
Error failureError(Failure why, const QString &logMessage);
// The request's own failure in `error`, if it is one.
std::optional<Failure> failure(const Error &error);

// A request row as the connected role may read it.
struct Request {
    qint64 id = 0;
    QString state; // pending, working, done, failed
    QString igUserId;
    // done: whether Instagram was told to stop the account's webhooks (DELETE
    // /me/subscribed_apps). false: `error` says why; the account is disconnected all the same.
    bool unsubscribed = false;
    // failed: why; done without unsubscribing: why the unsubscription failed.
    Error error;

    bool finished() const
    {
        return state == QLatin1String("done") || state == QLatin1String("failed");
    }
};

// The row `id` as the connected role may read it; an invalid id (0) when there is none.
Result<Request> readRequest(const QSqlDatabase &db, qint64 id);

// The desktop's request: connects as the agent, checks that it is an admin and that the account
// is connected for it, inserts the row, waits (NOTIFY inlet_disconnect, and a poll) until a
// server finished it or `timeout` passed, and returns the finished row (a failed one is an error:
// its Error). On a thread of Qt's pool, never the caller's.
QFuture<Result<Request>> request(const TeamConnection &connection, const QString &igUserId,
    std::chrono::milliseconds timeout = std::chrono::minutes(1));

} // namespace inlet::team::disconnect
