#include "app/inbox/triagepanel.h"

#include "app/inbox/conversationviewsdelegate.h"
#include "app/inbox/labelchips.h"
#include "models/conversationviewsmodel.h"
#include "ui_triagepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QListView>

namespace inlet::app {

namespace {

// The views the list shows at least, scrolling when there are more than the window has room for.
constexpr int kMinVisibleViews = 4;

QString viewName(InboxView view)
{
    switch (view) {
    case InboxView::All:
        return TriagePanel::tr("All");
    case InboxView::NeedsReply:
        return TriagePanel::tr("Needs reply");
    case InboxView::ReplyWindow:
        return TriagePanel::tr("Reply window");
    case InboxView::Snoozed:
        return TriagePanel::tr("Snoozed");
    case InboxView::Done:
        return TriagePanel::tr("Done");
    case InboxView::Label:
        return TriagePanel::tr("Label");
    case InboxView::Mine:
        return TriagePanel::tr("Mine");
    case InboxView::Unassigned:
        return TriagePanel::tr("Unassigned");
    }
    return {};
}

// The date filter's choices: a range of local days (now is local time), [from, until) with 0 for an
// open end.
enum class DateRange { Any, Today, Yesterday, Last7Days, Last30Days, Older };

std::pair<qint64, qint64> rangeOf(DateRange range, const QDateTime &now)
{
    const QDate today = now.date();
    auto start
        = [&](int daysBack) { return today.addDays(-daysBack).startOfDay().toMSecsSinceEpoch(); };
    switch (range) {
    case DateRange::Any:
        return { 0, 0 };
    case DateRange::Today:
        return { start(0), 0 };
    case DateRange::Yesterday:
        return { start(1), start(0) };
    case DateRange::Last7Days:
        return { start(6), 0 };
    case DateRange::Last30Days:
        return { start(29), 0 };
    case DateRange::Older:
        return { 0, start(29) };
    }
    return { 0, 0 };
}

} // namespace

TriagePanel::TriagePanel(std::shared_ptr<InboxSource> source, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TriagePanel>())
    , m_views(new ConversationViewsModel(std::move(source), this))
    , m_delegate(new ConversationViewsDelegate(this))
{
    m_ui->setupUi(this);
    m_views->setViewText(&viewName);
    m_ui->views->setModel(m_views);
    m_ui->views->setItemDelegate(m_delegate);
    m_ui->views->setSelectionMode(QAbstractItemView::SingleSelection);
    if (parent)
        parent->installEventFilter(this); // its height bounds the view list's (fitViewList)
    fitViewList();
    m_ui->labelFilter->addItem(tr("Any label"), qint64(0));
    m_ui->labelFilter->setVisible(false); // until there are labels
    m_ui->views->setCurrentIndex(m_views->index(m_views->rowOf(InboxView::All)));
    const std::pair<DateRange, QString> ranges[] = {
        { DateRange::Any, tr("Any time") },
        { DateRange::Today, tr("Today") },
        { DateRange::Yesterday, tr("Yesterday") },
        { DateRange::Last7Days, tr("Last 7 days") },
        { DateRange::Last30Days, tr("Last 30 days") },
        { DateRange::Older, tr("Older than 30 days") },
    };
    for (const auto &[range, text] : ranges)
        m_ui->dateFilter->addItem(text, int(range));
    connect(m_ui->views->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &TriagePanel::filterChanged);
    connect(m_ui->hasAttachment, &QCheckBox::toggled, this, &TriagePanel::filterChanged);
    connect(m_ui->storyOnly, &QCheckBox::toggled, this, &TriagePanel::filterChanged);
    connect(m_ui->labelFilter, &QComboBox::currentIndexChanged, this, &TriagePanel::filterChanged);
    connect(m_ui->dateFilter, &QComboBox::currentIndexChanged, this, &TriagePanel::filterChanged);
}

void TriagePanel::fitViewList()
{
    // As tall as every view, unless that is more than half of the pane it is in (many labels, a
    // short window): then half of it, at least a few rows, and it scrolls, so the conversations
    // below keep their room.
    const int rowHeight = m_delegate->sizeHint(QStyleOptionViewItem(), {}).height();
    const int rows = m_views->rowCount();
    const int frame = 2 * m_ui->views->frameWidth() + 2;
    const int all = rowHeight * rows + frame;
    const int fewest = rowHeight * qMin(rows, kMinVisibleViews) + frame;
    const QWidget *pane = parentWidget();
    const int room = pane && pane->height() > 0 ? pane->height() / 2 : all;
    const int height = qMin(all, qMax(fewest, room));
    if (m_ui->views->height() != height || m_ui->views->minimumHeight() != height)
        m_ui->views->setFixedHeight(height);
}

bool TriagePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitViewList();
    return QWidget::eventFilter(watched, event);
}

void TriagePanel::setLabels(const QList<Label> &labels)
{
    const qint64 viewLabel = currentViewLabel();
    const InboxView view = currentView();
    const qint64 filterLabel = m_ui->labelFilter->currentData().toLongLong();
    bool changed = false;
    {
        QSignalBlocker blockViews(m_ui->views->selectionModel());
        QSignalBlocker blockFilter(m_ui->labelFilter);
        m_views->setLabels(labels);
        fitViewList();
        const int labelRow = viewLabel ? m_views->rowOfLabel(viewLabel) : -1;
        const int row = viewLabel ? labelRow : m_views->rowOf(view);
        m_ui->views->setCurrentIndex(
            m_views->index(row >= 0 ? row : m_views->rowOf(InboxView::All)));
        changed = viewLabel && labelRow < 0;

        m_ui->labelFilter->clear();
        m_ui->labelFilter->addItem(tr("Any label"), qint64(0));
        for (const Label &label : labels)
            m_ui->labelFilter->addItem(labelchips::swatch(label.colour), label.name, label.id);
        const int item = m_ui->labelFilter->findData(filterLabel);
        m_ui->labelFilter->setCurrentIndex(qMax(0, item));
        changed = changed || (filterLabel && item < 0);
        m_ui->labelFilter->setVisible(!labels.isEmpty());
    }
    if (changed)
        emit filterChanged();
}

TriagePanel::~TriagePanel() = default;

InboxFilter TriagePanel::filter(const InboxFilter &base) const
{
    InboxFilter f = base;
    f.view = currentView();
    f.hasAttachment = m_ui->hasAttachment->isChecked();
    f.storyOnly = m_ui->storyOnly->isChecked();
    f.labelId = m_ui->labelFilter->currentData().toLongLong();
    f.viewLabelId = currentViewLabel();
    f.agent = m_views->agent();
    // Whole local days: the same range all day long (the list is not read again each call).
    std::tie(f.activeFromMs, f.activeUntilMs)
        = rangeOf(DateRange(m_ui->dateFilter->currentData().toInt()),
            QDateTime::fromMSecsSinceEpoch(m_now()));
    return f;
}

InboxView TriagePanel::currentView() const
{
    const QModelIndex current = m_ui->views->currentIndex();
    return current.isValid() ? m_views->viewAt(current.row()) : InboxView::All;
}

void TriagePanel::setCurrentView(InboxView view)
{
    const int row = m_views->rowOf(view);
    if (row >= 0)
        m_ui->views->setCurrentIndex(m_views->index(row));
}

void TriagePanel::setAgent(const QString &agent)
{
    if (agent == m_views->agent())
        return;
    const InboxView view = currentView();
    const qint64 viewLabel = currentViewLabel();
    {
        QSignalBlocker blockViews(m_ui->views->selectionModel());
        m_views->setAgent(agent);
        fitViewList();
        const int row = viewLabel ? m_views->rowOfLabel(viewLabel) : m_views->rowOf(view);
        m_ui->views->setCurrentIndex(
            m_views->index(row >= 0 ? row : m_views->rowOf(InboxView::All)));
    }
    emit filterChanged();
}

qint64 TriagePanel::currentViewLabel() const
{
    const QModelIndex current = m_ui->views->currentIndex();
    return current.isValid() ? m_views->labelAt(current.row()) : 0;
}

void TriagePanel::setCurrentLabelView(qint64 labelId)
{
    const int row = m_views->rowOfLabel(labelId);
    if (row >= 0)
        m_ui->views->setCurrentIndex(m_views->index(row));
}

QListView *TriagePanel::viewList() const
{
    return m_ui->views;
}
QCheckBox *TriagePanel::attachmentFilter() const
{
    return m_ui->hasAttachment;
}
QCheckBox *TriagePanel::storyFilter() const
{
    return m_ui->storyOnly;
}
QComboBox *TriagePanel::labelFilter() const
{
    return m_ui->labelFilter;
}
QComboBox *TriagePanel::dateFilter() const
{
    return m_ui->dateFilter;
}

} // namespace inlet::app
