#pragma once

#include <QObject>

#include <memory>

#include "graph/graphclient.h"

namespace inlet {

class GraphSyncSource;
class ProfileCache;
class RequestPacer;
class Store;
class StoreSyncTarget;
class SyncEngine;

// Everything sync needs for one account, wired: the real Graph source with the account's token,
// the store target, one RequestPacer (2 calls/s) shared by the engine and the profile cache.
// Live in one thread (the one that created it). Typical use by the service layer:
//   auto *sync = new AccountSync(client, store, account.id, token, dataDir, this);
//   sync->engine()->start(SyncEngine::Mode::Full);       // after sign-in / coming back online
//   sync->engine()->setPollInterval(30'000);               // polling mode (no webhook)
//   connect(sync->engine(), &SyncEngine::needsSignIn, ...); // 190
class AccountSync : public QObject
{
    Q_OBJECT
public:
    AccountSync(GraphClient *client, Store *store, const QString &accountId, const QString &token,
                const QString &dataDir, QObject *parent = nullptr);
    ~AccountSync() override;

    SyncEngine *engine() const { return m_engine.get(); }
    ProfileCache *profiles() const { return m_profiles.get(); }
    RequestPacer *pacer() const { return m_pacer.get(); }
    GraphSyncSource *source() const { return m_source.get(); }

    // After a refresh or a new sign-in.
    void setToken(const QString &token);

private:
    std::unique_ptr<GraphSyncSource> m_source;
    std::unique_ptr<StoreSyncTarget> m_target;
    std::unique_ptr<RequestPacer> m_pacer;
    std::unique_ptr<ProfileCache> m_profiles;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace inlet
