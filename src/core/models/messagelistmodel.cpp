#include "models/messagelistmodel.h"

#include "models/modelslogging.h"
#include "models/serialworker.h"

#include <QDateTime>
#include <QPromise>
#include <QVariantMap>

#include <algorithm>

namespace inlet {

namespace {

QDate localDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

QVariantList attachmentList(const QList<AttachmentRow> &attachments)
{
    QVariantList list;
    list.reserve(attachments.size());
    for (const auto &a : attachments) {
        list.append(QVariantMap{{QStringLiteral("type"), a.type},
                                {QStringLiteral("url"), a.url},
                                {QStringLiteral("title"), a.title},
                                {QStringLiteral("localPath"), a.localPath}});
    }
    return list;
}

QStringList reactionList(const QList<ReactionRow> &reactions)
{
    QStringList list;
    list.reserve(reactions.size());
    for (const auto &r : reactions)
        list.append(r.emoji);
    return list;
}

QString ownReaction(const QList<ReactionRow> &reactions)
{
    for (const auto &r : reactions)
        if (r.own)
            return r.emoji;
    return {};
}

} // namespace

MessageListModel::MessageListModel(std::shared_ptr<InboxSource> source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(std::move(source))
    , m_worker(std::make_unique<SerialWorker>(QStringLiteral("inlet-messages-reader")))
{
}

MessageListModel::~MessageListModel()
{
    m_worker.reset(); // joins the thread before any member it might report to goes away
}

template <typename T>
void MessageListModel::post(std::function<T()> read, std::function<void(T)> apply)
{
    ++m_pending;
    const quint64 generation = m_generation;
    m_worker->post([this, read = std::move(read), apply = std::move(apply), generation]() mutable {
        T result = read();
        SerialWorker::deliver(this,
            [this, apply = std::move(apply), generation, result = std::move(result)]() mutable {
                --m_pending;
                if (generation == m_generation)
                    apply(std::move(result));
            });
    });
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    const MessageRow &m = item.row;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return m.text;
    case IdRole: return m.id;
    case MidRole: return m.mid;
    case KindRole: return int(m.kind);
    case OutgoingRole: return m.outgoing;
    case TimeRole: return m.createdMs;
    case DaySeparatorRole: return startsDay(index.row());
    case AttachmentsRole: return attachmentList(m.attachments);
    case ReplyToMidRole: return m.replyToMid;
    case ReplyQuoteRole: return m.replyToText;
    case ReplyToStoryRole: return m.replyToStoryUrl;
    case ReactionsRole: return reactionList(m.reactions);
    case EditedRole: return m.editCount > 0;
    case EditCountRole: return m.editCount;
    case DeletedRole: return m.deleted;
    case SeenRole: return m.seen;
    case StateRole: return int(m.state);
    case ErrorRole: return m.error;
    case RevisionRole: return item.revision;
    case UploadProgressRole: return item.uploadProgress;
    case OwnReactionRole: return ownReaction(m.reactions);
    case SentByRole:
        return m.sentBy;
    case SentElsewhereRole:
        return m.sentElsewhere;
    case NoteIdRole:
        return m.noteId;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { IdRole, "messageId" }, { MidRole, "mid" }, { KindRole, "kind" },
        { OutgoingRole, "outgoing" }, { TextRole, "text" }, { TimeRole, "time" },
        { DaySeparatorRole, "daySeparator" }, { AttachmentsRole, "attachments" },
        { ReplyToMidRole, "replyToMid" }, { ReplyQuoteRole, "replyQuote" },
        { ReplyToStoryRole, "replyToStory" }, { ReactionsRole, "reactions" },
        { EditedRole, "edited" }, { EditCountRole, "editCount" }, { DeletedRole, "deleted" },
        { SeenRole, "seen" }, { StateRole, "state" }, { ErrorRole, "error" },
        { RevisionRole, "revision" }, { UploadProgressRole, "uploadProgress" },
        { OwnReactionRole, "ownReaction" }, { SentByRole, "sentBy" },
        { SentElsewhereRole, "sentElsewhere" }, { NoteIdRole, "noteId" } });
    return names;
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasOlder && m_viewDrivenFetch && !m_fetchingOlder;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchOlder();
}

void MessageListModel::fetchOlder(int rows)
{
    if (!m_hasOlder || m_items.isEmpty() || m_fetchingOlder)
        return;
    m_fetchingOlder = true;
    const int limit = rows > 0 ? rows : m_pageSize;
    using Page = Result<QList<MessageRow>>;
    post<Page>([source = m_source, id = m_conversationId, key = m_items.constFirst().row.key(),
                   limit] { return source->messagesBefore(id, key, limit); },
        [this, limit](Page page) {
            if (!page) {
                m_fetchingOlder = false;
                m_hasOlder = false;
                emit failed(page.error());
                emit olderFetched(0);
                return;
            }
            m_hasOlder = page->size() >= limit;
            const int added = prepend(std::move(*page)); // still "fetching older" while inserting
            m_fetchingOlder = false;
            emit olderFetched(added);
        });
}

void MessageListModel::fetchNewer()
{
    if (!m_hasNewer || m_items.isEmpty() || m_fetchingNewer)
        return;
    m_fetchingNewer = true;
    using Page = Result<QList<MessageRow>>;
    post<Page>([source = m_source, id = m_conversationId, key = m_items.constLast().row.key(),
                   limit = m_pageSize] { return source->messagesAfter(id, key, limit); },
        [this](Page page) {
            m_fetchingNewer = false;
            if (!page) {
                m_hasNewer = false;
                emit failed(page.error());
                return;
            }
            m_hasNewer = page->size() >= m_pageSize;
            append(std::move(*page));
        });
}

namespace {

struct Opened {
    QList<MessageRow> rows;
    bool hasOlder = false;
    bool hasNewer = false;
};

// The first rows of a conversation: its newest page, or the page around a message.
Result<Opened> readOpening(
    InboxSource &source, qint64 conversationId, qint64 atMessageId, int pageSize)
{
    Opened opened;
    if (atMessageId > 0) {
        auto hit = source.message(atMessageId);
        if (!hit)
            return std::unexpected(hit.error());
        if (!*hit || (*hit)->conversationId != conversationId)
            return fail(Error::Kind::Invalid, QStringLiteral("message not in this conversation"));
        const int half = qMax(1, pageSize / 2);
        auto older = source.messagesBefore(conversationId, (*hit)->key(), half);
        auto newer = source.messagesAfter(conversationId, (*hit)->key(), half);
        if (!older)
            return std::unexpected(older.error());
        if (!newer)
            return std::unexpected(newer.error());
        opened.hasOlder = older->size() >= half;
        opened.hasNewer = newer->size() >= half;
        opened.rows = std::move(*older);
        opened.rows.append(**hit);
        opened.rows.append(std::move(*newer));
    } else {
        auto newest = source.newestMessages(conversationId, pageSize);
        if (!newest)
            return std::unexpected(newest.error());
        opened.hasOlder = newest->size() >= pageSize;
        opened.rows = std::move(*newest);
    }
    return opened;
}

// open()'s answer; dropped unanswered (a newer open() or clear(), or the model went): Cancelled.
struct OpenPromise {
    QPromise<Status> promise;
    OpenPromise() { promise.start(); }
    ~OpenPromise()
    {
        if (!promise.future().isFinished())
            settle(fail(Error::Kind::Cancelled, QStringLiteral("cancelled")));
    }
    void settle(Status status)
    {
        promise.addResult(std::move(status));
        promise.finish();
    }
};

} // namespace

QFuture<Status> MessageListModel::open(qint64 conversationId, qint64 atMessageId)
{
    ++m_generation; // answers for what was shown (or opening) before are dropped
    m_fetchingOlder = m_fetchingNewer = false;
    auto done = std::make_shared<OpenPromise>();
    QFuture<Status> future = done->promise.future();
    post<Result<Opened>>(
        [source = m_source, conversationId, atMessageId, pageSize = m_pageSize] {
            return readOpening(*source, conversationId, atMessageId, pageSize);
        },
        [this, conversationId, done](Result<Opened> opened) {
            if (!opened) {
                done->settle(std::unexpected(opened.error()));
                return;
            }
            beginResetModel();
            m_conversationId = conversationId;
            m_hasOlder = opened->hasOlder;
            m_hasNewer = opened->hasNewer;
            m_items.clear();
            m_items.reserve(opened->rows.size());
            for (auto &row : opened->rows)
                m_items.append(Item { std::move(row), m_nextRevision++ });
            endResetModel();
            done->settle({});
        });
    return future;
}

void MessageListModel::clear()
{
    ++m_generation;
    m_fetchingOlder = m_fetchingNewer = false;
    beginResetModel();
    m_items.clear();
    m_conversationId = 0;
    m_hasOlder = m_hasNewer = false;
    endResetModel();
}

int MessageListModel::rowOfMessage(qint64 messageId) const
{
    // Changes mostly touch recent rows: search from the bottom.
    for (int i = int(m_items.size()) - 1; i >= 0; --i) {
        if (m_items.at(i).row.id == messageId)
            return i;
    }
    return -1;
}

void MessageListModel::applyChange(const QList<qint64> &messageIds)
{
    if (m_conversationId == 0 || messageIds.isEmpty())
        return;
    using Rows = QList<std::pair<qint64, std::optional<MessageRow>>>;
    post<Rows>(
        [source = m_source, messageIds] {
            Rows rows;
            for (qint64 id : messageIds) {
                auto row = source->message(id);
                if (!row) {
                    qCWarning(lcModels)
                        << "messages: cannot read message" << id << row.error().message;
                    continue;
                }
                rows.append({ id, std::move(*row) });
            }
            return rows;
        },
        [this](Rows rows) {
            for (const auto &[id, row] : std::as_const(rows)) {
                if (row && row->conversationId != m_conversationId)
                    continue;
                applyRow(id, row);
            }
        });
}

void MessageListModel::removeMessages(const QList<qint64> &messageIds)
{
    for (qint64 id : messageIds)
        applyRow(id, std::nullopt);
}

void MessageListModel::applyStoreChange(const StoreChange &change)
{
    if (m_conversationId == 0)
        return;
    if (change.removedConversationIds.contains(m_conversationId)) {
        clear();
        return;
    }
    removeMessages(change.removedMessageIds);
    applyChange(change.messageIds);
}

int MessageListModel::prepend(QList<MessageRow> rows)
{
    // Keyset pages never overlap, but a live insert may have landed meanwhile: skip known ids.
    rows.removeIf([this](const MessageRow &r) { return rowOfMessage(r.id) >= 0; });
    if (rows.isEmpty())
        return 0;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    QList<Item> items;
    items.reserve(rows.size() + m_items.size());
    for (auto &row : rows)
        items.append(Item{std::move(row), m_nextRevision++});
    items.append(std::move(m_items));
    m_items = std::move(items);
    endInsertRows();
    touchBoundary(int(rows.size()));
    return int(rows.size());
}

void MessageListModel::append(QList<MessageRow> rows)
{
    rows.removeIf([this](const MessageRow &r) { return rowOfMessage(r.id) >= 0; });
    if (rows.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (auto &row : rows)
        m_items.append(Item{std::move(row), m_nextRevision++});
    endInsertRows();
}

void MessageListModel::applyRow(qint64 id, const std::optional<MessageRow> &row)
{
    const int current = rowOfMessage(id);
    if (!row) {
        // Gone from the store (an outbox message the manager deleted).
        if (current >= 0) {
            beginRemoveRows({}, current, current);
            m_items.removeAt(current);
            endRemoveRows();
            touchBoundary(current);
        }
        return;
    }
    if (current >= 0 && m_items.at(current).row.key() == row->key()) {
        // The progress survives a re-read while the message still waits for its upload.
        const double progress = row->state == MessageState::Queued ? m_items.at(current).uploadProgress : -1;
        m_items[current] = Item{*row, m_nextRevision++, progress};
        emit dataChanged(index(current), index(current));
        return;
    }
    if (current >= 0) {
        // Its time changed (rare: an outbox row re-stamped when sent): take it out, put it back.
        beginRemoveRows({}, current, current);
        m_items.removeAt(current);
        endRemoveRows();
        touchBoundary(current);
    }
    const auto pos = std::lower_bound(m_items.cbegin(), m_items.cend(), row->key(),
                                      [](const Item &item, const MessageKey &key) {
                                          return item.row.key() < key;
                                      });
    const int at = int(pos - m_items.cbegin());
    // Outside the loaded range, with more to page in that direction: paging will bring it.
    if ((at == 0 && m_hasOlder && !m_items.isEmpty()) || (at == m_items.size() && m_hasNewer))
        return;
    beginInsertRows({}, at, at);
    m_items.insert(at, Item{*row, m_nextRevision++});
    endInsertRows();
    touchBoundary(at + 1);
}

void MessageListModel::setUploadProgress(qint64 messageId, qint64 sent, qint64 total)
{
    const int row = rowOfMessage(messageId);
    if (row < 0 || total <= 0)
        return;
    Item &item = m_items[row];
    // A late report after the upload finished must not bring the bar back.
    if (item.row.state != MessageState::Queued)
        return;
    const double progress = qBound(0.0, double(sent) / double(total), 1.0);
    if (progress == item.uploadProgress)
        return;
    QList<int> roles{UploadProgressRole};
    if (item.uploadProgress < 0) {
        // The bubble gains its progress bar: a new layout.
        item.revision = m_nextRevision++;
        roles.append(RevisionRole);
    }
    item.uploadProgress = progress;
    emit dataChanged(index(row), index(row), roles);
}

bool MessageListModel::startsDay(int row) const
{
    if (row == 0)
        return true;
    return localDay(m_items.at(row).row.createdMs) != localDay(m_items.at(row - 1).row.createdMs);
}

void MessageListModel::touchBoundary(int row)
{
    // The row after an insert or removal may gain or lose its day separator.
    if (row >= 0 && row < m_items.size()) {
        m_items[row].revision = m_nextRevision++;
        emit dataChanged(index(row), index(row), {DaySeparatorRole, RevisionRole});
    }
}

} // namespace inlet
