// Agents' sessions that hold the team up, against a real PostgreSQL server: a hostile client that
// switched its own timeouts off and left a transaction open, or runs a statement for ever, is
// ended by SessionReaper (and by a real inlet-server on its own); honest sessions, the server's
// own and a superuser's are left alone.
#include "server/sessionreaper.h"
#include "support/inletserverprocess.h"
#include "support/sandboxcontrol.h"
#include "support/teamdb.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kMallory = QStringLiteral("mallory");
const QString kHonest = QStringLiteral("honest");
const QString kPassword = QStringLiteral("agent-pw-9");
} // namespace

class TstSessionReaper : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;

    server::DatabaseConfig serverDatabase() const
    {
        server::DatabaseConfig c;
        c.host = m_db.cluster.host();
        c.port = m_db.cluster.port();
        c.name = kDatabase;
        c.password = kServerPassword;
        return c;
    }
    // An agent's session with its own timeouts switched off, left idle inside a transaction.
    QSqlDatabase hostileOpenTransaction()
    {
        QSqlDatabase db = m_db.connect(kMallory, kPassword);
        if (!db.isOpen())
            return db;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SET idle_in_transaction_session_timeout = 0"))
            || !db.transaction() || !q.exec(QStringLiteral("SELECT count(*) FROM inlet.accounts")))
            qWarning("the hostile session could not start: %s", qPrintable(q.lastError().text()));
        return db;
    }
    bool answers(const QSqlDatabase &db)
    {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT 1")) && q.next();
    }
    // How many sessions of `role` are in `state` (read as the server, which sees them all).
    int sessions(const QString &role, const QString &state)
    {
        return m_db
            .serverValue(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = ? "
                                        "AND state = ?"),
                { role, state })
            .toInt();
    }
    // psql as `role` running `sql` (a statement that runs long), in the background.
    std::unique_ptr<QProcess> psql(const QString &role, const QString &sql)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), kPassword);
        p->setProcessEnvironment(env);
        p->start(test::PgCluster::binDir() + QStringLiteral("/psql"),
            { QStringLiteral("-h"), m_db.cluster.host(), QStringLiteral("-p"),
                QString::number(m_db.cluster.port()), QStringLiteral("-U"), role,
                QStringLiteral("-d"), kDatabase, QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql });
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        for (const QString &role : { kMallory, kHonest }) {
            auto added = team::admin::addAgent(m_db.server, role, kPassword);
            QVERIFY2(added, why(added).constData());
        }
    }

    // bootstrap makes inlet_server able to see and end other roles' sessions.
    void bootstrapLetsTheServerSeeAndEndSessions()
    {
        QCOMPARE(m_db.serverValue(QStringLiteral(
                     "SELECT pg_has_role('inlet_server', 'pg_read_all_stats', 'MEMBER') AND "
                     "pg_has_role('inlet_server', 'pg_signal_backend', 'MEMBER')")),
            QStringLiteral("true"));
    }

    void endsAnOpenTransactionPastTheLimitOnly()
    {
        QSqlDatabase hostile = hostileOpenTransaction();
        QVERIFY(hostile.isOpen());
        QSqlDatabase honest = m_db.connect(kHonest, kPassword);
        QVERIFY(answers(honest)); // idle, not in a transaction
        QSqlDatabase superuser = m_db.connectAsSuperuser();
        QVERIFY(superuser.transaction()); // a superuser's open transaction is not the reaper's
        QVERIFY(answers(superuser));
        QTRY_COMPARE(sessions(kMallory, QStringLiteral("idle in transaction")), 1);

        server::SessionLimits limits;
        limits.idleInTransactionMs = 60'000;
        server::SessionReaper patient(serverDatabase(), limits);
        auto none = patient.reap();
        QVERIFY2(none, why(none).constData());
        QCOMPARE(*none, 0); // under the limit
        QVERIFY(answers(hostile));

        QTest::qWait(600); // let the transaction age past a short limit
        limits.idleInTransactionMs = 300;
        server::SessionReaper reaper(serverDatabase(), limits);
        QSignalSpy ended(&reaper, &server::SessionReaper::ended);
        auto n = reaper.reap();
        QVERIFY2(n, why(n).constData());
        QCOMPARE(*n, 1);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(1).toString(), kMallory);
        QVERIFY2(ended.first().at(2).toString().startsWith(QStringLiteral("idle in transaction")),
            qPrintable(ended.first().at(2).toString()));
        QVERIFY(!answers(hostile)); // its session is gone
        QVERIFY(answers(honest));
        QVERIFY(answers(superuser));
        QVERIFY(superuser.rollback());
        QVERIFY(m_db.server.isOpen() && answers(m_db.server));
    }

    void endsAStatementThatRunsPastTheLimit()
    {
        auto sleeper
            = psql(kMallory, QStringLiteral("SET statement_timeout = 0; SELECT pg_sleep(120)"));
        QVERIFY(sleeper->waitForStarted(10000));
        QTRY_COMPARE_WITH_TIMEOUT(sessions(kMallory, QStringLiteral("active")), 1, 10000);
        server::SessionLimits limits;
        limits.statementMs = 300;
        server::SessionReaper reaper(serverDatabase(), limits);
        int ended = 0; // QTRY_ evaluates its condition once more at the end
        QTRY_VERIFY_WITH_TIMEOUT((ended += reaper.reap().value_or(0)) >= 1, 5000);
        QCOMPARE(ended, 1);
        // Still exiting or gone: either way not ended (nor reported) a second time.
        QCOMPARE(reaper.reap().value_or(-1), 0);
        QVERIFY(sleeper->waitForFinished(10000)); // long before the 120 s
        QVERIFY(sleeper->exitCode() != 0);
        QVERIFY2(sleeper->readAllStandardError().contains("terminat"), "psql saw no termination");
    }

    // The real server ends a hostile session by itself with --agent-idle-limit-ms.
    void theServerEndsHostileSessionsOnItsOwn()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QTemporaryDir credentials;
        QVERIFY(ServerLauncher::writeCredentials(
            credentials.path(), kServerPassword.toUtf8(), "sandbox-meta-app-secret"));
        ServerLauncher launcher { m_db.cluster.port(), kDatabase, credentials.path(),
            test::closedPortUrl() };
        auto server
            = launcher.start({ QStringLiteral("--agent-idle-limit-ms"), QStringLiteral("400") });
        QVERIFY(server);
        QSqlDatabase hostile = hostileOpenTransaction();
        QVERIFY(hostile.isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(
            sessions(kMallory, QStringLiteral("idle in transaction")), 0, 10000);
        QVERIFY(!answers(hostile));
        QTRY_VERIFY_WITH_TIMEOUT(server->log.contains("ended the session of agent"), 5000);
    }
};

QTEST_GUILESS_MAIN(TstSessionReaper)
#include "tst_sessionreaper.moc"
