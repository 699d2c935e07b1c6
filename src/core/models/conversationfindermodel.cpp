#include "models/conversationfindermodel.h"

#include "models/conversationlistmodel.h"
#include "models/modelslogging.h"
#include "models/serialworker.h"

#include <QElapsedTimer>

namespace inlet {

using Roles = ConversationListModel;

struct ConversationFinderModel::WorkerState {
    std::optional<ContactIndex> index;
    QElapsedTimer age;
    bool sourceHasNone = false;

    // Matches through the snapshot (taken when missing or old), or the source's scan.
    Result<QList<ConversationRow>> find(
        InboxSource &source, const QString &text, const InboxFilter &filter, int limit)
    {
        if (!sourceHasNone && (!index || age.hasExpired(kIndexMaxAgeMs))) {
            if (auto status = refresh(source); !status)
                return std::unexpected(status.error());
        }
        if (sourceHasNone)
            return source.findByContact(text, filter, limit);
        return source.conversationsByIds(index->find(text, filter.accountId, limit));
    }

    Status refresh(InboxSource &source)
    {
        auto fresh = source.contactIndex();
        if (!fresh)
            return std::unexpected(fresh.error());
        sourceHasNone = !*fresh;
        index = std::move(*fresh);
        age.start();
        return {};
    }
};

ConversationFinderModel::ConversationFinderModel(
    std::shared_ptr<InboxSource> source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(std::move(source))
    , m_worker(std::make_unique<SerialWorker>(QStringLiteral("inlet-finder-reader")))
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
    , m_state(std::make_shared<WorkerState>())
{
}

ConversationFinderModel::~ConversationFinderModel()
{
    m_worker.reset(); // joins the thread before the rows it reports to go away
}

int ConversationFinderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationFinderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Roles::NameRole:
        return m_nameText(contactName(r.name, r.username, r.customerId));
    case Qt::AccessibleTextRole: {
        const ContactName name = contactName(r.name, r.username, r.customerId);
        return name.kind == ContactName::Kind::Name && !r.username.isEmpty()
            ? m_nameText(name) + QStringLiteral(" @") + r.username
            : m_nameText(name);
    }
    case Roles::IdRole:
        return r.id;
    case Roles::AccountIdRole:
        return r.accountId;
    case Roles::CustomerIdRole:
        return r.customerId;
    case Roles::UsernameRole:
        return r.username;
    case Roles::AvatarPathRole:
        return r.avatarPath;
    case Roles::TimeRole:
        return r.lastActivityMs;
    case Roles::UnreadRole:
        return r.unreadCount;
    case Roles::LabelIdsRole:
        return QVariant::fromValue(r.labelIds);
    default:
        return {};
    }
}

void ConversationFinderModel::setQuery(const QString &text)
{
    m_query = text.trimmed();
    const quint64 generation = ++*m_generation;
    ++m_pending;
    m_worker->post([this, source = m_source, latest = m_generation, generation, query = m_query,
                       filter = InboxFilter { m_accountId, false, false }, limit = m_limit,
                       state = m_state] {
        if (query.isEmpty()) // the switcher opened: the names may have changed since
            state->index.reset();
        if (latest->load() != generation) { // a newer keystroke is already queued
            SerialWorker::deliver(this, [this] { --m_pending; });
            return;
        }
        auto rows = query.isEmpty() ? source->inboxPage(filter, std::nullopt, limit)
                                    : state->find(*source, query, filter, limit);
        SerialWorker::deliver(this, [this, generation, rows = std::move(rows)]() mutable {
            --m_pending;
            if (generation != m_generation->load())
                return;
            if (!rows) {
                qCWarning(lcModels) << "quick switcher: lookup failed:" << rows.error().message;
                emit loadFailed(rows.error());
                return;
            }
            replaceRows(std::move(*rows));
            emit loaded();
        });
        // While the most recent rows are shown and the first letter is typed, read the names
        // for the keystrokes to come (a failure is met again, and reported, by the next lookup).
        if (query.isEmpty() && latest->load() == generation)
            (void)state->refresh(*source);
    });
}

void ConversationFinderModel::replaceRows(QList<ConversationRow> rows)
{
    // Rows removed or added at the end and the others changed in place, not a reset: the view
    // keeps its layout of uniform rows and lays out only the rows added (a reset at each
    // keystroke made it lay out and repaint the list from scratch: docs/benchmarks-ui.md).
    const int before = int(m_rows.size());
    const int after = int(rows.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_rows.resize(after);
        endRemoveRows();
    }
    const int kept = qMin(before, after);
    QList<ConversationRow> added = rows.mid(kept);
    rows.resize(kept);
    m_rows = std::move(rows);
    if (kept > 0)
        emit dataChanged(index(0), index(kept - 1));
    if (!added.isEmpty()) {
        beginInsertRows({}, kept, after - 1);
        m_rows.append(std::move(added));
        endInsertRows();
    }
}

} // namespace inlet
