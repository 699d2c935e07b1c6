#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace inlet::app {

// The pill with an unread count, as the conversation list and the accounts rail draw it.
class CountBadge {
public:
    // "7", or "99+" above 99.
    static QString text(int count);
    // The pill for `count` in `font`, its top-left corner at `topLeft` (or, with `alignRight`,
    // its top-right corner there).
    static QRect rect(const QFont &font, int count, QPoint corner, bool alignRight = false);
    static void paint(QPainter *painter, const QRect &rect, const QFont &font, int count,
        const QColor &fill, const QColor &ink);
};

} // namespace inlet::app
