#pragma once

#include "app/inbox/messagelayout.h"

#include <QCache>
#include <QStyledItemDelegate>

namespace inlet::app {

class ImageCache;

// Draws one message as a chat bubble: day separator, reply quote, text with links, image
// thumbnails and attachment cards, reactions, time/edited/state/"Seen", Retry/Delete on failure,
// an upload's progress bar and Cancel; an internal note in the note colour, "Note · author · time"
// under it.
// Layouts are cached per (message, revision, width); the cache is cleared when fonts change.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(ImageCache *images, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The layout of `index` at `width` (cached).
    const MessageLayout &layoutFor(const QModelIndex &index, int width, const QFont &font) const;
    void clearCache();
    // The bubble colour of an internal note (issue 13), on a light or a dark palette.
    static QColor noteColour(bool dark);
    int cacheHits() const { return m_hits; }
    int cacheMisses() const { return m_misses; }

signals:
    void linkActivated(const QUrl &url);
    // A video/audio/file/share card: opened outside the app.
    void attachmentActivated(const QUrl &url, const QString &type);
    // An image thumbnail: `source` is the local copy when there is one, else `url`.
    void imageActivated(const QString &source, const QUrl &url);
    void retryRequested(qint64 messageId);
    void deleteRequested(qint64 messageId);
    void cancelRequested(qint64 messageId); // an attachment still uploading or queued

private:
    struct Entry {
        quint32 revision = 0;
        int width = 0;
        MessageLayout layout;
    };
    struct SizeEntry {
        quint32 revision = 0;
        int width = 0;
        QSize size;
    };
    MessageLayoutFonts fonts(const QFont &base) const;
    static void paintButton(QPainter *painter, const QPalette &pal, const QRect &rect, const QString &label);
    static void paintProgress(QPainter *painter, const MessageLayout &l, const QColor &ink);

    ImageCache *m_images;
    // Full layouts (text layouts: heavy) for the rows being painted, least recently used out...
    mutable QCache<qint64, Entry> m_cache;
    // ...and just the sizes of every row: the view asks for all of them on each relayout.
    mutable QHash<qint64, SizeEntry> m_sizes;
    mutable QFont m_fontKey;
    mutable int m_hits = 0;
    mutable int m_misses = 0;
};

} // namespace inlet::app
