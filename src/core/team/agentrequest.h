#pragma once

#include "common/result.h"
#include "team/replicafollower.h"
#include "team/teamsql.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QUuid>

#include <functional>

// What the desktop's requests to the team server share (the sign-in hand-off, an account's
// disconnection; docs/team.md): a short connection of its own as the agent, on a pool thread,
// and waiting for the server to finish a row (NOTIFY on the row's channel, and a poll).
namespace inlet::team {

// Runs `work` with a fresh connection as the agent on this (pool) thread, then removes it. A
// failure to connect is a Network error.
template <typename T, typename F>
Result<T> withAgentConnection(const TeamConnection &connection, F &&work)
{
    const QString name
        = QStringLiteral("inlet-request-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    Result<T> result = [&]() -> Result<T> {
        QSqlDatabase db = connection.addDatabase(name, 5);
        if (!db.open()) {
            Error e = sql::toError(
                db.lastError(), QStringLiteral("connecting to %1").arg(connection.display()));
            e.kind = Error::Kind::Network;
            return std::unexpected(e);
        }
        Result<T> done = work(db);
        db.close();
        return done;
    }();
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Calls `check` (which reads the row again and says whether waiting is over: the row finished,
// or reading it failed) on each NOTIFY of `channel` the connection listens on and on a poll
// (every 3 s when listening, else 250 ms), until it says so or `deadline` expired. Runs an event
// loop on this (pool) thread.
void awaitRow(const QSqlDatabase &db, const QString &channel, bool listening,
    const QDeadlineTimer &deadline, const std::function<bool()> &check);

} // namespace inlet::team
