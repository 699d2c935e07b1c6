#include "team/teamoutbox.h"

#include "team/teamsql.h"

#include <QSqlQuery>

#include <algorithm>

namespace inlet::team::outbox {

QJsonObject replyBody(const OutgoingMessage &message)
{
    QJsonObject body { { QStringLiteral("text"), message.text },
        { QStringLiteral("human_agent"), message.humanAgent } };
    if (!message.replyToMid.isEmpty())
        body.insert(QStringLiteral("reply_to_mid"), message.replyToMid);
    if (!message.attachmentUrl.isEmpty()) {
        body.insert(QStringLiteral("attachment_type"), message.attachmentType);
        body.insert(QStringLiteral("attachment_url"), message.attachmentUrl);
    }
    return body;
}

void readReplyBody(const QJsonObject &body, OutgoingMessage &message)
{
    message.text = body.value(QStringLiteral("text")).toString();
    message.replyToMid = body.value(QStringLiteral("reply_to_mid")).toString();
    message.humanAgent = body.value(QStringLiteral("human_agent")).toBool();
    message.attachmentType = body.value(QStringLiteral("attachment_type")).toString();
    message.attachmentUrl = body.value(QStringLiteral("attachment_url")).toString();
}

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
