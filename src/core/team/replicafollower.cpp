#include "team/replicafollower.h"

#include "common/backoff.h"
#include "store/sqlutil.h"
#include "store/store.h"
#include "team/replicaapplier.h"
#include "team/teamsql.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPromise>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <optional>

namespace inlet::team {

namespace {
const QString kChannel = QStringLiteral("inlet_changes");

template <typename T> QFuture<T> ready(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}
} // namespace

// ---- TeamConnection ----

Result<TeamConnection> TeamConnection::parse(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    auto invalid = [&](const QString &why) -> Result<TeamConnection> {
        return fail(Error::Kind::Invalid, QStringLiteral("team connection: %1").arg(why));
    };
    if (!url.isValid()
        || (url.scheme() != QLatin1String("postgresql")
            && url.scheme() != QLatin1String("postgres")))
        return invalid(QStringLiteral("expected postgresql://ROLE@HOST[:PORT]/DATABASE"));
    if (!url.password().isEmpty())
        return invalid(QStringLiteral("no password in the URI (it comes from the keychain or "
                                      "INLET_TEAM_PASSWORD)"));
    TeamConnection c;
    c.host = url.host();
    c.port = url.port(5432);
    c.role = url.userName();
    c.database = url.path().mid(1);
    if (c.host.isEmpty() || c.role.isEmpty() || c.database.isEmpty() || c.database.contains(u'/'))
        return invalid(QStringLiteral("expected postgresql://ROLE@HOST[:PORT]/DATABASE"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode"))
            c.sslMode = value;
        else if (key == QLatin1String("sslrootcert"))
            c.sslRootCert = value;
        else
            return invalid(QStringLiteral("unknown parameter %1").arg(key));
    }
    static const QStringList verifying { QStringLiteral("verify-ca"),
        QStringLiteral("verify-full") };
    static const QStringList known { QStringLiteral("disable"), QStringLiteral("allow"),
        QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
        QStringLiteral("verify-full") };
    if (!c.sslMode.isEmpty() && !known.contains(c.sslMode))
        return invalid(QStringLiteral("unknown sslmode %1").arg(c.sslMode));
    if (c.sslMode.isEmpty())
        c.sslMode = c.isLoopback() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
    if (!c.isLoopback() && !verifying.contains(c.sslMode))
        return invalid(QStringLiteral("a remote team database needs sslmode verify-full or "
                                      "verify-ca (TLS with certificate verification)"));
    if (c.sslRootCert.contains(u';') || c.sslRootCert.contains(u'='))
        return invalid(QStringLiteral("sslrootcert must be a plain path"));
    return c;
}

bool TeamConnection::isLoopback() const
{
    if (host == QLatin1String("localhost") || host.startsWith(u'/'))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString TeamConnection::display() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(role, host).arg(port).arg(database);
}

QSqlDatabase TeamConnection::addDatabase(const QString &connectionName, int connectTimeoutS) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(role);
    db.setPassword(password);
    QString options
        = QStringLiteral("connect_timeout=%1;sslmode=%2").arg(connectTimeoutS).arg(sslMode);
    if (!sslRootCert.isEmpty())
        options += QStringLiteral(";sslrootcert=") + sslRootCert;
    db.setConnectOptions(options);
    return db;
}

QString TeamConnection::vaultKey() const
{
    return QStringLiteral("team/") + display().mid(13);
}

// ---- the worker, on the follower's thread ----

class FollowerWorker : public QObject {
    Q_OBJECT
public:
    FollowerWorker(Store *store, TeamConnection connection, FollowerOptions options,
        std::shared_ptr<std::atomic<qint64>> applied, std::shared_ptr<std::atomic<bool>> connected,
        std::shared_ptr<std::atomic<qint64>> read)
        : m_store(store)
        , m_connection(std::move(connection))
        , m_options(options)
        , m_applied(std::move(applied))
        , m_connected(std::move(connected))
        , m_read(std::move(read))
        , m_name(QStringLiteral("inlet-team-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
    }

    void start()
    {
        m_poll = new QTimer(this);
        m_poll->setInterval(m_options.pollIntervalMs);
        connect(m_poll, &QTimer::timeout, this, [this] {
            // Display names and grants change rarely and send no NOTIFY: read with the poll.
            if (readAgentNames() && readGrants())
                catchUp();
        });
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &FollowerWorker::connectNow);
        m_wake = new QTimer(this);
        m_wake->setSingleShot(true);
        m_wake->setInterval(0);
        connect(m_wake, &QTimer::timeout, this, &FollowerWorker::catchUp);
        // The number applied so far, from the local store (0 for a new replica).
        auto seq = std::make_shared<qint64>(0);
        QFuture<Status> read = m_store->write([seq](WriteContext &c) -> Status {
            auto s = replica::lastSeq(c);
            if (!s)
                return std::unexpected(s.error());
            *seq = *s;
            return {};
        });
        read.waitForFinished();
        if (const Status ok = read.result(); !ok)
            qCWarning(lcTeam) << "replica: cannot read the last applied change:"
                              << ok.error().message;
        m_applied->store(*seq);
        connectNow();
    }

    void stop()
    {
        m_stopped = true;
        if (m_poll)
            m_poll->stop();
        if (m_retry)
            m_retry->stop();
        closeConnection();
    }

    Status enqueueReply(const QString &clientId, const QString &accountId,
        const QString &customerId, const QString &kind, const QJsonObject &body)
    {
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        const QString json = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
        // Through the team's checked function (docs/team.md, Security model): it finds the
        // conversation among the accounts granted to this agent, writes agent_role itself and
        // returns the row a retried enqueue (same client_id) already made.
        Status ok = sql::exec(m_db,
            QStringLiteral("SELECT inlet.enqueue(?::uuid, ?::text, ?::text, ?::text, ?::jsonb)"),
            { clientId, accountId, customerId, kind, json });
        if (ok)
            return {};
        // Refused by the function: a value, not a lost connection (nothing to retry).
        static const QStringList refusals { QStringLiteral("22023"), QStringLiteral("P0002"),
            QStringLiteral("54000"), QStringLiteral("23505") };
        if (refusals.contains(sql::sqlState(ok.error()))) {
            return fail(Error::Kind::Invalid,
                QStringLiteral("the team database refused it for %1: %2")
                    .arg(m_connection.role, ok.error().message));
        }
        return lost(ok.error());
    }

    Status assign(const QString &accountId, const QString &customerId, const QString &assignee)
    {
        return writeToConversation(
            { QStringLiteral("INSERT INTO inlet.assignments (account_id, conversation_id, "
                             "assignee, assigned_by) SELECT c.account_id, c.id, "
                             "NULLIF(?::text, ''), current_user"),
                QStringLiteral("ON CONFLICT (conversation_id) DO UPDATE SET assignee = "
                               "EXCLUDED.assignee, assigned_by = EXCLUDED.assigned_by, "
                               "assigned_at = now()") },
            { inlet::sql::text(assignee) }, accountId, customerId);
    }

    Status addNote(const QString &accountId, const QString &customerId, const QString &clientId,
        const QString &text, qint64 createdMs)
    {
        return writeToConversation(
            { QStringLiteral("INSERT INTO inlet.notes (account_id, conversation_id, client_id, "
                             "author, body, created_ms) SELECT c.account_id, c.id, ?::uuid, "
                             "current_user, ?::text, ?::bigint"),
                QStringLiteral("ON CONFLICT (client_id) DO NOTHING"), QStringLiteral("inlet.notes"),
                clientId },
            { clientId, text, createdMs }, accountId, customerId);
    }

    // A change of one of the agent's own notes (inlet.notes, by client id): row-level security
    // lets only its author update or delete it (team schema 8). Invalid when the note is someone
    // else's or not there; deleting a note that is gone already is done.
    Status changeNote(const QString &clientId, const std::optional<QString> &text)
    {
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        QSqlQuery q(m_db);
        Status ok = text
            ? sql::exec(q,
                QStringLiteral("UPDATE inlet.notes SET body = ?::text "
                               "WHERE client_id = ?::uuid"),
                { *text, clientId })
            : sql::exec(q, QStringLiteral("DELETE FROM inlet.notes WHERE client_id = ?::uuid"),
                { clientId });
        if (!ok)
            return refusedOrLost(ok.error());
        if (q.numRowsAffected() > 0)
            return {};
        auto there = sql::scalar(m_db,
            QStringLiteral("SELECT count(*) FROM inlet.notes WHERE client_id = ?::uuid"),
            { clientId });
        if (!there)
            return refusedOrLost(there.error());
        if (there->toLongLong() > 0)
            return fail(Error::Kind::Invalid,
                QStringLiteral("only its author may change a note (%1 is not)")
                    .arg(m_connection.role));
        if (!text)
            return {}; // deleted before (a retry)
        return fail(Error::Kind::Invalid, QStringLiteral("no such note"));
    }

    Result<QList<TeamAgent>> agents()
    {
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        QSqlQuery q(m_db);
        if (Status ok = sql::exec(q,
                QStringLiteral("SELECT role_name, display_name, accounts "
                               "FROM inlet.agents_and_accounts()"));
            !ok)
            return std::unexpected(refusedOrLost(ok.error()).error());
        QList<TeamAgent> list;
        while (q.next())
            list.append({ q.value(0).toString(), q.value(1).toString(),
                q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts) });
        return list;
    }

signals:
    void connected();
    void disconnected(const inlet::Error &error);
    void caughtUp(qint64 seq);

private:
    // A write as the agent into one of its conversations.
    struct ConversationWrite {
        QString head; // "INSERT INTO t (...) SELECT c.account_id, c.id, <values>"
        QString tail; // its ON CONFLICT clause
        // Idempotent on a client_id: a write that affected no row was done before when `table`
        // already has the row.
        QString table = {};
        QString clientId = {};
    };

    // Runs `write` on the conversation of (account IG id, customer IGSID), found through the
    // agent's own view (row-level security): a conversation of an account not granted to it is
    // simply not there (Invalid). `values` bind the head's placeholders.
    Status writeToConversation(const ConversationWrite &write, QVariantList values,
        const QString &accountId, const QString &customerId)
    {
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        const auto failed = [&](const Error &error) {
            return refusedOrLost(error);
        };
        QSqlQuery q(m_db);
        values << accountId << customerId;
        Status ok = sql::exec(q,
            write.head
                + QStringLiteral(" FROM inlet.conversations c "
                                 "JOIN inlet.accounts a ON a.id = c.account_id "
                                 "JOIN inlet.contacts p ON p.id = c.contact_id "
                                 "AND p.account_id = c.account_id "
                                 "WHERE a.ig_user_id = ? AND p.igsid = ? ")
                + write.tail,
            values);
        if (!ok)
            return failed(ok.error());
        if (q.numRowsAffected() > 0)
            return {};
        if (!write.table.isEmpty()) {
            auto there = sql::scalar(m_db,
                QStringLiteral("SELECT count(*) FROM %1 WHERE client_id = ?::uuid")
                    .arg(write.table),
                { write.clientId });
            if (!there)
                return failed(there.error());
            if (there->toLongLong() > 0)
                return {}; // a retry of a write that had gone through
        }
        return fail(Error::Kind::Invalid,
            QStringLiteral("this conversation is not in the team database for %1")
                .arg(m_connection.role));
    }

    // A statement PostgreSQL refused (row-level security, a constraint: SQLSTATE classes 42 and
    // 23) is Invalid and leaves the connection; anything else is a lost connection.
    Status refusedOrLost(const Error &error)
    {
        const QString state = sql::sqlState(error);
        if (state.startsWith(QLatin1String("42")) || state.startsWith(QLatin1String("23"))) {
            qCWarning(lcTeam).noquote() << "team database refused a write:" << error.message;
            return std::unexpected(Error::make(Error::Kind::Invalid, error.message));
        }
        return lost(error);
    }

    // A failed statement on the team database: treated as a lost connection (reconnect, then
    // catch up), which is right for a restart and harmless otherwise.
    Status lost(const Error &error)
    {
        qCWarning(lcTeam).noquote()
            << "replica: team database error, reconnecting:" << error.message;
        closeConnection();
        emit disconnected(error);
        scheduleReconnect();
        return std::unexpected(Error::make(Error::Kind::Network, error.message));
    }

    // QPSQL closes the connection itself when its notification socket fails (the server went
    // away): then reconnect, as for a failed statement.
    bool connectionAlive()
    {
        if (m_db.isOpen())
            return true;
        if (m_db.isValid())
            (void)lost(Error::make(Error::Kind::Network,
                QStringLiteral("the connection to %1 was closed").arg(m_connection.display())));
        return false;
    }

    void closeConnection()
    {
        const bool was = m_db.isValid();
        if (m_db.isOpen()) {
            if (QSqlDriver *driver = m_db.driver())
                driver->disconnect(this);
            m_db.close();
        }
        m_db = QSqlDatabase();
        if (was)
            QSqlDatabase::removeDatabase(m_name);
        m_connected->store(false);
        if (m_poll)
            m_poll->stop();
    }

    void scheduleReconnect()
    {
        if (m_stopped)
            return;
        const qint64 delay
            = backoffMs(++m_attempt, m_options.backoffBaseMs, m_options.backoffMaxMs);
        qCInfo(lcTeam) << "replica: reconnecting in" << delay << "ms";
        m_retry->start(int(delay));
    }

    void connectNow()
    {
        if (m_stopped)
            return;
        closeConnection();
        m_db = m_connection.addDatabase(m_name, m_options.connectTimeoutS);
        if (!m_db.open()) {
            const Error e = sql::toError(
                m_db.lastError(), QStringLiteral("connecting to %1").arg(m_connection.display()));
            qCWarning(lcTeam).noquote() << "replica:" << e.message;
            closeConnection();
            emit disconnected(e);
            scheduleReconnect();
            return;
        }
        // Listen before reading: a change committed between the read and the LISTEN would
        // otherwise wait for the next poll.
        QSqlDriver *driver = m_db.driver();
        if (!driver->subscribeToNotification(kChannel)) {
            (void)lost(sql::toError(driver->lastError(), QStringLiteral("LISTEN")));
            return;
        }
        connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                // "<seq> <account>" is only a hint (any role may NOTIFY): read the log.
                if (name == kChannel && !m_wake->isActive())
                    m_wake->start();
            });
        if (!checkTeamDatabase())
            return;
        m_attempt = 0;
        m_connected->store(true);
        qCInfo(lcTeam).noquote() << "replica: connected to" << m_connection.display()
                                 << "from change" << m_applied->load();
        emit connected();
        m_announced = -1;
        m_poll->start();
        if (readAgentNames() && readGrants())
            catchUp();
    }

    // Runs `work` as a job of the local store's writer and waits for it.
    template <typename F> Status storeJob(F &&work)
    {
        QFuture<Status> done = m_store->write(std::forward<F>(work));
        done.waitForFinished();
        return done.result();
    }

    // The store follows one team database: a new replica records which (current_database() and
    // the time its schema was created); a store that followed another one is refused, so two
    // teams' rows never mix (docs/team.md). false when refused or the connection was lost.
    bool checkTeamDatabase()
    {
        auto identity = sql::scalar(m_db,
            QStringLiteral("SELECT current_database() || '/' || extract(epoch FROM applied_at) "
                           "FROM inlet.schema_migrations WHERE version = 1"));
        if (!identity) {
            (void)lost(identity.error());
            return false;
        }
        const QString here = identity->toString();
        const qint64 applied = m_applied->load();
        bool other = false;
        const Status ok = storeJob([here, applied, &other](WriteContext &c) -> Status {
            auto stored = replica::teamDatabase(c);
            if (!stored)
                return std::unexpected(stored.error());
            if (!stored->isEmpty() && *stored != here && applied > 0) {
                other = true;
                return {};
            }
            return *stored == here ? Status {} : replica::setTeamDatabase(c, here);
        });
        if (!ok) {
            (void)lost(ok.error());
            return false;
        }
        if (!other)
            return true;
        const Error e = Error::make(Error::Kind::Invalid,
            QStringLiteral("this replica's local store follows another team database than %1; "
                           "use another data directory (or profile) for this team")
                .arg(m_connection.display()));
        qCWarning(lcTeam).noquote() << "replica:" << e.message;
        m_stopped = true; // no reconnecting: it would be refused again
        closeConnection();
        emit disconnected(e);
        return false;
    }

    // Accounts granted to the agent after the replica had passed some of their changes (row-level
    // security hid them then): their older changes are read by account (change_log_by_account)
    // and applied before the next catch-up, then the account counts as followed. false when the
    // connection was lost.
    bool readGrants()
    {
        if (!connectionAlive())
            return false;
        QSqlQuery q(m_db);
        if (auto ok = sql::exec(q,
                QStringLiteral("SELECT account_id FROM inlet.agent_accounts "
                               "ORDER BY account_id"));
            !ok) {
            (void)lost(ok.error());
            return false;
        }
        QList<qint64> granted;
        while (q.next())
            granted.append(q.value(0).toLongLong());
        QList<qint64> followed;
        if (const Status ok = storeJob([&followed](WriteContext &c) -> Status {
                auto f = replica::followedAccounts(c);
                if (!f)
                    return std::unexpected(f.error());
                followed = *f;
                return {};
            });
            !ok) {
            qCWarning(lcTeam).noquote()
                << "replica: cannot read the followed accounts:" << ok.error().message;
            return true;
        }
        QList<qint64> added;
        for (qint64 id : std::as_const(granted)) {
            if (!followed.contains(id))
                added.append(id);
        }
        // Team id 0 (no account has it) marks that grants are recorded. Without it: a new
        // replica, which reads the whole log anyway, or one from before this was recorded,
        // taken to have followed what it is granted now.
        const bool recorded = followed.contains(0);
        if (recorded && added.isEmpty())
            return true;
        const qint64 bound = m_applied->load();
        if (recorded) {
            for (qint64 account : std::as_const(added)) {
                if (!backfillAccount(account, bound))
                    return false;
            }
        } else {
            added.append(0);
        }
        if (const Status ok = storeJob(
                [added](WriteContext &c) -> Status { return replica::setFollowed(c, added); });
            !ok)
            qCWarning(lcTeam).noquote()
                << "replica: cannot record the followed accounts:" << ok.error().message;
        return true;
    }

    bool backfillAccount(qint64 account, qint64 bound)
    {
        qCInfo(lcTeam) << "replica: account" << account << "was granted: reading its changes up to"
                       << bound;
        qint64 after = 0;
        for (;;) {
            QSqlQuery q(m_db);
            q.setForwardOnly(true);
            if (auto ok = sql::exec(q,
                    QStringLiteral("SELECT seq, account_id, entity, entity_id, op, row_data::text "
                                   "FROM inlet.change_log WHERE account_id = ? AND seq > ? "
                                   "AND seq <= ? ORDER BY seq LIMIT ?"),
                    { account, after, bound, m_options.batchSize });
                !ok) {
                (void)lost(ok.error());
                return false;
            }
            QList<replica::Change> batch = readChanges(q);
            if (batch.isEmpty())
                return true;
            after = batch.constLast().seq;
            const bool last = batch.size() < m_options.batchSize;
            const Status ok = storeJob([batch = std::move(batch), role = m_connection.role,
                                           names = m_names](WriteContext &c) -> Status {
                auto r = replica::backfill(c, batch, role, names);
                return r ? Status {} : Status(std::unexpected(r.error()));
            });
            if (!ok) {
                qCWarning(lcTeam).noquote()
                    << "replica: the local store refused a batch, trying again:"
                    << ok.error().message;
                return false;
            }
            if (last)
                return true;
        }
    }

    // The agents' display names (inlet.agents, readable by every agent): kept for the batches,
    // and the messages of renamed agents named again. false when the connection was lost.
    bool readAgentNames()
    {
        if (!connectionAlive())
            return false;
        QSqlQuery q(m_db);
        if (auto ok = sql::exec(q,
                QStringLiteral("SELECT role_name, display_name FROM "
                               "inlet.agents"));
            !ok) {
            (void)lost(ok.error());
            return false;
        }
        QHash<QString, QString> names;
        while (q.next())
            names.insert(q.value(0).toString(), q.value(1).toString());
        QHash<QString, QString> changed;
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            if (!m_names.contains(it.key()) || m_names.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        if (changed.isEmpty())
            return true;
        QFuture<Status> renamed = m_store->write(
            [changed](WriteContext &c) -> Status { return replica::renameAgents(c, changed); });
        renamed.waitForFinished();
        if (const Status ok = renamed.result(); !ok) {
            qCWarning(lcTeam).noquote()
                << "replica: naming the agents failed, trying again:" << ok.error().message;
            return true; // m_names unchanged: the next poll tries again
        }
        m_names = std::move(names);
        return true;
    }

    Result<QList<replica::Change>> fetch(qint64 after)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (auto ok = sql::exec(q,
                QStringLiteral("SELECT seq, account_id, entity, entity_id, op, row_data::text "
                               "FROM inlet.change_log WHERE seq > ? ORDER BY seq LIMIT ?"),
                { after, m_options.batchSize });
            !ok)
            return std::unexpected(ok.error());
        QList<replica::Change> out = readChanges(q);
        m_read->fetch_add(out.size());
        return out;
    }

    static QList<replica::Change> readChanges(QSqlQuery &q)
    {
        QList<replica::Change> out;
        while (q.next()) {
            replica::Change c;
            c.seq = q.value(0).toLongLong();
            c.accountId = q.value(1).toLongLong();
            c.entity = q.value(2).toString();
            c.entityId = q.value(3).toLongLong();
            const QString op = q.value(4).toString();
            c.op = op.isEmpty() ? QChar() : op.at(0);
            c.rowData = q.value(5).toString().toUtf8();
            out.append(std::move(c));
        }
        return out;
    }

    struct Pending {
        QFuture<Status> future;
        std::shared_ptr<replica::Applied> result;
    };

    Pending applyAsync(QList<replica::Change> changes)
    {
        auto result = std::make_shared<replica::Applied>();
        QFuture<Status> f = m_store->write([changes = std::move(changes), role = m_connection.role,
                                               names = m_names, result](WriteContext &c) -> Status {
            auto r = replica::apply(c, changes, role, names);
            if (!r)
                return std::unexpected(r.error());
            *result = *r;
            return {};
        });
        return { f, result };
    }

    bool finish(Pending &p)
    {
        p.future.waitForFinished();
        const Status ok = p.future.result();
        if (!ok) {
            qCWarning(lcTeam).noquote()
                << "replica: the local store refused a batch, trying again:" << ok.error().message;
            return false;
        }
        m_applied->store(p.result->lastSeq);
        return true;
    }

    // Reads and applies until the log has nothing newer. The next batch is read from PostgreSQL
    // while the store commits the previous one.
    void catchUp()
    {
        if (!connectionAlive())
            return;
        qint64 fetched = m_applied->load();
        std::optional<Pending> pending;
        bool ok = true;
        for (;;) {
            auto batch = fetch(fetched);
            if (!batch) {
                if (pending)
                    finish(*pending);
                (void)lost(batch.error());
                return;
            }
            if (pending) {
                ok = finish(*pending);
                pending.reset();
                if (!ok)
                    break;
            }
            if (batch->isEmpty())
                break;
            const bool last = batch->size() < m_options.batchSize;
            fetched = batch->constLast().seq;
            pending = applyAsync(std::move(*batch));
            if (last) {
                ok = finish(*pending);
                break;
            }
        }
        const qint64 now = m_applied->load();
        if (ok && now != m_announced) {
            m_announced = now;
            qCDebug(lcTeam) << "replica: caught up to change" << now;
            emit caughtUp(now);
        }
    }

    Store *m_store;
    TeamConnection m_connection;
    FollowerOptions m_options;
    std::shared_ptr<std::atomic<qint64>> m_applied;
    std::shared_ptr<std::atomic<bool>> m_connected;
    std::shared_ptr<std::atomic<qint64>> m_read;
    const QString m_name;
    QSqlDatabase m_db;
    QTimer *m_poll = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_wake = nullptr;
    int m_attempt = 0;
    qint64 m_announced = -1;
    bool m_stopped = false;
    QHash<QString, QString> m_names; // role -> display name, as last read
};

// ---- ReplicaFollower ----

ReplicaFollower::ReplicaFollower(
    Store *store, TeamConnection connection, FollowerOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_connection(std::move(connection))
    , m_options(options)
    , m_role(m_connection.role)
    , m_applied(std::make_shared<std::atomic<qint64>>(0))
    , m_connected(std::make_shared<std::atomic<bool>>(false))
    , m_read(std::make_shared<std::atomic<qint64>>(0))
{
}

ReplicaFollower::~ReplicaFollower()
{
    stop();
}

void ReplicaFollower::start()
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("inlet-team-replica"));
    m_worker = new FollowerWorker(m_store, m_connection, m_options, m_applied, m_connected, m_read);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FollowerWorker::connected, this, &ReplicaFollower::connected);
    connect(m_worker, &FollowerWorker::disconnected, this, &ReplicaFollower::disconnected);
    connect(m_worker, &FollowerWorker::caughtUp, this, &ReplicaFollower::caughtUp);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &FollowerWorker::start, Qt::QueuedConnection);
}

void ReplicaFollower::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &FollowerWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_worker = nullptr;
}

namespace {
// Runs `work` on the worker's thread (with its connection) and hands back its result; the caller's
// thread never waits for PostgreSQL.
template <typename T, typename Work> QFuture<T> onWorker(FollowerWorker *worker, Work work)
{
    if (!worker)
        return ready<T>(fail(Error::Kind::Network, QStringLiteral("the replica is not started")));
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QMetaObject::invokeMethod(worker, [worker, promise, work = std::move(work)] {
        promise->addResult(work(worker));
        promise->finish();
    });
    return future;
}
} // namespace

QFuture<Status> ReplicaFollower::enqueueReply(const QString &clientId, const QString &accountId,
    const QString &customerId, const QString &kind, const QJsonObject &body)
{
    return onWorker<Status>(
        m_worker, [clientId, accountId, customerId, kind, body](FollowerWorker *worker) {
            return worker->enqueueReply(clientId, accountId, customerId, kind, body);
        });
}

QFuture<Status> ReplicaFollower::assign(
    const QString &accountId, const QString &customerId, const QString &assignee)
{
    return onWorker<Status>(m_worker, [accountId, customerId, assignee](FollowerWorker *worker) {
        return worker->assign(accountId, customerId, assignee);
    });
}

QFuture<Status> ReplicaFollower::addNote(const QString &accountId, const QString &customerId,
    const QString &clientId, const QString &text, qint64 createdMs)
{
    return onWorker<Status>(
        m_worker, [accountId, customerId, clientId, text, createdMs](FollowerWorker *worker) {
            return worker->addNote(accountId, customerId, clientId, text, createdMs);
        });
}

QFuture<Status> ReplicaFollower::editNote(const QString &clientId, const QString &text)
{
    return onWorker<Status>(m_worker,
        [clientId, text](FollowerWorker *worker) { return worker->changeNote(clientId, text); });
}

QFuture<Status> ReplicaFollower::deleteNote(const QString &clientId)
{
    return onWorker<Status>(m_worker,
        [clientId](FollowerWorker *worker) { return worker->changeNote(clientId, std::nullopt); });
}

QFuture<Result<QList<TeamAgent>>> ReplicaFollower::agents()
{
    return onWorker<Result<QList<TeamAgent>>>(
        m_worker, [](FollowerWorker *worker) { return worker->agents(); });
}

} // namespace inlet::team

#include "replicafollower.moc"
