#include "store/contactindex.h"

#include "store/textfold.h"

namespace inlet {

QList<qint64> ContactIndex::find(const QString &text, const QString &accountId, int limit) const
{
    QString typed = text.trimmed();
    if (typed.startsWith(QLatin1Char('@'))) // "@user" is how usernames are shown
        typed.remove(0, 1);
    const QString needle = textfold::fold(typed);
    QList<qint64> prefix;
    QList<qint64> substring;
    if (needle.isEmpty() || limit <= 0)
        return prefix;
    for (const Entry &e : m_entries) {
        if (prefix.size() >= limit)
            break;
        if (!accountId.isEmpty() && e.accountId != accountId)
            continue;
        const auto match = qMax(textfold::matchFolded(e.foldedName, needle),
            textfold::matchFolded(e.foldedUsername, needle));
        if (match == textfold::Match::Prefix)
            prefix.append(e.conversationId);
        else if (match == textfold::Match::Substring && substring.size() < limit)
            substring.append(e.conversationId);
    }
    return (prefix + substring).mid(0, limit);
}

} // namespace inlet
