#include "app/inbox/reactionnotice.h"

#include "app/inbox/failuretext.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "outbox/reactionqueue.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace inlet::app {

ReactionNotice::ReactionNotice(ReactionQueue *queue, QWidget *parent)
    : QFrame(parent)
    , m_queue(queue)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("reactionNotice"));
    setAccessibleName(tr("Reaction not sent"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_retry->setToolTip(tr("Send the reaction again"));
    m_dismiss->setToolTip(tr("Forget this reaction"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_dismiss);
    connect(m_retry, &QPushButton::clicked, this, &ReactionNotice::retry);
    connect(m_dismiss, &QPushButton::clicked, this, &ReactionNotice::dismiss);
    if (m_queue) {
        connect(m_queue, &ReactionQueue::failed, this, &ReactionNotice::refresh);
        connect(m_queue, &ReactionQueue::failureCleared, this, &ReactionNotice::refresh);
    }
    setVisible(false);
}

void ReactionNotice::setConversation(const QString &accountId, const QString &customerId)
{
    m_accountId = accountId;
    m_customerId = customerId;
    refresh();
}

void ReactionNotice::refresh()
{
    const QList<QueuedReaction> failed = m_queue && !m_customerId.isEmpty()
        ? m_queue->failedReactions(m_accountId, m_customerId)
        : QList<QueuedReaction>();
    if (failed.isEmpty()) {
        m_reactionId = 0;
        setVisible(false);
        return;
    }
    const QueuedReaction &r = failed.constLast(); // the newest
    m_reactionId = r.id;
    m_label->setText(r.remove
            ? tr("Your reaction could not be removed: %1").arg(failureText(r.errorText))
            : tr("Your reaction %1 could not be sent: %2").arg(r.emoji, failureText(r.errorText)));
    setVisible(true);
}

void ReactionNotice::retry()
{
    if (m_reactionId)
        settle(m_queue->retry(m_reactionId), tr("Retry failed: %1"));
}

void ReactionNotice::dismiss()
{
    if (m_reactionId)
        settle(m_queue->dismiss(m_reactionId), tr("Could not dismiss: %1"));
}

void ReactionNotice::settle(QFuture<Status> action, const QString &failure)
{
    // On success the queue's failureCleared() hides the notice.
    onDone(action, this, [this, failure](const Status &done) {
        if (!done)
            m_label->setText(failure.arg(errorText(done.error())));
    });
}

} // namespace inlet::app
