#pragma once

#include <memory>

#include "outbox/outboxports.h"

namespace inlet {

class Store;
struct StoredMessage;

// OutboxStorage over the real Store: writes on its writer thread, look-ups (small indexed
// queries) on the store's reader thread (Store::readers()), never on the thread driving the outbox.
class StoreOutboxStorage : public OutboxStorage
{
public:
    explicit StoreOutboxStorage(Store *store);
    ~StoreOutboxStorage() override;

    static OutboxItem toItem(const StoredMessage &m);

    QFuture<Result<qint64>> enqueue(const OutgoingMessage &message) override;
    QFuture<Result<QList<OutboxItem>>> pending() override;
    QFuture<Result<std::optional<OutboxItem>>> item(qint64 localId) override;
    QFuture<Status> markSending(qint64 localId) override;
    QFuture<Status> markSent(qint64 localId, const QString &mid) override;
    QFuture<Status> markRetry(qint64 localId, const QString &reason, int attempts,
                              qint64 nextAttemptMs) override;
    QFuture<Status> markFailed(qint64 localId, const QString &reason) override;
    QFuture<Status> requeue(qint64 localId) override;
    QFuture<Status> remove(qint64 localId) override;
    QFuture<Status> setAttachmentUrl(qint64 localId, const QString &url) override;
    QFuture<Result<QSet<QString>>> claimedMids(const QString &accountId, const QStringList &mids) override;

private:
    Store *m_store;
};

} // namespace inlet
