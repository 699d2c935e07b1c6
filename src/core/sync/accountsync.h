#pragma once

#include <QObject>

#include <functional>
#include <memory>

#include "graph/graphclient.h"

namespace inlet {

class GraphSyncSource;
class ProfileCache;
class RequestPacer;
class Store;
class StoreSyncTarget;
class SyncEngine;

// Everything sync needs for one account, wired: the real Graph source (reading the account's
// current token per request),
// the store target, one RequestPacer (2 calls/s) shared by the engine and the profile cache.
// Live in one thread (the one that created it). Typical use by the service layer:
//   auto *sync = new AccountSync(client, store, account.id, tokenProvider, dataDir, this);
//   sync->engine()->start(SyncEngine::Mode::Full);       // after sign-in / coming back online
//   sync->engine()->setPollInterval(30'000);               // polling mode (no webhook)
//   connect(sync->engine(), &SyncEngine::needsSignIn, ...); // 190
class AccountSync : public QObject
{
    Q_OBJECT
public:
    using TokenProvider = std::function<QFuture<Result<QString>>()>;

    // `token` is asked for the current token before every request (TokenVault in the app).
    AccountSync(GraphClient *client, Store *store, const QString &accountId, TokenProvider token,
        const QString &dataDir, QObject *parent = nullptr);
    // A fixed token (tests).
    AccountSync(GraphClient *client, Store *store, const QString &accountId, const QString &token,
                const QString &dataDir, QObject *parent = nullptr);
    ~AccountSync() override;

    SyncEngine *engine() const { return m_engine.get(); }
    ProfileCache *profiles() const { return m_profiles.get(); }
    RequestPacer *pacer() const { return m_pacer.get(); }
    GraphSyncSource *source() const { return m_source.get(); }

private:
    std::unique_ptr<GraphSyncSource> m_source;
    std::unique_ptr<StoreSyncTarget> m_target;
    std::unique_ptr<RequestPacer> m_pacer;
    std::unique_ptr<ProfileCache> m_profiles;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace inlet
