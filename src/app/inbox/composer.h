#pragma once

#include "model/savedreply.h"
#include "models/messagingwindow.h"
#include "outbox/mediapolicy.h"
#include "outbox/sendpolicy.h"

#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QToolButton;
class QCompleter;

namespace inlet {
class SavedReplyModel;
}

namespace inlet::app {

class AttachmentChip;
class ImageCache;

// The text box: Enter sends, Shift+Enter inserts a newline; "/" at the start offers saved replies:
// what follows the "/" finds them by shortcut or title (findSavedReplies), Enter or a click puts
// the chosen reply's text in the box with its variables filled.
class ComposerEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);
    void setSavedReplies(const QList<SavedReply> &replies);
    // The values for {first_name}, {username} and {agent}, asked when a reply is chosen.
    void setReplyVariables(std::function<ReplyVariables()> variables)
    {
        m_variables = std::move(variables);
    }
    // The "/" picker (its popup, its rows).
    QCompleter *picker() const { return m_completer; }
    SavedReplyModel *pickerModel() const { return m_replies; }

signals:
    void submitted();
    // Pasted or dropped onto the text: an image (clipboard) or local files.
    void imagePasted(const QImage &image);
    void filesDropped(const QStringList &paths);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void updateCompletion();
    void insertCompletion(const QModelIndex &index);

    QCompleter *m_completer;
    SavedReplyModel *m_replies;
    std::function<ReplyVariables()> m_variables;
};

// Writing a reply: the text box, a UTF-8 byte counter against Instagram's 1000-byte limit, the
// message being replied to, and the messaging window rule: past 24 h it offers the HUMAN_AGENT
// tag with a one-line explanation, past 7 days it explains why sending is impossible.
// One attachment (paperclip, a dropped file or a pasted image) goes with the reply: checked at
// once with MediaPolicy, shown as a chip, sent as its own message before the text.
class Composer : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxBytes = sendpolicy::maxTextBytes;

    explicit Composer(QWidget *parent = nullptr);

    void setWindowState(MessagingWindow::State state);
    MessagingWindow::State windowState() const { return m_state; }
    void setReplyTo(const QString &mid, const QString &quote);
    void clearReplyTo();
    QString replyToMid() const { return m_replyToMid; }
    void setSavedReplies(const QList<SavedReply> &replies) { m_edit->setSavedReplies(replies); }
    void setReplyVariables(std::function<ReplyVariables()> variables)
    {
        m_edit->setReplyVariables(std::move(variables));
    }
    void setSendingAvailable(bool available, const QString &why = {});
    // Instagram cannot be reached: a reply sent now stays queued, and the notice says so.
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }

    // Where attachment thumbnails come from (off the GUI thread).
    void setImageCache(ImageCache *images);
    // Without a media host, attachments cannot reach Instagram: the paperclip explains `why`
    // and links to Settings instead.
    void setAttachmentsAvailable(bool available, const QString &why = {});
    // Attaches a file (what the paperclip, a drop and a paste end in). A file MediaPolicy refuses
    // is not attached: the notice says why and this returns false.
    bool attachFile(const QString &path);
    // Saves a pasted image as a PNG in the cache directory and attaches it.
    bool attachImage(const QImage &image);
    void removeAttachment();
    bool hasAttachment() const { return !m_attachmentPath.isEmpty(); }
    QString attachmentPath() const { return m_attachmentPath; }
    MediaInfo attachmentInfo() const { return m_attachmentInfo; }
    // Offers the file dialog (the paperclip).
    void chooseAttachment();

    QString text() const;
    void setText(const QString &text);
    void clear();
    bool canSend() const;
    int byteCount() const;
    ComposerEdit *editor() const { return m_edit; }
    QLabel *counterLabel() const { return m_counter; }
    QLabel *noticeLabel() const { return m_notice; }
    QCheckBox *humanAgentBox() const { return m_humanAgent; }
    QPushButton *sendButton() const { return m_send; }
    QToolButton *attachButton() const { return m_attach; }
    AttachmentChip *attachmentChip() const { return m_chip; }
    QLabel *settingsLink() const { return m_settingsLink; }

    // Internal notes (issue 13): the Note toggle (hidden until notes are available) switches the
    // box to writing a note of the team, in the note colour; Enter (or "Add note") then asks for
    // noteRequested instead of a reply: never sent to Instagram, so neither the byte limit nor
    // the messaging window applies, and no attachment.
    void setNotesAvailable(bool available);
    bool isNoteMode() const { return m_noteMode; }
    void setNoteMode(bool on);
    QToolButton *noteToggle() const { return m_noteToggle; }
    static constexpr int kMaxNoteChars = 20000;

signals:
    // text as typed; humanAgent: send with the HUMAN_AGENT tag
    void sendRequested(const QString &text, const QString &replyToMid, bool humanAgent);
    // An internal note, as typed (note mode).
    void noteRequested(const QString &text);
    void typing();
    // "Open Settings" next to the missing media host notice.
    void settingsRequested();

private:
    void refresh();
    void submit();
    void setAttachNotice(const QString &notice, bool linkToSettings = false);

    ComposerEdit *m_edit;
    QLabel *m_counter;
    QLabel *m_notice;
    QCheckBox *m_humanAgent;
    QPushButton *m_send;
    QToolButton *m_attach;
    AttachmentChip *m_chip;
    QLabel *m_settingsLink;
    QToolButton *m_noteToggle;
    bool m_noteMode = false;
    bool m_notesAvailable = false;
    QWidget *m_replyBar;
    QLabel *m_replyLabel;
    QToolButton *m_replyCancel;
    QString m_replyToMid;
    MessagingWindow::State m_state = MessagingWindow::State::Open;
    bool m_available = true;
    bool m_offline = false;
    bool m_sentWhileOffline = false; // shows the offline notice until the connection is back
    QString m_unavailableWhy;
    bool m_attachAvailable = true;
    QString m_attachUnavailableWhy;
    QString m_attachmentPath;
    MediaInfo m_attachmentInfo;
    QString m_attachNotice; // why the last file was not attached
};

} // namespace inlet::app
