#include "app/settings/savedrepliesdialog.h"

#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "model/savedreplyjson.h"
#include "models/savedreplymodel.h"
#include "service/savedreplies.h"
#include "ui_savedrepliesdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QSaveFile>
#include <QStandardPaths>

namespace inlet::app {

SavedRepliesDialog::SavedRepliesDialog(SavedReplies *replies, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SavedRepliesDialog>())
    , m_replies(replies)
    , m_model(new SavedReplyModel(this))
{
    m_ui->setupUi(this);
    m_ui->list->setModel(m_model);
    m_ui->agentName->setText(replies->agentName());
    m_model->setReplies(replies->replies());
    connect(replies, &SavedReplies::repliesChanged, this, &SavedRepliesDialog::listChanged);
    connect(m_ui->list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { edit(current.row()); });
    connect(m_ui->newButton, &QPushButton::clicked, this, &SavedRepliesDialog::newReply);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &SavedRepliesDialog::saveReply);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &SavedRepliesDialog::deleteReply);
    connect(m_ui->importButton, &QPushButton::clicked, this, &SavedRepliesDialog::chooseImport);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &SavedRepliesDialog::chooseExport);
    connect(m_ui->agentName, &QLineEdit::editingFinished, this,
        [this] { m_replies->setAgentName(m_ui->agentName->text()); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_model->rowCount() > 0)
        m_ui->list->setCurrentIndex(m_model->index(0, 0));
    else
        newReply();
}

SavedRepliesDialog::~SavedRepliesDialog() = default;

QLabel *SavedRepliesDialog::statusLabel() const
{
    return m_ui->status;
}

QString SavedRepliesDialog::describe(const Error &error)
{
    if (error.kind == Error::Kind::Invalid) {
        switch (error.code) {
        case savedreply::TitleMissing:
            return tr("Give the reply a title.");
        case savedreply::TextMissing:
            return tr("Write the reply's text.");
        case savedreply::ShortcutHasSpace:
            return tr("A shortcut is one word, without spaces.");
        case savedreply::ShortcutTaken:
            return tr("Another saved reply has this shortcut already.");
        case savedreply::NotFound:
            return tr("This saved reply was deleted meanwhile.");
        default:
            break;
        }
    }
    if (error.kind == Error::Kind::Parse)
        return tr("The file is not a list of saved replies Inlet can read: %1")
            .arg(errorText(error));
    return tr("The saved replies could not be changed: %1").arg(errorText(error));
}

void SavedRepliesDialog::showStatus(const QString &text, bool problem)
{
    m_ui->status->setText(text);
    m_ui->status->setStyleSheet(problem ? QStringLiteral("color: #d03030;") : QString());
}

void SavedRepliesDialog::listChanged()
{
    m_model->setReplies(m_replies->replies());
    const int row = m_editingId ? m_model->rowOf(m_editingId) : -1;
    if (row >= 0 && m_ui->list->currentIndex().row() != row)
        m_ui->list->setCurrentIndex(m_model->index(row, 0));
    m_ui->deleteButton->setEnabled(m_editingId != 0);
}

void SavedRepliesDialog::edit(int row)
{
    if (row < 0)
        return;
    const SavedReply reply = m_model->replyAt(row);
    const bool another = reply.id != m_editingId;
    if (another) {
        ++m_form;
        showStatus({}); // the news was about the previous one
    }
    m_editingId = reply.id;
    m_ui->title->setText(reply.title);
    m_ui->shortcut->setText(reply.shortcut);
    m_ui->text->setPlainText(reply.text);
    m_ui->deleteButton->setEnabled(true);
}

void SavedRepliesDialog::newReply()
{
    ++m_form;
    m_editingId = 0;
    m_ui->list->clearSelection();
    m_ui->list->setCurrentIndex({});
    m_ui->title->clear();
    m_ui->shortcut->clear();
    m_ui->text->clear();
    m_ui->deleteButton->setEnabled(false);
    m_ui->title->setFocus();
    showStatus({});
}

void SavedRepliesDialog::saveReply()
{
    SavedReply reply;
    reply.id = m_editingId;
    reply.title = m_ui->title->text();
    reply.shortcut = m_ui->shortcut->text();
    reply.text = m_ui->text->toPlainText();
    if (const int problem = problemOf(reply)) {
        showStatus(describe(Error::make(Error::Kind::Invalid, {}, problem)), true);
        return;
    }
    m_ui->saveButton->setEnabled(false);
    const int form = m_form;
    onDone(m_replies->save(reply), this,
        [this, form, title = reply.title.trimmed()](const Result<qint64> &saved) {
            m_ui->saveButton->setEnabled(true);
            if (!saved) {
                if (saved.error().kind != Error::Kind::Cancelled)
                    showStatus(describe(saved.error()), true);
                return;
            }
            if (form != m_form)
                return; // another reply is in the form by now
            m_editingId = *saved;
            m_ui->deleteButton->setEnabled(true);
            showStatus(tr("Saved “%1”.").arg(title));
            listChanged(); // selects the row once the list has it
        });
}

void SavedRepliesDialog::deleteReply()
{
    if (!m_editingId)
        return;
    const QString title = m_ui->title->text().trimmed();
    onDone(m_replies->remove(m_editingId), this, [this, title](const Status &removed) {
        if (!removed) {
            if (removed.error().kind != Error::Kind::Cancelled)
                showStatus(describe(removed.error()), true);
            return;
        }
        newReply();
        showStatus(tr("Deleted “%1”.").arg(title));
    });
}

void SavedRepliesDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStatus(tr("%1 could not be opened: %2")
                       .arg(QDir::toNativeSeparators(path), file.errorString()),
            true);
        return;
    }
    // One byte over the limit is enough for the reader to refuse it.
    const QByteArray json = file.read(savedreplyjson::kMaxBytes + 1);
    onDone(m_replies->importJson(json), this, [this](const Result<int> &imported) {
        if (!imported) {
            if (imported.error().kind != Error::Kind::Cancelled)
                showStatus(describe(imported.error()), true);
            return;
        }
        showStatus(tr("%n saved replies imported (a reply with a shortcut you had replaces yours).",
            nullptr, *imported));
    });
}

bool SavedRepliesDialog::exportFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_replies->exportJson()) < 0
        || !file.commit()) {
        showStatus(tr("%1 could not be written: %2")
                       .arg(QDir::toNativeSeparators(path), file.errorString()),
            true);
        return false;
    }
    showStatus(tr("%n saved replies exported to %1.", nullptr, int(m_replies->replies().size()))
                   .arg(QDir::toNativeSeparators(path)));
    return true;
}

void SavedRepliesDialog::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import saved replies"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Saved replies (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void SavedRepliesDialog::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export saved replies"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("saved-replies.json")),
        tr("Saved replies (*.json)"));
    if (!path.isEmpty())
        exportFile(path);
}

} // namespace inlet::app
