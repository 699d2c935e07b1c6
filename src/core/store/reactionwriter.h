#pragma once

#include "common/result.h"
#include "store/queuedreaction.h"
#include "store/storechange.h"

namespace inlet {

class WriteSession;

// The queue of the business's own reactions (table reaction_queue) and their optimistic copy in
// `reactions` (reactor = the account id). Instagram sends no echo for the business's reactions, so
// the local row is the only place they show. Runs on the writer thread inside its transaction;
// stateless, so a job makes one over the session when it needs it.
class ReactionWriter {
public:
    explicit ReactionWriter(WriteSession &session)
        : m_session(session)
    {
    }

    // Applies the intent to `reactions` and queues it, replacing queued or failed older intents
    // for the same message (only the newest is sent). One in flight stays: it goes first.
    Result<EnqueuedReaction> enqueue(qint64 messageId, const QString &reaction,
        const QString &emoji, bool remove, StoreChange &change);
    // false: the entry is gone (replaced by a newer intent) and must not be sent.
    Result<bool> markSending(qint64 id);
    Status markSent(qint64 id);
    Status markRetry(qint64 id, const QString &reason, int attempts, qint64 nextAttemptMs);
    // Final: restores the previous reaction locally and keeps the entry with its reason, unless a
    // newer intent for the message is queued (then that one inherits what to restore).
    Result<ReactionFailure> markFailed(qint64 id, const QString &reason, StoreChange &change);
    // Failed -> Queued, due now; the intent is shown again.
    Result<QueuedReaction> retry(qint64 id, StoreChange &change);
    // Deletes a failed entry (the restored reaction stays).
    Status dismiss(qint64 id);
    // Everything still in the queue (queued, sending, failed), oldest first.
    Result<QList<QueuedReaction>> all();

private:
    struct Snapshot {
        QString reaction;
        QString emoji;
        bool removed = true;
        qint64 reactedMs = 0;
    };
    Result<QList<QueuedReaction>> select(const QString &condition, const QVariantList &values);
    Result<std::optional<QueuedReaction>> entry(qint64 id);
    Result<QList<QueuedReaction>> entriesFor(qint64 messageId);
    Result<Snapshot> previousOf(qint64 id);
    Status applyLocally(
        qint64 messageId, const QString &accountId, const Snapshot &reaction, StoreChange &change);

    WriteSession &m_session;
};

} // namespace inlet
