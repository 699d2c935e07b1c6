#include "team/teamprobe.h"

#include "team/teamsql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace inlet::team {

namespace {

Error failure(ProbeFailure why, Error::Kind kind, const QString &message)
{
    return Error::make(kind, message, int(why));
}

// libpq's connection errors carry no SQLSTATE through QPSQL: told apart by their text.
Error connectionFailure(const QSqlError &error)
{
    const QString text = error.text();
    const QString lower = text.toLower();
    ProbeFailure why = ProbeFailure::Unreachable;
    if (lower.contains(QLatin1String("password")) || lower.contains(QLatin1String("authentication"))
        || lower.contains(QLatin1String("role \"")))
        why = ProbeFailure::BadPassword;
    else if (lower.contains(QLatin1String("ssl")) || lower.contains(QLatin1String("certificate")))
        why = ProbeFailure::Tls;
    else if (lower.contains(QLatin1String("database \""))
        || lower.contains(QLatin1String("permission denied for database")))
        why = ProbeFailure::NoDatabase;
    return failure(why, Error::Kind::Network, text);
}

Result<ProbeResult> probeNow(const TeamConnection &connection, int connectTimeoutS)
{
    const QString name
        = QStringLiteral("inlet-team-probe-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    Result<ProbeResult> result = [&]() -> Result<ProbeResult> {
        QSqlDatabase db = connection.addDatabase(name, connectTimeoutS);
        if (!db.open())
            return std::unexpected(connectionFailure(db.lastError()));
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT current_user, pg_has_role(current_user, 'inlet_agent', "
                                   "'MEMBER'), to_regclass('inlet.agent_accounts') IS NOT NULL"))
            || !q.next())
            return std::unexpected(
                failure(ProbeFailure::NotTeamDatabase, Error::Kind::Network, q.lastError().text()));
        ProbeResult found;
        found.role = q.value(0).toString();
        if (!q.value(2).toBool())
            return std::unexpected(failure(ProbeFailure::NotTeamDatabase, Error::Kind::Network,
                QStringLiteral("no inlet schema in %1").arg(connection.database)));
        if (!q.value(1).toBool())
            return std::unexpected(failure(ProbeFailure::NotAgent, Error::Kind::Invalid,
                QStringLiteral("%1 is not a member of inlet_agent").arg(found.role)));
        if (!q.exec(QStringLiteral("SELECT count(*) FROM inlet.agent_accounts "
                                   "WHERE agent_role = current_user"))
            || !q.next())
            return std::unexpected(
                failure(ProbeFailure::NotTeamDatabase, Error::Kind::Network, q.lastError().text()));
        found.accounts = q.value(0).toInt();
        return found;
    }();
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

QFuture<Result<ProbeResult>> probe(const TeamConnection &connection, int connectTimeoutS)
{
    return QtConcurrent::run(
        [connection, connectTimeoutS] { return probeNow(connection, connectTimeoutS); });
}

} // namespace inlet::team
