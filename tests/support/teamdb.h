#pragma once

// The team database for a test (header only), shared by the team, server and team-mode tests.
// A real PostgreSQL server per test binary (support/pgcluster.h), set up as a deployment would be:
// admin::bootstrap as the superuser, then schema::migrate as inlet_server.
#include "support/pgcluster.h"
#include "team/replicafollower.h"
#include "team/teamadmin.h"
#include "team/teamschema.h"
#include "team/teamsql.h"

#include <QSqlQuery>
#include <QTest>

namespace inlet::teamtest {

inline const QString kDatabase = QStringLiteral("inlet_team");
inline const QString kServerPassword = QStringLiteral("server-Secret-4711");

// The error message of a failed Result, for QVERIFY2 (which evaluates its message even on success).
template <typename R> QByteArray why(const R &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

class TeamDb {
public:
    ~TeamDb()
    {
        server = QSqlDatabase();
        for (const QString &name : std::as_const(m_connections))
            test::PgCluster::closeConnection(name);
    }

    // Starts the cluster, bootstraps the roles and the database and, when `migrate`, brings the
    // schema to the latest version. False with a message in error().
    bool setUp(bool migrate = true)
    {
        if (!cluster.start()) {
            m_error = cluster.errorString();
            return false;
        }
        qInfo("PostgreSQL cluster started in %lld ms (initdb included)", cluster.lastStartMs());
        QSqlDatabase super
            = connect(cluster.superuser(), cluster.superuserPassword(), QStringLiteral("postgres"));
        if (!super.isOpen())
            return false;
        if (auto ok = team::admin::bootstrap(super, kDatabase, kServerPassword); !ok) {
            m_error = ok.error().message;
            return false;
        }
        server = connect(QStringLiteral("inlet_server"), kServerPassword);
        if (!server.isOpen())
            return false;
        if (migrate) {
            if (auto ok = team::schema::migrate(server); !ok) {
                m_error = ok.error().message;
                return false;
            }
        }
        return true;
    }

    QString error() const { return m_error; }

    // An open connection (check isOpen()); closed with the TeamDb.
    QSqlDatabase connect(
        const QString &role, const QString &password, const QString &database = kDatabase)
    {
        QSqlDatabase db = cluster.connect(role, password, database);
        m_connections.append(db.connectionName());
        if (!db.isOpen())
            m_error = db.lastError().text();
        return db;
    }
    // Where an agent's desktop connects (its replica, presence): this cluster, as `role`.
    team::TeamConnection agentConnection(const QString &role, const QString &password) const
    {
        team::TeamConnection c;
        c.host = cluster.host();
        c.port = cluster.port();
        c.database = kDatabase;
        c.role = role;
        c.password = password;
        c.sslMode = QStringLiteral("disable");
        return c;
    }
    QSqlDatabase connectAsSuperuser(const QString &database = kDatabase)
    {
        return connect(cluster.superuser(), cluster.superuserPassword(), database);
    }

    // Rows written the way the server will write them (as inlet_server). -1 on failure.
    qint64 addAccount(const QString &igUserId)
    {
        return insert(
            QStringLiteral("INSERT INTO inlet.accounts (ig_user_id, username) VALUES (?, ?) "
                           "RETURNING id"),
            { igUserId, QStringLiteral("biz_") + igUserId });
    }
    qint64 addConversation(qint64 accountId, const QString &igsid)
    {
        const qint64 contact
            = insert(QStringLiteral("INSERT INTO inlet.contacts (account_id, igsid, "
                                    "name) VALUES (?, ?, ?) RETURNING id"),
                { accountId, igsid, QStringLiteral("Customer ") + igsid });
        if (contact < 0)
            return -1;
        return insert(QStringLiteral("INSERT INTO inlet.conversations (account_id, contact_id) "
                                     "VALUES (?, ?) RETURNING id"),
            { accountId, contact });
    }
    qint64 addMessage(
        qint64 accountId, qint64 conversationId, const QString &mid, const QString &text)
    {
        return insert(
            QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                           "outgoing, text, created_ms) VALUES (?, ?, ?, false, ?, 1000) "
                           "ON CONFLICT (account_id, mid) DO NOTHING RETURNING id"),
            { accountId, conversationId, mid, text });
    }

    // The first value of `sql` run as inlet_server, as a string; "<error: ...>" when it failed.
    QString serverValue(const QString &sql, const QVariantList &values = {}) const
    {
        auto v = team::sql::scalar(server, sql, values);
        return v ? v->toString() : QStringLiteral("<error: %1>").arg(v.error().message);
    }

    // Every value of the first column of `sql` run on `db`, as strings; empty on error.
    static QStringList column(
        const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db);
        QStringList out;
        if (!team::sql::exec(q, sql, values))
            return { QStringLiteral("<error: %1>").arg(q.lastError().text()) };
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }

    test::PgCluster cluster;
    QSqlDatabase server; // as inlet_server, the schema's owner

private:
    qint64 insert(const QString &sql, const QVariantList &values)
    {
        auto id = team::sql::scalar(server, sql, values);
        if (!id) {
            m_error = id.error().message;
            return -1;
        }
        return id->isValid() ? id->toLongLong() : 0;
    }

    QStringList m_connections;
    QString m_error;
};

} // namespace inlet::teamtest
