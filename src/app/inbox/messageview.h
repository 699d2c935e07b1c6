#pragma once

#include <QListView>

namespace inlet {
class MessageListModel;
}

namespace inlet::app {

class MessageDelegate;

// The conversation pane's list: per-pixel scrolling over variable-height bubbles; pages older
// messages in when scrolled near the top (keeping what is on screen still), follows new messages
// when already at the bottom, and offers react / reply / copy (and cancel an upload; on one's own
// note, edit and delete) in a context menu.
class MessageView : public QListView {
    Q_OBJECT
public:
    MessageView(MessageListModel *model, MessageDelegate *delegate, QWidget *parent = nullptr);

    bool isAtBottom() const;
    void scrollToNewest();
    // Scrolls so that the message is visible and selects it (search hits).
    void showMessage(qint64 messageId);
    // Whether notes can be changed here (a notebook), and by whom: notes written by `author`
    // (team mode: this agent's role; solo mode: empty, the notes without an author). Their
    // context menu then offers Edit note and Delete note.
    void setNoteAuthor(bool editable, const QString &author)
    {
        m_notesEditable = editable;
        m_noteAuthor = author;
    }

signals:
    void replyRequested(qint64 messageId);
    // `reaction` is Instagram's name for it ("love"); only reactions Instagram takes are offered.
    void reactRequested(qint64 messageId, const QString &reaction);
    void unreactRequested(qint64 messageId);
    void cancelRequested(qint64 messageId); // an attachment not yet on its way to Instagram
    // A note its author (or, in solo mode, the manager) asked to change or delete.
    void editNoteRequested(qint64 messageId);
    void deleteNoteRequested(qint64 messageId);

protected:
    void verticalScrollbarValueChanged(int value) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool m_notesEditable = false;
    QString m_noteAuthor;
    void fetchOlderKeepingPosition();
    void keepAnchor(int added);

    MessageListModel *m_model;
    bool m_stickToBottom = true;
    qint64 m_anchorId = 0; // the top row when older rows were inserted above it
    int m_anchorTop = 0;
};

} // namespace inlet::app
