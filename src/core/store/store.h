#pragma once

#include "common/result.h"
#include "model/events.h"
#include "model/label.h"
#include "model/savedreply.h"
#include "model/types.h"
#include "store/queuedreaction.h"
#include "store/storechange.h"
#include "store/storetypes.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace inlet {

class Checkpointer;
class ReaderPool;
class StoreWriter;
struct WriteContext;

// The durable store's write side. Every write runs on the store's own writer thread, which owns
// the one write connection; the methods here are thread-safe and return at once with a future
// that finishes after the change is COMMITTED (so a webhook can wait for it before answering 200).
// Reads go through StoreReader (one per thread, from readers()), over the same file.
class Store : public QObject {
    Q_OBJECT
public:
    // Opens (creating if needed) <dataDir>/inlet.sqlite and migrates it. A corrupted file, a full
    // disk, a newer schema or a failed migration come back as an Error::Kind::Storage (code: the
    // sqlite:: constant); the file is then left as it was.
    static Result<std::unique_ptr<Store>> open(const QString &dataDir, const StoreOptions &options = {});
    ~Store() override;

    QString databasePath() const { return m_path; }
    // The one reader pool of this store (store/readerpool.h): every reader of the app comes from
    // it.
    std::shared_ptr<ReaderPool> readers() const { return m_readers; }

    // THE webhook/sync contract: the whole list in one transaction, in timestamp order,
    // idempotent on Instagram's ids (a redelivered batch changes nothing).
    QFuture<Status> applyEvents(const QList<InboundEvent> &events);

    QFuture<Status> upsertAccount(const Account &account);
    QFuture<Status> removeAccount(const QString &accountId, bool deleteMessages);
    QFuture<Status> upsertContact(const Contact &contact);
    QFuture<Status> markConversationRead(qint64 conversationId);
    // Triage: Open, Done (until the customer writes again) or Snoozed until `snoozedUntilMs` (which
    // must be in the future; SnoozeWaker opens it then). A customer message reopens either.
    QFuture<Status> setConversationStatus(
        qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs = 0);
    // The manager's "mark as unread" (cleared by markConversationRead).
    QFuture<Status> markConversationUnread(qint64 conversationId);
    // Opens the snoozed conversations due at `nowMs`; the result is the next snooze's end (0:
    // none).
    QFuture<Result<qint64>> wakeSnoozed(qint64 nowMs);
    // Saved replies (SavedReplyWriter): save returns the reply's id (a new one for id 0); a refused
    // reply is an Error::Kind::Invalid with a savedreply::Problem as its code. Import adds the
    // list in one transaction (all or nothing) and returns how many it added or replaced.
    // Read back with StoreReader::savedReplies.
    QFuture<Result<qint64>> saveReply(const SavedReply &reply);
    QFuture<Status> removeReply(qint64 id);
    QFuture<Result<int>> importReplies(const QList<SavedReply> &replies);
    // Labels (LabelWriter): save adds one (id 0) or renames and recolours it and returns its id;
    // a refused label is an Error::Kind::Invalid with a label::Problem as its code. Removing one
    // takes it off every conversation. Read back with StoreReader::labels and the conversations'
    // labelIds.
    QFuture<Result<qint64>> saveLabel(const Label &label);
    QFuture<Status> removeLabel(qint64 id);
    QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on);

    // Records Instagram's conversation id (from the Conversations API) for (account, customer).
    QFuture<Status> linkConversation(const QString &accountId, const QString &customerId,
                                     const QString &instagramConversationId);
    // Sync bookkeeping (see DirectoryWriter), read back with StoreReader::syncState.
    QFuture<Status> rememberConversationSynced(
        const QString &accountId, const QString &instagramConversationId, qint64 updatedMs);
    QFuture<Status> setSyncWalkComplete(const QString &accountId, bool complete);
    QFuture<Status> markOlderMissing(
        const QString &accountId, const QString &customerId, bool missing = true);

    // The business's own reactions (ReactionQueue; see ReactionWriter for the rules): each write
    // shows at once in `reactions` (reactor = the account id) and is queued for the Send API.
    QFuture<Result<EnqueuedReaction>> enqueueReaction(qint64 messageId, const QString &reaction,
                                                      const QString &emoji, bool remove);
    QFuture<Result<bool>> markReactionSending(qint64 reactionId); // false: replaced, don't send
    QFuture<Status> markReactionSent(qint64 reactionId);
    QFuture<Status> markReactionRetry(qint64 reactionId, const QString &reason, int attempts,
                                      qint64 nextAttemptMs);
    QFuture<Result<ReactionFailure>> markReactionFailed(qint64 reactionId, const QString &reason);
    QFuture<Result<QueuedReaction>> retryReaction(qint64 reactionId);
    QFuture<Status> dismissReaction(qint64 reactionId);
    QFuture<Result<QList<QueuedReaction>>> queuedReactions();

    // Outbox. enqueueOutgoing writes the message (state Queued) and returns its local id.
    QFuture<Result<qint64>> enqueueOutgoing(const QString &accountId, const QString &customerId,
                                            const QString &text,
                                            const QList<AttachmentData> &attachments = {},
                                            const QString &replyToMid = {}, const QString &tag = {});
    QFuture<Status> markSending(qint64 localId);
    // Stores Instagram's mid; an echo that arrived first is merged into this row.
    QFuture<Status> markSent(qint64 localId, const QString &mid);
    // retryable: back to Queued until nextAttemptMs; otherwise Failed (final) with the reason.
    QFuture<Status> markFailed(qint64 localId, const QString &reason, bool retryable,
                               qint64 nextAttemptMs = 0);
    // A Failed (or Queued) message back to Queued, due now.
    QFuture<Status> retryOutgoing(qint64 localId);
    // Deletes a Failed or Queued message that was never sent.
    QFuture<Status> deleteOutgoing(qint64 localId);
    // Queued and Sending messages, oldest first (Sending ones were in flight when the app stopped).
    QFuture<Result<QList<StoredMessage>>> pendingOutgoing();

    // Attachments from a local file: the outbox uploaded it to the media host; from now on the
    // queued (or failed) message carries this public URL in its first attachment.
    QFuture<Status> setOutgoingAttachmentUrl(qint64 localId, const QString &url);

    // How a write() must survive a power cut. Durable: as the store is opened
    // (StoreOptions::durableAgainstPowerLoss). Refetchable: rows that can be had again from
    // elsewhere together with the bookkeeping that says so, e.g. a team replica's batch and the
    // number of the last change it applied (read again from PostgreSQL after that number). A
    // transaction of refetchable jobs only is committed without an fsync (synchronous=NORMAL:
    // it survives a crash of the process, a power cut may take it back); a group commit with
    // one durable job is durable as a whole.
    enum class WriteDurability { Durable, Refetchable };

    // Runs `work` on the writer thread inside the write transaction (a SAVEPOINT of its group
    // commit), with the writers of the other areas; Store::changed announces what it touched. For
    // writers outside the store module (the team replica) that must commit their rows and their
    // own bookkeeping together.
    QFuture<Status> write(std::function<Status(WriteContext &)> work,
        WriteDurability durability = WriteDurability::Durable);

    // The write connection's PRAGMA synchronous (1 = NORMAL, 2 = FULL): whether a commit, and so
    // a webhook's 200, survives a power cut or only a crash of the process. For logs and tests.
    QFuture<Result<int>> synchronousLevel();

    // Group-commit figures: transactions committed, jobs they carried.
    qint64 transactionCount() const;
    qint64 jobCount() const;

signals:
    // After each commit, in the thread the Store lives in (queued).
    void changed(const inlet::StoreChange &change);

private:
    Store(QString path);
    template <typename T>
    QFuture<Result<T>> submit(
        std::function<Result<T>(WriteContext &)> work, bool refetchable = false);

    QString m_path;
    std::unique_ptr<QThread> m_thread;
    StoreWriter *m_writer = nullptr; // lives on m_thread
    std::unique_ptr<QThread> m_checkpointThread;
    Checkpointer *m_checkpointer = nullptr; // lives on m_checkpointThread
    std::shared_ptr<ReaderPool> m_readers;
};

} // namespace inlet
