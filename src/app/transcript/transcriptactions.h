#pragma once

#include "common/result.h"
#include "models/modelrows.h"
#include "transcript/transcriptexport.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;
class QProgressDialog;
class QWidget;

namespace inlet {
class ReaderPool;
class TranscriptExporter;
} // namespace inlet

namespace inlet::app {

class InboxWidget;

// Export of conversations as CSV, HTML or PDF transcripts: File > Export conversation… (the open
// one), File > Export view… (every conversation of the list's view and filters, or the search's
// results while searching) and Export conversation… in the list's context menu. A save dialog
// asks for the file (its type filter picks the format); the export runs on the core's
// TranscriptExporter thread while a progress dialog shows how far it got, with Cancel; a file that
// could not be written is explained and leaves nothing behind.
class TranscriptActions : public QObject {
    Q_OBJECT
public:
    // What the save dialog gave: the path (with the format's suffix) and the format.
    struct Target {
        QString path;
        TranscriptFormat format = TranscriptFormat::Csv;
    };
    // Asks where to save (nullopt: the manager cancelled); `suggestedName` is a file name without
    // a suffix. Tests inject their own instead of the native dialog.
    using TargetChooser
        = std::function<std::optional<Target>(QWidget *parent, const QString &suggestedName)>;

    TranscriptActions(std::shared_ptr<ReaderPool> readers, InboxWidget *inbox, QWidget *window);
    ~TranscriptActions() override;

    // Adds the two entries to the File menu, before its last entry (Quit).
    void addTo(QMenu *fileMenu);
    void setTargetChooser(TargetChooser chooser) { m_chooser = std::move(chooser); }

    QAction *exportConversationAction() const { return m_exportConversation; }
    QAction *exportViewAction() const { return m_exportView; }
    // The progress dialog while an export runs (for tests), else null.
    QProgressDialog *progressDialog() const;
    TranscriptExporter *exporter() const { return m_exporter; }

    // The save dialog's default: the format from the chosen type filter, its suffix added.
    static std::optional<Target> askTarget(QWidget *parent, const QString &suggestedName);
    // The file for a path typed in the save dialog with the type filter `chosen`: a suffix of a
    // known type (.csv, .html, .htm, .pdf) decides the format; otherwise the filter does, and its
    // suffix is added ("report" or "report.2026" with PDF chosen: "report.pdf", "report.2026.pdf").
    static Target targetFor(const QString &path, TranscriptFormat chosen);

public slots:
    void exportConversation(const inlet::ConversationRow &row);
    void exportCurrentConversation();
    void exportView();

signals:
    // The file is written: `conversations` and `messages` went into it.
    void exported(const QString &path, int conversations, qint64 messages);
    // No file: the reason in words for the manager (also shown in a message box).
    void failed(const QString &reason);
    // A line for the status bar (exported, cancelled).
    void status(const QString &text);

private:
    void start(TranscriptSelection selection, const QString &suggestedName);
    void finish(const QString &path, const Result<TranscriptSummary> &result);
    void showProgress(int done, int total, qint64 messages);
    void updateEnabled();

    TranscriptExporter *m_exporter;
    InboxWidget *m_inbox;
    QWidget *m_window;
    TargetChooser m_chooser;
    QAction *m_exportConversation;
    QAction *m_exportView;
    QPointer<QProgressDialog> m_progress;
};

} // namespace inlet::app
