#include "store/ftsquery.h"

#include <QStringList>

namespace inlet {

QString ftsMatchExpression(const QString &userInput, bool prefixLastWord)
{
    // Split on anything the unicode61 tokenizer would not keep inside a token.
    QStringList words;
    QString current;
    for (const QChar c : userInput) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            current.append(c);
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);

    QStringList parts;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString quoted = QLatin1Char('"') + words.at(i) + QLatin1Char('"');
        // A one-letter prefix matches half the index: only longer ones are worth it.
        if (prefixLastWord && i == words.size() - 1 && words.at(i).size() >= 2)
            quoted += QLatin1Char('*');
        parts.append(quoted);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace inlet
