#pragma once

#include "model/savedreply.h"

#include <QAbstractListModel>

namespace inlet {

// Saved replies as a list (the editor's list, the composer's "/" picker), filtered and ordered by
// findSavedReplies(): every reply by title without a filter. Fed with the list SavedReplies read
// (setReplies); it reads nothing itself. The display text is the title, followed by "/shortcut"
// when there is one.
class SavedReplyModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        ShortcutRole,
        TextRole,
    };

    explicit SavedReplyModel(QObject *parent = nullptr);

    void setReplies(const QList<SavedReply> &replies);
    // What follows the "/" in the composer; empty shows every reply.
    void setFilter(const QString &query);
    QString filter() const { return m_filter; }

    SavedReply replyAt(int row) const;
    // The row showing reply `id`, -1 if none.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void refilter();

    QList<SavedReply> m_all;
    QList<SavedReply> m_shown;
    QString m_filter;
};

} // namespace inlet
