#include "store/store.h"

#include "common/logging.h"
#include "store/checkpointer.h"
#include "store/database.h"
#include "store/directorywriter.h"
#include "store/eventapplier.h"
#include "store/labelwriter.h"
#include "store/outboxwriter.h"
#include "store/reactionwriter.h"
#include "store/readerpool.h"
#include "store/savedreplywriter.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QPromise>

namespace inlet {

Store::Store(QString path)
    : m_path(std::move(path))
    , m_readers(std::make_shared<ReaderPool>(m_path))
{
}

Result<std::unique_ptr<Store>> Store::open(const QString &dataDir, const StoreOptions &options)
{
    qRegisterMetaType<inlet::StoreChange>();
    std::unique_ptr<Store> store(new Store(Database::pathInDataDir(dataDir)));
    store->m_thread = std::make_unique<QThread>();
    store->m_thread->setObjectName(QStringLiteral("inlet-store-writer"));
    store->m_writer = new StoreWriter;
    store->m_writer->moveToThread(store->m_thread.get());
    store->m_thread->start();

    // The connection must be created on the thread that will use it.
    Status opened;
    QMetaObject::invokeMethod(
        store->m_writer, [&] { opened = store->m_writer->open(store->m_path, options); },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        qCWarning(lcStore) << "cannot open the store:" << opened.error().message;
        return std::unexpected(opened.error());
    }
    connect(store->m_writer, &StoreWriter::committed, store.get(), &Store::changed);

    if (options.checkpointIntervalMs > 0) {
        store->m_checkpointThread = std::make_unique<QThread>();
        store->m_checkpointThread->setObjectName(QStringLiteral("inlet-store-checkpoint"));
        store->m_checkpointer =
            new Checkpointer(store->m_path, options, options.checkpointIntervalMs);
        store->m_checkpointer->moveToThread(store->m_checkpointThread.get());
        store->m_checkpointThread->start();
        Status started;
        QMetaObject::invokeMethod(
            store->m_checkpointer, [&] { started = store->m_checkpointer->start(); },
            Qt::BlockingQueuedConnection);
        if (!started) {
            qCWarning(lcStore) << "cannot start the checkpointer:" << started.error().message;
            return std::unexpected(started.error());
        }
    }
    return store;
}

Store::~Store()
{
    if (m_checkpointThread) {
        if (m_checkpointThread->isRunning()) {
            QMetaObject::invokeMethod(m_checkpointer, [this] { m_checkpointer->stop(); },
                                      Qt::BlockingQueuedConnection);
            m_checkpointThread->quit();
            m_checkpointThread->wait();
        }
        delete m_checkpointer;
    }
    if (!m_thread)
        return;
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_writer, [this] { m_writer->close(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    delete m_writer;
}

template <typename T>
QFuture<Result<T>> Store::submit(std::function<Result<T>(WriteContext &)> work, bool refetchable)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto value = std::make_shared<Result<T>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    WriteJob job;
    job.run = [work = std::move(work), value](WriteContext &context) -> Status {
        *value = work(context);
        if (!*value)
            return std::unexpected(value->error());
        return {};
    };
    job.finish = [promise, value](const Status &outcome) {
        if (outcome)
            promise->addResult(std::move(*value));
        else
            promise->addResult(Result<T>(std::unexpected(outcome.error())));
        promise->finish();
    };
    job.refetchable = refetchable;
    m_writer->enqueue(std::move(job));
    return future;
}

QFuture<Status> Store::applyEvents(const QList<InboundEvent> &events)
{
    return submit<void>([events](WriteContext &c) { return c.events.applyAll(events, c.change); });
}

QFuture<Status> Store::write(std::function<Status(WriteContext &)> work, WriteDurability durability)
{
    return submit<void>(std::move(work), durability == WriteDurability::Refetchable);
}

QFuture<Status> Store::upsertAccount(const Account &account)
{
    return submit<void>([account](WriteContext &c) { return c.directory.upsertAccount(account, c.change); });
}

QFuture<Status> Store::removeAccount(const QString &accountId, bool deleteMessages)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.removeAccount(accountId, deleteMessages, c.change);
    });
}

QFuture<Status> Store::upsertContact(const Contact &contact)
{
    return submit<void>([contact](WriteContext &c) { return c.directory.upsertContact(contact, c.change); });
}

QFuture<Status> Store::markConversationRead(qint64 conversationId)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.markConversationRead(conversationId, c.change);
    });
}

QFuture<Status> Store::setConversationStatus(
    qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.setConversationStatus(
            conversationId, status, snoozedUntilMs, c.session.now(), c.change);
    });
}

QFuture<Status> Store::markConversationUnread(qint64 conversationId)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.markConversationUnread(conversationId, c.change);
    });
}

QFuture<Result<qint64>> Store::wakeSnoozed(qint64 nowMs)
{
    return submit<qint64>(
        [=](WriteContext &c) { return c.directory.wakeSnoozed(nowMs, c.change); });
}

QFuture<Result<qint64>> Store::saveReply(const SavedReply &reply)
{
    return submit<qint64>([=](WriteContext &c) {
        return SavedReplyWriter(c.session).save(reply, c.session.now(), c.change);
    });
}

QFuture<Status> Store::removeReply(qint64 id)
{
    return submit<void>(
        [=](WriteContext &c) { return SavedReplyWriter(c.session).remove(id, c.change); });
}

QFuture<Result<int>> Store::importReplies(const QList<SavedReply> &replies)
{
    return submit<int>([=](WriteContext &c) {
        return SavedReplyWriter(c.session).import(replies, c.session.now(), c.change);
    });
}

QFuture<Result<qint64>> Store::saveLabel(const Label &label)
{
    return submit<qint64>([=](WriteContext &c) {
        return LabelWriter(c.session).save(label, c.session.now(), c.change);
    });
}

QFuture<Status> Store::removeLabel(qint64 id)
{
    return submit<void>(
        [=](WriteContext &c) { return LabelWriter(c.session).remove(id, c.change); });
}

QFuture<Status> Store::setConversationLabel(qint64 conversationId, qint64 labelId, bool on)
{
    return submit<void>([=](WriteContext &c) {
        return LabelWriter(c.session).setOnConversation(conversationId, labelId, on, c.change);
    });
}

QFuture<Status> Store::linkConversation(const QString &accountId, const QString &customerId,
                                        const QString &instagramConversationId)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.linkConversation(accountId, customerId, instagramConversationId, c.change);
    });
}

QFuture<Status> Store::rememberConversationSynced(
    const QString &accountId, const QString &instagramConversationId, qint64 updatedMs)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.rememberConversationSynced(
            accountId, instagramConversationId, updatedMs);
    });
}

QFuture<Status> Store::setSyncWalkComplete(const QString &accountId, bool complete)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return submit<void>(
        [=](WriteContext &c) { return c.directory.setSyncWalkComplete(accountId, complete, now); });
}

QFuture<Status> Store::markOlderMissing(
    const QString &accountId, const QString &customerId, bool missing)
{
    return submit<void>([=](WriteContext &c) {
        return c.directory.markOlderMissing(accountId, customerId, missing, c.change);
    });
}

QFuture<Result<EnqueuedReaction>> Store::enqueueReaction(qint64 messageId, const QString &reaction,
                                                         const QString &emoji, bool remove)
{
    return submit<EnqueuedReaction>([=](WriteContext &c) {
        return ReactionWriter(c.session).enqueue(messageId, reaction, emoji, remove, c.change);
    });
}

QFuture<Result<bool>> Store::markReactionSending(qint64 reactionId)
{
    return submit<bool>([=](WriteContext &c) { return ReactionWriter(c.session).markSending(reactionId); });
}

QFuture<Status> Store::markReactionSent(qint64 reactionId)
{
    return submit<void>([=](WriteContext &c) { return ReactionWriter(c.session).markSent(reactionId); });
}

QFuture<Status> Store::markReactionRetry(qint64 reactionId, const QString &reason, int attempts,
                                         qint64 nextAttemptMs)
{
    return submit<void>([=](WriteContext &c) {
        return ReactionWriter(c.session).markRetry(reactionId, reason, attempts, nextAttemptMs);
    });
}

QFuture<Result<ReactionFailure>> Store::markReactionFailed(qint64 reactionId, const QString &reason)
{
    return submit<ReactionFailure>([=](WriteContext &c) {
        return ReactionWriter(c.session).markFailed(reactionId, reason, c.change);
    });
}

QFuture<Result<QueuedReaction>> Store::retryReaction(qint64 reactionId)
{
    return submit<QueuedReaction>([=](WriteContext &c) { return ReactionWriter(c.session).retry(reactionId, c.change); });
}

QFuture<Status> Store::dismissReaction(qint64 reactionId)
{
    return submit<void>([=](WriteContext &c) { return ReactionWriter(c.session).dismiss(reactionId); });
}

QFuture<Result<QList<QueuedReaction>>> Store::queuedReactions()
{
    return submit<QList<QueuedReaction>>([](WriteContext &c) { return ReactionWriter(c.session).all(); });
}

QFuture<Result<qint64>> Store::enqueueOutgoing(const QString &accountId, const QString &customerId,
                                               const QString &text,
                                               const QList<AttachmentData> &attachments,
                                               const QString &replyToMid, const QString &tag)
{
    return submit<qint64>([=](WriteContext &c) {
        return c.outbox.enqueue(accountId, customerId, text, attachments, replyToMid, tag, c.change);
    });
}

QFuture<Status> Store::markSending(qint64 localId)
{
    return submit<void>([=](WriteContext &c) { return c.outbox.markSending(localId, c.change); });
}

QFuture<Status> Store::markSent(qint64 localId, const QString &mid)
{
    return submit<void>([=](WriteContext &c) { return c.outbox.markSent(localId, mid, c.change); });
}

QFuture<Status> Store::markFailed(qint64 localId, const QString &reason, bool retryable,
                                  qint64 nextAttemptMs)
{
    return submit<void>([=](WriteContext &c) {
        return c.outbox.markFailed(localId, reason, retryable, nextAttemptMs, c.change);
    });
}

QFuture<Status> Store::retryOutgoing(qint64 localId)
{
    return submit<void>([=](WriteContext &c) { return c.outbox.retry(localId, c.change); });
}

QFuture<Status> Store::deleteOutgoing(qint64 localId)
{
    return submit<void>([=](WriteContext &c) { return c.outbox.remove(localId, c.change); });
}

QFuture<Result<QList<StoredMessage>>> Store::pendingOutgoing()
{
    return submit<QList<StoredMessage>>([](WriteContext &c) { return c.outbox.pending(); });
}

QFuture<Status> Store::setOutgoingAttachmentUrl(qint64 localId, const QString &url)
{
    return submit<void>([=](WriteContext &c) { return c.outbox.setAttachmentUrl(localId, url, c.change); });
}

QFuture<Result<int>> Store::synchronousLevel()
{
    return submit<int>([](WriteContext &c) -> Result<int> {
        auto q = c.session.run(QStringLiteral("PRAGMA synchronous"), {});
        if (!q)
            return std::unexpected(q.error());
        const int level = (*q)->next() ? (*q)->value(0).toInt() : -1;
        (*q)->finish();
        return level;
    });
}

qint64 Store::transactionCount() const { return m_writer->transactionCount(); }
qint64 Store::jobCount() const { return m_writer->jobCount(); }

} // namespace inlet
