#include "app/shell/accountsrail.h"

#include "app/inbox/countbadge.h"
#include "app/shell/avatarloader.h"
#include "ui_accountsrail.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QStyleOptionToolButton>
#include <QToolTip>

namespace inlet::app {

namespace {

constexpr int kAvatar = 40;
constexpr int kButton = 48;
constexpr int kPanelWidth = 340;
constexpr int kShadow = 12;

QString displayName(const Account &account)
{
    return account.name.isEmpty() ? account.username : account.name;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

RailButton::RailButton(AvatarLoader *avatars, QWidget *parent)
    : QToolButton(parent)
    , m_avatars(avatars)
{
    setAutoRaise(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    connect(m_avatars, &AvatarLoader::avatarReady, this, [this](const QString &key) {
        if (key == m_account.id)
            update();
    });
}

void RailButton::setAccount(const Account &account)
{
    m_account = account;
    m_avatars->request(account.id, QUrl(account.profilePictureUrl));
    refreshAccessibleName();
    update();
}

void RailButton::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    refreshAccessibleName();
    update();
}

void RailButton::refreshAccessibleName()
{
    QString name = tr("Account %1").arg(displayName(m_account));
    if (m_unread > 0)
        name += QStringLiteral(", ") + tr("%n unread conversation(s)", nullptr, m_unread);
    if (m_account.needsSignIn)
        name += QStringLiteral(", ") + tr("needs sign-in");
    setAccessibleName(name);
}

QString RailButton::toolTipText() const
{
    QStringList lines { displayName(m_account), QStringLiteral("@") + m_account.username };
    if (m_account.needsSignIn)
        lines << tr("Needs sign-in");
    else if (const QString state = m_stateText ? m_stateText() : QString(); !state.isEmpty())
        lines << state;
    if (m_unread > 0)
        lines << tr("%n unread conversation(s)", nullptr, m_unread);
    lines << tr("Click for all accounts and their actions");
    return lines.join(QLatin1Char('\n'));
}

QSize RailButton::sizeHint() const
{
    return { kButton, kButton };
}

bool RailButton::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) { // written when asked: the state's "… ago" ages
        const auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), toolTipText(), this);
        return true;
    }
    return QToolButton::event(event);
}

void RailButton::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QRect square = rect();
    // Hover, press and keyboard focus: a soft rounded square behind the picture.
    if (underMouse() || isDown() || hasFocus()) {
        QColor back = pal.color(QPalette::Highlight);
        back.setAlpha(isDown() ? 90 : 45);
        painter.setPen(hasFocus() ? QPen(pal.color(QPalette::Highlight), 2) : Qt::NoPen);
        painter.setBrush(back);
        painter.drawRoundedRect(QRectF(square).adjusted(1, 1, -1, -1), 10, 10);
    }
    const QRect avatar((width() - kAvatar) / 2, (height() - kAvatar) / 2, kAvatar, kAvatar);
    const qreal dpr = devicePixelRatioF();
    QPixmap picture = m_avatars->avatar(m_account.id, displayName(m_account), int(kAvatar * dpr));
    picture.setDevicePixelRatio(dpr);
    painter.drawPixmap(avatar, picture);

    if (m_account.needsSignIn) { // a warning mark at the bottom right
        const QRect mark(avatar.right() - 12, avatar.bottom() - 12, 16, 16);
        painter.setPen(QPen(pal.color(QPalette::Window), 2));
        painter.setBrush(QColor(0xe0, 0x8e, 0x0b));
        painter.drawEllipse(mark);
        QFont bold = font();
        bold.setBold(true);
        bold.setPixelSize(11);
        painter.setFont(bold);
        painter.setPen(Qt::white);
        painter.drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
    }
    if (m_unread > 0) {
        QFont small = font();
        small.setBold(true);
        small.setPixelSize(10);
        const QRect badge = CountBadge::rect(small, m_unread, QPoint(width() - 1, 1), true);
        // A ring in the rail's colour keeps the pill apart from the picture under it.
        painter.setPen(QPen(pal.color(QPalette::Window), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        CountBadge::paint(&painter, badge, small, m_unread, pal.color(QPalette::Highlight),
            pal.color(QPalette::HighlightedText));
    }
}

AccountsRail::AccountsRail(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsRail>())
{
    m_ui->setupUi(this);
    m_ui->connectButton->setCursor(Qt::PointingHandCursor);
    connect(m_ui->connectButton, &QToolButton::clicked, this, &AccountsRail::connectRequested);
}

AccountsRail::~AccountsRail() = default;

QToolButton *AccountsRail::connectButton() const
{
    return m_ui->connectButton;
}

QList<RailButton *> AccountsRail::buttons() const
{
    QList<RailButton *> ordered;
    for (int i = 0; i < m_ui->buttons->count(); ++i)
        if (auto *button = qobject_cast<RailButton *>(m_ui->buttons->itemAt(i)->widget()))
            ordered.append(button);
    return ordered;
}

void AccountsRail::setStateText(std::function<QString(const QString &)> stateText)
{
    m_stateText = std::move(stateText);
}

void AccountsRail::setAccounts(const QList<Account> &accounts)
{
    Q_ASSERT(m_avatars);
    for (RailButton *button : std::as_const(m_buttons))
        m_ui->buttons->removeWidget(button);
    QHash<QString, RailButton *> keep;
    QWidget *previous = nullptr;
    for (const Account &account : accounts) {
        RailButton *button = m_buttons.take(account.id);
        if (!button) {
            button = new RailButton(m_avatars, this);
            const QString id = account.id;
            button->setStateText([this, id] { return m_stateText ? m_stateText(id) : QString(); });
            connect(button, &RailButton::clicked, this, [this, id] { emit accountClicked(id); });
        }
        button->setAccount(account);
        button->setUnread(m_unread.value(account.id));
        m_ui->buttons->addWidget(button, 0, Qt::AlignHCenter); // in the order of `accounts`
        if (previous)
            setTabOrder(previous, button);
        previous = button;
        keep.insert(account.id, button);
    }
    if (previous)
        setTabOrder(previous, m_ui->connectButton);
    qDeleteAll(m_buttons);
    m_buttons = keep;
}

void AccountsRail::setUnread(const QHash<QString, int> &unread)
{
    m_unread = unread;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it)
        it.value()->setUnread(unread.value(it.key()));
}

void AccountsRail::paintEvent(QPaintEvent *)
{
    // A shade apart from the window, and a line at its right edge.
    QPainter painter(this);
    const QColor window = palette().color(QPalette::Window);
    painter.fillRect(rect(), isDark(palette()) ? window.darker(125) : window.darker(106));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(width() - 1, 0, width() - 1, height());
}

AccountsDrawer::AccountsDrawer(QWidget *panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    m_panel->setParent(this);
    m_panel->setAutoFillBackground(true);
    m_panel->setBackgroundRole(QPalette::Window);
    setFocusPolicy(Qt::StrongFocus);
    parent->installEventFilter(this);
    hide();
}

void AccountsDrawer::setLeftInset(int px)
{
    m_leftInset = px;
    follow();
}

void AccountsDrawer::follow()
{
    const QRect area = parentWidget()->rect().adjusted(m_leftInset, 0, 0, 0);
    setGeometry(area);
    m_panel->setGeometry(0, 0, qMin(kPanelWidth, area.width()), area.height());
}

void AccountsDrawer::open()
{
    if (isVisible())
        return;
    m_returnFocus = QApplication::focusWidget();
    follow();
    show();
    raise();
    // The first thing in the list that takes the keyboard (a row's button, else "Connect…").
    QWidget *first = m_panel;
    do {
        first = first->nextInFocusChain();
    } while (first != m_panel
        && !(first->focusPolicy() & Qt::TabFocus && first->isVisibleTo(m_panel)
            && m_panel->isAncestorOf(first)));
    (first != m_panel ? first : static_cast<QWidget *>(this))->setFocus(Qt::TabFocusReason);
}

void AccountsDrawer::dismiss()
{
    if (!isVisible())
        return;
    hide();
    if (m_returnFocus)
        m_returnFocus->setFocus(Qt::OtherFocusReason);
    emit closed();
}

void AccountsDrawer::toggle()
{
    if (isVisible())
        dismiss();
    else
        open();
}

bool AccountsDrawer::event(QEvent *event)
{
    // Esc is the window's shortcut too (the inbox's); while the list is open it closes the list.
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

bool AccountsDrawer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        follow();
    return QWidget::eventFilter(watched, event);
}

void AccountsDrawer::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AccountsDrawer::mousePressEvent(QMouseEvent *event)
{
    if (!m_panel->geometry().contains(event->position().toPoint()))
        dismiss();
    else
        QWidget::mousePressEvent(event);
}

void AccountsDrawer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, isDark(palette()) ? 110 : 70));
    // A soft shadow along the list's right edge.
    const int edge = m_panel->geometry().right() + 1;
    QLinearGradient shadow(edge, 0, edge + kShadow, 0);
    shadow.setColorAt(0, QColor(0, 0, 0, 60));
    shadow.setColorAt(1, QColor(0, 0, 0, 0));
    painter.fillRect(QRect(edge, 0, kShadow, height()), shadow);
}

} // namespace inlet::app
