#pragma once

#include <QStyledItemDelegate>

namespace inlet::app {

class ImageCache;

// One inbox row: avatar, name and @username, last message preview (or the search snippet), time,
// unread badge, and a coloured marker for the messaging window (open / closing soon /
// human agent only / closed). Fixed height, so the list can use uniform item sizes.
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ConversationDelegate(ImageCache *images, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    static QString timeLabel(qint64 ms, qint64 nowMs);
    static QString windowLabel(int state);

private:
    ImageCache *m_images;
};

} // namespace inlet::app
