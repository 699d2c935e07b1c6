#include "sync/accountsync.h"

#include "sync/graphsyncsource.h"
#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/storesynctarget.h"
#include "sync/syncengine.h"

namespace inlet {

AccountSync::AccountSync(GraphClient *client, Store *store, const QString &accountId,
    const QString &token, const QString &dataDir, QObject *parent)
    : AccountSync(
        client, store, accountId,
        [token] { return QtFuture::makeReadyFuture(Result<QString>(token)); }, dataDir, parent)
{
}

AccountSync::AccountSync(GraphClient *client, Store *store, const QString &accountId,
    TokenProvider token, const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_source(std::make_unique<GraphSyncSource>(client, accountId, std::move(token)))
    , m_target(std::make_unique<StoreSyncTarget>(store))
    , m_pacer(std::make_unique<RequestPacer>(500))
    , m_profiles(std::make_unique<ProfileCache>(accountId, m_source.get(), m_target.get(), m_pacer.get(), dataDir))
    , m_engine(std::make_unique<SyncEngine>(accountId, m_source.get(), m_target.get(), m_pacer.get()))
{
    m_engine->setProfileCache(m_profiles.get());
}

AccountSync::~AccountSync()
{
    // Users of the source/target/pacer go first.
    m_engine.reset();
    m_profiles.reset();
}

} // namespace inlet
