#include "app/transcript/transcriptactions.h"

#include "app/inbox/inboxwidget.h"
#include "app/transcript/pdftranscript.h"
#include "app/transcript/transcripttext.h"
#include "models/conversationlistmodel.h"
#include "models/storeinboxsource.h"
#include "transcript/transcriptexporter.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

#include <limits>

namespace inlet::app {

namespace {

QString suffixOf(TranscriptFormat format)
{
    switch (format) {
    case TranscriptFormat::Csv:
        return QStringLiteral("csv");
    case TranscriptFormat::Html:
        return QStringLiteral("html");
    case TranscriptFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

// A file name from a contact's name: no path separators or characters Windows refuses.
QString fileNameFrom(QString text)
{
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : text) {
        if (refused.contains(c) || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    }
    return text.trimmed();
}

QString contactOf(const ConversationRow &row)
{
    if (!row.name.isEmpty())
        return row.name;
    return row.username.isEmpty() ? QString::number(row.id) : row.username;
}

} // namespace

TranscriptActions::TranscriptActions(
    std::shared_ptr<ReaderPool> readers, InboxWidget *inbox, QWidget *window)
    : QObject(window)
    , m_exporter(new TranscriptExporter(std::move(readers), this))
    , m_inbox(inbox)
    , m_window(window)
    , m_chooser(&TranscriptActions::askTarget)
    , m_exportConversation(new QAction(tr("&Export conversation…"), this))
    , m_exportView(new QAction(tr("Export &view…"), this))
{
    m_exportConversation->setObjectName(QStringLiteral("exportConversationAction"));
    m_exportConversation->setStatusTip(tr("Save the open conversation as a CSV, HTML or PDF file"));
    m_exportView->setObjectName(QStringLiteral("exportViewAction"));
    m_exportView->setStatusTip(
        tr("Save every conversation of the list's view and filters as a CSV, HTML or PDF file"));
    connect(m_exportConversation, &QAction::triggered, this,
        &TranscriptActions::exportCurrentConversation);
    connect(m_exportView, &QAction::triggered, this, &TranscriptActions::exportView);
    connect(inbox, &InboxWidget::conversationOpened, this, &TranscriptActions::updateEnabled);
    connect(inbox, &InboxWidget::listMenuAboutToShow, this,
        [this](QMenu *menu, const ConversationRow &row) {
            menu->addSeparator();
            QAction *action = menu->addAction(tr("&Export conversation…"));
            action->setObjectName(QStringLiteral("exportConversationMenuAction"));
            action->setEnabled(!m_exporter->isRunning());
            connect(action, &QAction::triggered, this, [this, row] { exportConversation(row); });
        });
    connect(m_exporter, &TranscriptExporter::progressed, this, &TranscriptActions::showProgress);
    updateEnabled();
}

TranscriptActions::~TranscriptActions() = default;

QProgressDialog *TranscriptActions::progressDialog() const
{
    return m_progress.data();
}

void TranscriptActions::addTo(QMenu *fileMenu)
{
    const QList<QAction *> actions = fileMenu->actions();
    QAction *before = actions.isEmpty() ? nullptr : actions.last();
    fileMenu->insertAction(before, m_exportConversation);
    fileMenu->insertAction(before, m_exportView);
    fileMenu->insertSeparator(before);
}

std::optional<TranscriptActions::Target> TranscriptActions::askTarget(
    QWidget *parent, const QString &suggestedName)
{
    const QString csv = tr("CSV spreadsheet (*.csv)");
    const QString html = tr("Web page (*.html *.htm)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString chosenFilter = csv;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export"),
        QDir(folder).filePath(suggestedName + QStringLiteral(".csv")),
        QStringList { csv, html, pdf }.join(QStringLiteral(";;")), &chosenFilter);
    if (path.isEmpty())
        return std::nullopt;
    TranscriptFormat chosen = TranscriptFormat::Csv;
    if (chosenFilter == html)
        chosen = TranscriptFormat::Html;
    else if (chosenFilter == pdf)
        chosen = TranscriptFormat::Pdf;
    return targetFor(path, chosen);
}

TranscriptActions::Target TranscriptActions::targetFor(const QString &path, TranscriptFormat chosen)
{
    Target target { path, chosen };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        target.format = TranscriptFormat::Csv;
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        target.format = TranscriptFormat::Html;
    else if (suffix == QLatin1String("pdf"))
        target.format = TranscriptFormat::Pdf;
    else
        target.path += QLatin1Char('.') + suffixOf(chosen); // none, or one of no known type
    return target;
}

void TranscriptActions::exportCurrentConversation()
{
    const qint64 id = m_inbox->currentConversationId();
    if (id == 0)
        return;
    ConversationRow row = m_inbox->conversations()->rowAt(m_inbox->conversations()->rowOf(id));
    row.id = id; // the open conversation may have left the list (filtered out)
    exportConversation(row);
}

void TranscriptActions::exportConversation(const ConversationRow &row)
{
    TranscriptSelection selection;
    selection.conversationIds = { row.id };
    start(selection, fileNameFrom(tr("Conversation with %1").arg(contactOf(row))));
}

void TranscriptActions::exportView()
{
    TranscriptSelection selection;
    const ConversationListModel *list = m_inbox->conversations();
    if (!list->searchText().isEmpty()) {
        // Searching: what the list shows is the search's results.
        for (int i = 0; i < list->rowCount(); ++i)
            selection.conversationIds.append(list->rowAt(i).id);
        if (selection.conversationIds.isEmpty()) {
            emit status(tr("The list is empty: nothing to export."));
            return;
        }
    } else {
        InboxFilter filter = list->filter();
        filter.nowMs = QDateTime::currentMSecsSinceEpoch();
        selection.view = StoreInboxSource::queryFor(filter);
    }
    start(selection,
        fileNameFrom(tr("Conversations %1").arg(QDate::currentDate().toString(Qt::ISODate))));
}

void TranscriptActions::start(TranscriptSelection selection, const QString &suggestedName)
{
    if (m_exporter->isRunning())
        return;
    const std::optional<Target> target = m_chooser(m_window, suggestedName);
    if (!target)
        return;
    TranscriptRequest request;
    request.selection = std::move(selection);
    request.format = target->format;
    request.path = target->path;
    request.labels = TranscriptText::labels();
    request.locale = QLocale();
    request.zone = QTimeZone::systemTimeZone();
    request.renderPdf
        = [title = request.labels.documentTitle, locale = request.locale](const QByteArray &html,
              QIODevice &out) { return renderPdfTranscript(html, out, title, locale); };

    m_progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(400); // a short export does not flash a dialog
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &TranscriptExporter::cancel);

    updateEnabled();
    m_exporter->start(std::move(request))
        .then(this, [this, path = target->path](const Result<TranscriptSummary> &result) {
            finish(path, result);
        });
    updateEnabled();
}

void TranscriptActions::showProgress(int done, int total, qint64 messages)
{
    if (!m_progress)
        return;
    m_progress->setMaximum(total);
    m_progress->setValue(done);
    m_progress->setLabelText(tr("Exporting… %1 of %2 conversations, %n message(s)", nullptr,
        int(qMin<qint64>(messages, std::numeric_limits<int>::max())))
                                 .arg(done)
                                 .arg(total));
}

void TranscriptActions::finish(const QString &path, const Result<TranscriptSummary> &result)
{
    if (m_progress) {
        m_progress->close(); // and deleted; a progress report still queued finds no dialog
        m_progress = nullptr;
    }
    updateEnabled();
    if (result) {
        emit status(tr("Exported %n conversation(s) to %1", nullptr, result->conversations)
                        .arg(QDir::toNativeSeparators(path)));
        emit exported(path, result->conversations, result->messages);
        return;
    }
    if (result.error().kind == Error::Kind::Cancelled) {
        emit status(tr("Export cancelled: no file was saved."));
        return;
    }
    const QString reason = TranscriptText::errorText(result.error(), path);
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Export failed"), reason, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("exportFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit failed(reason);
}

void TranscriptActions::updateEnabled()
{
    const bool idle = !m_exporter->isRunning();
    m_exportConversation->setEnabled(idle && m_inbox->currentConversationId() != 0);
    m_exportView->setEnabled(idle);
}

} // namespace inlet::app
