#pragma once

#include "models/messagingwindow.h"

#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QToolButton;
class QCompleter;
class QStringListModel;

namespace inlet::app {

// The text box: Enter sends, Shift+Enter inserts a newline; "/" at the start offers saved replies.
class ComposerEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget *parent = nullptr);
    void setSavedReplies(const QStringList &replies);

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateCompletion();
    void insertCompletion(const QString &reply);

    QCompleter *m_completer;
    QStringListModel *m_replies;
};

// Writing a reply: the text box, a UTF-8 byte counter against Instagram's 1000-byte limit, the
// message being replied to, and the messaging window rule: past 24 h it offers the HUMAN_AGENT
// tag with a one-line explanation, past 7 days it explains why sending is impossible.
class Composer : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxBytes = 1000;

    explicit Composer(QWidget *parent = nullptr);

    void setWindowState(MessagingWindow::State state);
    MessagingWindow::State windowState() const { return m_state; }
    void setReplyTo(const QString &mid, const QString &quote);
    void clearReplyTo();
    QString replyToMid() const { return m_replyToMid; }
    void setSavedReplies(const QStringList &replies) { m_edit->setSavedReplies(replies); }
    void setSendingAvailable(bool available, const QString &why = {});
    // Instagram cannot be reached: a reply sent now stays queued, and the notice says so.
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }

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

signals:
    // text as typed; humanAgent: send with the HUMAN_AGENT tag
    void sendRequested(const QString &text, const QString &replyToMid, bool humanAgent);
    void typing();

private:
    void refresh();
    void submit();

    ComposerEdit *m_edit;
    QLabel *m_counter;
    QLabel *m_notice;
    QCheckBox *m_humanAgent;
    QPushButton *m_send;
    QWidget *m_replyBar;
    QLabel *m_replyLabel;
    QToolButton *m_replyCancel;
    QString m_replyToMid;
    MessagingWindow::State m_state = MessagingWindow::State::Open;
    bool m_available = true;
    bool m_offline = false;
    bool m_sentWhileOffline = false; // shows the offline notice until the connection is back
    QString m_unavailableWhy;
};

} // namespace inlet::app
