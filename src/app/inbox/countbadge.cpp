#include "app/inbox/countbadge.h"

#include <QFontMetrics>
#include <QPainter>

namespace inlet::app {

QString CountBadge::text(int count)
{
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}

QRect CountBadge::rect(const QFont &font, int count, QPoint corner, bool alignRight)
{
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    const int width = qMax(height, metrics.horizontalAdvance(text(count)) + 12);
    return QRect(alignRight ? corner.x() - width : corner.x(), corner.y(), width, height);
}

void CountBadge::paint(QPainter *painter, const QRect &rect, const QFont &font, int count,
    const QColor &fill, const QColor &ink)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, rect.height() / 2.0, rect.height() / 2.0);
    painter->setPen(ink);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text(count));
    painter->restore();
}

} // namespace inlet::app
