#pragma once

#include <QColor>
#include <QPixmap>
#include <QRectF>
#include <QString>

class QPainter;

namespace inlet::app {

class ImageCache;

// How a contact is drawn wherever a face is shown (inbox rows, quick switcher, contact panel):
// the picture clipped to a circle, or, without one, a disc in a colour derived from the
// customer id (stable across runs and views) with the name's first letter.
class AvatarPainter {
public:
    static QColor discColor(const QString &customerId);
    // The letter shown on the disc: the first character of the name (or username), upper case;
    // a surrogate pair (emoji) is kept whole.
    static QString initial(const QString &name);

    // Paints into `rect` (logical pixels). `picture` may be null (then the disc and letter). Its
    // devicePixelRatio should match the painter's device for a sharp result.
    static void paint(QPainter *painter, const QRectF &rect, const QPixmap &picture,
        const QString &customerId, const QString &name);

    // The same with the picture at `path` from `images` (a thumbnail at the painter's pixel
    // ratio; the disc while it loads, or when `path` is empty or cannot be read).
    static void paint(QPainter *painter, const QRectF &rect, ImageCache *images,
        const QString &path, const QString &customerId, const QString &name);

    // A ready avatar `size` logical pixels wide at `devicePixelRatio` (for labels).
    static QPixmap render(int size, qreal devicePixelRatio, const QPixmap &picture,
        const QString &customerId, const QString &name);
};

} // namespace inlet::app
