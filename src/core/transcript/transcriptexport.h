#pragma once

#include "common/result.h"
#include "store/storetypes.h"
#include "transcript/htmltranscript.h"

#include <QIODevice>
#include <QList>

#include <functional>
#include <optional>

namespace inlet {

class StoreReader;
class TranscriptWriter;

// Which conversations go into a transcript: the ones named (in that order), or every conversation
// of an inbox view with its filters (in the list's order).
struct TranscriptSelection {
    QList<qint64> conversationIds;
    std::optional<InboxQuery> view; // used when conversationIds is empty; limit/after are ignored
};

struct TranscriptProgress {
    int conversationsDone = 0;
    int conversationsTotal = 0;
    qint64 messages = 0; // messages (and notes) written so far
};

struct TranscriptSummary {
    int conversations = 0;
    qint64 messages = 0;
};

// Error::code of a transcript that could not be written (Error::Kind::Storage; a failed read of
// the store keeps SQLite's code instead, Kind::Cancelled is the manager's Cancel).
namespace transcripterror {
inline constexpr int CannotCreate = 2001; // the file or its temporary one could not be made
inline constexpr int WriteFailed = 2002; // a write did not go through (a full disk)
inline constexpr int CannotFinish = 2003; // the finished file could not take the target's place
inline constexpr int NoPdfRenderer = 2004; // Pdf asked of a caller that gave no renderer
} // namespace transcripterror

// Called between pieces of work with where the export stands; false cancels it.
using TranscriptProgressFn = std::function<bool(const TranscriptProgress &)>;

// Reads the selected conversations and their messages, oldest first, a page at a time, and hands
// them to `writer` (which writes them out at once: only one page of messages is held). Runs on the
// calling thread with its reader: never the GUI thread.
Result<TranscriptSummary> writeTranscript(StoreReader &reader, const TranscriptSelection &selection,
    TranscriptWriter &writer, const TranscriptProgressFn &progress = {});

enum class TranscriptFormat { Csv, Html, Pdf };

// Turns the HTML transcript into a PDF on `out`. QtGui's (QTextDocument, QPdfWriter): the core
// links no QtGui, so the app passes it (app/transcript/pdfrenderer.h).
using PdfRenderer = std::function<Status(const QByteArray &html, QIODevice &out)>;

struct TranscriptRequest {
    TranscriptSelection selection;
    TranscriptFormat format = TranscriptFormat::Csv;
    QString path;
    TranscriptLabels labels;
    QLocale locale;
    QTimeZone zone = QTimeZone::systemTimeZone();
    PdfRenderer renderPdf; // needed for Pdf
};

// Writes the transcript to request.path through a temporary file that takes the path's place only
// when everything was written (QSaveFile): an error or a cancel leaves no file (and an earlier
// file at the path as it was). CSV and HTML stream to the file; PDF needs the whole HTML in memory
// (QTextDocument lays it out at once).
Result<TranscriptSummary> saveTranscript(StoreReader &reader, const TranscriptRequest &request,
    const TranscriptProgressFn &progress = {});

} // namespace inlet
