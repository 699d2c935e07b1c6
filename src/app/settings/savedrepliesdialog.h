#pragma once

#include "common/result.h"

#include <QDialog>

#include <memory>

class QLabel;

namespace inlet {
class SavedReplies;
class SavedReplyModel;
} // namespace inlet

namespace inlet::app {

namespace Ui {
class SavedRepliesDialog;
}

// File > Saved replies…: the list of saved replies and a form for one (title, shortcut, text with
// {first_name}, {username} and {agent}), New / Delete / Save, the manager's name for {agent}, and
// Import… / Export… as JSON. Every change is a write through SavedReplies (the store's writer);
// the list follows the store. A refusal (a taken shortcut, a missing title) shows in the dialog.
class SavedRepliesDialog : public QDialog {
    Q_OBJECT
public:
    explicit SavedRepliesDialog(SavedReplies *replies, QWidget *parent = nullptr);
    ~SavedRepliesDialog() override;

    // The reply being edited (0: a new one).
    qint64 editingId() const { return m_editingId; }
    SavedReplyModel *model() const { return m_model; }
    QLabel *statusLabel() const;

    // What Import… and Export… do once a file is chosen (the file dialogs are skipped in tests).
    void importFile(const QString &path);
    bool exportFile(const QString &path);

    // The words for a refused saved reply or a failed write.
    static QString describe(const Error &error);

public slots:
    void newReply();
    void saveReply();
    void deleteReply();

private:
    void edit(int row);
    void showStatus(const QString &text, bool problem = false);
    void chooseImport();
    void chooseExport();
    void listChanged();

    std::unique_ptr<Ui::SavedRepliesDialog> m_ui; // the form, ui/savedrepliesdialog.ui
    SavedReplies *m_replies;
    SavedReplyModel *m_model;
    qint64 m_editingId = 0;
    int m_form = 0; // counts the replies put in the form: a late save answer for another is ignored
};

} // namespace inlet::app
