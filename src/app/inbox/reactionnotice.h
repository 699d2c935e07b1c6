#pragma once

#include "common/result.h"

#include <QFrame>
#include <QFuture>

class QLabel;
class QPushButton;

namespace inlet {
class ReactionQueue;
}

namespace inlet::app {

// A strip above the composer telling that one of the manager's reactions in this conversation
// could not be sent, why, and offering Retry and Dismiss (the reaction itself is back to what
// Instagram has, so the bubble alone would not show that anything went wrong). Hidden otherwise.
class ReactionNotice : public QFrame {
    Q_OBJECT
public:
    // `queue` may be null: then the notice never shows.
    explicit ReactionNotice(ReactionQueue *queue, QWidget *parent = nullptr);

    // The conversation on screen (empty ids: none).
    void setConversation(const QString &accountId, const QString &customerId);

    // The failed reaction shown, 0 when hidden.
    qint64 shownReactionId() const { return m_reactionId; }
    QLabel *label() const { return m_label; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *dismissButton() const { return m_dismiss; }

private:
    void refresh();
    void retry();
    void dismiss();
    void settle(QFuture<Status> action, const QString &failure);

    ReactionQueue *m_queue;
    QString m_accountId;
    QString m_customerId;
    qint64 m_reactionId = 0;
    QLabel *m_label;
    QPushButton *m_retry;
    QPushButton *m_dismiss;
};

} // namespace inlet::app
