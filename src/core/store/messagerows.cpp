#include "store/messagerows.h"

#include <QJsonDocument>
#include <QSqlError>

namespace inlet::messagerows {

QString selectSql()
{
    return QStringLiteral(
        "SELECT m.id, m.conversation_id, m.account_id, c.customer_id, m.mid, m.kind, m.outgoing, m.text, "
        "m.created_ms, m.state, m.error_text, m.reply_to_mid, m.reply_to_story_url, m.deleted, "
        "m.edit_count, m.seen, m.meta_json, m.raw_json, m.client_id, m.attempts, m.next_attempt_ms, "
        "m.tag, q.text "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "LEFT JOIN messages q ON q.account_id = m.account_id AND q.mid = m.reply_to_mid");
}

StoredMessage fromRow(const QSqlQuery &r)
{
    StoredMessage m;
    m.id = r.value(0).toLongLong();
    m.conversationId = r.value(1).toLongLong();
    m.accountId = r.value(2).toString();
    m.customerId = r.value(3).toString();
    m.mid = r.value(4).toString();
    m.kind = MessageKind(r.value(5).toInt());
    m.outgoing = r.value(6).toBool();
    m.text = r.value(7).toString();
    m.createdMs = r.value(8).toLongLong();
    m.state = MessageState(r.value(9).toInt());
    m.errorText = r.value(10).toString();
    m.replyToMid = r.value(11).toString();
    m.replyToStoryUrl = r.value(12).toString();
    m.deleted = r.value(13).toBool();
    m.editCount = r.value(14).toInt();
    m.seen = r.value(15).toBool();
    m.meta = QJsonDocument::fromJson(r.value(16).toString().toUtf8()).object();
    m.rawJson = r.value(17).toString().toUtf8();
    m.clientId = r.value(18).toString();
    m.attempts = r.value(19).toInt();
    m.nextAttemptMs = r.value(20).toLongLong();
    m.tag = r.value(21).toString();
    m.replyToText = r.value(22).toString();
    return m;
}

Status loadDetails(sql::StatementCache &statements, QList<StoredMessage> &messages)
{
    if (messages.isEmpty())
        return {};
    QHash<qint64, qsizetype> index;
    QStringList ids;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        index.insert(messages.at(i).id, i);
        ids.append(QString::number(messages.at(i).id));
    }
    const QString in = ids.join(QLatin1Char(','));
    QSqlQuery q(statements.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT message_id, type, url, title, payload_json FROM attachments "
                               "WHERE message_id IN (%1) ORDER BY message_id, position").arg(in)))
        return std::unexpected(sql::toError(q.lastError(), QStringLiteral("reading attachments")));
    while (q.next()) {
        AttachmentData a;
        a.type = q.value(1).toString();
        a.url = q.value(2).toString();
        a.title = q.value(3).toString();
        a.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        messages[index.value(q.value(0).toLongLong())].attachments.append(a);
    }
    if (!q.exec(QStringLiteral("SELECT message_id, reactor_id, reaction, emoji, reacted_ms FROM reactions "
                               "WHERE message_id IN (%1) AND removed = 0 ORDER BY reacted_ms").arg(in)))
        return std::unexpected(sql::toError(q.lastError(), QStringLiteral("reading reactions")));
    while (q.next()) {
        messages[index.value(q.value(0).toLongLong())].reactions.append(
            StoredReaction{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toLongLong()});
    }
    q.finish();
    return {};
}

} // namespace inlet::messagerows
