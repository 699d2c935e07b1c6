#include "server/sessionreaper.h"

#include "team/teamsql.h"

#include <QDateTime>
#include <QSqlQuery>

namespace inlet::server {

SessionReaper::SessionReaper(DatabaseConfig db, SessionLimits limits, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_limits(limits)
    , m_connectionName(QStringLiteral("inlet-reaper-%1").arg(quintptr(this), 0, 16))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto n = reap(); !n)
            qCWarning(lcTeam) << "session check failed:" << n.error().message;
    });
}

SessionReaper::~SessionReaper()
{
    dropConnection(m_connectionName);
}

void SessionReaper::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

Result<int> SessionReaper::reap()
{
    auto db = connection(m_db, m_connectionName);
    if (!db)
        return std::unexpected(db.error());
    // Without pg_read_all_stats, other roles' sessions show no state: nothing could be seen.
    auto sees = team::sql::scalar(
        *db, QStringLiteral("SELECT pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER')"));
    if (!sees)
        return std::unexpected(sees.error());
    if (!sees->toBool()) {
        if (!m_warnedBlind)
            qCWarning(lcTeam) << "agents' sessions are not checked: inlet_server is not a member "
                                 "of pg_read_all_stats (run inlet-server bootstrap again)";
        m_warnedBlind = true;
        return 0;
    }
    // Only members of inlet_agent, only in this database; never a superuser's session.
    QSqlQuery q(*db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral(
                "SELECT a.pid, a.usename::text, a.state, "
                "  extract(epoch FROM now() - CASE WHEN a.state = 'active' THEN a.query_start "
                "    ELSE a.state_change END)::bigint, "
                "  pg_terminate_backend(a.pid), a.pid || '@' || a.backend_start "
                "FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid "
                "WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() "
                "  AND NOT (a.pid || '@' || a.backend_start) "
                "    = ANY (string_to_array(coalesce(?, ''), ',')) "
                "  AND NOT r.rolsuper AND pg_has_role(a.usesysid, 'inlet_agent', 'MEMBER') "
                "  AND ((a.state IN ('idle in transaction', 'idle in transaction (aborted)') "
                "        AND a.state_change < now() - make_interval(secs => ? / 1000.0)) "
                "    OR (a.state = 'active' "
                "        AND a.query_start < now() - make_interval(secs => ? / 1000.0)))"),
            { endingSessions(), m_limits.idleInTransactionMs, m_limits.statementMs });
        !ok)
        return std::unexpected(ok.error());
    int n = 0;
    while (q.next()) {
        if (!q.value(4).toBool())
            continue; // gone meanwhile
        m_ending.insert(q.value(5).toString(), QDateTime::currentMSecsSinceEpoch());
        ++n;
        const QString why
            = QStringLiteral("%1 %2 s").arg(q.value(2).toString()).arg(q.value(3).toLongLong());
        qCWarning(lcTeam).noquote() << "ended the session of agent" << q.value(1).toString()
                                    << "(pid" << q.value(0).toInt() << "):" << why;
        emit ended(q.value(0).toInt(), q.value(1).toString(), why);
    }
    return n;
}

// A terminated backend stays in pg_stat_activity until it has exited, which may take longer than
// one round: the sessions ended in the last minute (pid and start time, so a reused pid is not
// mistaken for one) are neither ended nor reported again.
QString SessionReaper::endingSessions()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_ending.removeIf([now](const auto &entry) { return now - entry.value() > 60'000; });
    return m_ending.keys().join(QLatin1Char(','));
}

} // namespace inlet::server
