#pragma once

#include "common/result.h"
#include "outbox/sendfailure.h"
#include "store/queuedreaction.h"

#include <QFuture>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>

namespace inlet {

class OutboxTransport;
class Store;

struct ReactionQueueOptions {
    int backoffBaseMs = 2000; // first retry after ~2 s, doubling ...
    int backoffMaxMs = 15 * 60 * 1000; // ... up to 15 min
    int maxAttempts = 12; // answered failures, then Failed with Retry (sendpolicy::givesUp)
};

// The business's own reactions, delivered durably (issue 5, "Outbox": never silently dropped).
//
// Instagram sends no echo for reactions the account makes (instagram-api.md §2.7), so react()
// writes the reaction into the store first, where the bubble shows it at once, and queues the
// sender action (§3.3). Per message the intents go out in order and only the newest queued one is
// sent (a quick ❤️, remove, ❤️ sends ❤️ once, unless the first was already in flight).
// Network errors, 5xx and rate limits retry with exponential back-off and jitter (sendpolicy,
// shared with Outbox); resending a reaction is harmless, so an interrupted one is simply sent again
// after a restart. Final errors (window closed, user gone, token dead, invalid) restore the
// previous reaction in the store and keep the entry as Failed with its reason until retry() or
// dismiss().
class ReactionQueue : public QObject {
    Q_OBJECT
public:
    ReactionQueue(Store *store, OutboxTransport *transport, QObject *parent = nullptr);
    ~ReactionQueue() override;

    void setOptions(const ReactionQueueOptions &options) { m_options = options; }
    // Wall clock in ms (tests may pin it); default: system time.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Where the sender actions go (team mode: TeamActionTransport, the team server sends).
    // Set before start(); `transport` must outlive the queue or be replaced first.
    void setTransport(OutboxTransport *transport) { m_transport = transport; }
    OutboxTransport *transport() const { return m_transport; }

    // Loads the queue the store kept (after a restart) and starts delivering.
    void start();
    bool isStarted() const { return m_started; }

    // The manager reacts with `reaction`, a name or its emoji ("love" or "❤️"), or removes
    // their reaction. Only what Instagram takes from a business is queued (reactions::sendableName:
    // "love", sent as the name; the bubble shows its emoji). The future gives the queue entry's id
    // once it is stored, or why it was refused (a reaction Instagram refuses, no such message, not
    // on Instagram yet, unsent): then nothing changed.
    QFuture<Result<qint64>> react(qint64 messageId, const QString &reaction);
    QFuture<Result<qint64>> unreact(qint64 messageId);
    // A failed reaction goes again (shown again at once).
    QFuture<Status> retry(qint64 reactionId);
    // Forgets a failed reaction (the previous one stays restored).
    QFuture<Status> dismiss(qint64 reactionId);

    // Failed reactions of one conversation, oldest first (for the conversation's notice).
    QList<QueuedReaction> failedReactions(
        const QString &accountId, const QString &customerId) const;
    // The connection is back: reactions waiting for a retry time go now (see Outbox::wake).
    void wake();

    int pendingCount() const { return int(m_items.size()); }

signals:
    void sent(qint64 reactionId, qint64 messageId);
    void failed(qint64 reactionId, qint64 messageId, const QString &reason);
    // A failed reaction is gone: retried, dismissed, or replaced by a newer one.
    void failureCleared(qint64 reactionId, qint64 messageId);
    // Nothing left to deliver right now (everything sent, failed or waiting for a retry time).
    void idle();

private:
    QFuture<Result<qint64>> enqueue(
        qint64 messageId, const QString &name, const QString &emoji, bool remove);
    void add(const QueuedReaction &entry);
    void clearFailure(qint64 reactionId);
    void pump();
    void deliver(qint64 reactionId);
    void handleError(qint64 reactionId, const Error &error);
    void finishFailed(qint64 reactionId, const SendFailure &failure);
    void release(qint64 reactionId);

    Store *m_store;
    OutboxTransport *m_transport;
    ReactionQueueOptions m_options;
    std::function<qint64()> m_clock;
    bool m_started = false;
    bool m_loading = false;

    QMap<qint64, QueuedReaction> m_items; // queued or sending, by id (= enqueue order)
    QMap<qint64, QueuedReaction> m_failed; // kept for the UI until retried or dismissed
    QHash<qint64, qint64> m_busy; // message -> its reaction in flight
    QTimer m_timer; // wakes up for the earliest retry time
};

} // namespace inlet
