#include "app/inbox/quickswitcher.h"

#include "app/inbox/avatarpainter.h"
#include "app/inbox/contactnametext.h"
#include "app/inbox/imagecache.h"
#include "app/inbox/labelchips.h"
#include "models/conversationfindermodel.h"
#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QGraphicsDropShadowEffect>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace inlet::app {

namespace {

using C = ConversationListModel;
constexpr int kRowHeight = 44;
constexpr int kAvatar = 30;
constexpr int kVisibleRows = 8;

// One row: avatar, name, @username, and the account it belongs to on the right.
class SwitcherDelegate : public QStyledItemDelegate {
public:
    SwitcherDelegate(ImageCache *images, const QHash<QString, QString> *accounts,
        const QList<Label> *labels, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_images(images)
        , m_accounts(accounts)
        , m_labels(labels)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(option.rect.width(), kRowHeight);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QColor ink
            = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = ink;
        dim.setAlpha(160);
        const QRect r = option.rect.adjusted(10, 0, -10, 0);

        const QRect avatar(r.left(), r.top() + (kRowHeight - kAvatar) / 2, kAvatar, kAvatar);
        const QString name = index.data(C::NameRole).toString();
        AvatarPainter::paint(painter, avatar, m_images, index.data(C::AvatarPathRole).toString(),
            index.data(C::CustomerIdRole).toString(), name);

        painter->save();
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.9 : 8);
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetrics sm(small);
        const QFontMetrics bm(bold);

        const QString account = m_accounts->value(index.data(C::AccountIdRole).toString());
        const int accountWidth
            = account.isEmpty() ? 0 : qMin(sm.horizontalAdvance(account), r.width() / 3);
        if (accountWidth > 0) {
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(QRect(r.right() - accountWidth, r.top(), accountWidth, kRowHeight),
                Qt::AlignRight | Qt::AlignVCenter,
                sm.elidedText(account, Qt::ElideRight, accountWidth));
        }

        const int left = avatar.right() + 10;
        int right = r.right() - (accountWidth ? accountWidth + 12 : 0);
        // The labels on it as chips left of the account, at most a third of the row (the name
        // gives way first to the chips, they are what a search by label finds).
        const QList<Label> labels
            = labelchips::resolve(index.data(C::LabelIdsRole).value<QList<qint64>>(), *m_labels);
        if (!labels.isEmpty()) {
            const int chipsRoom = labelchips::width(labels, small, r.width() / 3);
            const QRect chips(right - chipsRoom, r.top() + (kRowHeight - sm.height() - 4) / 2,
                chipsRoom, sm.height() + 4);
            right -= labelchips::paint(painter, chips, labels, small, true) + 8;
        }
        const int room = right - left;
        const QString shownName = bm.elidedText(name, Qt::ElideRight, room);
        painter->setFont(bold);
        painter->setPen(ink);
        painter->drawText(
            QRect(left, r.top(), room, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter, shownName);
        const QString username = index.data(C::UsernameRole).toString();
        const int used = bm.horizontalAdvance(shownName) + 8;
        // Without a profile name the name is the @username already (model/contactname.h).
        if (!username.isEmpty() && name != QStringLiteral("@") + username && used < room) {
            painter->setFont(small);
            painter->setPen(dim);
            painter->drawText(QRect(left + used, r.top(), room - used, kRowHeight),
                Qt::AlignLeft | Qt::AlignVCenter,
                sm.elidedText(QStringLiteral("@") + username, Qt::ElideRight, room - used));
        }
        painter->restore();
    }

private:
    ImageCache *m_images;
    const QHash<QString, QString> *m_accounts;
    const QList<Label> *m_labels;
};

} // namespace

QuickSwitcher::QuickSwitcher(
    std::shared_ptr<InboxSource> source, ImageCache *images, QWidget *parent)
    : QFrame(parent)
    , m_model(new ConversationFinderModel(std::move(source), this))
    , m_edit(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
{
    m_model->setNameText([](const ContactName &name) { return contactNameText(name); });
    setObjectName(QStringLiteral("quickSwitcher"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    setAccessibleName(tr("Jump to a conversation"));
    if (parent) {
        // The shadow is a plain panel's under this one, not this one's own effect: an effect on
        // the switcher would render it off-screen and blur it again at every change of its list,
        // most of a keystroke's cost (docs/benchmarks-ui.md). This panel is opaque, so repainting
        // it leaves the backdrop alone.
        m_backdrop = new QWidget(parent);
        m_backdrop->setObjectName(QStringLiteral("quickSwitcherShadow"));
        m_backdrop->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_backdrop->setAutoFillBackground(true);
        m_backdrop->setBackgroundRole(QPalette::Window);
        auto *shadow = new QGraphicsDropShadowEffect(m_backdrop);
        shadow->setBlurRadius(24);
        shadow->setOffset(0, 4);
        shadow->setColor(QColor(0, 0, 0, 110));
        m_backdrop->setGraphicsEffect(shadow);
        m_backdrop->hide();
    }

    m_edit->setPlaceholderText(tr("Jump to a conversation: type a name, @username or label"));
    m_edit->setAccessibleName(tr("Conversation name"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_model->setLimit(50);

    m_list->setModel(m_model);
    m_list->setItemDelegate(new SwitcherDelegate(images, &m_accountNames, &m_labels, m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFocusPolicy(Qt::NoFocus); // the keys stay in the line edit
    m_list->setAccessibleName(tr("Matching conversations"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_edit);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);

    connect(m_edit, &QLineEdit::textChanged, m_model, &ConversationFinderModel::setQuery);
    connect(m_model, &ConversationFinderModel::loaded, this, &QuickSwitcher::onLoaded);
    connect(m_list, &QListView::clicked, this,
        [this](const QModelIndex &index) { choose(index.row()); });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        // Clicking anywhere else closes it, as a popup would.
        if (isVisible() && now && !isAncestorOf(now))
            hide();
    });
    if (images)
        connect(images, &ImageCache::ready, m_list->viewport(), qOverload<>(&QWidget::update));
    if (parent)
        parent->installEventFilter(this); // follow resizes
    hide();
}

QuickSwitcher::~QuickSwitcher()
{
    delete m_backdrop; // a sibling: the parent may live on
}

void QuickSwitcher::setAccounts(const QList<std::pair<QString, QString>> &accounts)
{
    m_accountNames.clear();
    for (const auto &[id, name] : accounts)
        m_accountNames.insert(id, name.isEmpty() ? id : name);
    m_list->viewport()->update();
}

void QuickSwitcher::setLabels(const QList<Label> &labels)
{
    m_labels = labels;
    m_list->viewport()->update();
}

void QuickSwitcher::popup()
{
    {
        QSignalBlocker quiet(m_edit); // one lookup below, not a second one from textChanged
        m_edit->clear();
    }
    m_model->setQuery(QString());
    place();
    show();
    raise();
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

void QuickSwitcher::place()
{
    QWidget *area = parentWidget();
    if (!area)
        return;
    const int width = qMin(560, area->width() - 40);
    const int height
        = qMin(kRowHeight * kVisibleRows + m_edit->sizeHint().height() + 30, area->height() - 40);
    setGeometry((area->width() - width) / 2, qMax(20, area->height() / 8), width, height);
    if (m_backdrop) {
        m_backdrop->setGeometry(geometry());
        m_backdrop->stackUnder(this);
    }
}

void QuickSwitcher::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    if (m_backdrop) {
        m_backdrop->setGeometry(geometry());
        m_backdrop->show();
        m_backdrop->stackUnder(this);
    }
}

void QuickSwitcher::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (m_backdrop)
        m_backdrop->hide();
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        place();
        return false;
    }
    if (watched != m_edit)
        return false;
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool ours = key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier;
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Escape:
        if (!ours)
            return false;
        break;
    default:
        return false;
    }
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // the window's shortcuts (Esc closes panels) must not take these keys
        return true;
    }
    switch (key->key()) {
    case Qt::Key_Up:
        step(-1);
        break;
    case Qt::Key_Down:
        step(1);
        break;
    case Qt::Key_PageUp:
        step(-kVisibleRows);
        break;
    case Qt::Key_PageDown:
        step(kVisibleRows);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        choose(m_list->currentIndex().row());
        break;
    case Qt::Key_Escape:
        hide();
        break;
    default:
        break;
    }
    return true;
}

void QuickSwitcher::step(int delta)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    m_list->setCurrentIndex(m_model->index(qBound(0, current + delta, count - 1)));
}

void QuickSwitcher::choose(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const qint64 id = m_model->rowAt(row).id;
    hide();
    emit conversationChosen(id);
}

void QuickSwitcher::onLoaded()
{
    const bool none = m_model->rowCount() == 0;
    m_empty->setText(m_model->query().isEmpty()
            ? tr("No conversations yet.")
            : tr("No conversation with a contact named “%1”.").arg(m_model->query()));
    m_empty->setVisible(none);
    m_list->setVisible(!none);
    if (!none)
        m_list->setCurrentIndex(m_model->index(0));
}

} // namespace inlet::app
