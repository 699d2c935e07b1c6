#pragma once

#include <QString>

namespace inlet {

// Turns what a user typed into a safe FTS5 MATCH expression: every word becomes a quoted string
// (so FTS5 operators and punctuation in the input are plain text), words are ANDed, and the last
// word may match as a prefix. Returns an empty string when nothing searchable is left.
QString ftsMatchExpression(const QString &userInput, bool prefixLastWord = true);

} // namespace inlet
