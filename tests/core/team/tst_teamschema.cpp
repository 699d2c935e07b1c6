// The team database's migrations, its change log and the throw-away cluster they run on, against
// a real PostgreSQL server.
#include "support/teamdb.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

using namespace inlet;
using namespace inlet::teamtest;

class TstTeamSchema : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;

    QStringList catalog()
    {
        return TeamDb::column(m_db.server,
            QStringLiteral("SELECT c.relname || ':' || c.relkind::text || ':' || "
                           "pg_get_userbyid(c.relowner) FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = 'inlet' ORDER BY 1"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(/*migrate=*/false), qPrintable(m_db.error()));
    }

    void migratesFromEmptyToLatest()
    {
        auto before = team::schema::version(m_db.server);
        QVERIFY2(before, why(before).constData());
        QCOMPARE(*before, 0);

        // Two servers starting at once: both succeed, the step is applied once.
        QString otherError;
        std::unique_ptr<QThread> other(QThread::create([&] {
            QSqlDatabase db
                = m_db.cluster.connect(QStringLiteral("inlet_server"), kServerPassword, kDatabase);
            const QString name = db.connectionName();
            if (!db.isOpen())
                otherError = db.lastError().text();
            else if (auto migrated = team::schema::migrate(db); !migrated)
                otherError = migrated.error().message;
            db = QSqlDatabase();
            test::PgCluster::closeConnection(name);
        }));
        other->start();
        auto ok = team::schema::migrate(m_db.server);
        QVERIFY(other->wait(30000));
        QVERIFY2(ok, why(ok).constData());
        QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
        QCOMPARE(TeamDb::column(
                     m_db.server, QStringLiteral("SELECT count(*) FROM inlet.schema_migrations")),
            QStringList { QString::number(team::schema::steps().size()) }); // one row per step
        auto after = team::schema::version(m_db.server);
        QVERIFY(after);
        QCOMPARE(*after, team::schema::currentVersion());

        // Every table there, owned by inlet_server (so that the server bypasses row-level
        // security as the owner and agents do not).
        const QStringList tables = TeamDb::column(m_db.server,
            QStringLiteral("SELECT tablename || ':' || tableowner || ':' || rowsecurity FROM "
                           "pg_tables WHERE schemaname = 'inlet' ORDER BY 1"));
        QCOMPARE(tables,
            (QStringList { QStringLiteral("account_disconnects:inlet_server:true"),
                QStringLiteral("accounts:inlet_server:true"),
                QStringLiteral("agent_accounts:inlet_server:true"),
                QStringLiteral("agents:inlet_server:false"),
                QStringLiteral("assignments:inlet_server:true"),
                QStringLiteral("change_log:inlet_server:true"),
                QStringLiteral("contacts:inlet_server:true"),
                QStringLiteral("conversation_done:inlet_server:true"),
                QStringLiteral("conversation_labels:inlet_server:true"),
                QStringLiteral("conversation_status:inlet_server:true"),
                QStringLiteral("conversations:inlet_server:true"),
                QStringLiteral("labels:inlet_server:true"),
                QStringLiteral("messages:inlet_server:true"),
                QStringLiteral("notes:inlet_server:true"),
                QStringLiteral("oauth_settings:inlet_server:true"),
                QStringLiteral("outbox:inlet_server:true"),
                QStringLiteral("presence:inlet_server:true"),
                QStringLiteral("profile_fetches:inlet_server:true"),
                QStringLiteral("saved_replies:inlet_server:true"),
                QStringLiteral("schema_migrations:inlet_server:false"),
                QStringLiteral("secrets:inlet_server:true"),
                QStringLiteral("server_jobs:inlet_server:true"),
                QStringLiteral("signin_handoffs:inlet_server:true"),
                QStringLiteral("webhook_events:inlet_server:true") }));
    }

    void rerunIsANoOp()
    {
        const QStringList before = catalog();
        const QStringList versions = TeamDb::column(
            m_db.server, QStringLiteral("SELECT version FROM inlet.schema_migrations ORDER BY 1"));
        QVERIFY(!before.isEmpty());

        auto ok = team::schema::migrate(m_db.server);
        QVERIFY2(ok, why(ok).constData());
        QCOMPARE(catalog(), before);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT version FROM inlet.schema_migrations ORDER BY 1")),
            versions);
    }

    void migratingAsSuperuserStillLeavesInletServerTheOwner()
    {
        // A step applied by a superuser's connection runs as inlet_server (SET LOCAL ROLE).
        QSqlDatabase super = m_db.connectAsSuperuser();
        QVERIFY(super.isOpen());
        QList<team::schema::Step> steps = team::schema::steps();
        const int next = team::schema::currentVersion() + 1;
        steps.append({ next, QStringLiteral("test step"),
            { QStringLiteral("CREATE TABLE inlet.superuser_step (x integer)") } });
        auto ok = team::schema::migrate(super, steps, next);
        QVERIFY2(ok, why(ok).constData());
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = "
                                    "'superuser_step'")),
            QStringList { QStringLiteral("inlet_server") });
        // Leave the database as this build knows it for the tests below.
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("DROP TABLE inlet.superuser_step")));
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("DELETE FROM inlet.schema_migrations WHERE version = ?"), { next }));
    }

    void failedStepLeavesThePreviousVersion()
    {
        QList<team::schema::Step> steps = team::schema::steps();
        const int next = team::schema::currentVersion() + 1;
        steps.append({ next, QStringLiteral("broken"),
            { QStringLiteral("CREATE TABLE inlet.half_done (x integer)"),
                QStringLiteral("CREATE TABLE inlet.half_done (x integer)") } });
        auto ok = team::schema::migrate(m_db.server, steps, next);
        QVERIFY(!ok);
        QVERIFY2(ok.error().message.contains(
                     QStringLiteral("unchanged at version %1").arg(team::schema::currentVersion())),
            why(ok).constData());
        QCOMPARE(*team::schema::version(m_db.server), team::schema::currentVersion());
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = "
                                    "'half_done'")),
            QStringList { QStringLiteral("0") });
    }

    void refusesANewerDatabase()
    {
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.schema_migrations (version, "
                           "description) VALUES (99, 'from the future')")));
        auto ok = team::schema::migrate(m_db.server);
        QVERIFY(team::sql::exec(
            m_db.server, QStringLiteral("DELETE FROM inlet.schema_migrations WHERE version = 99")));
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, team::schema::SchemaTooNew);
    }

    void messagesAreIdempotentOnMid()
    {
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000100"));
        const qint64 conversation = m_db.addConversation(account, QStringLiteral("6000100"));
        QVERIFY2(conversation > 0, qPrintable(m_db.error()));
        const qint64 first = m_db.addMessage(
            account, conversation, QStringLiteral("mid.dup"), QStringLiteral("hello"));
        QVERIFY(first > 0);
        // The same webhook delivered again (or by the other server): nothing new, no log entry.
        QCOMPARE(m_db.addMessage(
                     account, conversation, QStringLiteral("mid.dup"), QStringLiteral("hello")),
            0);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = 'mid.dup'")),
            QStringList { QStringLiteral("1") });
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT op || ':' || (row_data->>'text') FROM "
                                    "inlet.change_log WHERE entity = 'messages' AND "
                                    "entity_id = ?"),
                     { first }),
            QStringList { QStringLiteral("I:hello") });
    }

    void changeLogRecordsEveryChangeInOrder()
    {
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000200"));
        const qint64 conversation = m_db.addConversation(account, QStringLiteral("6000200"));
        const qint64 message = m_db.addMessage(
            account, conversation, QStringLiteral("mid.log"), QStringLiteral("v1"));
        QVERIFY(message > 0);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.messages SET text = 'v2' WHERE id = ?"), { message }));
        QVERIFY(team::sql::exec(
            m_db.server, QStringLiteral("DELETE FROM inlet.messages WHERE id = ?"), { message }));
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT entity || ':' || op || ':' || "
                                    "COALESCE(row_data->>'text', '-') FROM inlet.change_log "
                                    "WHERE account_id = ? ORDER BY seq"),
                     { account }),
            (QStringList { QStringLiteral("accounts:I:-"), QStringLiteral("contacts:I:-"),
                QStringLiteral("conversations:I:-"), QStringLiteral("messages:I:v1"),
                QStringLiteral("messages:U:v2"), QStringLiteral("messages:D:-") }));
    }

    void changeLogSequenceFollowsCommitOrder()
    {
        // A replica reads "seq > last applied": a change that took a number early but committed
        // late would be skipped. Numbers are given at COMMIT, so a transaction that wrote first
        // and committed last comes last, and an open one holds up no other writer.
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000300"));
        const qint64 conversation = m_db.addConversation(account, QStringLiteral("6000300"));
        QSqlDatabase other = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(other.isOpen());
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("BEGIN")));
        QVERIFY(
            m_db.addMessage(account, conversation, QStringLiteral("mid.early"), QStringLiteral("a"))
            > 0);
        QVERIFY(team::sql::exec(other, QStringLiteral("SET lock_timeout = '2s'")));
        auto meanwhile = team::sql::exec(other,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "created_ms) VALUES (?, ?, 'mid.late', false, 1)"),
            { account, conversation });
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("COMMIT")));
        QVERIFY2(meanwhile, why(meanwhile).constData());
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT row_data->>'mid' FROM inlet.change_log WHERE "
                                    "account_id = ? AND entity = 'messages' ORDER BY seq"),
                     { account }),
            (QStringList { QStringLiteral("mid.late"), QStringLiteral("mid.early") }));
    }

    void dataSurvivesAKilledServer()
    {
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000400"));
        QVERIFY(account > 0);
        m_db.server.close();
        QVERIFY2(m_db.cluster.kill(), qPrintable(m_db.cluster.errorString()));
        QVERIFY(!m_db.cluster.isRunning());
        QVERIFY2(m_db.cluster.start(), qPrintable(m_db.cluster.errorString()));
        qInfo("PostgreSQL restarted after SIGKILL (crash recovery) in %lld ms",
            m_db.cluster.lastStartMs());
        QVERIFY(m_db.server.open());
        QCOMPARE(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT ig_user_id FROM inlet.accounts WHERE id = ?"), { account }),
            QStringList { QStringLiteral("17841400000000400") });
        // A clean restart too, and a new connection finds everything.
        m_db.server.close();
        QVERIFY2(m_db.cluster.restart(), qPrintable(m_db.cluster.errorString()));
        QVERIFY(m_db.server.open());
        QCOMPARE(*team::schema::version(m_db.server), team::schema::currentVersion());
    }
};

QTEST_GUILESS_MAIN(TstTeamSchema)
#include "tst_teamschema.moc"
