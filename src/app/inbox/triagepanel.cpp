#include "app/inbox/triagepanel.h"

#include "app/inbox/conversationviewsdelegate.h"
#include "models/conversationviewsmodel.h"
#include "ui_triagepanel.h"

#include <QCheckBox>
#include <QListView>

namespace inlet::app {

namespace {

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
    }
    return {};
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
    // Tall enough for every view, no scrolling.
    const int rowHeight = m_delegate->sizeHint(QStyleOptionViewItem(), {}).height();
    m_ui->views->setFixedHeight(rowHeight * m_views->rowCount() + 2);
    m_ui->views->setCurrentIndex(m_views->index(m_views->rowOf(InboxView::All)));
    connect(m_ui->views->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &TriagePanel::filterChanged);
    connect(m_ui->hasAttachment, &QCheckBox::toggled, this, &TriagePanel::filterChanged);
    connect(m_ui->storyOnly, &QCheckBox::toggled, this, &TriagePanel::filterChanged);
}

TriagePanel::~TriagePanel() = default;

InboxFilter TriagePanel::filter(const InboxFilter &base) const
{
    InboxFilter f = base;
    f.view = currentView();
    f.hasAttachment = m_ui->hasAttachment->isChecked();
    f.storyOnly = m_ui->storyOnly->isChecked();
    return f;
}

InboxView TriagePanel::currentView() const
{
    const QModelIndex current = m_ui->views->currentIndex();
    return current.isValid() ? m_views->viewAt(current.row()) : InboxView::All;
}

void TriagePanel::setCurrentView(InboxView view)
{
    m_ui->views->setCurrentIndex(m_views->index(m_views->rowOf(view)));
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

} // namespace inlet::app
