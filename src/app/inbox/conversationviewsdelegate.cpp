#include "app/inbox/conversationviewsdelegate.h"

#include "models/conversationviewsmodel.h"

#include <QApplication>
#include <QPainter>

namespace inlet::app {

namespace {
constexpr int kHeight = 26;
}

QSize ConversationViewsDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), kHeight);
}

void ConversationViewsDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
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
    const QRect r = option.rect.adjusted(10, 0, -10, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    int badgeWidth = 0;
    if (index.data(ConversationViewsModel::CountKnownRole).toBool()) {
        const int count = index.data(ConversationViewsModel::CountRole).toInt();
        const QString text = count > 9999 ? QStringLiteral("9999+") : QString::number(count);
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.9 : 8);
        const QFontMetrics sm(small);
        badgeWidth = qMax(sm.height() + 6, sm.horizontalAdvance(text) + 14);
        const QRect badge(r.right() - badgeWidth, r.center().y() - (sm.height() + 2) / 2,
            badgeWidth, sm.height() + 2);
        QColor fill = ink;
        fill.setAlpha(count > 0 ? 40 : 18);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        QColor countInk = ink;
        if (count == 0)
            countInk.setAlpha(140);
        painter->setPen(countInk);
        painter->setFont(small);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    QFont font = option.font;
    font.setBold(selected);
    painter->setFont(font);
    painter->setPen(ink);
    // A per-label view: a dot of the label's colour before its name.
    int dotWidth = 0;
    const QString colour = index.data(ConversationViewsModel::ColourRole).toString();
    if (!colour.isEmpty()) {
        const int size = QFontMetrics(font).height() / 2 + 2;
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(colour));
        painter->drawEllipse(QRect(r.left(), r.center().y() - size / 2, size, size));
        painter->setPen(ink);
        dotWidth = size + 6;
    }
    const QRect textRect(
        r.left() + dotWidth, r.top(), r.width() - badgeWidth - 8 - dotWidth, r.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(font).elidedText(
            index.data(Qt::DisplayRole).toString(), Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace inlet::app
