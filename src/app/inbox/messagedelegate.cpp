#include "app/inbox/messagedelegate.h"

#include "app/inbox/imagecache.h"
#include "models/messagelistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QUrl>

namespace inlet::app {

using M = MessageListModel;

MessageDelegate::MessageDelegate(ImageCache *images, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
    , m_cache(4000)
{
}

MessageLayoutFonts MessageDelegate::fonts(const QFont &base) const
{
    MessageLayoutFonts f{base, base, base};
    f.small.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8);
    f.bold.setBold(true);
    return f;
}

QColor MessageDelegate::noteColour(bool dark)
{
    return dark ? QColor(0x5c, 0x4a, 0x0c) : QColor(0xff, 0xf4, 0xc2);
}

void MessageDelegate::clearCache()
{
    m_cache.clear();
    m_sizes.clear();
}

const MessageLayout &MessageDelegate::layoutFor(const QModelIndex &index, int width,
                                                const QFont &font) const
{
    if (font != m_fontKey) {
        // A theme or zoom change: every layout is stale.
        m_cache.clear();
        m_sizes.clear();
        m_fontKey = font;
    }
    const qint64 id = index.data(M::IdRole).toLongLong();
    const quint32 revision = index.data(M::RevisionRole).toUInt();
    Entry *entry = m_cache.object(id);
    if (entry && entry->revision == revision && entry->width == width) {
        ++m_hits;
        return entry->layout;
    }
    ++m_misses;
    auto *fresh = new Entry{revision, width, MessageLayoutEngine::build(index, width, fonts(font))};
    m_cache.insert(id, fresh);
    return fresh->layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The row is as wide as the viewport (QListView hands the item rect only when painting).
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    width = qMax(width, 160);
    if (option.font == m_fontKey) {
        const qint64 id = index.data(M::IdRole).toLongLong();
        const auto it = m_sizes.constFind(id);
        if (it != m_sizes.cend() && it->width == width && it->revision == index.data(M::RevisionRole).toUInt()) {
            ++m_hits;
            return it->size;
        }
    }
    const MessageLayout &layout = layoutFor(index, width, option.font);
    m_sizes.insert(index.data(M::IdRole).toLongLong(),
                   SizeEntry{index.data(M::RevisionRole).toUInt(), width, layout.size});
    return layout.size;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const MessageLayout &l = layoutFor(index, qMax(option.rect.width(), 160), option.font);
    const MessageLayoutFonts f = fonts(option.font);
    const QPalette &pal = option.palette;
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing);

    if (!l.dayText.isEmpty()) {
        painter->setFont(f.small);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        const int tw = QFontMetrics(f.small).horizontalAdvance(l.dayText) + 20;
        const QRect pill(l.dayRect.center().x() - tw / 2, l.dayRect.top(), tw, l.dayRect.height());
        painter->setBrush(pal.color(QPalette::AlternateBase));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->drawText(pill, Qt::AlignCenter, l.dayText);
    }

    // Bubble: the accent colour for our messages, a neutral one for the customer's, the note
    // colour (a pale or, on a dark palette, a deep yellow) for the team's internal notes.
    QColor bubble
        = l.outgoing ? pal.color(QPalette::Highlight) : pal.color(QPalette::AlternateBase);
    QColor ink = l.outgoing ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    if (l.note) {
        const bool dark = pal.color(QPalette::Base).lightness() < 128;
        bubble = noteColour(dark);
        ink = dark ? QColor(0xf5, 0xe6, 0xb0) : QColor(0x3d, 0x2e, 0x00);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(bubble);
    painter->drawRoundedRect(l.bubble, 12, 12);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight).darker(130), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(l.bubble.adjusted(-2, -2, 2, 2), 13, 13);
    }

    if (!l.quote.isEmpty()) {
        QColor quoteBg = ink;
        quoteBg.setAlpha(30);
        painter->setPen(Qt::NoPen);
        painter->setBrush(quoteBg);
        painter->drawRoundedRect(l.quoteRect, 6, 6);
        painter->setBrush(ink);
        painter->drawRect(QRect(l.quoteRect.left(), l.quoteRect.top() + 2, 3, l.quoteRect.height() - 4));
        painter->setFont(f.small);
        painter->setPen(ink);
        painter->drawText(l.quoteRect.adjusted(9, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, l.quote);
    }

    if (l.text) {
        painter->setPen(ink);
        QList<QTextLayout::FormatRange> selections;
        for (const auto &link : l.links) {
            QTextCharFormat format;
            format.setForeground(l.outgoing ? ink : pal.color(QPalette::Link));
            format.setFontUnderline(true);
            selections.append({link.start, link.length, format});
        }
        l.text->draw(painter, l.textPos, selections);
    }

    for (const auto &att : l.attachments) {
        if (att.isImage) {
            // A URL from a webhook is only ever downloaded, never read as a path.
            const QString source = !att.localPath.isEmpty()
                ? att.localPath
                : (ImageCache::isFetchable(QUrl(att.url)) ? att.url : QString());
            const QPixmap pixmap = m_images ? m_images->thumbnail(source, att.rect.size() * painter->device()->devicePixelRatioF()) : QPixmap();
            if (!pixmap.isNull()) {
                QPixmap scaled = pixmap;
                scaled.setDevicePixelRatio(painter->device()->devicePixelRatioF());
                const QSizeF shown = scaled.deviceIndependentSize();
                const QPointF at(att.rect.left() + (att.rect.width() - shown.width()) / 2,
                                 att.rect.top() + (att.rect.height() - shown.height()) / 2);
                QPainterPath clip;
                clip.addRoundedRect(att.rect, 8, 8);
                painter->save();
                painter->setClipPath(clip);
                painter->drawPixmap(at, scaled);
                painter->restore();
            } else {
                QColor placeholder = ink;
                placeholder.setAlpha(25);
                painter->setPen(Qt::NoPen);
                painter->setBrush(placeholder);
                painter->drawRoundedRect(att.rect, 8, 8);
                painter->setPen(ink);
                painter->setFont(f.small);
                const bool failed = m_images && m_images->hasFailed(source, att.rect.size() * painter->device()->devicePixelRatioF());
                painter->drawText(att.rect, Qt::AlignCenter,
                                  failed ? tr("Image unavailable") : tr("Loading image…"));
            }
        } else {
            QColor card = ink;
            card.setAlpha(25);
            painter->setPen(Qt::NoPen);
            painter->setBrush(card);
            painter->drawRoundedRect(att.rect, 8, 8);
            painter->setPen(ink);
            painter->setFont(f.bold);
            const QRect inner = att.rect.adjusted(10, 6, -10, -6);
            painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop,
                              QFontMetrics(f.bold).elidedText(att.title, Qt::ElideRight, inner.width()));
            const QString detail = !att.detail.isEmpty() ? att.detail
                                 : !att.url.isEmpty()    ? tr("Open in browser ↗")
                                                         : QString();
            if (!detail.isEmpty()) {
                painter->setFont(f.small);
                painter->drawText(inner, Qt::AlignLeft | Qt::AlignBottom, detail);
            }
        }
    }

    if (!l.reactions.isEmpty()) {
        const qreal radius = l.reactionsRect.height() / 2.0;
        painter->setPen(l.ownReaction ? QPen(pal.color(QPalette::Highlight), 1.5) : QPen(pal.color(QPalette::Mid)));
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(l.reactionsRect, radius, radius);
        if (l.ownReaction) {
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlpha(40);
            painter->setPen(Qt::NoPen);
            painter->setBrush(tint);
            painter->drawRoundedRect(l.reactionsRect, radius, radius);
        }
        painter->setPen(pal.color(QPalette::Text));
        painter->setFont(f.base);
        painter->drawText(l.reactionsRect, Qt::AlignCenter, l.reactions);
    }

    painter->setFont(f.small);
    painter->setPen(l.failed ? QColor(0xd0, 0x30, 0x30) : pal.color(QPalette::PlaceholderText));
    if (l.note)
        painter->setPen(pal.color(QPalette::Base).lightness() < 128 ? QColor(0xe0, 0xb8, 0x40)
                                                                    : QColor(0x7a, 0x5c, 0x00));
    painter->drawText(l.metaRect, (l.onRight() ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
        QFontMetrics(f.small).elidedText(l.meta, Qt::ElideRight, l.metaRect.width()));

    if (l.progressRect.isValid()) {
        painter->setFont(f.small);
        paintProgress(painter, l, ink);
    }

    painter->setFont(f.base);
    if (l.failed) {
        paintButton(painter, pal, l.retryRect, tr("Retry"));
        paintButton(painter, pal, l.deleteRect, tr("Delete"));
    }
    if (l.cancelRect.isValid())
        paintButton(painter, pal, l.cancelRect, tr("Cancel"));
    painter->restore();
}

void MessageDelegate::paintButton(QPainter *painter, const QPalette &pal, const QRect &rect,
                                  const QString &label)
{
    painter->setPen(pal.color(QPalette::Mid));
    painter->setBrush(pal.color(QPalette::Button));
    painter->drawRoundedRect(rect, 4, 4);
    painter->setPen(pal.color(QPalette::ButtonText));
    painter->drawText(rect, Qt::AlignCenter, label);
}

void MessageDelegate::paintProgress(QPainter *painter, const MessageLayout &l, const QColor &ink)
{
    // A thin track with the sent part filled, the percentage to its right.
    const QString percent = MessageLayoutEngine::percentText(l.uploadProgress);
    const int textWidth = painter->fontMetrics().horizontalAdvance(MessageLayoutEngine::percentText(1.0)) + 6;
    const QRect text(l.progressRect.right() - textWidth + 1, l.progressRect.top(), textWidth,
                     l.progressRect.height());
    const QRect track(l.progressRect.left(), l.progressRect.center().y() - 2,
                      l.progressRect.width() - textWidth - 2, 4);
    QColor trackColor = ink;
    trackColor.setAlpha(60);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, 2, 2);
    QRect done = track;
    done.setWidth(qRound(track.width() * qBound(0.0, l.uploadProgress, 1.0)));
    painter->setBrush(ink);
    if (done.width() > 0)
        painter->drawRoundedRect(done, 2, 2);
    painter->setPen(ink);
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, percent);
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const MessageLayout &l = layoutFor(index, qMax(option.rect.width(), 160), option.font);
    const QPoint pos = mouse->position().toPoint() - option.rect.topLeft();
    const qint64 id = index.data(M::IdRole).toLongLong();
    if (l.failed && l.retryRect.contains(pos)) {
        emit retryRequested(id);
        return true;
    }
    if (l.failed && l.deleteRect.contains(pos)) {
        emit deleteRequested(id);
        return true;
    }
    if (l.cancelRect.contains(pos)) {
        emit cancelRequested(id);
        return true;
    }
    const QString link = l.linkAt(pos);
    if (!link.isEmpty()) {
        emit linkActivated(QUrl(link));
        return true;
    }
    const MessageLayout::Attachment *att = l.attachmentAt(pos);
    if (!att)
        return false;
    // Images open in the app's viewer; everything else outside it (our own file: the local copy
    // until it has a public URL).
    // A webhook's URL opens in the viewer only if it may be downloaded (never as a local path).
    if (att->isImage && (!att->localPath.isEmpty() || ImageCache::isFetchable(QUrl(att->url)))) {
        emit imageActivated(att->localPath.isEmpty() ? att->url : att->localPath, QUrl(att->url));
        return true;
    }
    if (!att->url.isEmpty()) {
        emit attachmentActivated(QUrl(att->url), att->type);
        return true;
    }
    if (!att->localPath.isEmpty()) {
        emit attachmentActivated(QUrl::fromLocalFile(att->localPath), att->type);
        return true;
    }
    return false;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const MessageLayout &l = layoutFor(index, qMax(option.rect.width(), 160), option.font);
    const QPoint pos = event->pos() - option.rect.topLeft();
    const QString link = l.linkAt(pos);
    if (!link.isEmpty()) {
        QToolTip::showText(event->globalPos(), link, view);
        return true;
    }
    if (l.metaRect.contains(pos) && !l.meta.isEmpty()) {
        QToolTip::showText(event->globalPos(), l.meta, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace inlet::app
