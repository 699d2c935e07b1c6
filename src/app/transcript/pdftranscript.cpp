#include "app/transcript/pdftranscript.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace inlet::app {

Status renderPdfTranscript(
    const QByteArray &html, QIODevice &out, const QString &title, const QLocale &locale)
{
    QPdfWriter writer(&out);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Inlet"));
    writer.setPageSize(
        QPageSize(locale.measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter
                                                                          : QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    QTextDocument document;
    document.setHtml(QString::fromUtf8(html));
    document.print(&writer);
    return {};
}

} // namespace inlet::app
