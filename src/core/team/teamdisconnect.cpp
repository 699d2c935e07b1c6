#include "team/teamdisconnect.h"

#include "team/agentrequest.h"
#include "team/teamsignin.h"
#include "team/teamsql.h"

#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace inlet::team::disconnect {

namespace {

const QString Channel = QStringLiteral("inlet_disconnect");

Result<Request> insertAndWait(
    const QSqlDatabase &db, const QString &igUserId, std::chrono::milliseconds timeout)
{
    auto admin = signin::isAdmin(db);
    if (!admin)
        return std::unexpected(admin.error());
    if (!*admin)
        return std::unexpected(failureError(Failure::NotAdmin,
            QStringLiteral("this agent may not disconnect Instagram accounts (not an admin)")));
    // Row-level security shows the agent its granted accounts only.
    auto connected = sql::scalar(db,
        QStringLiteral("SELECT count(*) FROM inlet.accounts WHERE ig_user_id = ? AND NOT removed"),
        { igUserId });
    if (!connected)
        return std::unexpected(connected.error());
    if (connected->toInt() == 0)
        return std::unexpected(failureError(Failure::NotConnected,
            QStringLiteral("account %1 is not connected for this agent").arg(igUserId)));
    // Listen first: a server may finish the row before the insert's answer is read.
    QSqlDriver *driver = db.driver();
    const bool listening = driver->subscribeToNotification(Channel);
    auto inserted = sql::scalar(db,
        QStringLiteral(
            "INSERT INTO inlet.account_disconnects (account_ig_user_id) VALUES (?) RETURNING id"),
        { igUserId });
    if (!inserted) {
        if (listening)
            driver->unsubscribeFromNotification(Channel);
        return std::unexpected(inserted.error());
    }
    const qint64 id = inserted->toLongLong();
    qCInfo(lcTeam) << "disconnecting account" << igUserId << "through the team server, row" << id;

    QDeadlineTimer deadline(timeout);
    Result<Request> row = readRequest(db, id);
    if (row && !row->finished()) {
        awaitRow(db, Channel, listening, deadline, [&] {
            row = readRequest(db, id);
            return !row || row->finished();
        });
        if (row && !row->finished())
            row = readRequest(db, id);
    }
    if (listening)
        driver->unsubscribeFromNotification(Channel);
    if (!row)
        return row;
    if (!row->finished())
        return std::unexpected(failureError(Failure::TimedOut,
            QStringLiteral("no team server finished the disconnection %1 in time").arg(id)));
    if (row->state == QLatin1String("failed"))
        return std::unexpected(row->error);
    return row;
}

} // namespace

Error failureError(Failure why, const QString &logMessage)
{
    Error::Kind kind = Error::Kind::Invalid;
    if (why == Failure::TimedOut)
        kind = Error::Kind::Network;
    else if (why == Failure::NoToken)
        kind = Error::Kind::Auth;
    return Error::make(kind, logMessage, int(why));
}

std::optional<Failure> failure(const Error &error)
{
    if (error.reason != Error::Reason::None || error.kind == Error::Kind::Graph
        || error.kind == Error::Kind::Http || error.code < int(Failure::NotAdmin)
        || error.code > int(Failure::TimedOut))
        return std::nullopt;
    if (failureError(Failure(error.code), {}).kind != error.kind)
        return std::nullopt;
    return Failure(error.code);
}

Result<Request> readRequest(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    if (auto ok = sql::exec(q,
            QStringLiteral("SELECT id, state, account_ig_user_id, unsubscribed, error_kind, "
                           "error_reason, error_code, error_message "
                           "FROM inlet.account_disconnects WHERE id = ?"),
            { id });
        !ok)
        return std::unexpected(ok.error());
    Request r;
    if (!q.next())
        return r;
    r.id = q.value(0).toLongLong();
    r.state = q.value(1).toString();
    r.igUserId = q.value(2).toString();
    r.unsubscribed = q.value(3).toBool();
    if (!q.value(4).toString().isEmpty()) {
        r.error = Error::make(
            signin::kindFromName(q.value(4).toString()), q.value(7).toString(), q.value(6).toInt());
        const int reason = q.value(5).toInt();
        if (reason > 0 && reason <= int(Error::lastReason))
            r.error.reason = Error::Reason(reason);
    }
    return r;
}

QFuture<Result<Request>> request(
    const TeamConnection &connection, const QString &igUserId, std::chrono::milliseconds timeout)
{
    return QtConcurrent::run([connection, igUserId, timeout] {
        return withAgentConnection<Request>(connection,
            [&](const QSqlDatabase &db) { return insertAndWait(db, igUserId, timeout); });
    });
}

} // namespace inlet::team::disconnect
