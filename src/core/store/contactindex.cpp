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
    QList<qint64> labelPrefix;
    QList<qint64> substring;
    if (needle.isEmpty() || limit <= 0)
        return prefix;
    for (const Entry &e : m_entries) {
        if (prefix.size() >= limit)
            break;
        if (!accountId.isEmpty() && e.accountId != accountId)
            continue;
        const auto byName = qMax(textfold::matchFolded(e.foldedName, needle),
            textfold::matchFolded(e.foldedUsername, needle));
        if (byName == textfold::Match::Prefix) {
            prefix.append(e.conversationId);
            continue;
        }
        if (labelPrefix.size() >= limit && substring.size() >= limit)
            continue;
        auto byLabel = textfold::Match::None;
        for (const QString &label : e.foldedLabels)
            byLabel = qMax(byLabel, textfold::matchFolded(label, needle));
        if (byLabel == textfold::Match::Prefix) {
            if (labelPrefix.size() < limit)
                labelPrefix.append(e.conversationId);
        } else if (qMax(byName, byLabel) == textfold::Match::Substring
            && substring.size() < limit) {
            substring.append(e.conversationId);
        }
    }
    return (prefix + labelPrefix + substring).mid(0, limit);
}

} // namespace inlet
