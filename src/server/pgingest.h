#pragma once

#include "common/result.h"
#include "model/events.h"
#include "server/serverconfig.h"
#include "webhook/webhookendpoint.h"

#include <QList>
#include <QMutex>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThreadPool>

#include <map>
#include <memory>

namespace inlet::server {

// The ingest's statements on one connection, each prepared once and run again with new values:
// QPSQL prepares a statement on the server (a round trip) and deallocates it when its query goes
// (another), which for the five or six statements of a message was twice the work of running
// them. Kept while the connection lives; made again with a new one.
class StatementCache {
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    const QSqlDatabase &db() const { return m_db; }
    // `sql` (prepared on first use) run with `values`; the query stays positioned before its
    // first row until the next run of the same statement.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values);
    Status exec(const QString &sql, const QVariantList &values);
    // The first column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values);

private:
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
};

// Writes one webhook batch into the team database, as inlet_server, in one transaction (one per
// run of new messages when other kinds come between them):
// contacts and conversations made when missing, messages inserted ON CONFLICT (account_id, mid)
// DO NOTHING (a delivery repeated, or sent to two servers, is stored once), edits, unsends and
// reactions applied to the message they name, and everything else (unknown kinds, read receipts,
// accounts not connected, events about a message not stored) kept raw in inlet.webhook_events.
// New messages (with postbacks and referrals) go set-based, each run of them between other events
// in one statement (inlet.ingest, team schema step 9); the other kinds one by one, in order.
// The change log's triggers number the rows at COMMIT. Idempotent: running a batch twice changes
// nothing the second time.
Status ingestBatch(const QSqlDatabase &db, const QList<InboundEvent> &events);
Status ingestBatch(StatementCache &statements, const QList<InboundEvent> &events);

// The webhook server's committer on PostgreSQL: batches run on one thread of its own with its own
// connection (made on first use, made again when it broke), so the 200 is sent after COMMIT.
// Group commit: the POSTs that arrive while a transaction runs all go into the next one, so they
// share its round trips and its fsync (a group that fails runs again POST by POST, each alone).
class PgIngest {
public:
    explicit PgIngest(DatabaseConfig config);
    ~PgIngest();
    PgIngest(const PgIngest &) = delete;
    PgIngest &operator=(const PgIngest &) = delete;

    EventCommitter committer();

private:
    struct Waiting {
        QList<InboundEvent> events;
        std::shared_ptr<QPromise<Status>> promise;
    };
    void drain();
    Status commit(const QList<InboundEvent> &events);

    DatabaseConfig m_config;
    QString m_connectionName;
    std::unique_ptr<StatementCache> m_statements; // on the pool's thread only
    QMutex m_mutex;
    QList<Waiting> m_waiting; // under m_mutex
    bool m_draining = false; // under m_mutex: a drain() is queued or running
    QThreadPool m_pool;
};

} // namespace inlet::server
