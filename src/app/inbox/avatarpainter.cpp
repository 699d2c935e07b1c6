#include "app/inbox/avatarpainter.h"

#include "app/inbox/imagecache.h"

#include <QFont>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace inlet::app {

QColor AvatarPainter::discColor(const QString &customerId)
{
    // qHash with an explicit seed 0 is stable across runs (QHash's own seed is random).
    return QColor::fromHsv(int(qHash(customerId, 0) % 360), 90, 200);
}

QString AvatarPainter::initial(const QString &name)
{
    QString trimmed = name.trimmed();
    if (trimmed.startsWith(QLatin1Char('@'))) // "@username" stands for a name: its first letter
        trimmed.remove(0, 1);
    if (trimmed.isEmpty())
        return {};
    const qsizetype length = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    return trimmed.left(length).toUpper();
}

void AvatarPainter::paint(QPainter *painter, const QRectF &rect, const QPixmap &picture,
    const QString &customerId, const QString &name)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (!picture.isNull()) {
        QPainterPath clip;
        clip.addEllipse(rect);
        painter->setClipPath(clip, Qt::IntersectClip);
        // Cover the circle: scale the picture's shorter side to it, centred.
        const QSizeF logical = picture.deviceIndependentSize();
        const qreal scale = qMax(rect.width() / logical.width(), rect.height() / logical.height());
        const QSizeF drawn = logical * scale;
        const QRectF target(rect.center().x() - drawn.width() / 2,
            rect.center().y() - drawn.height() / 2, drawn.width(), drawn.height());
        painter->drawPixmap(target, picture, QRectF(picture.rect()));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(discColor(customerId));
        painter->drawEllipse(rect);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(8, int(rect.height() * 0.42)));
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(rect, Qt::AlignCenter, initial(name));
    }
    painter->restore();
}

void AvatarPainter::paint(QPainter *painter, const QRectF &rect, ImageCache *images,
    const QString &path, const QString &customerId, const QString &name)
{
    const qreal dpr = painter->device()->devicePixelRatioF();
    QPixmap picture = images && !path.isEmpty()
        ? images->thumbnail(path, (rect.size() * dpr).toSize())
        : QPixmap();
    picture.setDevicePixelRatio(dpr);
    paint(painter, rect, picture, customerId, name);
}

QPixmap AvatarPainter::render(int size, qreal devicePixelRatio, const QPixmap &picture,
    const QString &customerId, const QString &name)
{
    QPixmap out(QSize(size, size) * devicePixelRatio);
    out.setDevicePixelRatio(devicePixelRatio);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    paint(&painter, QRectF(0, 0, size, size), picture, customerId, name);
    return out;
}

} // namespace inlet::app
