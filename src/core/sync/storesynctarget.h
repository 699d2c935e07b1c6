#pragma once

#include <memory>

#include "sync/syncports.h"

namespace inlet {

class Store;

// SyncTarget over the real Store: writes on its writer thread, look-ups (<= 20 mids by index, one
// contact, the sync state) on the store's reader thread (Store::readers()), so the thread that
// drives sync (the GUI thread in the app) never runs SQL.
class StoreSyncTarget : public SyncTarget
{
public:
    explicit StoreSyncTarget(Store *store);
    ~StoreSyncTarget() override;

    QFuture<Status> applyEvents(const QList<InboundEvent> &events) override;
    QFuture<Result<QSet<QString>>> knownMids(const QString &accountId, const QStringList &mids) override;
    QFuture<Status> upsertContact(const QString &accountId, const Contact &contact) override;
    QFuture<Result<std::optional<QDateTime>>> contactFetchedAt(const QString &accountId,
                                                               const QString &igsid) override;
    QFuture<Status> linkConversation(const QString &accountId, const QString &customerId,
                                     const QString &conversationId) override;
    QFuture<Result<SyncState>> syncState(const QString &accountId) override;
    QFuture<Status> rememberConversationSynced(
        const QString &accountId, const QString &conversationId, qint64 updatedMs) override;
    QFuture<Status> setSyncWalkComplete(const QString &accountId, bool complete) override;
    QFuture<Status> markOlderMissing(const QString &accountId, const QString &customerId) override;

private:
    Store *m_store;
};

} // namespace inlet
