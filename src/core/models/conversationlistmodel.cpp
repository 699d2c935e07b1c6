#include "models/conversationlistmodel.h"

#include "models/modelslogging.h"
#include "models/serialworker.h"

#include <QDateTime>

namespace inlet {

namespace {

// The Reply window view is read whole (it holds only conversations waiting for a reply inside the
// last 7 days), not paged: its order changes with the clock.
constexpr int kDeadlineViewLimit = 10'000;

} // namespace

bool ConversationListModel::before(const ConversationRow &a, const ConversationRow &b) const
{
    if (m_filter.ordersByDeadline()) {
        // The Reply window: the soonest to close first, ties by id (ascending), as the store reads.
        const qint64 now = m_now();
        const qint64 da = MessagingWindow::deadlineMs(a.lastCustomerMessageMs, now);
        const qint64 db = MessagingWindow::deadlineMs(b.lastCustomerMessageMs, now);
        if (da != db)
            return da < db;
        return a.id < b.id;
    }
    // Inbox order: newest activity first, ties by id (descending), as the store pages them.
    if (a.lastActivityMs != b.lastActivityMs)
        return a.lastActivityMs > b.lastActivityMs;
    return a.id > b.id;
}

InboxFilter ConversationListModel::queryFilter() const
{
    InboxFilter f = m_filter;
    f.nowMs = m_now();
    return f;
}

ConversationListModel::ConversationListModel(std::shared_ptr<InboxSource> source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(std::move(source))
    , m_worker(std::make_unique<SerialWorker>(QStringLiteral("inlet-inbox-reader")))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_windowTimer.setInterval(60 * 1000);
    connect(&m_windowTimer, &QTimer::timeout, this, &ConversationListModel::refreshWindows);
    m_windowTimer.start();
}

ConversationListModel::~ConversationListModel()
{
    m_worker.reset(); // joins the thread before any member it might report to goes away
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_nameText(contactName(r.name, r.username, r.customerId));
    case Qt::ToolTipRole:
        return r.username.isEmpty() ? m_nameText(contactName(r.name, r.username, r.customerId))
                                    : QStringLiteral("@") + r.username;
    case IdRole: return r.id;
    case AccountIdRole: return r.accountId;
    case CustomerIdRole: return r.customerId;
    case UsernameRole: return r.username;
    case AvatarPathRole: return r.avatarPath;
    case PreviewRole: return r.preview;
    case TimeRole: return r.lastActivityMs;
    case UnreadRole: return r.unreadCount;
    case WindowStateRole: return int(MessagingWindow::state(r.lastCustomerMessageMs, m_now()));
    case WindowTimeLeftRole: return MessagingWindow::timeLeftMs(r.lastCustomerMessageMs, m_now());
    case LastCustomerMessageRole: return r.lastCustomerMessageMs;
    case NeedsReplyRole: return r.lastFromCustomer;
    case HitMessageIdRole: return r.hitMessageId;
    case SnippetRole: return r.snippet;
    case FollowerCountRole: return r.followerCount;
    case FollowsBusinessRole: return r.followsBusiness;
    case StartedRole: return r.startedMs;
    case StatusRole:
        return int(r.status);
    case SnoozedUntilRole:
        return r.snoozedUntilMs;
    case MarkedUnreadRole:
        return r.markedUnread;
    case IsUnreadRole:
        return r.isUnread();
    case LabelIdsRole:
        return QVariant::fromValue(r.labelIds);
    case AssigneeRole:
        return r.assignee;
    default: return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { IdRole, "conversationId" }, { AccountIdRole, "accountId" },
        { CustomerIdRole, "customerId" }, { NameRole, "name" }, { UsernameRole, "username" },
        { AvatarPathRole, "avatarPath" }, { PreviewRole, "preview" }, { TimeRole, "time" },
        { UnreadRole, "unread" }, { WindowStateRole, "windowState" },
        { WindowTimeLeftRole, "windowTimeLeft" },
        { LastCustomerMessageRole, "lastCustomerMessage" }, { NeedsReplyRole, "needsReply" },
        { HitMessageIdRole, "hitMessageId" }, { SnippetRole, "snippet" },
        { FollowerCountRole, "followerCount" }, { FollowsBusinessRole, "followsBusiness" },
        { StartedRole, "started" }, { StatusRole, "status" }, { SnoozedUntilRole, "snoozedUntil" },
        { MarkedUnreadRole, "markedUnread" }, { IsUnreadRole, "isUnread" },
        { LabelIdsRole, "labelIds" }, { AssigneeRole, "assignee" } });
    return names;
}

void ConversationListModel::setNameText(ContactNameText text)
{
    m_nameText = std::move(text);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                         {Qt::DisplayRole, NameRole, Qt::ToolTipRole});
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching && m_search.isEmpty()
        && !m_filter.ordersByDeadline();
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_cursor)
        return;
    m_fetching = true;
    const InboxKey after = *m_cursor;
    const quint64 generation = m_generation;
    startLoad([this, source = m_source, filter = queryFilter(), after, limit = m_pageSize,
                  generation] {
        auto page = source->inboxPage(filter, after, limit);
        SerialWorker::deliver(this, [this, generation, page = std::move(page)]() mutable {
            applyPage(generation, std::move(page), false);
        });
    });
}

void ConversationListModel::setFilter(const InboxFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void ConversationListModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reload();
}

void ConversationListModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    refreshWindows();
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conversationId)
            return i;
    }
    return -1;
}

void ConversationListModel::reload()
{
    const quint64 generation = ++m_generation;
    m_fetching = true;
    const int limit = m_filter.ordersByDeadline() ? kDeadlineViewLimit : m_pageSize;
    startLoad([this, source = m_source, filter = queryFilter(), search = m_search, limit,
                  generation] {
        auto page = search.isEmpty() ? source->inboxPage(filter, std::nullopt, limit)
                                     : source->search(search, filter, limit);
        SerialWorker::deliver(this, [this, generation, page = std::move(page)]() mutable {
            applyPage(generation, std::move(page), true);
        });
    });
}

void ConversationListModel::applyChange(const QList<qint64> &conversationIds)
{
    if (conversationIds.isEmpty())
        return;
    const quint64 generation = m_generation;
    startLoad([this, source = m_source, conversationIds, generation] {
        QList<std::pair<qint64, std::optional<ConversationRow>>> rows;
        for (qint64 id : conversationIds) {
            auto row = source->conversation(id);
            if (!row) {
                qCWarning(lcModels) << "inbox: cannot read conversation" << id << row.error().message;
                continue;
            }
            rows.append({id, std::move(*row)});
        }
        SerialWorker::deliver(this, [this, generation, rows = std::move(rows)] {
            if (generation == m_generation) {
                for (const auto &[id, row] : rows)
                    applyRow(id, row);
            }
            finishLoad();
        });
    });
}

void ConversationListModel::applyStoreChange(const StoreChange &change)
{
    // A removed conversation reads back as "not found", which removes its row.
    QList<qint64> ids = change.conversationIds;
    for (qint64 id : change.removedConversationIds) {
        if (!ids.contains(id))
            ids.append(id);
    }
    applyChange(ids);
}

void ConversationListModel::refreshWindows()
{
    if (m_rows.isEmpty())
        return;
    emit dataChanged(
        index(0), index(int(m_rows.size()) - 1), { WindowStateRole, WindowTimeLeftRole });
    if (!m_filter.ordersByDeadline() || !m_search.isEmpty())
        return;
    // The Reply window's order moves with the clock (a 24 h window passing to the 7 days), and a
    // window that closed leaves the view: read it again when either happened.
    const qint64 now = m_now();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_filter.accepts(m_rows.at(i), now)
            || (i > 0 && before(m_rows.at(i), m_rows.at(i - 1)))) {
            reload();
            return;
        }
    }
}

void ConversationListModel::startLoad(std::function<void()> job)
{
    if (m_pendingLoads++ == 0)
        emit loadingChanged(true);
    m_worker->post(std::move(job));
}

void ConversationListModel::finishLoad()
{
    if (--m_pendingLoads == 0)
        emit loadingChanged(false);
}

void ConversationListModel::applyPage(quint64 generation, Result<QList<ConversationRow>> page,
                                      bool reset)
{
    const bool current = generation == m_generation;
    if (current) {
        m_fetching = false;
        if (!page) {
            qCWarning(lcModels) << "inbox: query failed:" << page.error().message;
            m_hasMore = false;
            emit loadFailed(page.error());
        } else if (reset) {
            beginResetModel();
            m_rows = std::move(*page);
            m_hasMore
                = m_search.isEmpty() && !m_filter.ordersByDeadline() && m_rows.size() >= m_pageSize;
            m_cursor.reset();
            if (!m_rows.isEmpty())
                m_cursor = InboxKey{m_rows.constLast().lastActivityMs, m_rows.constLast().id};
            endResetModel();
        } else {
            // A row may already be here if it moved up while this page was read: skip it.
            QList<ConversationRow> fresh;
            for (auto &row : *page) {
                if (rowOf(row.id) < 0)
                    fresh.append(std::move(row));
            }
            m_hasMore = page->size() >= m_pageSize;
            if (!page->isEmpty())
                m_cursor = InboxKey{page->constLast().lastActivityMs, page->constLast().id};
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
                m_rows.append(std::move(fresh));
                endInsertRows();
            }
        }
    }
    finishLoad();
    if (current && reset && page)
        emit loaded();
}

bool ConversationListModel::accepts(const ConversationRow &row) const
{
    return m_filter.accepts(row, m_now());
}

int ConversationListModel::insertPosition(const ConversationRow &row, int skip) const
{
    // Position in the list without the row at `skip` (the one being moved).
    int pos = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (i == skip)
            continue;
        if (before(m_rows.at(i), row))
            ++pos;
        else
            break;
    }
    return pos;
}

void ConversationListModel::applyRow(qint64 id, const std::optional<ConversationRow> &row)
{
    const int current = rowOf(id);

    if (!m_search.isEmpty()) {
        // Search results keep their order and hits; only refresh what they show.
        if (current >= 0 && row) {
            ConversationRow updated = *row;
            updated.hitMessageId = m_rows.at(current).hitMessageId;
            updated.snippet = m_rows.at(current).snippet;
            m_rows[current] = std::move(updated);
            emit dataChanged(index(current), index(current));
        }
        return;
    }

    if (!row || !accepts(*row)) {
        if (current >= 0) {
            beginRemoveRows({}, current, current);
            m_rows.removeAt(current);
            endRemoveRows();
        }
        return;
    }

    const bool beyondLoaded = m_hasMore && m_cursor
        && std::pair(row->lastActivityMs, row->id) < std::pair(m_cursor->lastActivityMs, m_cursor->id);
    if (beyondLoaded) {
        // It sorts below the pages read so far: it will arrive with a later page.
        if (current >= 0) {
            beginRemoveRows({}, current, current);
            m_rows.removeAt(current);
            endRemoveRows();
        }
        return;
    }

    const int pos = insertPosition(*row, current);
    if (current < 0) {
        beginInsertRows({}, pos, pos);
        m_rows.insert(pos, *row);
        endInsertRows();
    } else if (pos == current) {
        m_rows[current] = *row;
        emit dataChanged(index(current), index(current));
    } else {
        // beginMoveRows counts the destination before the move.
        const int destination = pos < current ? pos : pos + 1;
        beginMoveRows({}, current, current, {}, destination);
        m_rows.move(current, pos);
        endMoveRows();
        m_rows[pos] = *row;
        emit dataChanged(index(pos), index(pos));
    }
}

} // namespace inlet
