#include "app/inbox/conversationdelegate.h"

#include "app/inbox/avatarpainter.h"
#include "app/inbox/countbadge.h"
#include "app/inbox/imagecache.h"
#include "app/inbox/labelchips.h"
#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace inlet::app {

using C = ConversationListModel;

namespace {
constexpr int kAvatar = 40;
constexpr int kHeight = 64;

QColor windowColor(MessagingWindow::State state)
{
    switch (state) {
    case MessagingWindow::State::Open: return QColor(0x2e, 0xa0, 0x43);
    case MessagingWindow::State::ClosingSoon: return QColor(0xe0, 0x8e, 0x0b);
    case MessagingWindow::State::HumanAgent: return QColor(0x8a, 0x63, 0xd2);
    case MessagingWindow::State::Closed: return QColor(0x9a, 0x9a, 0x9a);
    }
    return {};
}
} // namespace

ConversationDelegate::ConversationDelegate(ImageCache *images, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
{
}

QString ConversationDelegate::timeLabel(qint64 ms, qint64 nowMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    if (when.date() == now.date())
        return QLocale().toString(when.time(), QLocale::ShortFormat);
    if (when.date().daysTo(now.date()) < 7)
        return QLocale().dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

QString ConversationDelegate::windowLabel(int state)
{
    switch (MessagingWindow::State(state)) {
    case MessagingWindow::State::Open: return tr("Window open");
    case MessagingWindow::State::ClosingSoon: return tr("Window closing soon");
    case MessagingWindow::State::HumanAgent: return tr("Human agent replies only");
    case MessagingWindow::State::Closed: return tr("Window closed");
    }
    return {};
}

QString ConversationDelegate::countdownText(qint64 leftMs, int state)
{
    if (leftMs <= 0)
        return tr("closed");
    const qint64 seconds = leftMs / 1000;
    if (MessagingWindow::State(state) == MessagingWindow::State::HumanAgent) {
        const qint64 hours = seconds / 3600;
        return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
    }
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), kHeight);
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor ink = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = ink;
    dim.setAlpha(150);
    const QRect r = option.rect.adjusted(10, 0, -10, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // Avatar, or the coloured disc with the initial while it loads / when there is none.
    const QRect avatar(r.left(), r.top() + (kHeight - kAvatar) / 2, kAvatar, kAvatar);
    const QString name = index.data(C::NameRole).toString();
    AvatarPainter::paint(painter, avatar, m_images, index.data(C::AvatarPathRole).toString(),
                         index.data(C::CustomerIdRole).toString(), name);

    // Messaging window marker: a dot on the avatar.
    const auto state = MessagingWindow::State(index.data(C::WindowStateRole).toInt());
    const QRect dot(avatar.right() - 10, avatar.bottom() - 10, 12, 12);
    painter->setPen(QPen(pal.color(QPalette::Base), 2));
    painter->setBrush(windowColor(state));
    painter->drawEllipse(dot);

    const int textLeft = avatar.right() + 12;
    const int unread = index.data(C::UnreadRole).toInt();
    const bool markedUnread = unread == 0 && index.data(C::MarkedUnreadRole).toBool();
    const bool emphasised = unread > 0 || markedUnread;
    QFont bold = option.font;
    bold.setBold(true);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.9 : 8);
    const QFontMetrics fm(option.font);
    const QFontMetrics bm(bold);
    const QFontMetrics sm(small);

    // First line: name @username ........ time (the countdown in the Reply window, the end of a
    // snooze)
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString time = timeLabel(index.data(C::TimeRole).toLongLong(), now);
    QColor timeInk = dim;
    if (m_countdown) {
        time = countdownText(index.data(C::WindowTimeLeftRole).toLongLong(), int(state));
        timeInk = selected ? ink : windowColor(state);
    } else if (ConversationStatus(index.data(C::StatusRole).toInt())
        == ConversationStatus::Snoozed) {
        time = tr("until %1").arg(timeLabel(index.data(C::SnoozedUntilRole).toLongLong(), now));
    }
    if (const QString assignee = assigneeText(index.data(C::AssigneeRole).toString());
        !assignee.isEmpty())
        time = assignee + QStringLiteral("  ") + time;
    QFont timeFont = small;
    timeFont.setBold(m_countdown);
    const int timeWidth = QFontMetrics(timeFont).horizontalAdvance(time);
    const int top = r.top() + 10;
    painter->setFont(timeFont);
    painter->setPen(timeInk);
    painter->drawText(QRect(r.right() - timeWidth, top, timeWidth, bm.height()), Qt::AlignRight | Qt::AlignVCenter, time);

    const int nameRoom = r.right() - timeWidth - 8 - textLeft;
    painter->setFont(emphasised ? bold : option.font);
    painter->setPen(ink);
    const QString shownName = bm.elidedText(name, Qt::ElideRight, nameRoom);
    painter->drawText(QRect(textLeft, top, nameRoom, bm.height()), Qt::AlignLeft | Qt::AlignVCenter, shownName);
    const QString username = index.data(C::UsernameRole).toString();
    const int used = (emphasised ? bm : fm).horizontalAdvance(shownName) + 6;
    // Without a profile name the name is the @username already (model/contactname.h).
    if (!username.isEmpty() && name != QStringLiteral("@") + username && used < nameRoom) {
        painter->setFont(small);
        painter->setPen(dim);
        painter->drawText(QRect(textLeft + used, top, nameRoom - used, bm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          sm.elidedText(QStringLiteral("@") + username, Qt::ElideRight, nameRoom - used));
    }

    // Second line: preview (or search snippet) ........ unread badge
    QString preview = index.data(C::SnippetRole).toString();
    if (preview.isEmpty())
        preview = index.data(C::PreviewRole).toString();
    preview = preview.simplified();
    int badgeWidth = 0;
    const int line2 = top + bm.height() + 6;
    if (unread > 0) {
        const QRect badge = CountBadge::rect(small, unread, QPoint(r.right(), line2), true);
        badgeWidth = badge.width();
        const QColor highlight = pal.color(QPalette::Highlight);
        const QColor highlightedText = pal.color(QPalette::HighlightedText);
        CountBadge::paint(painter, badge, small, unread, selected ? highlightedText : highlight,
            selected ? highlight : highlightedText);
    } else if (markedUnread) {
        // Marked as unread by the manager: a dot where the count would be.
        const int size = sm.height() / 2 + 2;
        badgeWidth = size;
        const QRect badge(r.right() - size, line2 + (sm.height() + 4 - size) / 2, size, size);
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight));
        painter->drawEllipse(badge);
    }
    int chipsWidth = 0;
    const QList<Label> labels
        = labelchips::resolve(index.data(C::LabelIdsRole).value<QList<qint64>>(), m_labels);
    if (!labels.isEmpty()) {
        const int chipsRight = r.right() - (badgeWidth ? badgeWidth + 6 : 0);
        const int room = labelchips::width(labels, small, (chipsRight - textLeft) / 2);
        chipsWidth = labelchips::paint(painter,
            QRect(chipsRight - room + 1, line2, room, fm.height() + 4), labels, small, true);
    }
    const int previewRoom = r.right() - textLeft - (badgeWidth ? badgeWidth + 8 : 0)
        - (chipsWidth ? chipsWidth + 6 : 0);
    painter->setFont(option.font);
    painter->setPen(emphasised ? ink : dim);
    painter->drawText(QRect(textLeft, line2, previewRoom, fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(preview, Qt::ElideRight, previewRoom));
    painter->restore();
}

QString ConversationDelegate::assigneeText(const QString &role) const
{
    if (role.isEmpty())
        return {};
    const QString name = m_agentName ? m_agentName(role) : role;
    return QStringLiteral("→ ") + (name.isEmpty() ? role : name);
}

} // namespace inlet::app
