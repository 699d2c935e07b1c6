#include "store/ftsquery.h"

#include <QStringList>

namespace inlet {

QString ftsMatchExpression(const QString &userInput, bool prefixLastWord)
{
    // Words are what lies between white space (and control characters: a NUL would end the
    // expression). Each becomes one quoted FTS5 string, with its quotes doubled, and SQLite's own
    // tokenizer splits it into tokens exactly as it split the messages: deciding here what is a
    // token character missed words SQLite keeps whole (letters beyond the BMP, private use,
    // characters newer than its Unicode tables; found by tests/fuzz/fuzz_ftsquery).
    QStringList words;
    QList<qsizetype> letters; // letters and digits in each word, by code point
    QString current;
    qsizetype count = 0;
    const auto endWord = [&] {
        if (current.isEmpty())
            return;
        words.append(current);
        letters.append(count);
        current.clear();
        count = 0;
    };
    for (const char32_t c : userInput.toUcs4()) {
        if (QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control) {
            endWord();
            continue;
        }
        if (c == U'"')
            current.append(QLatin1Char('"')); // "" inside a string is a quote
        current.append(QStringView(QChar::fromUcs4(c)));
        if (QChar::isLetterOrNumber(c))
            ++count;
    }
    endWord();

    QStringList parts;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString quoted = QLatin1Char('"') + words.at(i) + QLatin1Char('"');
        // A one-letter prefix matches half the index: only longer ones are worth it.
        if (prefixLastWord && i == words.size() - 1 && letters.at(i) >= 2)
            quoted += QLatin1Char('*');
        parts.append(quoted);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace inlet
