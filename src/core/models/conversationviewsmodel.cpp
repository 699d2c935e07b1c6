#include "models/conversationviewsmodel.h"

#include "models/modelslogging.h"
#include "models/serialworker.h"

#include <QDateTime>

namespace inlet {

ConversationViewsModel::ConversationViewsModel(std::shared_ptr<InboxSource> source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(std::move(source))
    , m_worker(std::make_unique<SerialWorker>(QStringLiteral("inlet-view-counts")))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(150);
    connect(&m_coalesce, &QTimer::timeout, this, &ConversationViewsModel::refresh);
    m_minute.setInterval(60 * 1000);
    connect(&m_minute, &QTimer::timeout, this, &ConversationViewsModel::refresh);
    m_minute.start();
}

ConversationViewsModel::~ConversationViewsModel()
{
    m_worker.reset(); // joins the thread before any member it might report to goes away
}

QList<InboxView> ConversationViewsModel::views()
{
    return { InboxView::NeedsReply, InboxView::ReplyWindow, InboxView::Snoozed, InboxView::Done,
        InboxView::All };
}

QList<InboxView> ConversationViewsModel::teamViews()
{
    return { InboxView::NeedsReply, InboxView::Mine, InboxView::Unassigned, InboxView::ReplyWindow,
        InboxView::Snoozed, InboxView::Done, InboxView::All };
}

QString ConversationViewsModel::englishName(InboxView view)
{
    switch (view) {
    case InboxView::All:
        return QStringLiteral("All");
    case InboxView::NeedsReply:
        return QStringLiteral("Needs reply");
    case InboxView::ReplyWindow:
        return QStringLiteral("Reply window");
    case InboxView::Snoozed:
        return QStringLiteral("Snoozed");
    case InboxView::Done:
        return QStringLiteral("Done");
    case InboxView::Label:
        return QStringLiteral("Label");
    case InboxView::Mine:
        return QStringLiteral("Mine");
    case InboxView::Unassigned:
        return QStringLiteral("Unassigned");
    }
    return {};
}

int ConversationViewsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_views.size() + m_labels.size());
}

qint64 ConversationViewsModel::labelAt(int row) const
{
    const qsizetype at = row - m_views.size();
    return at >= 0 && at < m_labels.size() ? m_labels.at(at).id : 0;
}

int ConversationViewsModel::rowOfLabel(qint64 labelId) const
{
    for (qsizetype i = 0; i < m_labels.size(); ++i)
        if (m_labels.at(i).id == labelId)
            return int(m_views.size() + i);
    return -1;
}

void ConversationViewsModel::setLabels(const QList<Label> &labels)
{
    if (labels == m_labels)
        return;
    const int first = int(m_views.size());
    if (!m_labels.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_labels.size()) - 1);
        m_labels.clear();
        endRemoveRows();
    }
    if (!labels.isEmpty()) {
        beginInsertRows({}, first, first + int(labels.size()) - 1);
        m_labels = labels;
        endInsertRows();
    }
}

QVariant ConversationViewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxView view = viewAt(index.row());
    const qint64 labelId = labelAt(index.row());
    const Label *label = labelId ? findLabel(m_labels, labelId) : nullptr;
    const QString name = label ? label->name : m_viewText(view);
    const int count = label ? m_counts.ofLabel(labelId) : m_counts.of(view);
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::AccessibleTextRole:
        return m_known ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
    case ViewRole:
        return int(view);
    case CountRole:
        return count;
    case CountKnownRole:
        return m_known;
    case LabelIdRole:
        return labelId;
    case ColourRole:
        return label ? label->colour : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationViewsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { ViewRole, "view" }, { CountRole, "count" }, { CountKnownRole, "countKnown" },
        { LabelIdRole, "labelId" }, { ColourRole, "colour" } });
    return names;
}

void ConversationViewsModel::setAgent(const QString &agent)
{
    const QList<InboxView> shown = agent.isEmpty() ? views() : teamViews();
    if (shown != m_views) {
        beginResetModel();
        m_views = shown;
        endResetModel();
    }
    if (agent == m_filter.agent)
        return;
    m_filter.agent = agent;
    ++m_generation;
    refresh();
}

void ConversationViewsModel::setFilter(const InboxFilter &filter)
{
    InboxFilter base = filter.withoutView();
    base.nowMs = 0;
    base.agent = m_filter.agent;
    if (base == m_filter && m_known)
        return;
    m_filter = base;
    ++m_generation;
    refresh();
}

void ConversationViewsModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    if (m_known || m_counting)
        refresh();
}

void ConversationViewsModel::setViewText(std::function<QString(InboxView)> text)
{
    m_viewText = std::move(text);
    emit dataChanged(index(0), index(rowCount() - 1), { Qt::DisplayRole, Qt::AccessibleTextRole });
}

void ConversationViewsModel::applyStoreChange(const StoreChange &change)
{
    if (!change.conversationIds.isEmpty() || !change.removedConversationIds.isEmpty()
        || !change.accountIds.isEmpty())
        m_coalesce.start();
}

void ConversationViewsModel::refresh()
{
    m_coalesce.stop();
    if (m_counting) {
        m_countAgain = true; // one more count once the running one is in
        return;
    }
    m_counting = true;
    InboxFilter filter = m_filter;
    filter.nowMs = m_now();
    const quint64 generation = m_generation;
    m_worker->post([this, source = m_source, filter, generation] {
        auto counts = source->viewCounts(filter);
        SerialWorker::deliver(this,
            [this, generation, counts = std::move(counts)] { applyCounts(generation, counts); });
    });
}

void ConversationViewsModel::applyCounts(quint64 generation, const Result<ViewCounts> &counts)
{
    m_counting = false;
    if (generation == m_generation) {
        if (!counts) {
            qCWarning(lcModels) << "views: cannot count:" << counts.error().message;
            emit countFailed(counts.error());
        } else {
            m_counts = *counts;
            m_known = true;
            emit dataChanged(index(0), index(rowCount() - 1),
                { CountRole, CountKnownRole, Qt::AccessibleTextRole });
            emit countsChanged();
        }
    } else {
        m_countAgain = true; // the filter changed meanwhile
    }
    if (m_countAgain) {
        m_countAgain = false;
        refresh();
    }
}

} // namespace inlet
