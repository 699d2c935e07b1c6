// inlet-server's catch-up (docs/team.md, "Catch-up"): the real executable on a real PostgreSQL
// (PgCluster) with the real sandbox over loopback HTTP, and an agent's replica following the
// team database. Messages whose webhooks failed until Meta dropped them are fetched from the
// Conversations API and reach PostgreSQL and the replica; one both fetched and delivered late is
// stored once; a server that starts catches up at once, whatever the last run of another.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/world.h"
#include "support/inletserverprocess.h"
#include "support/sandboxcontrol.h"
#include "support/sandboxfixture.h"
#include "support/teamdb.h"
#include "support/teamreplica.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kBusiness = QStringLiteral("17841400000000001");
const QString kAlice = QStringLiteral("alice");
const QString kAlicePassword = QStringLiteral("alice-pw-1");
} // namespace

class TstServerCatchUp : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<test::SandboxTestClient> m_client;
    QTemporaryDir m_credentials;
    ServerLauncher m_launcher;
    QString m_customer;
    QString m_token;

    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_db.serverValue(sql, values);
    }
    QString storedCount(const QString &mid)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = ?"), { mid });
    }
    QString customerWrites(const QString &text)
    {
        auto mid = m_sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), m_customer }, { QStringLiteral("text"), text } });
        return mid ? *mid : QString();
    }
    // Meta's side as a deployment has it: the app's callback at `server`, the account subscribed.
    bool deliverTo(const ServerProcess &server)
    {
        return pointAppCallbackAt(*m_client, server.webhook) == 200
            && m_client
                   ->postRaw(QStringLiteral("/me/subscribed_apps?subscribed_fields=messages"), {},
                       "application/x-www-form-urlencoded", m_token)
                   .status
            == 200;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(false), qPrintable(m_db.error()));
        QVERIFY(m_credentials.isValid());
        QVERIFY(ServerLauncher::writeCredentials(
            m_credentials.path(), kServerPassword.toUtf8(), "sandbox-meta-app-secret"));

        m_sandbox = std::make_unique<sandbox::Sandbox>(test::quietSandbox(2));
        auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_sandbox->delivery().setRetryBackoff(50, 200);
        m_launcher = { m_db.cluster.port(), kDatabase, m_credentials.path(), *url };
        m_client = std::make_unique<test::SandboxTestClient>(*url);
        m_customer = m_sandbox->world().customers().first().profile.igsid;

        m_token = m_sandbox->issueToken(true);
        QByteArray out;
        QCOMPARE(m_launcher.admin({ QStringLiteral("account"), QStringLiteral("add"), kBusiness,
                                      QStringLiteral("inlet.coffee") },
                     m_token.toUtf8() + '\n', &out),
            0);
        QCOMPARE(m_launcher.admin({ QStringLiteral("agent"), QStringLiteral("add"), kAlice },
                     kAlicePassword.toUtf8() + '\n', &out),
            0);
        QCOMPARE(
            m_launcher.admin(
                { QStringLiteral("agent"), QStringLiteral("grant"), kAlice, kBusiness }, {}, &out),
            0);
    }

    // Webhooks to the server fail (its endpoint unreachable) until Meta gives up on them (36 hours
    // of the sandbox's clock): the periodic catch-up fetches the message from the Conversations
    // API into PostgreSQL, and the agent's replica shows it. A second message is fetched while its
    // delivery is still being retried; when the delivery then reaches the server it is not stored
    // twice, neither in PostgreSQL nor in the replica.
    void missedDeliveriesAreFetchedAndStoredOnce()
    {
        auto server = m_launcher.start({ QStringLiteral("--catch-up-s"), QStringLiteral("2"),
            QStringLiteral("--catch-up-pace-ms"), QStringLiteral("0") });
        QVERIFY(server);
        // The first run at start reads the sandbox's history (its two customers' conversations).
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT last_result FROM "
                                  "inlet.server_jobs WHERE name = 'catch-up'")),
            QStringLiteral("caught up: 1"), 30000);
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM inlet.messages")).toInt() > 0);
        AgentReplica replica;
        QVERIFY(replica.open(m_db.agentConnection(kAlice, kAlicePassword)));

        QVERIFY(deliverTo(*server));
        sandbox::WebhookDelivery &delivery = m_sandbox->delivery();
        delivery.setCallbackUrl(test::closedPortUrl()); // the server's endpoint down
        const qint64 failedBefore = delivery.failedAttempts();
        const QString missed = customerWrites(QStringLiteral("Is the order on its way?"));
        QVERIFY(!missed.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(delivery.failedAttempts() > failedBefore, 10000);
        test::SandboxControl(m_launcher.sandboxUrl).advanceClock(37 * 3600);
        QTRY_VERIFY_WITH_TIMEOUT(delivery.droppedCount() >= 1, 10000);
        QCOMPARE(delivery.pendingCount(), 0);

        QTRY_COMPARE_WITH_TIMEOUT(storedCount(missed), QStringLiteral("1"), 30000);
        QCOMPARE(
            scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"), { missed }),
            QStringLiteral("Is the order on its way?"));
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.count(
                QStringLiteral("SELECT count(*) FROM messages WHERE mid = ?"), { missed }),
            1, 15000);
        QCOMPARE(
            replica.column(QStringLiteral("SELECT text FROM messages WHERE mid = ?"), { missed }),
            QStringList { QStringLiteral("Is the order on its way?") });

        // Meta switched the subscription off meanwhile; subscribed again, the next delivery fails
        // and is retried while the catch-up fetches it; then it reaches the server.
        QVERIFY(deliverTo(*server));
        delivery.setCallbackUrl(test::closedPortUrl());
        const qint64 deliveredBefore = delivery.deliveredCount();
        const QString late = customerWrites(QStringLiteral("Hello? Anyone there?"));
        QVERIFY(!late.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(late), QStringLiteral("1"), 30000);
        QVERIFY(delivery.pendingCount() > 0);
        QCOMPARE(delivery.deliveredCount(), deliveredBefore);
        delivery.setCallbackUrl(server->webhook);
        QTRY_VERIFY_WITH_TIMEOUT(delivery.deliveredCount() > deliveredBefore, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, 15000);
        QCOMPARE(storedCount(late), QStringLiteral("1"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.change_log l JOIN "
                                       "inlet.messages m ON l.entity = 'messages' AND "
                                       "l.entity_id = m.id WHERE m.mid = ?"),
                     { late }),
            QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid = ?"), { late }),
            1, 15000);
        // A later catch-up changes nothing: every mid is known, nothing is fetched again.
        const QString runs = scalar(
            QStringLiteral("SELECT last_run_ms FROM inlet.server_jobs WHERE name = 'catch-up'"));
        QTRY_VERIFY_WITH_TIMEOUT(scalar(QStringLiteral("SELECT last_run_ms FROM inlet.server_jobs "
                                                       "WHERE name = 'catch-up'"))
                != runs,
            15000);
        QCOMPARE(storedCount(missed), QStringLiteral("1"));
        QCOMPARE(storedCount(late), QStringLiteral("1"));
        QCOMPARE(replica.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid IN (?, ?)"),
                     { missed, late }),
            2);
    }

    // A server that starts runs the catch-up at once, although another server's last run is
    // recent (its interval is an hour here): what came while no server was up is fetched.
    void startingServerCatchesUpAtOnce()
    {
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.server_jobs SET last_run_ms = ? WHERE name = 'catch-up'"),
            { QDateTime::currentMSecsSinceEpoch() }));
        m_sandbox->delivery().setCallbackUrl(test::closedPortUrl()); // no server is up
        const QString whileDown = customerWrites(QStringLiteral("Written while no server ran"));
        QVERIFY(!whileDown.isEmpty());
        QCOMPARE(storedCount(whileDown), QStringLiteral("0"));
        auto server = m_launcher.start({ QStringLiteral("--catch-up-s"), QStringLiteral("3600"),
            QStringLiteral("--catch-up-pace-ms"), QStringLiteral("0") });
        QVERIFY(server);
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(whileDown), QStringLiteral("1"), 30000);
        QVERIFY(server->log.contains("job \"catch-up\" starts"));
    }
};

QTEST_GUILESS_MAIN(TstServerCatchUp)
#include "tst_servercatchup.moc"
