#pragma once

#include "server/singletonjobs.h"
#include "sync/syncports.h"
#include "webhook/webhookendpoint.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <memory>

namespace inlet {
class GraphClient;
class GraphSyncSource;
class RequestPacer;
class SyncEngine;
} // namespace inlet

namespace inlet::server {

// The core's sync target on the team database: what the Conversations API returns goes through
// the webhook's own ingest (`ingest`, PgIngest's committer: ON CONFLICT (account_id, mid) DO
// NOTHING), so a message both fetched and delivered late is stored once. Which mids are stored
// already is read on `db` (the singleton jobs' connection, this thread). Profiles are left to the
// ProfileFetcher (the ingest queues every new contact), and what the walk learnt of the
// conversation list stays in memory (SyncEngine's own), so a server's later runs list only the
// conversations Instagram shows as changed.
class PgSyncTarget : public SyncTarget {
public:
    explicit PgSyncTarget(EventCommitter ingest);

    void setDatabase(const QSqlDatabase &db) { m_db = db; }

    QFuture<Status> applyEvents(const QList<InboundEvent> &events) override;
    QFuture<Result<QSet<QString>>> knownMids(
        const QString &accountId, const QStringList &mids) override;
    QFuture<Status> upsertContact(const QString &accountId, const Contact &contact) override;
    QFuture<Result<std::optional<QDateTime>>> contactFetchedAt(
        const QString &accountId, const QString &igsid) override;

private:
    EventCommitter m_ingest;
    QSqlDatabase m_db;
};

// The catch-up after missed deliveries (Meta drops webhooks, and gives up after 36 hours): a
// singleton job that walks every connected account's conversations through the core's SyncEngine
// (instagram-api.md §4: the 20 newest messages of each conversation are readable) and ingests
// the messages PostgreSQL does not hold. One SyncEngine per account lives as long as this object,
// so its first run walks every conversation and later ones stop at the first one Instagram shows
// unchanged. Calls are paced per account (`paceMs`, Instagram allows 2 per second).
class CatchUp : public QObject {
    Q_OBJECT
public:
    CatchUp(GraphClient *graph, EventCommitter ingest, int paceMs, QObject *parent = nullptr);
    ~CatchUp() override;

    SingletonJobs::Run job();

private:
    struct Account;
    void run(const AccountToken &item, std::function<void(QString)> done);

    GraphClient *m_graph;
    PgSyncTarget m_target;
    int m_paceMs;
    QHash<QString, std::shared_ptr<Account>> m_accounts;
};

} // namespace inlet::server
