#include "store/textfold.h"

namespace inlet::textfold {

namespace {

bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isWordStart(const QString &text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return before.isSpace() || before == QLatin1Char('.') || before == QLatin1Char('_')
        || before == QLatin1Char('-');
}

} // namespace

QString fold(const QString &text)
{
    if (isAscii(text))
        return text.toLower();
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const auto category = c.category();
        if (category != QChar::Mark_NonSpacing && category != QChar::Mark_Enclosing
            && category != QChar::Mark_SpacingCombining)
            out.append(c);
    }
    return out.toCaseFolded();
}

Match match(const QString &text, const QString &foldedNeedle)
{
    if (foldedNeedle.isEmpty() || text.isEmpty())
        return Match::None;
    return matchFolded(fold(text), foldedNeedle);
}

Match matchFolded(const QString &folded, const QString &foldedNeedle)
{
    if (foldedNeedle.isEmpty() || folded.isEmpty())
        return Match::None;
    Match best = Match::None;
    for (qsizetype at = folded.indexOf(foldedNeedle); at >= 0;
         at = folded.indexOf(foldedNeedle, at + 1)) {
        if (isWordStart(folded, at))
            return Match::Prefix;
        best = Match::Substring;
    }
    return best;
}

} // namespace inlet::textfold
