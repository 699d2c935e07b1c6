#include "models/savedreplymodel.h"

namespace inlet {

SavedReplyModel::SavedReplyModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void SavedReplyModel::setReplies(const QList<SavedReply> &replies)
{
    m_all = replies;
    refilter();
}

void SavedReplyModel::setFilter(const QString &query)
{
    if (query == m_filter)
        return;
    m_filter = query;
    refilter();
}

void SavedReplyModel::refilter()
{
    QList<SavedReply> shown = findSavedReplies(m_all, m_filter);
    if (shown == m_shown)
        return;
    // A few hundred rows at most, replaced as a whole: the views keep no state worth a diff.
    beginResetModel();
    m_shown = std::move(shown);
    endResetModel();
}

SavedReply SavedReplyModel::replyAt(int row) const
{
    return m_shown.value(row);
}

int SavedReplyModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_shown.size(); ++i) {
        if (m_shown.at(i).id == id)
            return i;
    }
    return -1;
}

int SavedReplyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant SavedReplyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedReply &r = m_shown.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.shortcut.isEmpty() ? r.title
                                    : QStringLiteral("%1    /%2").arg(r.title, r.shortcut);
    case Qt::ToolTipRole:
    case TextRole:
        return r.text;
    case IdRole:
        return r.id;
    case TitleRole:
        return r.title;
    case ShortcutRole:
        return r.shortcut;
    default:
        return {};
    }
}

QHash<int, QByteArray> SavedReplyModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "replyId");
    names.insert(TitleRole, "title");
    names.insert(ShortcutRole, "shortcut");
    names.insert(TextRole, "text");
    return names;
}

} // namespace inlet
