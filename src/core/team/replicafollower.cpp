#include "team/replicafollower.h"

#include "common/backoff.h"
#include "store/sqlutil.h"
#include "store/store.h"
#include "team/replicaapplier.h"
#include "team/teamsql.h"

#include <QDateTime>
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
        std::shared_ptr<std::atomic<qint64>> read, std::shared_ptr<std::atomic<qint64>> fetches)
        : m_store(store)
        , m_connection(std::move(connection))
        , m_options(options)
        , m_applied(std::move(applied))
        , m_connected(std::move(connected))
        , m_read(std::move(read))
        , m_fetches(std::move(fetches))
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

    Status setStatus(qint64 conversationId, ConversationStatus status, qint64 untilMs)
    {
        auto conversation = teamIdOf(QStringLiteral("conversation"), conversationId);
        if (!conversation)
            return std::unexpected(conversation.error());
        static const QStringList names { QStringLiteral("open"), QStringLiteral("done"),
            QStringLiteral("snoozed") };
        Status ok = sql::exec(m_db, QStringLiteral("SELECT inlet.set_status(?, ?, ?)"),
            { *conversation, names.value(int(status)), untilMs });
        if (!ok) {
            if (const QString state = sql::sqlState(ok.error());
                state == QLatin1String("22023") || state == QLatin1String("P0002"))
                return fail(Error::Kind::Invalid, ok.error().message);
            return refusedOrLost(ok.error());
        }
        catchUp();
        return {};
    }

    Result<qint64> saveLabel(const Label &label)
    {
        const Label stored { label.id, normalizedLabelName(label.name), label.colour.toLower() };
        if (const int problem = problemOf(stored))
            return fail(Error::Kind::Invalid, QStringLiteral("the label needs a name and a colour"),
                problem);
        qint64 teamId = 0;
        if (stored.id) {
            auto known = teamIdOf(QStringLiteral("label"), stored.id, false);
            if (!known)
                return std::unexpected(known.error());
            teamId = *known; // 0: this desktop's own label from solo mode: added to the team
        }
        QSqlQuery q(m_db);
        Status ok = teamId
            ? sql::exec(q,
                QStringLiteral("UPDATE inlet.labels SET name = ?, colour = ?, updated_by = "
                               "current_user, updated_at = now() WHERE id = ? RETURNING id"),
                { stored.name, stored.colour, teamId })
            : sql::exec(q,
                QStringLiteral("INSERT INTO inlet.labels (name, colour, updated_by) VALUES "
                               "(?, ?, current_user) RETURNING id"),
                { stored.name, stored.colour });
        if (!ok) {
            if (sql::sqlState(ok.error()) == QLatin1String("23505"))
                return fail(Error::Kind::Invalid,
                    QStringLiteral("another label is named %1").arg(stored.name), label::NameTaken);
            return std::unexpected(refusedOrLost(ok.error()).error());
        }
        if (!q.next())
            return fail(Error::Kind::Invalid, QStringLiteral("the label is gone"), label::NotFound);
        return localAfterCatchUp(QStringLiteral("label"), q.value(0).toLongLong());
    }

    Status removeLabel(qint64 labelId)
    {
        auto teamId = teamIdOf(QStringLiteral("label"), labelId);
        if (!teamId)
            return std::unexpected(teamId.error());
        return changeAndCatchUp(
            QStringLiteral("DELETE FROM inlet.labels WHERE id = ?"), { *teamId }, label::NotFound);
    }

    Status setConversationLabel(qint64 conversationId, qint64 labelId, bool on)
    {
        auto conversation = teamIdOf(QStringLiteral("conversation"), conversationId);
        if (!conversation)
            return std::unexpected(conversation.error());
        auto teamLabel = teamIdOf(QStringLiteral("label"), labelId);
        if (!teamLabel)
            return std::unexpected(teamLabel.error());
        if (!on) {
            return changeAndCatchUp(QStringLiteral("DELETE FROM inlet.conversation_labels WHERE "
                                                   "conversation_id = ? AND label_id = ?"),
                { *conversation, *teamLabel }, 0);
        }
        // Through the agent's own view of the conversation: one of an account not granted is not
        // there (nothing inserted: Invalid).
        QSqlQuery q(m_db);
        Status ok = sql::exec(q,
            QStringLiteral("INSERT INTO inlet.conversation_labels (account_id, conversation_id, "
                           "label_id, added_by) SELECT c.account_id, c.id, l.id, current_user "
                           "FROM inlet.conversations c, inlet.labels l WHERE c.id = ? AND l.id = "
                           "? ON CONFLICT (conversation_id, label_id) DO NOTHING RETURNING id"),
            { *conversation, *teamLabel });
        if (!ok)
            return refusedOrLost(ok.error());
        if (!q.next()) { // on already, or nothing to put it on
            auto there = sql::scalar(m_db,
                QStringLiteral("SELECT count(*) FROM inlet.conversation_labels WHERE "
                               "conversation_id = ? AND label_id = ?"),
                { *conversation, *teamLabel });
            if (!there)
                return refusedOrLost(there.error());
            if (there->toLongLong() == 0)
                return fail(Error::Kind::Invalid,
                    QStringLiteral("the conversation or the label is not in the team database "
                                   "for %1")
                        .arg(m_connection.role));
        }
        catchUp();
        return {};
    }

    Result<qint64> saveReply(const SavedReply &reply)
    {
        if (const int problem = problemOf(reply))
            return fail(
                Error::Kind::Invalid, QStringLiteral("the saved reply is incomplete"), problem);
        qint64 teamId = 0;
        if (reply.id) {
            auto known = teamIdOf(QStringLiteral("saved_reply"), reply.id, false);
            if (!known)
                return std::unexpected(known.error());
            teamId = *known;
        }
        const QVariantList values { inlet::sql::text(reply.title.trimmed()),
            inlet::sql::text(normalizedShortcut(reply.shortcut)), inlet::sql::text(reply.text),
            QDateTime::currentMSecsSinceEpoch() };
        QSqlQuery q(m_db);
        Status ok = teamId
            ? sql::exec(q,
                QStringLiteral("UPDATE inlet.saved_replies SET title = ?, shortcut = ?, body = "
                               "?, updated_ms = ?, updated_by = current_user WHERE id = ? "
                               "RETURNING id"),
                values + QVariantList { teamId })
            : sql::exec(q,
                QStringLiteral("INSERT INTO inlet.saved_replies (title, shortcut, body, "
                               "updated_ms, updated_by) VALUES (?, ?, ?, ?, current_user) "
                               "RETURNING id"),
                values);
        if (!ok) {
            if (sql::sqlState(ok.error()) == QLatin1String("23505"))
                return fail(Error::Kind::Invalid,
                    QStringLiteral("the shortcut /%1 belongs to another saved reply")
                        .arg(normalizedShortcut(reply.shortcut)),
                    savedreply::ShortcutTaken);
            return std::unexpected(refusedOrLost(ok.error()).error());
        }
        if (!q.next())
            return fail(Error::Kind::Invalid, QStringLiteral("the saved reply is gone"),
                savedreply::NotFound);
        return localAfterCatchUp(QStringLiteral("saved_reply"), q.value(0).toLongLong());
    }

    Status removeReply(qint64 replyId)
    {
        auto teamId = teamIdOf(QStringLiteral("saved_reply"), replyId);
        if (!teamId)
            return std::unexpected(teamId.error());
        return changeAndCatchUp(QStringLiteral("DELETE FROM inlet.saved_replies WHERE id = ?"),
            { *teamId }, savedreply::NotFound);
    }

    Result<int> importReplies(const QList<SavedReply> &replies)
    {
        for (const SavedReply &reply : replies) {
            if (const int problem = problemOf(reply))
                return fail(
                    Error::Kind::Invalid, QStringLiteral("the saved reply is incomplete"), problem);
        }
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        int written = 0;
        Status ok = sql::inTransaction(m_db, [&]() -> Status {
            for (const SavedReply &reply : replies) {
                QSqlQuery q(m_db);
                if (auto done = sql::exec(q,
                        QStringLiteral(
                            "INSERT INTO inlet.saved_replies (title, shortcut, body, updated_ms, "
                            "updated_by) VALUES (?, ?, ?, ?, current_user) ON CONFLICT "
                            "(lower(shortcut)) WHERE shortcut <> '' DO UPDATE SET title = "
                            "EXCLUDED.title, body = EXCLUDED.body, updated_ms = "
                            "EXCLUDED.updated_ms, updated_by = current_user"),
                        { inlet::sql::text(reply.title.trimmed()),
                            inlet::sql::text(normalizedShortcut(reply.shortcut)),
                            inlet::sql::text(reply.text), QDateTime::currentMSecsSinceEpoch() });
                    !done)
                    return done;
                ++written;
            }
            return {};
        });
        if (!ok)
            return std::unexpected(refusedOrLost(ok.error()).error());
        catchUp();
        return written;
    }

signals:
    void connected();
    void disconnected(const inlet::Error &error);
    void caughtUp(qint64 seq);
    void actionFinished(const QString &clientId, bool sent, const QString &errorText);

private:
    // The team database's id of a local row the replica made (team_rows). Invalid (NotFound for
    // labels and replies) when the row did not come from the team, unless `required` is false
    // (then 0).
    Result<qint64> teamIdOf(const QString &entity, qint64 localId, bool required = true)
    {
        if (!connectionAlive())
            return fail(Error::Kind::Network, QStringLiteral("the team database is not reachable"));
        qint64 teamId = 0;
        if (const Status ok = storeJob([entity, localId, &teamId](WriteContext &c) -> Status {
                auto id = replica::teamIdOf(c, entity, localId);
                if (!id)
                    return std::unexpected(id.error());
                teamId = *id;
                return {};
            });
            !ok)
            return std::unexpected(ok.error());
        if (teamId == 0 && required) {
            const int problem = entity == QLatin1String("label") ? int(label::NotFound)
                : entity == QLatin1String("saved_reply")         ? int(savedreply::NotFound)
                                                                 : 0;
            return fail(Error::Kind::Invalid,
                QStringLiteral("this %1 is not in the team database").arg(entity), problem);
        }
        return teamId;
    }

    // The local id the replica gave the team's row `teamId`, once caught up.
    Result<qint64> localAfterCatchUp(const QString &entity, qint64 teamId)
    {
        catchUp();
        qint64 localId = 0;
        if (const Status ok = storeJob([entity, teamId, &localId](WriteContext &c) -> Status {
                auto id = replica::localIdOf(c, entity, teamId);
                if (!id)
                    return std::unexpected(id.error());
                localId = *id;
                return {};
            });
            !ok)
            return std::unexpected(ok.error());
        return localId;
    }

    // A statement on a team-wide row or a label of a conversation; `notFound` (a Problem code,
    // 0: none) when it changed nothing.
    Status changeAndCatchUp(const QString &statement, const QVariantList &values, int notFound)
    {
        QSqlQuery q(m_db);
        Status ok = sql::exec(q, statement, values);
        if (!ok)
            return refusedOrLost(ok.error());
        if (notFound && q.numRowsAffected() == 0)
            return fail(Error::Kind::Invalid, QStringLiteral("it is gone"), notFound);
        catchUp();
        return {};
    }

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
        const auto failed = [&](const Error &error) { return refusedOrLost(error); };
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
        m_fetch.reset(); // before its connection
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
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name == kChannel)
                    wake(payload.toString());
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

    // A NOTIFY on inlet_changes: "<seq> <account>" (or any text: it is only a hint, any role may
    // NOTIFY), one per change-log row or per transaction. The reads are coalesced: the worker
    // reads and applies on this thread, so the NOTIFYs that arrive meanwhile are handled after
    // it, together, and one wake-up (a zero timer) reads everything after the last number
    // applied, in batches of one local transaction each. A NOTIFY naming a change at or below
    // that number needs no read at all: the log's writers take one lock (inlet.log_change), so
    // changes commit in the order of their numbers and a read that reached the number saw the
    // whole transaction that sent it. A forged low number skips only itself; anything else
    // (a number not applied yet, no number) reads.
    void wake(const QString &payload)
    {
        if (m_wake->isActive())
            return;
        bool isNumber = false;
        const qint64 seq = payload.section(u' ', 0, 0).toLongLong(&isNumber);
        if (isNumber && seq <= m_applied->load())
            return;
        m_wake->start();
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
        // Revoked: what the agent may no longer see leaves its store.
        for (qint64 id : std::as_const(followed)) {
            if (!recorded || id == 0 || granted.contains(id))
                continue;
            qCInfo(lcTeam) << "replica: account" << id << "was revoked: its rows are removed";
            if (const Status ok = storeJob(
                    [id](WriteContext &c) -> Status { return replica::forgetAccount(c, id); });
                !ok)
                qCWarning(lcTeam).noquote()
                    << "replica: cannot remove a revoked account's rows:" << ok.error().message;
        }
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
        if (!m_fetch) {
            QSqlQuery q(m_db);
            q.setForwardOnly(true);
            if (!q.prepare(
                    QStringLiteral("SELECT seq, account_id, entity, entity_id, op, row_data::text "
                                   "FROM inlet.change_log WHERE seq > ? ORDER BY seq LIMIT ?")))
                return std::unexpected(
                    sql::toError(q.lastError(), QStringLiteral("reading the change log")));
            m_fetch = std::move(q);
        }
        m_fetch->bindValue(0, after);
        m_fetch->bindValue(1, m_options.batchSize);
        m_fetches->fetch_add(1);
        if (!m_fetch->exec()) {
            const Error e
                = sql::toError(m_fetch->lastError(), QStringLiteral("reading the change log"));
            m_fetch.reset();
            return std::unexpected(e);
        }
        QList<replica::Change> out = readChanges(*m_fetch);
        m_fetch->finish();
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

    // The agent's own reaction rows that the server finished (sent or failed), in `changes`.
    struct ActionResult {
        QString clientId;
        bool sent = false;
        QString errorText;
    };
    QList<ActionResult> finishedActions(const QList<replica::Change> &changes) const
    {
        QList<ActionResult> out;
        for (const replica::Change &c : changes) {
            if (c.entity != QLatin1String("outbox") || c.op != QLatin1Char('U'))
                continue;
            const QJsonObject row = QJsonDocument::fromJson(c.rowData).object();
            const QString state = row.value(QLatin1String("state")).toString();
            if (row.value(QLatin1String("agent_role")).toString() != m_connection.role
                || row.value(QLatin1String("kind")).toString() != QLatin1String("reaction")
                || (state != QLatin1String("sent") && state != QLatin1String("failed")))
                continue;
            out.append(
                { row.value(QLatin1String("client_id")).toString(), state == QLatin1String("sent"),
                    row.value(QLatin1String("error_text")).toString() });
        }
        return out;
    }

    struct Pending {
        QFuture<Status> future;
        std::shared_ptr<replica::Applied> result;
        QList<ActionResult> actions;
    };

    Pending applyAsync(QList<replica::Change> changes)
    {
        QList<ActionResult> actions = finishedActions(changes);
        auto result = std::make_shared<replica::Applied>();
        // Refetchable: the batch and the number of its last change commit together, so a power
        // cut that takes the commit back has the replica read those changes again (docs/team.md,
        // "Replicas"); the store commits it without an fsync unless a durable write (a reply
        // queued offline) shares the transaction.
        QFuture<Status> f = m_store->write(
            [changes = std::move(changes), role = m_connection.role, names = m_names, result](
                WriteContext &c) -> Status {
                auto r = replica::apply(c, changes, role, names);
                if (!r)
                    return std::unexpected(r.error());
                *result = *r;
                return {};
            },
            Store::WriteDurability::Refetchable);
        return { f, result, std::move(actions) };
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
        for (const ActionResult &a : std::as_const(p.actions))
            emit actionFinished(a.clientId, a.sent, a.errorText);
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
    std::shared_ptr<std::atomic<qint64>> m_fetches;
    const QString m_name;
    QSqlDatabase m_db;
    // The change log's read, prepared once per connection (closeConnection drops it): a
    // QSqlQuery prepared for each read costs three round trips (PQprepare, the execution, and
    // DEALLOCATE when it goes) and PostgreSQL plans it every time; kept, it is one.
    std::optional<QSqlQuery> m_fetch;
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
    , m_fetches(std::make_shared<std::atomic<qint64>>(0))
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
    m_worker = new FollowerWorker(
        m_store, m_connection, m_options, m_applied, m_connected, m_read, m_fetches);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FollowerWorker::connected, this, &ReplicaFollower::connected);
    connect(m_worker, &FollowerWorker::disconnected, this, &ReplicaFollower::disconnected);
    connect(m_worker, &FollowerWorker::caughtUp, this, &ReplicaFollower::caughtUp);
    connect(m_worker, &FollowerWorker::actionFinished, this, &ReplicaFollower::actionFinished);
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

QFuture<Status> ReplicaFollower::setStatus(
    qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs)
{
    return onWorker<Status>(m_worker, [=](FollowerWorker *worker) {
        return worker->setStatus(conversationId, status, snoozedUntilMs);
    });
}

QFuture<Result<qint64>> ReplicaFollower::saveLabel(const Label &label)
{
    return onWorker<Result<qint64>>(
        m_worker, [label](FollowerWorker *worker) { return worker->saveLabel(label); });
}

QFuture<Status> ReplicaFollower::removeLabel(qint64 labelId)
{
    return onWorker<Status>(
        m_worker, [labelId](FollowerWorker *worker) { return worker->removeLabel(labelId); });
}

QFuture<Status> ReplicaFollower::setConversationLabel(
    qint64 conversationId, qint64 labelId, bool on)
{
    return onWorker<Status>(m_worker, [=](FollowerWorker *worker) {
        return worker->setConversationLabel(conversationId, labelId, on);
    });
}

QFuture<Result<qint64>> ReplicaFollower::saveReply(const SavedReply &reply)
{
    return onWorker<Result<qint64>>(
        m_worker, [reply](FollowerWorker *worker) { return worker->saveReply(reply); });
}

QFuture<Status> ReplicaFollower::removeReply(qint64 replyId)
{
    return onWorker<Status>(
        m_worker, [replyId](FollowerWorker *worker) { return worker->removeReply(replyId); });
}

QFuture<Result<int>> ReplicaFollower::importReplies(const QList<SavedReply> &replies)
{
    return onWorker<Result<int>>(
        m_worker, [replies](FollowerWorker *worker) { return worker->importReplies(replies); });
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
