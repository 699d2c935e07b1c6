#pragma once

#include "common/result.h"
#include "model/events.h"
#include "server/serverconfig.h"
#include "webhook/webhookendpoint.h"

#include <QList>
#include <QSqlDatabase>
#include <QThreadPool>

namespace inlet::server {

// Writes one webhook batch into the team database in ONE transaction, as inlet_server:
// contacts and conversations made when missing, messages inserted ON CONFLICT (account_id, mid)
// DO NOTHING (a delivery repeated, or sent to two servers, is stored once), edits, unsends and
// reactions applied to the message they name, and everything else (unknown kinds, read receipts,
// accounts not connected, events about a message not stored) kept raw in inlet.webhook_events.
// The change log's triggers number the rows at COMMIT. Idempotent: running a batch twice changes
// nothing the second time.
Status ingestBatch(const QSqlDatabase &db, const QList<InboundEvent> &events);

// The webhook server's committer on PostgreSQL: batches run on one thread of its own with its own
// connection (made on first use, made again when it broke), so the 200 is sent after COMMIT.
class PgIngest {
public:
    explicit PgIngest(DatabaseConfig config);
    ~PgIngest();
    PgIngest(const PgIngest &) = delete;
    PgIngest &operator=(const PgIngest &) = delete;

    EventCommitter committer();

private:
    Status commit(const QList<InboundEvent> &events);

    DatabaseConfig m_config;
    QString m_connectionName;
    QThreadPool m_pool;
};

} // namespace inlet::server
