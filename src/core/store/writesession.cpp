#include "store/writesession.h"

#include <QJsonDocument>

namespace inlet {

namespace {

QVariant boolValue(bool b) { return QVariant(b ? 1 : 0); }

QString conversationKey(const QString &accountId, const QString &customerId)
{
    return accountId + QLatin1Char('\n') + customerId;
}

} // namespace

QString previewFor(const QString &text, const QList<AttachmentData> &attachments)
{
    if (!text.isEmpty())
        return text.left(200);
    if (!attachments.isEmpty())
        return QLatin1Char('[') + attachments.constFirst().type + QLatin1Char(']');
    return QStringLiteral("");
}

WriteSession::WriteSession(QSqlDatabase db, std::function<qint64()> clock)
    : m_statements(std::move(db)), m_clock(std::move(clock))
{
}

void WriteSession::forgetCaches()
{
    m_knownAccounts.clear();
    m_knownContacts.clear();
    m_conversationIds.clear();
    m_deferredRows.reset();
}

Result<bool> WriteSession::mayHaveDeferred()
{
    if (!m_deferredRows) {
        auto q = run(QStringLiteral("SELECT COUNT(*) FROM deferred_events"), {});
        if (!q)
            return std::unexpected(q.error());
        (*q)->next();
        m_deferredRows = (*q)->value(0).toLongLong();
        (*q)->finish();
    }
    return *m_deferredRows > 0;
}

Status WriteSession::ensureAccount(const QString &accountId)
{
    if (m_knownAccounts.contains(accountId))
        return {};
    auto q = run(QStringLiteral("INSERT OR IGNORE INTO accounts(id) VALUES (?)"), {accountId});
    if (!q)
        return std::unexpected(q.error());
    m_knownAccounts.insert(accountId);
    return {};
}

Status WriteSession::ensureContact(const QString &customerId)
{
    if (m_knownContacts.contains(customerId))
        return {};
    auto q = run(QStringLiteral("INSERT OR IGNORE INTO contacts(id) VALUES (?)"), {customerId});
    if (!q)
        return std::unexpected(q.error());
    m_knownContacts.insert(customerId);
    return {};
}

Result<std::optional<qint64>> WriteSession::findConversation(const QString &accountId,
                                                             const QString &customerId)
{
    const QString key = conversationKey(accountId, customerId);
    if (auto it = m_conversationIds.constFind(key); it != m_conversationIds.constEnd())
        return std::optional<qint64>(*it);
    auto q = run(QStringLiteral("SELECT id FROM conversations WHERE account_id = ? AND customer_id = ?"),
                 {accountId, customerId});
    if (!q)
        return std::unexpected(q.error());
    std::optional<qint64> id;
    if ((*q)->next()) {
        id = (*q)->value(0).toLongLong();
        m_conversationIds.insert(key, *id);
    }
    (*q)->finish();
    return id;
}

Result<qint64> WriteSession::ensureConversation(const QString &accountId, const QString &customerId)
{
    auto found = findConversation(accountId, customerId);
    if (!found)
        return std::unexpected(found.error());
    if (*found)
        return **found;
    if (auto ok = ensureAccount(accountId); !ok)
        return std::unexpected(ok.error());
    if (auto ok = ensureContact(customerId); !ok)
        return std::unexpected(ok.error());
    auto q = run(QStringLiteral("INSERT INTO conversations(account_id, customer_id) VALUES (?, ?)"),
                 {accountId, customerId});
    if (!q)
        return std::unexpected(q.error());
    const qint64 id = (*q)->lastInsertId().toLongLong();
    m_conversationIds.insert(conversationKey(accountId, customerId), id);
    return id;
}

namespace {
const QString kRefColumns = QStringLiteral(
    "SELECT id, conversation_id, text, created_ms, edit_count, deleted, outgoing, state FROM messages ");

Result<std::optional<MessageHandle>> readRef(Result<QSqlQuery *> q)
{
    if (!q)
        return std::unexpected(q.error());
    std::optional<MessageHandle> ref;
    QSqlQuery &r = **q;
    if (r.next()) {
        ref = MessageHandle{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                         r.value(3).toLongLong(),  r.value(4).toInt(),      r.value(5).toBool(),
                         r.value(6).toBool(),      MessageState(r.value(7).toInt())};
    }
    r.finish();
    return ref;
}
} // namespace

Result<std::optional<MessageHandle>> WriteSession::findByMid(const QString &accountId, const QString &mid)
{
    return readRef(run(kRefColumns + QStringLiteral("WHERE account_id = ? AND mid = ?"), {accountId, mid}));
}

Result<std::optional<MessageHandle>> WriteSession::findById(qint64 id)
{
    return readRef(run(kRefColumns + QStringLiteral("WHERE id = ?"), {id}));
}

namespace {
// Same text; an attachment-only message matches one whose first attachment has the same type.
const QString kSameContent = QStringLiteral("AND m.text = ? AND (m.text != '' OR EXISTS (SELECT 1 "
                                            "FROM attachments a WHERE a.message_id = m.id "
                                            "AND a.position = 0 AND a.type = ?)) ");

Result<std::optional<WriteSession::EchoMatch>> readMatch(Result<QSqlQuery *> q)
{
    if (!q)
        return std::unexpected(q.error());
    std::optional<WriteSession::EchoMatch> match;
    if ((*q)->next())
        match = WriteSession::EchoMatch { (*q)->value(0).toLongLong(), (*q)->value(1).toString() };
    (*q)->finish();
    return match;
}
} // namespace

Result<std::optional<WriteSession::EchoMatch>> WriteSession::findUnechoedOutboxMessage(
    qint64 conversationId, const QString &text, const QString &attachmentType, qint64 timeMs,
    const QString &echoMid)
{
    // The send time markSent recorded (sent_ms), else the enqueue time.
    const QString sentAt
        = QStringLiteral("COALESCE(json_extract(m.meta_json, '$.sent_ms'), m.created_ms)");
    return readMatch(run(
        QStringLiteral("SELECT m.id, m.mid FROM messages m WHERE m.conversation_id = ? "
                       "AND m.outgoing = 1 AND m.client_id IS NOT NULL AND m.state = 3 "
                       "AND m.raw_json = '' AND m.deleted = 0 AND m.kind = 0 "
                       "AND m.mid IS NOT NULL AND m.mid != ? ")
            + kSameContent
            + QStringLiteral("AND ABS(%1 - ?) <= ? ORDER BY ABS(%1 - ?), m.id LIMIT 1").arg(sentAt),
        { conversationId, echoMid, sql::text(text), sql::text(attachmentType), timeMs,
            kEchoMatchWindowMs, timeMs }));
}

Result<std::optional<WriteSession::EchoMatch>> WriteSession::findUnclaimedEcho(
    qint64 conversationId, const QString &text, const QString &attachmentType, qint64 timeMs,
    qint64 notBeforeMs)
{
    return readMatch(run(
        QStringLiteral("SELECT m.id, m.mid FROM messages m WHERE m.conversation_id = ? "
                       "AND m.outgoing = 1 AND m.client_id IS NULL AND m.deleted = 0 "
                       "AND m.kind = 0 AND m.mid IS NOT NULL AND m.created_ms >= ? ")
            + kSameContent
            + QStringLiteral("AND ABS(m.created_ms - ?) <= ? ORDER BY ABS(m.created_ms - ?), m.id "
                             "LIMIT 1"),
        { conversationId, notBeforeMs, sql::text(text), sql::text(attachmentType), timeMs,
            kEchoMatchWindowMs, timeMs }));
}

Result<std::optional<qint64>> WriteSession::insertMessage(const NewMessageRow &m)
{
    // An outgoing message is seen if the customer's read receipt already covers its time.
    auto q = run(QStringLiteral(R"(INSERT INTO messages(conversation_id, account_id, mid, kind,
                 outgoing, text, created_ms, state, reply_to_mid, reply_to_story_url, meta_json,
                 raw_json, client_id, tag, seen)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                 ? AND ? <= (SELECT customer_seen_ms FROM conversations WHERE id = ?))
                 ON CONFLICT(account_id, mid) DO NOTHING)"),
                 {m.conversationId, m.accountId, sql::nullIfEmpty(m.mid), int(m.kind),
                  boolValue(m.outgoing), sql::text(m.text), m.createdMs, int(m.state),
                  sql::text(m.replyToMid), sql::text(m.replyToStoryUrl),
                  QString::fromUtf8(QJsonDocument(m.meta).toJson(QJsonDocument::Compact)),
                  sql::text(QString::fromUtf8(m.rawJson)), sql::nullIfEmpty(m.clientId), sql::text(m.tag),
                  boolValue(m.outgoing), m.createdMs, m.conversationId});
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return std::nullopt;
    const qint64 id = (*q)->lastInsertId().toLongLong();

    for (qsizetype i = 0; i < m.attachments.size(); ++i) {
        const AttachmentData &a = m.attachments.at(i);
        auto qa = run(QStringLiteral("INSERT INTO attachments(message_id, position, type, url, title, "
                                     "payload_json) VALUES (?, ?, ?, ?, ?, ?)"),
                      {id, int(i), sql::text(a.type), sql::text(a.url), sql::text(a.title),
                       QString::fromUtf8(QJsonDocument(a.payload).toJson(QJsonDocument::Compact))});
        if (!qa)
            return std::unexpected(qa.error());
    }

    // What the conversation list's filters look for (triage): an attachment, a story mention or
    // a reply to a story from the customer.
    bool hasAttachment = false;
    bool hasStory = !m.outgoing
        && (!m.replyToStoryUrl.isEmpty() || m.meta.contains(QLatin1String("reply_to_story_id")));
    for (const AttachmentData &a : m.attachments) {
        if (a.type == QLatin1String("story_mention"))
            hasStory = hasStory || !m.outgoing;
        else
            hasAttachment = true;
    }

    // All right-hand sides read the row as it was before this UPDATE.
    const QVariant t = m.createdMs;
    const QVariant out = boolValue(m.outgoing);
    auto qc = run(QStringLiteral(R"(UPDATE conversations SET
            started_ms = CASE WHEN started_ms = 0 OR ? < started_ms THEN ? ELSE started_ms END,
            last_message_preview = CASE WHEN ? >= last_activity_ms THEN ? ELSE last_message_preview END,
            last_message_outgoing = CASE WHEN ? >= last_activity_ms THEN ? ELSE last_message_outgoing END,
            last_activity_ms = MAX(last_activity_ms, ?),
            unread_count = unread_count + (CASE WHEN ? = 0 AND ? > read_up_to_ms THEN 1 ELSE 0 END),
            last_customer_message_ms = CASE WHEN ? = 0 THEN MAX(last_customer_message_ms, ?)
                                            ELSE last_customer_message_ms END,
            last_outgoing_ms = CASE WHEN ? = 1 THEN MAX(last_outgoing_ms, ?) ELSE last_outgoing_ms END,
            has_attachment = MAX(has_attachment, ?), has_story = MAX(has_story, ?)
            WHERE id = ?)"),
        { t, t, t, previewFor(m.text, m.attachments), t, out, t, out, t, out, t, out, t,
            boolValue(hasAttachment), boolValue(hasStory), m.conversationId });
    if (!qc)
        return std::unexpected(qc.error());
    return std::optional<qint64>(id);
}

} // namespace inlet
