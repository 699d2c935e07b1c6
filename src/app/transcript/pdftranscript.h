#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QLocale>
#include <QString>

class QIODevice;

namespace inlet::app {

// An HTML transcript (HtmlTranscriptWriter's) laid out by QTextDocument and printed by QPdfWriter
// onto `out`: A4, or Letter where the locale measures in inches. QtGui, hence here and not in the
// core (which links no QtGui): the core's saveTranscript calls it through
// TranscriptRequest::renderPdf, on the exporter's thread (QTextDocument and painting on a
// QPdfWriter are safe off the GUI thread).
Status renderPdfTranscript(
    const QByteArray &html, QIODevice &out, const QString &title, const QLocale &locale);

} // namespace inlet::app
