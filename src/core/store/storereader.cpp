#include "store/storereader.h"

#include "store/database.h"
#include "store/ftsquery.h"
#include "store/messagerows.h"
#include "store/sqlutil.h"
#include "store/textfold.h"

#include <QDateTime>
#include <QSqlError>

#include <algorithm>

namespace inlet {

namespace {

QDateTime fromMs(qint64 ms) { return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime(); }

const QString kConversationColumns = QStringLiteral(
    "SELECT c.id, c.account_id, c.customer_id, c.ig_conversation_id, c.started_ms, "
    "c.last_activity_ms, "
    "c.unread_count, c.last_customer_message_ms, c.last_outgoing_ms, c.customer_seen_ms, "
    "c.last_message_preview, c.last_message_outgoing, k.name, k.username, k.profile_pic_url, "
    "k.follower_count, k.follows_business, k.business_follows, k.verified, k.fetched_ms, "
    "c.older_missing, c.status, c.snoozed_until_ms, c.marked_unread, c.has_attachment, "
    "c.has_story, (SELECT group_concat(l.label_id) FROM conversation_labels l "
    "WHERE l.conversation_id = c.id), c.assignee, c.status_by "
    "FROM conversations c JOIN contacts k ON k.id = c.customer_id "
    "JOIN accounts a ON a.id = c.account_id AND a.removed = 0 ");

const QString kContactColumns = QStringLiteral(
    "SELECT id, name, username, profile_pic_url, follower_count, follows_business, business_follows, "
    "verified, fetched_ms FROM contacts ");

Contact contactFrom(const QSqlQuery &r, int first)
{
    Contact c;
    c.id = r.value(first).toString();
    c.name = r.value(first + 1).toString();
    c.username = r.value(first + 2).toString();
    c.profilePicUrl = r.value(first + 3).toString();
    c.followerCount = r.value(first + 4).toInt();
    c.followsBusiness = r.value(first + 5).toBool();
    c.businessFollows = r.value(first + 6).toBool();
    c.verified = r.value(first + 7).toBool();
    c.fetchedAt = fromMs(r.value(first + 8).toLongLong());
    return c;
}

StoredConversation conversationFrom(const QSqlQuery &r)
{
    StoredConversation c;
    c.id = r.value(0).toLongLong();
    c.accountId = r.value(1).toString();
    c.customerId = r.value(2).toString();
    c.instagramConversationId = r.value(3).toString();
    c.startedMs = r.value(4).toLongLong();
    c.lastActivityMs = r.value(5).toLongLong();
    c.unreadCount = r.value(6).toInt();
    c.lastCustomerMessageMs = r.value(7).toLongLong();
    c.lastOutgoingMs = r.value(8).toLongLong();
    c.customerSeenMs = r.value(9).toLongLong();
    c.lastMessagePreview = r.value(10).toString();
    c.lastMessageOutgoing = r.value(11).toBool();
    // Contact columns start at 12 but lack the id (it is the customer id).
    c.contact.id = c.customerId;
    c.contact.name = r.value(12).toString();
    c.contact.username = r.value(13).toString();
    c.contact.profilePicUrl = r.value(14).toString();
    c.contact.followerCount = r.value(15).toInt();
    c.contact.followsBusiness = r.value(16).toBool();
    c.contact.businessFollows = r.value(17).toBool();
    c.contact.verified = r.value(18).toBool();
    c.contact.fetchedAt = fromMs(r.value(19).toLongLong());
    c.olderMissing = r.value(20).toBool();
    c.status = ConversationStatus(r.value(21).toInt());
    c.snoozedUntilMs = r.value(22).toLongLong();
    c.markedUnread = r.value(23).toBool();
    c.hasAttachment = r.value(24).toBool();
    c.hasStory = r.value(25).toBool();
    const QString labels = r.value(26).toString();
    for (QStringView id : QStringView(labels).split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.labelIds.append(id.toLongLong());
    c.assignee = r.value(27).toString();
    c.statusBy = r.value(28).toString();
    return c;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

template <typename T>
std::optional<T> firstOf(QList<T> list)
{
    if (list.isEmpty())
        return std::nullopt;
    return list.takeFirst();
}

} // namespace

StoreReader::StoreReader(std::unique_ptr<Database> database)
    : m_database(std::move(database)),
      m_statements(std::make_unique<sql::StatementCache>(m_database->connection()))
{
}

StoreReader::~StoreReader()
{
    m_statements.reset(); // statements before their connection
    m_database.reset();
}

Result<std::unique_ptr<StoreReader>> StoreReader::open(const QString &databasePath)
{
    StoreOptions options;
    options.checkIntegrity = false; // the writer checked when it opened the file
    auto db = Database::open(databasePath, Database::Mode::Reader, options);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<StoreReader>(new StoreReader(std::move(*db)));
}

Result<QList<StoredConversation>> StoreReader::conversations(const QString &where, const QVariantList &values)
{
    auto q = m_statements->run(kConversationColumns + where, values);
    if (!q)
        return std::unexpected(q.error());
    QList<StoredConversation> list;
    while ((*q)->next())
        list.append(conversationFrom(**q));
    (*q)->finish();
    return list;
}

namespace {

// The window of the Reply window view: a reply is possible (24 h, then 7 days with HUMAN_AGENT).
constexpr qint64 kStandardWindowMs = 24LL * 3600 * 1000;
constexpr qint64 kHumanAgentWindowMs = 7LL * 24 * 3600 * 1000;

const QString kCarriesLabel = QStringLiteral("EXISTS (SELECT 1 FROM conversation_labels l WHERE "
                                             "l.conversation_id = c.id AND l.label_id = ?)");

// The conditions every view and filter shares (account, attachment, story), on `c`.
void baseConditions(const InboxQuery &query, QStringList &conditions, QVariantList &values)
{
    if (!query.accountId.isEmpty()) {
        conditions << QStringLiteral("c.account_id = ?");
        values << query.accountId;
    }
    if (query.hasAttachment)
        conditions << QStringLiteral("c.has_attachment = 1");
    if (query.storyOnly)
        conditions << QStringLiteral("c.has_story = 1");
    if (query.labelId != 0) {
        conditions << kCarriesLabel;
        values << query.labelId;
    }
    if (query.activeFromMs != 0) {
        conditions << QStringLiteral("c.last_activity_ms >= ?");
        values << query.activeFromMs;
    }
    if (query.activeUntilMs != 0) {
        conditions << QStringLiteral("c.last_activity_ms < ?");
        values << query.activeUntilMs;
    }
    conditions << QStringLiteral("c.last_activity_ms > 0"); // not conversations only linked by sync
}

const QString kNeedsReply = QStringLiteral("c.last_customer_message_ms > c.last_outgoing_ms");

} // namespace

Result<QList<StoredConversation>> StoreReader::inbox(const InboxQuery &query)
{
    QStringList conditions;
    QVariantList values;
    baseConditions(query, conditions, values);
    if (query.unreadOnly)
        conditions << QStringLiteral("(c.unread_count > 0 OR c.marked_unread = 1)");
    if (query.needsReplyOnly)
        conditions << kNeedsReply;
    QString order = QStringLiteral(" ORDER BY c.last_activity_ms DESC, c.id DESC");
    if (query.view) {
        switch (*query.view) {
        case InboxView::All:
            conditions << QStringLiteral("c.status = 0");
            break;
        case InboxView::NeedsReply:
            conditions << QStringLiteral("c.status = 0") << kNeedsReply;
            break;
        case InboxView::Snoozed:
            conditions << QStringLiteral("c.status = 2");
            break;
        case InboxView::Done:
            conditions << QStringLiteral("c.status = 1");
            break;
        case InboxView::Label:
            conditions << QStringLiteral("c.status = 0") << kCarriesLabel;
            values << query.viewLabelId;
            break;
        case InboxView::Mine:
            // Without an agent (solo mode) nothing is anyone's: an empty list, not every one.
            conditions << QStringLiteral("c.status = 0") << QStringLiteral("c.assignee = ?")
                       << QStringLiteral("c.assignee <> ''");
            values << query.agent;
            break;
        case InboxView::Unassigned:
            conditions << QStringLiteral("c.status = 0") << QStringLiteral("c.assignee = ''");
            break;
        case InboxView::ReplyWindow:
            // The deadline is the end of the 24 h window, or of the 7 days once that has passed.
            conditions << QStringLiteral("c.status = 0") << kNeedsReply
                       << QStringLiteral("c.last_customer_message_ms > ?");
            values << query.nowMs - kHumanAgentWindowMs;
            order = QStringLiteral(" ORDER BY CASE WHEN c.last_customer_message_ms > ? THEN "
                                   "c.last_customer_message_ms + ? ELSE c.last_customer_message_ms "
                                   "+ ? END ASC, c.id ASC");
            break;
        }
    }
    const bool deadlineOrder = query.view == InboxView::ReplyWindow;
    if (query.after && !deadlineOrder) {
        conditions << QStringLiteral("(c.last_activity_ms, c.id) < (?, ?)");
        values << query.after->lastActivityMs << query.after->id;
    }
    if (deadlineOrder)
        values << query.nowMs - kStandardWindowMs << kStandardWindowMs << kHumanAgentWindowMs;
    QString where = QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")) + order
        + QStringLiteral(" LIMIT ? OFFSET ?");
    values << query.limit << query.offset;
    return conversations(where, values);
}

Result<ViewCounts> StoreReader::viewCounts(const InboxQuery &query)
{
    QStringList conditions;
    QVariantList values { query.nowMs - kHumanAgentWindowMs, query.agent };
    baseConditions(query, conditions, values);
    // One pass over the conversations (tens of ms at 100,000): called off the GUI thread.
    auto q = m_statements->run(
        QStringLiteral(
            "SELECT COALESCE(SUM(c.status = 0), 0), COALESCE(SUM(c.status = 0 AND %1), 0), "
            "COALESCE(SUM(c.status = 0 AND %1 AND c.last_customer_message_ms > ?), 0), "
            "COALESCE(SUM(c.status = 2), 0), COALESCE(SUM(c.status = 1), 0), "
            "COALESCE(SUM(c.status = 0 AND c.assignee <> '' AND c.assignee = ?), 0), "
            "COALESCE(SUM(c.status = 0 AND c.assignee = ''), 0) "
            "FROM conversations c JOIN accounts a ON a.id = c.account_id AND "
            "a.removed = 0 WHERE ")
                .arg(kNeedsReply)
            + conditions.join(QStringLiteral(" AND ")),
        values);
    if (!q)
        return std::unexpected(q.error());
    ViewCounts counts;
    if ((*q)->next()) {
        counts.all = (*q)->value(0).toInt();
        counts.needsReply = (*q)->value(1).toInt();
        counts.replyWindow = (*q)->value(2).toInt();
        counts.snoozed = (*q)->value(3).toInt();
        counts.done = (*q)->value(4).toInt();
        counts.mine = (*q)->value(5).toInt();
        counts.unassigned = (*q)->value(6).toInt();
    }
    (*q)->finish();
    // The per-label views: open conversations grouped by label, with the same filters.
    QStringList labelConditions { QStringLiteral("c.status = 0") };
    QVariantList labelValues;
    baseConditions(query, labelConditions, labelValues);
    auto byLabel = m_statements->run(
        QStringLiteral("SELECT cl.label_id, COUNT(*) FROM conversation_labels cl "
                       "JOIN conversations c ON c.id = cl.conversation_id "
                       "JOIN accounts a ON a.id = c.account_id AND a.removed = 0 WHERE ")
            + labelConditions.join(QStringLiteral(" AND "))
            + QStringLiteral(" GROUP BY cl.label_id"),
        labelValues);
    if (!byLabel)
        return std::unexpected(byLabel.error());
    while ((*byLabel)->next())
        counts.labels.insert((*byLabel)->value(0).toLongLong(), (*byLabel)->value(1).toInt());
    (*byLabel)->finish();
    return counts;
}

Result<std::optional<StoredConversation>> StoreReader::conversation(qint64 id)
{
    auto list = conversations(QStringLiteral("WHERE c.id = ?"), {id});
    if (!list)
        return std::unexpected(list.error());
    return firstOf(*list);
}

Result<std::optional<StoredConversation>> StoreReader::conversationFor(const QString &accountId,
                                                                       const QString &customerId)
{
    auto list = conversations(QStringLiteral("WHERE c.account_id = ? AND c.customer_id = ?"),
                              {accountId, customerId});
    if (!list)
        return std::unexpected(list.error());
    return firstOf(*list);
}

Result<QList<StoredMessage>> StoreReader::messages(const QString &where, const QString &order,
                                                   const QVariantList &values, bool reverse)
{
    auto q = m_statements->run(messagerows::selectSql() + QLatin1Char(' ') + where + QLatin1Char(' ') + order,
                               values);
    if (!q)
        return std::unexpected(q.error());
    QList<StoredMessage> list;
    while ((*q)->next())
        list.append(messagerows::fromRow(**q));
    (*q)->finish();
    if (reverse)
        std::reverse(list.begin(), list.end());
    if (auto ok = messagerows::loadDetails(*m_statements, list); !ok)
        return std::unexpected(ok.error());
    return list;
}

Result<QList<StoredMessage>> StoreReader::newestMessages(qint64 conversationId, int limit)
{
    return messages(QStringLiteral("WHERE m.conversation_id = ?"),
                    QStringLiteral("ORDER BY m.created_ms DESC, m.id DESC LIMIT ?"), {conversationId, limit},
                    true);
}

Result<QList<StoredMessage>> StoreReader::messagesBefore(qint64 conversationId, MessageCursor before, int limit)
{
    return messages(QStringLiteral("WHERE m.conversation_id = ? AND (m.created_ms, m.id) < (?, ?)"),
                    QStringLiteral("ORDER BY m.created_ms DESC, m.id DESC LIMIT ?"),
                    {conversationId, before.createdMs, before.id, limit}, true);
}

Result<QList<StoredMessage>> StoreReader::messagesAfter(qint64 conversationId, MessageCursor after, int limit)
{
    return messages(QStringLiteral("WHERE m.conversation_id = ? AND (m.created_ms, m.id) > (?, ?)"),
                    QStringLiteral("ORDER BY m.created_ms ASC, m.id ASC LIMIT ?"),
                    {conversationId, after.createdMs, after.id, limit}, false);
}

Result<std::optional<StoredMessage>> StoreReader::message(qint64 id)
{
    auto list = messages(QStringLiteral("WHERE m.id = ?"), QString(), {id}, false);
    if (!list)
        return std::unexpected(list.error());
    return firstOf(*list);
}

Result<std::optional<StoredMessage>> StoreReader::messageByMid(const QString &accountId, const QString &mid)
{
    auto list = messages(QStringLiteral("WHERE m.account_id = ? AND m.mid = ?"), QString(), {accountId, mid},
                         false);
    if (!list)
        return std::unexpected(list.error());
    return firstOf(*list);
}

Result<QList<MessageVersion>> StoreReader::messageVersions(qint64 messageId)
{
    auto q = m_statements->run(QStringLiteral("SELECT version, text, edited_ms FROM message_edits "
                                              "WHERE message_id = ? ORDER BY version"),
                               {messageId});
    if (!q)
        return std::unexpected(q.error());
    QList<MessageVersion> list;
    while ((*q)->next())
        list.append({(*q)->value(0).toInt(), (*q)->value(1).toString(), (*q)->value(2).toLongLong()});
    (*q)->finish();
    return list;
}

Result<QList<SearchHit>> StoreReader::searchMatching(const QString &match, const QString &accountId,
                                                     int limit)
{
    QString sql = QStringLiteral(
        "SELECT m.id, m.conversation_id, m.created_ms, snippet(messages_fts, 0, '[', ']', '…', 12) "
        "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
        "WHERE messages_fts MATCH ? AND m.deleted = 0 ");
    QVariantList values{match};
    if (!accountId.isEmpty()) {
        sql += QStringLiteral("AND m.account_id = ? ");
        values << accountId;
    }
    sql += QStringLiteral("ORDER BY messages_fts.rowid DESC LIMIT ?");
    values << limit;
    auto q = m_statements->run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    QList<SearchHit> hits;
    while ((*q)->next()) {
        hits.append({(*q)->value(0).toLongLong(), (*q)->value(1).toLongLong(), (*q)->value(2).toLongLong(),
                     (*q)->value(3).toString()});
    }
    (*q)->finish();
    return hits;
}

Result<QList<SearchHit>> StoreReader::search(const QString &text, const QString &accountId, int limit)
{
    // Whole words first: FTS5 walks a term's hits lazily, newest first, and stops at `limit`.
    // A prefix query has to merge the hit lists of every matching term before the first row
    // (tens of ms for a frequent word), so it only runs when whole words did not fill the page
    // (the user is still typing the last word).
    const QString exact = ftsMatchExpression(text, false);
    if (exact.isEmpty())
        return QList<SearchHit>();
    auto hits = searchMatching(exact, accountId, limit);
    if (!hits || hits->size() >= limit)
        return hits;
    const QString prefix = ftsMatchExpression(text, true);
    if (prefix == exact)
        return hits;
    return searchMatching(prefix, accountId, limit);
}

Result<QList<Contact>> StoreReader::searchContacts(const QString &text, int limit)
{
    const QString pattern = likePattern(text.trimmed());
    auto q = m_statements->run(kContactColumns
                                   + QStringLiteral("WHERE name LIKE ? ESCAPE '\\' OR username LIKE ? ESCAPE '\\' "
                                                    "ORDER BY name COLLATE NOCASE, id LIMIT ?"),
                               {pattern, pattern, limit});
    if (!q)
        return std::unexpected(q.error());
    QList<Contact> list;
    while ((*q)->next())
        list.append(contactFrom(**q, 0));
    (*q)->finish();
    return list;
}

Result<std::optional<Contact>> StoreReader::contact(const QString &id)
{
    auto q = m_statements->run(kContactColumns + QStringLiteral("WHERE id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    std::optional<Contact> c;
    if ((*q)->next())
        c = contactFrom(**q, 0);
    (*q)->finish();
    return c;
}

Result<QHash<QString, QString>> StoreReader::contactPictures(const QStringList &ids)
{
    QHash<QString, QString> pictures;
    auto collect = [&](const QString &where, const QVariantList &values) -> Status {
        auto q = m_statements->run(
            QStringLiteral("SELECT id, profile_pic_url FROM contacts WHERE profile_pic_url <> '' ")
                + where,
            values);
        if (!q)
            return std::unexpected(q.error());
        while ((*q)->next())
            pictures.insert((*q)->value(0).toString(), (*q)->value(1).toString());
        (*q)->finish();
        return {};
    };
    if (ids.isEmpty()) {
        if (auto all = collect({}, {}); !all)
            return std::unexpected(all.error());
        return pictures;
    }
    for (const QString &id : ids)
        if (auto one = collect(QStringLiteral("AND id = ?"), { id }); !one)
            return std::unexpected(one.error());
    return pictures;
}

Result<QList<StoredConversation>> StoreReader::conversationsByContact(const QString &text,
                                                                      const QString &accountId,
                                                                      int limit)
{
    if (textfold::fold(text.trimmed()).isEmpty() || limit <= 0)
        return QList<StoredConversation>{};
    auto index = contactIndex(accountId);
    if (!index)
        return std::unexpected(index.error());
    return conversationsByIds(index->find(text, accountId, limit));
}

Result<ContactIndex> StoreReader::contactIndex(const QString &accountId)
{
    QString sql = QStringLiteral(
        "SELECT c.id, c.account_id, k.name, k.username, (SELECT group_concat(l.name, char(31)) "
        "FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id "
        "WHERE cl.conversation_id = c.id) FROM conversations c "
        "JOIN contacts k ON k.id = c.customer_id "
        "JOIN accounts a ON a.id = c.account_id AND a.removed = 0 WHERE c.last_activity_ms > 0 ");
    QVariantList values;
    if (!accountId.isEmpty()) {
        sql += QStringLiteral("AND c.account_id = ? ");
        values << accountId;
    }
    sql += QStringLiteral("ORDER BY c.last_activity_ms DESC, c.id DESC");
    auto q = m_statements->run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    QList<ContactIndex::Entry> entries;
    while ((*q)->next()) {
        QStringList labels;
        const QString labelNames = (*q)->value(4).toString();
        if (!labelNames.isEmpty()) {
            for (const QString &name : labelNames.split(QChar(31)))
                labels.append(textfold::fold(name));
        }
        entries.append({ (*q)->value(0).toLongLong(), (*q)->value(1).toString(),
            textfold::fold((*q)->value(2).toString()), textfold::fold((*q)->value(3).toString()),
            std::move(labels) });
    }
    (*q)->finish();
    return ContactIndex(std::move(entries));
}

Result<QList<StoredConversation>> StoreReader::conversationsByIds(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QList<StoredConversation> {};
    QStringList marks;
    QVariantList idValues;
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        idValues << id;
    }
    auto rows = conversations(QStringLiteral("WHERE c.id IN (%1)").arg(marks.join(QLatin1Char(','))), idValues);
    if (!rows)
        return std::unexpected(rows.error());
    QHash<qint64, StoredConversation> byId;
    for (auto &c : *rows)
        byId.insert(c.id, std::move(c));
    QList<StoredConversation> ordered;
    ordered.reserve(ids.size());
    for (qint64 id : ids) {
        if (byId.contains(id))
            ordered.append(byId.take(id));
    }
    return ordered;
}

Result<QList<Account>> StoreReader::accounts()
{
    auto q = m_statements->run(QStringLiteral("SELECT id, username, name, profile_picture_url, needs_sign_in, "
                                              "token_issued_ms, token_expires_ms FROM accounts "
                                              "WHERE removed = 0 ORDER BY username, id"),
                               {});
    if (!q)
        return std::unexpected(q.error());
    QList<Account> list;
    while ((*q)->next()) {
        Account a;
        a.id = (*q)->value(0).toString();
        a.username = (*q)->value(1).toString();
        a.name = (*q)->value(2).toString();
        a.profilePictureUrl = (*q)->value(3).toString();
        a.needsSignIn = (*q)->value(4).toBool();
        a.tokenIssuedAt = fromMs((*q)->value(5).toLongLong());
        a.tokenExpiresAt = fromMs((*q)->value(6).toLongLong());
        list.append(a);
    }
    (*q)->finish();
    return list;
}

Result<StoreCounts> StoreReader::counts(const QString &accountId)
{
    // An empty accountId matches every account (the `? = ''` arm).
    const QVariant a = sql::text(accountId);
    auto q = m_statements->run(QStringLiteral(R"(SELECT
        (SELECT COUNT(*) FROM accounts WHERE removed = 0 AND (? = '' OR id = ?)),
        (SELECT COUNT(*) FROM conversations WHERE last_activity_ms > 0 AND (? = '' OR account_id = ?)),
        (SELECT COUNT(*) FROM conversations WHERE (unread_count > 0 OR marked_unread = 1)
            AND (? = '' OR account_id = ?)),
        (SELECT COUNT(*) FROM messages WHERE (? = '' OR account_id = ?)),
        (SELECT COUNT(*) FROM messages WHERE state IN (1, 2) AND (? = '' OR account_id = ?)),
        (SELECT COUNT(*) FROM unknown_events WHERE (? = '' OR account_id = ?)))"),
        { a, a, a, a, a, a, a, a, a, a, a, a });
    if (!q)
        return std::unexpected(q.error());
    StoreCounts c;
    if ((*q)->next()) {
        c.accounts = (*q)->value(0).toInt();
        c.conversations = (*q)->value(1).toInt();
        c.unreadConversations = (*q)->value(2).toInt();
        c.messages = (*q)->value(3).toLongLong();
        c.pendingOutgoing = (*q)->value(4).toInt();
        c.unknownEvents = (*q)->value(5).toInt();
    }
    (*q)->finish();
    return c;
}

Result<QHash<QString, int>> StoreReader::unreadConversationsByAccount()
{
    auto q = m_statements->run(QStringLiteral("SELECT account_id, COUNT(*) FROM conversations "
                                              "WHERE unread_count > 0 OR marked_unread = 1 "
                                              "GROUP BY account_id"),
        {});
    if (!q)
        return std::unexpected(q.error());
    QHash<QString, int> unread;
    while ((*q)->next())
        unread.insert((*q)->value(0).toString(), (*q)->value(1).toInt());
    (*q)->finish();
    return unread;
}

Result<QSet<QString>> StoreReader::knownMids(const QString &accountId, const QStringList &mids)
{
    QSet<QString> known;
    for (const QString &mid : mids) {
        auto q = m_statements->run(QStringLiteral("SELECT 1 FROM messages WHERE account_id = ? AND mid = ?"),
                                   {accountId, mid});
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->next())
            known.insert(mid);
        (*q)->finish();
    }
    return known;
}

Result<SyncState> StoreReader::syncState(const QString &accountId)
{
    SyncState state;
    auto q = m_statements->run(
        QStringLiteral(
            "SELECT ig_conversation_id, updated_ms FROM sync_conversations WHERE account_id = ?"),
        { accountId });
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next())
        state.updatedMs.insert((*q)->value(0).toString(), (*q)->value(1).toLongLong());
    (*q)->finish();
    auto c = m_statements->run(
        QStringLiteral("SELECT walk_complete FROM sync_accounts WHERE account_id = ?"),
        { accountId });
    if (!c)
        return std::unexpected(c.error());
    if ((*c)->next())
        state.walkComplete = (*c)->value(0).toBool();
    (*c)->finish();
    return state;
}

Result<QList<QByteArray>> StoreReader::unknownEvents(int limit)
{
    auto q = m_statements->run(QStringLiteral("SELECT raw_json FROM unknown_events ORDER BY id DESC LIMIT ?"),
                               {limit});
    if (!q)
        return std::unexpected(q.error());
    QList<QByteArray> list;
    while ((*q)->next())
        list.append((*q)->value(0).toString().toUtf8());
    (*q)->finish();
    return list;
}

Result<QList<Label>> StoreReader::labels()
{
    auto q = m_statements->run(
        QStringLiteral("SELECT id, name, colour FROM labels ORDER BY name COLLATE NOCASE, id"), {});
    if (!q)
        return std::unexpected(q.error());
    QList<Label> list;
    while ((*q)->next())
        list.append(
            { (*q)->value(0).toLongLong(), (*q)->value(1).toString(), (*q)->value(2).toString() });
    (*q)->finish();
    return list;
}

Result<QList<SavedReply>> StoreReader::savedReplies()
{
    auto q = m_statements->run(QStringLiteral("SELECT id, title, shortcut, text, updated_ms FROM "
                                              "saved_replies ORDER BY title COLLATE NOCASE, id"),
        {});
    if (!q)
        return std::unexpected(q.error());
    QList<SavedReply> list;
    while ((*q)->next()) {
        SavedReply r;
        r.id = (*q)->value(0).toLongLong();
        r.title = (*q)->value(1).toString();
        r.shortcut = (*q)->value(2).toString();
        r.text = (*q)->value(3).toString();
        r.updatedMs = (*q)->value(4).toLongLong();
        list.append(r);
    }
    (*q)->finish();
    return list;
}

Result<ActivityReport> StoreReader::activityReport(const ReportPeriod &period)
{
    return ActivityReportQuery(*m_statements).run(period);
}

} // namespace inlet
