#include "sync/storesynctarget.h"

#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

namespace inlet {

StoreSyncTarget::StoreSyncTarget(Store *store)
    : m_store(store)
{
}

StoreSyncTarget::~StoreSyncTarget() = default;

QFuture<Status> StoreSyncTarget::applyEvents(const QList<InboundEvent> &events)
{
    return m_store->applyEvents(events);
}

QFuture<Result<QSet<QString>>> StoreSyncTarget::knownMids(const QString &accountId, const QStringList &mids)
{
    return m_store->readers()->read<QSet<QString>>(
        [accountId, mids](StoreReader &r) { return r.knownMids(accountId, mids); });
}

QFuture<Status> StoreSyncTarget::upsertContact(const QString &accountId, const Contact &contact)
{
    Q_UNUSED(accountId); // IGSIDs are scoped to one business already
    return m_store->upsertContact(contact);
}

QFuture<Result<std::optional<QDateTime>>> StoreSyncTarget::contactFetchedAt(const QString &accountId,
                                                                            const QString &igsid)
{
    Q_UNUSED(accountId);
    return m_store->readers()->read<std::optional<QDateTime>>(
        [igsid](StoreReader &r) -> Result<std::optional<QDateTime>> {
            const Result<std::optional<Contact>> contact = r.contact(igsid);
            if (!contact) {
                return std::unexpected(contact.error());
            }
            std::optional<QDateTime> at;
            if (*contact && (*contact)->fetchedAt.isValid()) {
                at = (*contact)->fetchedAt;
            }
            return at;
        });
}

QFuture<Status> StoreSyncTarget::linkConversation(const QString &accountId, const QString &customerId,
                                                  const QString &conversationId)
{
    return m_store->linkConversation(accountId, customerId, conversationId);
}

QFuture<Result<SyncState>> StoreSyncTarget::syncState(const QString &accountId)
{
    return m_store->readers()->read<SyncState>(
        [accountId](StoreReader &r) { return r.syncState(accountId); });
}

QFuture<Status> StoreSyncTarget::rememberConversationSynced(
    const QString &accountId, const QString &conversationId, qint64 updatedMs)
{
    return m_store->rememberConversationSynced(accountId, conversationId, updatedMs);
}

QFuture<Status> StoreSyncTarget::setSyncWalkComplete(const QString &accountId, bool complete)
{
    return m_store->setSyncWalkComplete(accountId, complete);
}

QFuture<Status> StoreSyncTarget::markOlderMissing(
    const QString &accountId, const QString &customerId)
{
    return m_store->markOlderMissing(accountId, customerId);
}

} // namespace inlet
