#pragma once

#include "common/result.h"
#include "outbox/outboxports.h"
#include "server/serverconfig.h"
#include "team/teamoutbox.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

namespace inlet {
class GraphClient;
class GraphOutboxTransport;
class Reconciler;
} // namespace inlet

namespace inlet::server {

// The server's side of inlet.outbox: claims queued replies (team::outbox::claim, FOR UPDATE SKIP
// LOCKED, so servers sharing the database never take the same row), sends each through the core's
// GraphClient with the account's token from inlet.secrets, and records the result: 'sent' with the
// message's row (mid, sent_by = the agent) in the same transaction, 'queued' again with a backoff,
// or 'failed' with the reason (SendFailure). Runs on the thread that made it (the main thread).
//
// Nothing is sent twice (docs/team.md, "Sending exactly once"): Instagram's Send API takes no
// idempotency key, so a row whose fate is unknown is never sent again blindly. The claim is
// committed ('sending', claimed_by = this worker) before the call; a server that dies between the
// call and the commit leaves the row 'sending'. Each worker holds a session advisory lock on its
// id while it runs; another server takes a 'sending' row over only when that lock is free (its
// session is gone) and the claim is older than the send lease, and then RECONCILES it first (the
// core's Reconciler: is a message with this text from the business in the conversation on
// Instagram since the row was written?): found -> recorded as sent with that mid; not found ->
// sent; can't tell -> tried again later. A send answered without a clear result (no answer, 5xx)
// goes through the same reconciliation.
class OutboxSender : public QObject {
    Q_OBJECT
public:
    OutboxSender(ServerConfig config, GraphClient *graph, QObject *parent = nullptr);
    ~OutboxSender() override;

    // Connects, takes the worker lock, listens for changes and starts draining.
    Status start();
    void drainSoon();

    struct Stats {
        qint64 sent = 0;
        qint64 failed = 0;
        qint64 retried = 0;
        qint64 reconciled = 0; // found on Instagram already: not sent again
    };
    const Stats &stats() const { return m_stats; }

signals:
    void idle(); // a round found nothing to do and nothing is in flight

private:
    struct Work {
        team::outbox::Claimed row;
        OutboxItem item;
        QString igUserId;
        // A sender action (kinds reaction, mark_seen): the Send API body; empty for a reply.
        QJsonObject action;
        qint64 reactedMessageId = 0; // the inlet.messages row a reaction is on
    };

    Status ensureConnected();
    void drain();
    void recoverAbandoned();
    Result<Work> load(const team::outbox::Claimed &row);
    // A reaction or mark_seen row's body checked and turned into the Send API's (docs/team.md).
    Status loadAction(Work &work, const QJsonObject &body);
    // A row this worker holds: loaded and sent (or reconciled first when its fate is unknown).
    void take(const team::outbox::Claimed &row, bool reconcileFirst);
    void send(const Work &work);
    void reconcileThenSend(const Work &work);
    void recordSent(const Work &work, const QString &mid);
    // A sender action went through: the outbox row sent, and what it changed (the business's
    // reaction in the message's meta, the conversation's business_seen_ms) into the log.
    void recordActionDone(const Work &work);
    void recordFailure(const Work &work, const Error &error);
    void release(const Work &work); // fate unknown: left 'sending', ownerless, for a later look
    void finish(qint64 id);
    QFuture<Result<QString>> tokenFor(const QString &igUserId);
    QFuture<Result<QSet<QString>>> claimedMids(const QString &igUserId, const QStringList &mids);

    ServerConfig m_config;
    QString m_connectionName;
    GraphClient *m_graph;
    GraphOutboxTransport *m_transport;
    Reconciler *m_reconciler;
    QTimer m_poll;
    QTimer m_soon;
    QSet<qint64> m_inFlight;
    Stats m_stats;
    int m_maxInFlight = 16;
    int m_maxAttempts = 12;
};

// The advisory-lock key of a worker's liveness lock.
QString workerLockSql();

} // namespace inlet::server
