// Disconnecting an account from an admin's desktop, end to end: the desktop's client
// (team::disconnect::request) writes the request into inlet.account_disconnects as an admin agent;
// a real inlet-server unsubscribes the account at the sandbox (DELETE /me/subscribed_apps, after
// which the sandbox delivers none of its webhooks), deletes its token and marks it removed; an
// agent's replica drops its rows. On a real PostgreSQL (PgCluster), the sandbox over loopback.
#include "sandbox/webhookdelivery.h"
#include "sandbox/world.h"
#include "support/teamreplica.h"
#include "support/teamserverfixture.h"
#include "team/teamdisconnect.h"

#include <QSqlQuery>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kAna = QStringLiteral("ana"); // an admin
const QString kBo = QStringLiteral("bo"); // an agent, not an admin
const QString kCy = QStringLiteral("cy"); // an admin the account is not granted to
const QString kPassword = QStringLiteral("agent-pw-5");
const QString kBusiness = TeamServerFixture::kBusiness;

} // namespace

class TstAccountDisconnect : public QObject {
    Q_OBJECT

private:
    TeamServerFixture m_team;

    team::TeamConnection as(const QString &role) const
    {
        return m_team.db.agentConnection(role, kPassword);
    }
    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_team.db.serverValue(sql, values);
    }
    QString token(qint64 account)
    {
        return scalar(QStringLiteral("SELECT value FROM inlet.secrets WHERE name = "
                                     "'instagram_token' AND account_id = ?"),
            { account });
    }
    bool subscribedAtTheSandbox() const
    {
        return !m_team.instagram->world().subscriptions().accountFields.isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(
            m_team.setUp({ kAna, kBo, kCy }, { kAna, kCy }, kPassword), qPrintable(m_team.error));
    }

    // The whole way: subscribed, messages in PostgreSQL and in bo's replica; ana disconnects it:
    // unsubscribed at the sandbox, token gone, account removed, the replica's rows gone, and the
    // sandbox delivers nothing more for it.
    void adminDisconnectsTheAccountEverywhere()
    {
        auto server = m_team.launcher.start();
        QVERIFY(server);
        const qint64 account = m_team.connectAccount(as(kAna));
        QVERIFY2(account > 0, qPrintable(m_team.error));
        QVERIFY(subscribedAtTheSandbox());
        QByteArray out;
        QCOMPARE(
            m_team.launcher.admin(
                { QStringLiteral("agent"), QStringLiteral("grant"), kBo, kBusiness }, {}, &out),
            0);
        const QString oldToken = token(account);
        QVERIFY(!oldToken.isEmpty());

        AgentReplica replica;
        QVERIFY(replica.open(as(kBo)));
        QCOMPARE(pointAppCallbackAt(*m_team.client, server->webhook), 200);
        const QString customer = m_team.instagram->world().customers().first().profile.igsid;
        auto mid
            = m_team.instagram->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer },
                { QStringLiteral("text"), QStringLiteral("Before the goodbye") } });
        QVERIFY(mid.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.count(QStringLiteral("SELECT count(*) FROM messages WHERE account_id = ?"),
                { kBusiness }),
            1, 20000);

        auto done = test::awaitResult(team::disconnect::request(as(kAna), kBusiness), 30000);
        QVERIFY2(done, why(done).constData());
        QCOMPARE(done->state, QStringLiteral("done"));
        QCOMPARE(done->igUserId, kBusiness);
        QVERIFY(done->unsubscribed);

        // Instagram (the sandbox) was told: the subscription is off for that token.
        QVERIFY(!subscribedAtTheSandbox());
        const auto apps = m_team.client->get(QStringLiteral("/me/subscribed_apps"), oldToken);
        QCOMPARE(apps.status, 200);
        QCOMPARE(apps.json().value(QStringLiteral("data")).toArray().size(), 0);
        // The token is gone (no secret of the account is left), the account removed.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.secrets WHERE account_id = ?"),
                     { account }),
            QStringLiteral("0"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT removed FROM inlet.accounts WHERE id = ?"), { account }),
            QStringLiteral("true"));
        // Every replica drops its rows.
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.count(QStringLiteral("SELECT count(*) FROM messages WHERE account_id = ?"),
                { kBusiness }),
            0, 20000);
        QCOMPARE(replica.count(QStringLiteral("SELECT count(*) FROM conversations WHERE "
                                              "account_id = ?"),
                     { kBusiness }),
            0);
        QCOMPARE(replica.count(
                     QStringLiteral("SELECT removed FROM accounts WHERE id = ?"), { kBusiness }),
            1);

        QTRY_VERIFY_WITH_TIMEOUT(server->log.contains("disconnected by \"ana\""), 5000);

        // The sandbox delivers nothing more for the account (nor queues it).
        const qint64 delivered = m_team.instagram->delivery().deliveredCount();
        const QString events = scalar(QStringLiteral("SELECT count(*) FROM inlet.webhook_events"));
        QVERIFY(m_team.instagram->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), customer },
            { QStringLiteral("text"), QStringLiteral("After the goodbye") } }));
        QTest::qWait(1500);
        QCOMPARE(m_team.instagram->delivery().deliveredCount(), delivered);
        QCOMPARE(m_team.instagram->delivery().pendingCount(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.webhook_events")), events);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE text = 'After "
                                       "the goodbye'")),
            QStringLiteral("0"));

        // Once removed, it cannot be asked again.
        auto again = test::awaitResult(team::disconnect::request(as(kAna), kBusiness));
        QVERIFY(!again);
        QCOMPARE(team::disconnect::failure(again.error()), team::disconnect::Failure::NotConnected);
    }

    // Only an admin may write a request, for itself, pending, for an account it is granted.
    void onlyAnAdminGrantedTheAccountMayRequest()
    {
        const qint64 other = m_team.db.addAccount(QStringLiteral("17841400000000077"));
        QVERIFY(other > 0);
        for (const QString &role : { kBo, kCy, kAna })
            QVERIFY(team::sql::exec(m_team.db.server,
                QStringLiteral("INSERT INTO inlet.agent_accounts (agent_role, account_id) "
                               "VALUES (?, ?) ON CONFLICT DO NOTHING"),
                { role == kCy ? kAna : role, other }));
        const QString insert
            = QStringLiteral("INSERT INTO inlet.account_disconnects (account_ig_user_id) VALUES "
                             "('17841400000000077')");
        // Not an admin (bo is granted the account): refused by row-level security.
        QSqlDatabase bo = m_team.db.connect(kBo, kPassword);
        auto refused = team::sql::exec(bo, insert);
        QVERIFY(!refused);
        QCOMPARE(
            team::sql::sqlState(refused.error()), QLatin1String(team::sql::InsufficientPrivilege));
        auto worded = test::awaitResult(
            team::disconnect::request(as(kBo), QStringLiteral("17841400000000077")));
        QVERIFY(!worded);
        QCOMPARE(team::disconnect::failure(worded.error()), team::disconnect::Failure::NotAdmin);
        // An admin not granted the account.
        QSqlDatabase cy = m_team.db.connect(kCy, kPassword);
        auto notGranted = team::sql::exec(cy, insert);
        QVERIFY(!notGranted);
        QCOMPARE(team::sql::sqlState(notGranted.error()),
            QLatin1String(team::sql::InsufficientPrivilege));
        auto unknown = test::awaitResult(
            team::disconnect::request(as(kCy), QStringLiteral("17841400000000077")));
        QVERIFY(!unknown);
        QCOMPARE(
            team::disconnect::failure(unknown.error()), team::disconnect::Failure::NotConnected);
        // An admin, but not in another's name, nor finished, nor changing or deleting rows.
        QSqlDatabase ana = m_team.db.connect(kAna, kPassword);
        for (const QString &sql : {
                 QStringLiteral("INSERT INTO inlet.account_disconnects (agent_role, "
                                "account_ig_user_id) VALUES ('cy', '17841400000000077')"),
                 QStringLiteral("INSERT INTO inlet.account_disconnects (account_ig_user_id, "
                                "state) VALUES ('17841400000000077', 'done')"),
                 QStringLiteral("UPDATE inlet.account_disconnects SET state = 'pending'"),
                 QStringLiteral("DELETE FROM inlet.account_disconnects"),
                 QStringLiteral("UPDATE inlet.accounts SET removed = true"),
             }) {
            auto denied = team::sql::exec(ana, sql);
            QVERIFY2(!denied, qPrintable(sql));
            QCOMPARE(team::sql::sqlState(denied.error()),
                QLatin1String(team::sql::InsufficientPrivilege));
        }
        // Its own rows only.
        QVERIFY(team::sql::exec(ana, insert));
        QCOMPARE(TeamDb::column(bo, QStringLiteral("SELECT id FROM inlet.account_disconnects")),
            QStringList());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.account_disconnects WHERE "
                                       "agent_role IN ('bo', 'cy')")),
            QStringLiteral("0"));
        QVERIFY(team::sql::exec(m_team.db.server,
            QStringLiteral("DELETE FROM inlet.account_disconnects WHERE state = 'pending'")));
    }

    // No server running: the desktop is told in time; a server started later does the work.
    void withoutAServerTheRequestTimesOut()
    {
        auto server = m_team.launcher.start();
        QVERIFY(server);
        const qint64 account = m_team.connectAccount(as(kAna)); // connected again
        QVERIFY2(account > 0, qPrintable(m_team.error));
        server.reset();
        auto late = test::awaitResult(
            team::disconnect::request(as(kAna), kBusiness, std::chrono::seconds(2)), 30000);
        QVERIFY(!late);
        QCOMPARE(team::disconnect::failure(late.error()), team::disconnect::Failure::TimedOut);
        QCOMPARE(late.error().kind, Error::Kind::Network);
        server = m_team.launcher.start();
        QVERIFY(server);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT removed FROM inlet.accounts WHERE id = ?"), { account }),
            QStringLiteral("true"), 15000);
    }

    // Instagram refuses the unsubscription (here: a token it no longer knows): the account is
    // disconnected all the same, and the row says that Instagram was not told, and why.
    void refusedUnsubscriptionStillDisconnects()
    {
        auto server = m_team.launcher.start();
        QVERIFY(server);
        const qint64 account = m_team.connectAccount(as(kAna));
        QVERIFY2(account > 0, qPrintable(m_team.error));
        QVERIFY(subscribedAtTheSandbox());
        QVERIFY(team::sql::exec(m_team.db.server,
            QStringLiteral("UPDATE inlet.secrets SET value = 'a-token-instagram-forgot' WHERE "
                           "account_id = ?"),
            { account }));
        auto done = test::awaitResult(team::disconnect::request(as(kAna), kBusiness), 30000);
        QVERIFY2(done, why(done).constData());
        QCOMPARE(done->state, QStringLiteral("done"));
        QVERIFY(!done->unsubscribed);
        QCOMPARE(done->error.code, 190); // Instagram's invalid token
        QVERIFY(!done->error.message.contains(QStringLiteral("a-token-instagram-forgot")));
        QVERIFY(subscribedAtTheSandbox()); // Instagram still has it on
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.secrets WHERE account_id = ?"),
                     { account }),
            QStringLiteral("0"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT removed FROM inlet.accounts WHERE id = ?"), { account }),
            QStringLiteral("true"));
    }
};

QTEST_GUILESS_MAIN(TstAccountDisconnect)
#include "tst_accountdisconnect.moc"
