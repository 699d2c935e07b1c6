#include "models/storeinboxsource.h"

#include "model/reactions.h"
#include "store/readerpool.h"
#include "store/storereader.h"

#include <QDir>
#include <QFileInfo>

namespace inlet {

StoreInboxSource::StoreInboxSource(std::shared_ptr<ReaderPool> readers, QString avatarDir)
    : m_readers(std::move(readers))
    , m_avatarDir(std::move(avatarDir))
{
}

StoreInboxSource::~StoreInboxSource() = default;

Result<StoreReader *> StoreInboxSource::reader()
{
    return m_readers->reader();
}

ConversationRow StoreInboxSource::toRow(const StoredConversation &c) const
{
    ConversationRow r;
    r.id = c.id;
    r.accountId = c.accountId;
    r.customerId = c.customerId;
    r.name = c.contact.name;
    r.username = c.contact.username;
    if (!m_avatarDir.isEmpty() && !c.customerId.isEmpty()) {
        const QString path = QDir(m_avatarDir).filePath(c.customerId);
        if (QFileInfo::exists(path))
            r.avatarPath = path;
    }
    r.preview = c.lastMessagePreview;
    r.lastActivityMs = c.lastActivityMs;
    r.lastCustomerMessageMs = c.lastCustomerMessageMs;
    r.unreadCount = c.unreadCount;
    r.lastFromCustomer = c.needsReply();
    r.followerCount = c.contact.followerCount;
    r.followsBusiness = c.contact.followsBusiness;
    r.startedMs = c.startedMs;
    r.olderMissing = c.olderMissing;
    r.status = c.status;
    r.snoozedUntilMs = c.snoozedUntilMs;
    r.markedUnread = c.markedUnread;
    r.hasAttachment = c.hasAttachment;
    r.hasStory = c.hasStory;
    r.labelIds = c.labelIds;
    r.assignee = c.assignee;
    r.statusBy = c.statusBy;
    return r;
}

MessageRow StoreInboxSource::toRow(const StoredMessage &m)
{
    MessageRow r;
    r.id = m.id;
    r.conversationId = m.conversationId;
    r.mid = m.mid;
    switch (m.kind) {
    case MessageKind::Message: r.kind = MessageRow::Kind::Message; break;
    case MessageKind::Postback: r.kind = MessageRow::Kind::Postback; break;
    case MessageKind::Referral: r.kind = MessageRow::Kind::Referral; break;
    case MessageKind::Note:
        r.kind = MessageRow::Kind::Note;
        break;
    }
    r.outgoing = m.outgoing;
    r.text = m.text;
    r.createdMs = m.createdMs;
    r.state = m.state;
    r.error = m.errorText;
    r.replyToMid = m.replyToMid;
    r.replyToText = m.replyToText;
    r.replyToStoryUrl = m.replyToStoryUrl;
    if (m.kind == MessageKind::Note) {
        r.sentBy = m.meta.value(QLatin1String("note_author")).toString();
        r.noteId = m.clientId;
    }
    if (m.outgoing) {
        // Team mode: the agent's display name, or its role (docs/team.md).
        r.sentBy = m.meta.value(QLatin1String("sent_by_name")).toString();
        if (r.sentBy.isEmpty())
            r.sentBy = m.meta.value(QLatin1String("sent_by")).toString();
        r.sentElsewhere
            = r.sentBy.isEmpty() && m.meta.value(QLatin1String("sent_elsewhere")).toBool();
    }
    r.attachments.reserve(m.attachments.size());
    for (const auto &a : m.attachments)
        // An attachment sent from a file shows the file at once (before, and after, it is uploaded).
        r.attachments.append({a.type, a.url, a.title, a.payload.value(QLatin1String("local_path")).toString()});
    r.reactions.reserve(m.reactions.size());
    for (const auto &x : m.reactions) {
        // Instagram sends a name ("love", "laugh", ...), an emoji, or both.
        r.reactions.append(
            { x.reactorId, reactions::display(x.reaction, x.emoji), x.reactorId == m.accountId });
    }
    r.editCount = m.editCount;
    r.deleted = m.deleted;
    r.seen = m.seen;
    return r;
}

namespace {

template <typename From, typename Conv>
auto convertList(const QList<From> &list, Conv conv)
{
    QList<std::invoke_result_t<Conv, const From &>> out;
    out.reserve(list.size());
    for (const auto &item : list)
        out.append(conv(item));
    return out;
}

// Search looks at every status: the view does not apply, the other filters do.
bool passes(const ConversationRow &row, const InboxFilter &filter)
{
    return filter.withoutView().accepts(row, filter.nowMs);
}

} // namespace

InboxQuery StoreInboxSource::queryFor(const InboxFilter &filter)
{
    InboxQuery query;
    query.accountId = filter.accountId;
    query.unreadOnly = filter.unreadOnly;
    query.needsReplyOnly = filter.needsReplyOnly;
    query.view = filter.view;
    query.hasAttachment = filter.hasAttachment;
    query.storyOnly = filter.storyOnly;
    query.labelId = filter.labelId;
    query.viewLabelId = filter.viewLabelId;
    query.agent = filter.agent;
    query.activeFromMs = filter.activeFromMs;
    query.activeUntilMs = filter.activeUntilMs;
    query.nowMs = filter.nowMs;
    return query;
}

Result<QList<ConversationRow>> StoreInboxSource::inboxPage(const InboxFilter &filter,
                                                           std::optional<InboxKey> after, int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    InboxQuery query = queryFor(filter);
    if (after)
        query.after = InboxCursor{after->lastActivityMs, after->id};
    query.limit = limit;
    auto page = (*r)->inbox(query);
    if (!page)
        return std::unexpected(page.error());
    return convertList(*page, [this](const StoredConversation &c) { return toRow(c); });
}

Result<ViewCounts> StoreInboxSource::viewCounts(const InboxFilter &filter)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    return (*r)->viewCounts(queryFor(filter));
}

Result<std::optional<ConversationRow>> StoreInboxSource::conversation(qint64 id)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto c = (*r)->conversation(id);
    if (!c)
        return std::unexpected(c.error());
    if (!*c)
        return std::optional<ConversationRow>{};
    return std::optional<ConversationRow>{toRow(**c)};
}

Result<QList<ConversationRow>> StoreInboxSource::search(const QString &query,
                                                        const InboxFilter &filter, int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    StoreReader *db = *r;
    QList<ConversationRow> rows;
    QSet<qint64> seen;

    // Contacts by name or username first: that is usually what the manager types.
    auto contacts = db->searchContacts(query, limit);
    if (!contacts)
        return std::unexpected(contacts.error());
    if (!contacts->isEmpty()) {
        auto accounts = db->accounts();
        if (!accounts)
            return std::unexpected(accounts.error());
        for (const Contact &contact : std::as_const(*contacts)) {
            for (const Account &account : std::as_const(*accounts)) {
                auto c = db->conversationFor(account.id, contact.id);
                if (!c)
                    return std::unexpected(c.error());
                if (!*c || seen.contains((*c)->id))
                    continue;
                ConversationRow row = toRow(**c);
                if (!passes(row, filter))
                    continue;
                seen.insert(row.id);
                rows.append(std::move(row));
            }
        }
    }

    // Then full-text hits, newest first, one row per conversation (its newest hit).
    auto hits = db->search(query, filter.accountId, limit * 2);
    if (!hits)
        return std::unexpected(hits.error());
    for (const SearchHit &hit : std::as_const(*hits)) {
        if (rows.size() >= limit)
            break;
        if (seen.contains(hit.conversationId))
            continue;
        auto c = db->conversation(hit.conversationId);
        if (!c)
            return std::unexpected(c.error());
        if (!*c)
            continue;
        ConversationRow row = toRow(**c);
        seen.insert(row.id);
        if (!passes(row, filter))
            continue;
        row.hitMessageId = hit.messageId;
        row.snippet = hit.snippet;
        rows.append(std::move(row));
    }
    return rows.mid(0, limit);
}

Result<QList<ConversationRow>> StoreInboxSource::findByContact(const QString &text,
                                                               const InboxFilter &filter, int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto found = (*r)->conversationsByContact(text, filter.accountId, limit);
    if (!found)
        return std::unexpected(found.error());
    return convertList(*found, [this](const StoredConversation &c) { return toRow(c); });
}

Result<std::optional<ContactIndex>> StoreInboxSource::contactIndex()
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto index = (*r)->contactIndex();
    if (!index)
        return std::unexpected(index.error());
    return std::optional<ContactIndex>(std::move(*index));
}

Result<QList<ConversationRow>> StoreInboxSource::conversationsByIds(const QList<qint64> &ids)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto found = (*r)->conversationsByIds(ids);
    if (!found)
        return std::unexpected(found.error());
    return convertList(*found, [this](const StoredConversation &c) { return toRow(c); });
}

Result<QList<MessageRow>> StoreInboxSource::newestMessages(qint64 conversationId, int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto page = (*r)->newestMessages(conversationId, limit);
    if (!page)
        return std::unexpected(page.error());
    return convertList(*page, [](const StoredMessage &m) { return toRow(m); });
}

Result<QList<MessageRow>> StoreInboxSource::messagesBefore(qint64 conversationId, MessageKey before,
                                                           int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto page = (*r)->messagesBefore(conversationId, {before.createdMs, before.id}, limit);
    if (!page)
        return std::unexpected(page.error());
    return convertList(*page, [](const StoredMessage &m) { return toRow(m); });
}

Result<QList<MessageRow>> StoreInboxSource::messagesAfter(qint64 conversationId, MessageKey after,
                                                          int limit)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto page = (*r)->messagesAfter(conversationId, {after.createdMs, after.id}, limit);
    if (!page)
        return std::unexpected(page.error());
    return convertList(*page, [](const StoredMessage &m) { return toRow(m); });
}

Result<std::optional<MessageRow>> StoreInboxSource::message(qint64 id)
{
    auto r = reader();
    if (!r)
        return std::unexpected(r.error());
    auto m = (*r)->message(id);
    if (!m)
        return std::unexpected(m.error());
    if (!*m)
        return std::optional<MessageRow>{};
    return std::optional<MessageRow>{toRow(**m)};
}

} // namespace inlet
