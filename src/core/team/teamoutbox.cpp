#include "team/teamoutbox.h"

#include "team/teamsql.h"

#include <QSqlQuery>

#include <algorithm>

namespace inlet::team::outbox {

Result<QList<Claimed>> claim(const QSqlDatabase &db, const QString &worker, int limit, qint64 nowMs)
{
    QSqlQuery q(db);
    if (auto ok = sql::exec(q, QStringLiteral(R"(UPDATE inlet.outbox o
            SET state = 'sending', claimed_by = ?, claimed_at = now(), attempts = o.attempts + 1
        WHERE o.id IN (SELECT id FROM inlet.outbox
                       WHERE state = 'queued' AND next_attempt_ms <= ?
                       ORDER BY next_attempt_ms, id LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.account_id, o.conversation_id, o.agent_role, o.kind, o.body::text,
                  o.attempts)"),
            { worker, nowMs, limit });
        !ok)
        return std::unexpected(ok.error());
    QList<Claimed> rows;
    while (q.next()) {
        rows.append({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString().toUtf8(),
            q.value(6).toInt() });
    }
    std::sort(
        rows.begin(), rows.end(), [](const Claimed &a, const Claimed &b) { return a.id < b.id; });
    return rows;
}

} // namespace inlet::team::outbox
