#pragma once

#include "common/result.h"
#include "transcript/htmltranscript.h"

#include <QCoreApplication>
#include <QString>

namespace inlet::app {

// The words of an export, in the UI's language: the transcript's own (headings, statuses) and
// what the manager reads when an export did not make a file.
class TranscriptText {
    Q_DECLARE_TR_FUNCTIONS(inlet::app::TranscriptText)

public:
    static TranscriptLabels labels();
    // Why there is no file at `path` (error from saveTranscript; not for a Cancelled one).
    static QString errorText(const Error &error, const QString &path);
};

} // namespace inlet::app
