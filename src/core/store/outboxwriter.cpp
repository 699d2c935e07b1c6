#include "store/outboxwriter.h"

#include "common/logging.h"
#include "store/eventapplier.h"
#include "store/messagerows.h"

#include <QUuid>

namespace inlet {

Result<qint64> OutboxWriter::enqueue(const QString &accountId, const QString &customerId,
                                     const QString &text, const QList<AttachmentData> &attachments,
                                     const QString &replyToMid, const QString &tag, StoreChange &change)
{
    if (accountId.isEmpty() || customerId.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an outgoing message needs an account and a customer"));
    if (text.isEmpty() && attachments.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an outgoing message needs text or an attachment"));
    auto conversation = m_session.ensureConversation(accountId, customerId);
    if (!conversation)
        return std::unexpected(conversation.error());
    NewMessageRow row;
    row.conversationId = *conversation;
    row.accountId = accountId;
    row.outgoing = true;
    row.text = text;
    row.attachments = attachments;
    row.createdMs = m_session.now();
    row.state = MessageState::Queued;
    row.replyToMid = replyToMid;
    row.tag = tag;
    row.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto id = m_session.insertMessage(row);
    if (!id)
        return std::unexpected(id.error());
    if (!*id)
        return fail(Error::Kind::Storage, QStringLiteral("the outgoing message was not stored"));
    change.addMessage(*conversation, **id);
    return **id;
}

Result<MessageHandle> OutboxWriter::outboxRow(qint64 localId)
{
    auto row = m_session.findById(localId);
    if (!row)
        return std::unexpected(row.error());
    if (!*row || !(*row)->outgoing)
        return fail(Error::Kind::Invalid, QStringLiteral("no outgoing message %1").arg(localId));
    return **row;
}

Status OutboxWriter::update(qint64 localId, const QString &sql, const QVariantList &values,
                            StoreChange &change)
{
    auto row = outboxRow(localId);
    if (!row)
        return std::unexpected(row.error());
    auto q = m_session.run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0) {
        return fail(Error::Kind::Invalid,
                    QStringLiteral("outgoing message %1 is not in a state for this (state %2)")
                        .arg(localId)
                        .arg(int(row->state)));
    }
    change.addMessage(row->conversationId, localId);
    return {};
}

Status OutboxWriter::markSending(qint64 localId, StoreChange &change)
{
    return update(localId,
                  QStringLiteral("UPDATE messages SET state = 2, attempts = attempts + 1 "
                                 "WHERE id = ? AND state IN (1, 2)"),
                  {localId}, change);
}

Status OutboxWriter::markSent(qint64 localId, const QString &mid, StoreChange &change)
{
    if (mid.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("markSent needs Instagram's message id"));
    auto row = outboxRow(localId);
    if (!row)
        return std::unexpected(row.error());
    auto account = m_session.run(QStringLiteral("SELECT account_id, json_extract(meta_json, "
                                                "'$.send_api_mid') FROM messages WHERE id = ?"),
        { localId });
    if (!account)
        return std::unexpected(account.error());
    (*account)->next();
    const QString accountId = (*account)->value(0).toString();
    const QString sendApiMid = (*account)->value(1).toString();
    (*account)->finish();
    if (row->state == MessageState::Sent && sendApiMid == mid)
        return {}; // already sent, and known by its echo's mid since

    // The echo webhook can beat the Send API's answer: then it stored the message as a new row.
    // The outbox row is the one the UI shows, so it takes over the echo's mid, raw JSON and
    // reactions, and the echo row goes.
    auto echo = m_session.findByMid(accountId, mid);
    if (!echo)
        return std::unexpected(echo.error());
    // The mid the row keeps: the Send API's, or that of an echo that came with another one.
    QString rowMid = mid;
    std::optional<qint64> echoRow;
    if (*echo && (*echo)->id != localId) {
        echoRow = (*echo)->id;
    } else if (!*echo) {
        auto attachment = m_session.run(
            QStringLiteral("SELECT type FROM attachments WHERE message_id = ? AND position = 0"),
            { localId });
        if (!attachment)
            return std::unexpected(attachment.error());
        const QString attachmentType
            = (*attachment)->next() ? (*attachment)->value(0).toString() : QString();
        (*attachment)->finish();
        // Clocks differ a little: half a minute before the message was queued is still its echo.
        auto other = m_session.findUnclaimedEcho(row->conversationId, row->text, attachmentType,
            m_session.now(), row->createdMs - 30'000);
        if (!other)
            return std::unexpected(other.error());
        if (*other) {
            echoRow = (*other)->id;
            rowMid = (*other)->mid;
            qCInfo(lcStore) << "outbox message" << localId << "matched an echo with another mid";
        }
    }
    QString raw;
    if (echoRow) {
        const qint64 echoId = *echoRow;
        auto r = m_session.run(
            QStringLiteral("SELECT raw_json, seen FROM messages WHERE id = ?"), { echoId });
        if (!r)
            return std::unexpected(r.error());
        bool seen = false;
        if ((*r)->next()) {
            raw = (*r)->value(0).toString();
            seen = (*r)->value(1).toBool();
        }
        (*r)->finish();
        const QList<std::pair<QString, QVariantList>> steps{
            {QStringLiteral("UPDATE OR IGNORE reactions SET message_id = ? WHERE message_id = ?"), {localId, echoId}},
            {QStringLiteral("DELETE FROM messages WHERE id = ?"), {echoId}},
            {QStringLiteral("UPDATE messages SET seen = MAX(seen, ?) WHERE id = ?"), {seen ? 1 : 0, localId}},
        };
        for (const auto &[sql, values] : steps) {
            if (auto q = m_session.run(sql, values); !q)
                return std::unexpected(q.error());
        }
        change.removedMessageIds.append(echoId);
        qCDebug(lcStore) << "echo row" << echoId << "merged into outbox row" << localId;
    }
    // sent_ms: when Instagram took it, for matching an echo that comes with another mid later.
    QString meta = QStringLiteral("json_set(meta_json, '$.sent_ms', ?)");
    QVariantList values { rowMid, sql::text(raw), m_session.now() };
    if (rowMid != mid) {
        meta = QStringLiteral("json_set(meta_json, '$.sent_ms', ?, '$.send_api_mid', ?)");
        values.append(mid);
    }
    values << localId << rowMid;
    auto ok = update(localId,
        QStringLiteral(
            "UPDATE messages SET state = 3, mid = ?, error_text = '', "
            "raw_json = CASE WHEN raw_json = '' THEN ? ELSE raw_json END, meta_json = %1 "
            "WHERE id = ? AND state IN (1, 2, 3) AND (mid IS NULL OR mid = ?)")
            .arg(meta),
        values, change);
    if (!ok)
        return ok;
    // Reactions or an unsend that named this mid before we knew it.
    return m_events.replayDeferred(accountId, rowMid, change);
}

Status OutboxWriter::markFailed(qint64 localId, const QString &reason, bool retryable,
                                qint64 nextAttemptMs, StoreChange &change)
{
    if (retryable) {
        return update(localId,
                      QStringLiteral("UPDATE messages SET state = 1, error_text = ?, next_attempt_ms = ? "
                                     "WHERE id = ? AND state IN (1, 2)"),
                      {sql::text(reason), nextAttemptMs, localId}, change);
    }
    return update(localId,
                  QStringLiteral("UPDATE messages SET state = 4, error_text = ? WHERE id = ? AND state IN (1, 2)"),
                  {sql::text(reason), localId}, change);
}

Status OutboxWriter::retry(qint64 localId, StoreChange &change)
{
    return update(localId,
                  QStringLiteral("UPDATE messages SET state = 1, next_attempt_ms = 0, error_text = '' "
                                 "WHERE id = ? AND state IN (1, 4)"),
                  {localId}, change);
}

Status OutboxWriter::remove(qint64 localId, StoreChange &change)
{
    auto row = outboxRow(localId);
    if (!row)
        return std::unexpected(row.error());
    auto q = m_session.run(QStringLiteral("DELETE FROM messages WHERE id = ? AND state IN (1, 4)"), {localId});
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid,
                    QStringLiteral("outgoing message %1 is being sent or was sent").arg(localId));
    change.addConversation(row->conversationId);
    change.removedMessageIds.append(localId);
    return {};
}

Status OutboxWriter::setAttachmentUrl(qint64 localId, const QString &url, StoreChange &change)
{
    if (url.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("setAttachmentUrl needs a URL"));
    return update(localId,
                  QStringLiteral("UPDATE attachments SET url = ? WHERE message_id = ? AND position = 0 "
                                 "AND EXISTS (SELECT 1 FROM messages WHERE id = ? AND state IN (1, 4))"),
                  {url, localId, localId}, change);
}

Result<QList<StoredMessage>> OutboxWriter::pending()
{
    auto q = m_session.run(messagerows::selectSql() + QStringLiteral(" WHERE m.state IN (1, 2) ORDER BY m.id"), {});
    if (!q)
        return std::unexpected(q.error());
    QList<StoredMessage> list;
    while ((*q)->next())
        list.append(messagerows::fromRow(**q));
    (*q)->finish();
    if (auto ok = messagerows::loadDetails(m_session.statements(), list); !ok)
        return std::unexpected(ok.error());
    return list;
}

} // namespace inlet
