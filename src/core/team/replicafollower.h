#pragma once

#include "common/result.h"
#include "model/label.h"
#include "model/savedreply.h"
#include "model/triagetypes.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace inlet {
class Store;
}

namespace inlet::team {

// Where an agent's replica connects: the team database as the agent's own PostgreSQL role.
struct TeamConnection {
    QString host;
    int port = 5432;
    QString database;
    QString role;
    QString password; // from the keychain (or INLET_TEAM_PASSWORD in tests); never in the URI
    // libpq's sslmode: "verify-full" unless the host is loopback (then "prefer"); a URI may ask
    // for verify-ca/verify-full (with sslrootcert) but never for less on a remote host.
    QString sslMode;
    QString sslRootCert;

    // postgresql://ROLE@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=/path/ca.pem].
    // A password in the URI is refused: it would sit in argv and in the process list.
    static Result<TeamConnection> parse(const QString &uri);
    QString display() const; // the URI without secrets, for logs
    QString vaultKey() const; // TokenVault key of the agent's password
    // A QPSQL connection named `connectionName` with these settings, not opened yet.
    QSqlDatabase addDatabase(const QString &connectionName, int connectTimeoutS) const;
    bool isLoopback() const;
};

struct FollowerOptions {
    int batchSize = 5000; // change-log rows per read and per local transaction
    // Catch up at least this often without a NOTIFY; also how soon a dead connection is noticed.
    int pollIntervalMs = 5000;
    int backoffBaseMs = 500; // reconnect delays (common/backoff.h)
    int backoffMaxMs = 30'000;
    int connectTimeoutS = 5;
};

// An agent as the others see it (inlet.agents): who may be assigned a conversation.
struct TeamAgent {
    QString role; // the PostgreSQL role: what assignments, notes and presence name
    QString displayName; // may be empty
    // The accounts (IG ids) it is granted, among those of the agent asking: it may be assigned
    // their conversations only (team schema 8).
    QStringList accounts;
    bool sees(const QString &accountId) const { return accounts.contains(accountId); }
    friend bool operator==(const TeamAgent &, const TeamAgent &) = default;
};

class FollowerWorker;

// An agent's desktop as a live replica of the team database (docs/team.md, "Replicas"): on its
// own thread and PostgreSQL connection, it reads inlet.change_log from the last number applied in
// bounded batches, applies them to the local store (Store::write: rows and number in one SQLite
// transaction, so Store::changed updates the views as for webhooks), then waits on LISTEN
// inlet_changes (payloads are only hints) and polls as a safety net. A lost connection (the
// database restarted, the network gone) reconnects with the core's backoff and catches up.
// Also the way out for the agent's replies (enqueueReply), on the same connection.
class ReplicaFollower : public QObject {
    Q_OBJECT
public:
    ReplicaFollower(Store *store, TeamConnection connection, FollowerOptions options = {},
        QObject *parent = nullptr);
    ~ReplicaFollower() override; // stops the thread

    void start();
    void stop();

    // Thread-safe.
    qint64 appliedSeq() const { return m_applied->load(); }
    bool isConnected() const { return m_connected->load(); }
    // Change-log rows this follower read from the team database (for logs, tests, benchmarks):
    // a replica that was off reads what it missed, not the whole log again.
    qint64 changesRead() const { return m_read->load(); }
    // Reads of the change log since start() (each one round trip): NOTIFYs that arrive while a
    // read runs, or name changes already applied, cost none (see FollowerWorker::wake).
    qint64 fetchCount() const { return m_fetches->load(); }
    QString agentRole() const { return m_role; }

    // Writes a reply into inlet.outbox as the agent: the conversation of (account IG id,
    // customer IGSID), idempotent on `clientId` (a uuid): a retried insert after a lost answer
    // finds its row and succeeds. Error::Kind::Network while the database cannot be reached
    // (the caller keeps it queued and tries again after connected()); Invalid when the
    // conversation is not in the team database or not granted to this agent.
    QFuture<Status> enqueueReply(const QString &clientId, const QString &accountId,
        const QString &customerId, const QString &kind, const QJsonObject &body);

    // Assigns the conversation of (account IG id, customer IGSID) to `assignee` (an agent's
    // role; empty: nobody), written as this agent (inlet.assignments). Comes back through the
    // change log into the local store. Network while the database cannot be reached; Invalid
    // when the conversation is not granted to this agent or `assignee` is not an agent.
    QFuture<Status> assign(
        const QString &accountId, const QString &customerId, const QString &assignee);
    // Every agent of the team, by display name (then role), with the accounts it is granted
    // among this agent's own.
    QFuture<Result<QList<TeamAgent>>> agents();
    // Writes an internal note as this agent (inlet.notes), idempotent on `clientId` (a uuid);
    // it reaches the local timeline through the change log. Errors as assign().
    QFuture<Status> addNote(const QString &accountId, const QString &customerId,
        const QString &clientId, const QString &text, qint64 createdMs);
    // Changes or deletes one of this agent's notes, by its client id (only its author may:
    // Invalid for another's note). The local timeline follows through the change log.
    QFuture<Status> editNote(const QString &clientId, const QString &text);
    QFuture<Status> deleteNote(const QString &clientId);

    // Team triage (issue 13 in team mode), written as this agent; then the follower catches up,
    // so the local store shows the change when the future finishes. Ids are the local store's
    // (conversations, labels, saved replies as the replica made them). Errors as assign(); a
    // refused label or reply is Invalid with its label::Problem / savedreply::Problem code.
    // The status through inlet.set_status (which records a Done with who and when).
    QFuture<Status> setStatus(
        qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs);
    // Adds (id 0) or renames and recolours a label; returns its local id.
    QFuture<Result<qint64>> saveLabel(const Label &label);
    QFuture<Status> removeLabel(qint64 labelId);
    QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on);
    // Adds (id 0) or changes a saved reply; returns its local id.
    QFuture<Result<qint64>> saveReply(const SavedReply &reply);
    QFuture<Status> removeReply(qint64 replyId);
    // In one transaction; a reply whose shortcut exists replaces that one. How many were written.
    QFuture<Result<int>> importReplies(const QList<SavedReply> &replies);

signals:
    void connected();
    void disconnected(const inlet::Error &error);
    // Everything up to `seq` is in the local store (after each catch-up that moved).
    void caughtUp(qint64 seq);
    // The server finished one of this agent's reaction rows of inlet.outbox (`clientId`, the
    // uuid it was enqueued under): sent, or failed with `errorText` (the server's SendFailure
    // JSON). Emitted once the batch holding the change is in the local store.
    void actionFinished(const QString &clientId, bool sent, const QString &errorText);

private:
    Store *m_store;
    TeamConnection m_connection;
    FollowerOptions m_options;
    QString m_role;
    std::shared_ptr<std::atomic<qint64>> m_applied;
    std::shared_ptr<std::atomic<bool>> m_connected;
    std::shared_ptr<std::atomic<qint64>> m_read;
    std::shared_ptr<std::atomic<qint64>> m_fetches;
    std::unique_ptr<QThread> m_thread;
    FollowerWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace inlet::team
