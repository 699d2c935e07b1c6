#pragma once

#include <QString>

namespace inlet {

// Turns what a user typed into a safe FTS5 MATCH expression: every word (between white space)
// becomes a quoted string (so FTS5 operators and punctuation in the input are plain text, and
// SQLite's tokenizer splits it as it split the messages), words are ANDed, and the last word may
// match as a prefix. Never an FTS5 syntax error, whatever the input (tests/fuzz/fuzz_ftsquery).
// Returns an empty string when the input has no words.
QString ftsMatchExpression(const QString &userInput, bool prefixLastWord = true);

} // namespace inlet
