#pragma once

#include <QStyledItemDelegate>

namespace inlet::app {

// One view of the conversation list (ConversationViewsModel): its name, and its count at the
// right in a rounded badge (hidden until the first count arrives).
class ConversationViewsDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
};

} // namespace inlet::app
