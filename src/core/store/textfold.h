#pragma once

#include <QString>

// Matching what a person types against names, ignoring case and accents ("jose" finds "José",
// "ÉLO" finds "elodie"), for the quick switcher's contact lookup.
namespace inlet::textfold {

// Lower case (case folded), accents and other combining marks removed (NFKD). ASCII takes a
// fast path: it is what most names are and this runs on every row of a scan.
QString fold(const QString &text);

enum class Match { None, Substring, Prefix };

// How `text` matches `foldedNeedle` (already folded): Prefix when the text or one of its words
// starts with it (words split at spaces and . _ -), Substring when it occurs elsewhere.
Match match(const QString &text, const QString &foldedNeedle);
// The same for a `foldedText` already folded (an index keeps names folded once, not per lookup).
Match matchFolded(const QString &foldedText, const QString &foldedNeedle);

} // namespace inlet::textfold
