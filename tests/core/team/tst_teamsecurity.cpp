// Who sees what in the team database, against a real PostgreSQL server: row-level security per
// Instagram account, the secrets only the server reads, NOTIFY payloads without content, and
// outbox claims that two servers can make at once.
#include "support/teamdb.h"
#include "team/teamoutbox.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kAlice = QStringLiteral("alice");
const QString kBob = QStringLiteral("bob");
const QString kAlicePassword = QStringLiteral("alice-pw-1");
const QString kBobPassword = QStringLiteral("bob-pw-2");
} // namespace

class TstTeamSecurity : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    qint64 m_account1 = 0;
    qint64 m_account2 = 0;
    qint64 m_conversation1 = 0;
    qint64 m_conversation2 = 0;
    QSqlDatabase m_alice;

    QString ids(qint64 a) { return QString::number(a); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        m_account1 = m_db.addAccount(QStringLiteral("17841400000000001"));
        m_account2 = m_db.addAccount(QStringLiteral("17841400000000002"));
        m_conversation1 = m_db.addConversation(m_account1, QStringLiteral("6000000000000001"));
        m_conversation2 = m_db.addConversation(m_account2, QStringLiteral("6000000000000002"));
        QVERIFY2(m_conversation1 > 0 && m_conversation2 > 0, qPrintable(m_db.error()));
        QVERIFY(m_db.addMessage(m_account1, m_conversation1, QStringLiteral("mid.1"),
                    QStringLiteral("hello from account one"))
            > 0);
        QVERIFY(m_db.addMessage(m_account2, m_conversation2, QStringLiteral("mid.2"),
                    QStringLiteral("private to account two"))
            > 0);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.secrets (name, account_id, value) "
                           "VALUES ('instagram_token', ?, 'IGAAtoken1'), "
                           "('app_secret', NULL, 'appsecret')"),
            { m_account1 }));
        for (const auto &[role, password, account] :
            { std::tuple { kAlice, kAlicePassword, m_account1 },
                std::tuple { kBob, kBobPassword, m_account2 } }) {
            auto added = team::admin::addAgent(m_db.server, role, password);
            QVERIFY2(added, why(added).constData());
            auto granted = team::admin::grantAccount(m_db.server, role, account);
            QVERIFY2(granted, why(granted).constData());
        }
        m_alice = m_db.connect(kAlice, kAlicePassword);
        QVERIFY2(m_alice.isOpen(), qPrintable(m_alice.lastError().text()));
    }

    void agentCannotReadSecrets()
    {
        auto read = team::sql::scalar(m_alice, QStringLiteral("SELECT value FROM inlet.secrets"));
        QVERIFY(!read);
        QCOMPARE(team::sql::sqlState(read.error()),
            QString::fromLatin1(team::sql::InsufficientPrivilege));
        QVERIFY2(read.error().message.contains(QLatin1String("permission denied")),
            why(read).constData());
        // The server reads them; the change log never carries them.
        QCOMPARE(TeamDb::column(
                     m_db.server, QStringLiteral("SELECT value FROM inlet.secrets ORDER BY name")),
            (QStringList { QStringLiteral("appsecret"), QStringLiteral("IGAAtoken1") }));
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT count(*) FROM inlet.change_log WHERE "
                                    "row_data::text LIKE '%IGAAtoken1%'")),
            QStringList { QStringLiteral("0") });
    }

    void agentSeesOnlyGrantedAccounts_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("accounts") << QStringLiteral("SELECT DISTINCT id FROM inlet.accounts");
        QTest::newRow("contacts") << QStringLiteral(
            "SELECT DISTINCT account_id FROM inlet.contacts");
        QTest::newRow("conversations")
            << QStringLiteral("SELECT DISTINCT account_id FROM inlet.conversations");
        QTest::newRow("messages") << QStringLiteral(
            "SELECT DISTINCT account_id FROM inlet.messages");
        QTest::newRow("change_log")
            << QStringLiteral("SELECT DISTINCT account_id FROM inlet.change_log");
        QTest::newRow("agent_accounts")
            << QStringLiteral("SELECT DISTINCT account_id FROM inlet.agent_accounts");
    }

    void agentSeesOnlyGrantedAccounts()
    {
        QFETCH(QString, sql);
        QCOMPARE(TeamDb::column(m_alice, sql), QStringList { ids(m_account1) });
        // The server, the owner, sees both.
        QCOMPARE(TeamDb::column(m_db.server, sql + QStringLiteral(" ORDER BY 1")),
            (QStringList { ids(m_account1), ids(m_account2) }));
    }

    void agentSeesNoContentOfOtherAccounts()
    {
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT text FROM inlet.messages")),
            QStringList { QStringLiteral("hello from account one") });
        QCOMPARE(TeamDb::column(m_alice,
                     QStringLiteral("SELECT count(*) FROM inlet.change_log WHERE "
                                    "row_data::text LIKE '%private to account two%'")),
            QStringList { QStringLiteral("0") });
        QCOMPARE(TeamDb::column(m_alice,
                     QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = 'mid.2'")),
            QStringList { QStringLiteral("0") });
    }

    void revokingHidesTheAccount()
    {
        QVERIFY(team::admin::revokeAccount(m_db.server, kAlice, m_account1));
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT count(*) FROM inlet.messages")),
            QStringList { QStringLiteral("0") });
        QVERIFY(team::admin::grantAccount(m_db.server, kAlice, m_account1));
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT count(*) FROM inlet.messages")),
            QStringList { QStringLiteral("1") });
    }

    void agentCannotWriteWhatTheServerWrites()
    {
        for (const QString &sql :
            { QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, outgoing, "
                             "created_ms) VALUES (%1, %2, true, 1)")
                    .arg(m_account1)
                    .arg(m_conversation1),
                QStringLiteral("UPDATE inlet.messages SET text = 'changed'"),
                QStringLiteral("DELETE FROM inlet.change_log"),
                QStringLiteral("INSERT INTO inlet.agent_accounts VALUES ('alice', %1)")
                    .arg(m_account2),
                QStringLiteral("UPDATE inlet.outbox SET state = 'sent'"),
                QStringLiteral("CREATE TABLE inlet.mine (x integer)") }) {
            auto ok = team::sql::exec(m_alice, sql);
            QVERIFY2(!ok, qPrintable(sql));
            QCOMPARE(team::sql::sqlState(ok.error()),
                QString::fromLatin1(team::sql::InsufficientPrivilege));
        }
    }

    void agentCannotHoldTheServersLocks()
    {
        // The change log's writers take an advisory lock at COMMIT; an agent taking it could hold
        // every writer up.
        for (const QString &sql : { QStringLiteral("SELECT pg_advisory_xact_lock(7598263121)"),
                 QStringLiteral("SELECT pg_try_advisory_lock(7598263121)"),
                 QStringLiteral("SELECT pg_advisory_lock_shared(1, 2)") }) {
            auto ok = team::sql::exec(m_alice, sql);
            QVERIFY2(!ok, qPrintable(sql));
            QCOMPARE(team::sql::sqlState(ok.error()),
                QString::fromLatin1(team::sql::InsufficientPrivilege));
        }
        QVERIFY(
            team::sql::exec(m_db.server, QStringLiteral("SELECT pg_try_advisory_xact_lock(42)")));
    }

    void notifyCarriesOnlyNumbers()
    {
        QSqlDriver *driver = m_alice.driver();
        QVERIFY(driver->hasFeature(QSqlDriver::EventNotifications));
        QVERIFY(driver->subscribeToNotification(QString::fromLatin1(team::schema::ChangeChannel)));
        QSignalSpy spy(driver, &QSqlDriver::notification);

        // A change in account two, which alice may not see: she is woken, with numbers only.
        const qint64 hidden = m_db.addMessage(m_account2, m_conversation2, QStringLiteral("mid.n2"),
            QStringLiteral("confidential reply"));
        QVERIFY(hidden > 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
        QCOMPARE(spy.at(0).at(0).toString(), QString::fromLatin1(team::schema::ChangeChannel));
        const QString payload = spy.at(0).at(2).toString();
        static const QRegularExpression numbers(QStringLiteral("^(\\d+) (\\d+)$"));
        const QRegularExpressionMatch m = numbers.match(payload);
        QVERIFY2(m.hasMatch(), qPrintable(payload));
        QCOMPARE(m.captured(2), ids(m_account2));
        const QString seq = m.captured(1);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT entity_id FROM inlet.change_log WHERE seq = ?"),
                     { seq.toLongLong() }),
            QStringList { ids(hidden) });
        // The sequence number does not open the row to her.
        QCOMPARE(TeamDb::column(m_alice,
                     QStringLiteral("SELECT count(*) FROM inlet.change_log WHERE seq = ?"),
                     { seq.toLongLong() }),
            QStringList { QStringLiteral("0") });

        // A change in her own account: she reads it by the announced number.
        const qint64 mine = m_db.addMessage(
            m_account1, m_conversation1, QStringLiteral("mid.n1"), QStringLiteral("for alice"));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
        const QRegularExpressionMatch m2 = numbers.match(spy.at(1).at(2).toString());
        QVERIFY(m2.hasMatch());
        QCOMPARE(m2.captured(2), ids(m_account1));
        QCOMPARE(TeamDb::column(m_alice,
                     QStringLiteral("SELECT (row_data->>'id') || ':' || (row_data->>'text') "
                                    "FROM inlet.change_log WHERE seq = ?"),
                     { m2.captured(1).toLongLong() }),
            QStringList { ids(mine) + QStringLiteral(":for alice") });
        driver->unsubscribeFromNotification(QString::fromLatin1(team::schema::ChangeChannel));
    }

    // Agents write the outbox only through inlet.enqueue, which checks what they write and
    // writes their own role: no direct INSERT, nothing into an account not granted, no other
    // agent's client id, no unknown kind, no body that is not a small JSON object.
    void agentEnqueuesRepliesAsItselfOnly()
    {
        const QString enqueue = QStringLiteral("SELECT inlet.enqueue(?::uuid, ?, ?, ?, ?::jsonb)");
        const QString account1 = QStringLiteral("17841400000000001");
        const QString customer1 = QStringLiteral("6000000000000001");
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto mine = team::sql::scalar(m_alice, enqueue,
            { clientId, account1, customer1, QStringLiteral("text"),
                QStringLiteral("{\"text\":\"on my way\"}") });
        QVERIFY2(mine, why(mine).constData());
        // The same client id again (a retry after a lost answer): the same row.
        auto again = team::sql::scalar(m_alice, enqueue,
            { clientId, account1, customer1, QStringLiteral("text"),
                QStringLiteral("{\"text\":\"on my way\"}") });
        QVERIFY2(again, why(again).constData());
        QCOMPARE(again->toLongLong(), mine->toLongLong());
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT agent_role FROM inlet.outbox")),
            QStringList { kAlice });

        const auto refused = [&](const QVariantList &values, const char *state) {
            auto r = team::sql::exec(m_alice, enqueue, values);
            if (r) {
                qWarning("accepted: %s", qPrintable(values.value(3).toString()));
                return false;
            }
            if (team::sql::sqlState(r.error()) != QLatin1String(state)) {
                qWarning("%s", qPrintable(r.error().message));
                return false;
            }
            return true;
        };
        const auto uuid = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
        const QString body = QStringLiteral("{}");
        // Account 2 is bob's.
        QVERIFY(refused({ uuid(), QStringLiteral("17841400000000002"),
                            QStringLiteral("6000000000000002"), QStringLiteral("text"), body },
            "P0002"));
        QVERIFY(refused({ uuid(), account1, customer1, QStringLiteral("sql"), body }, "22023"));
        QVERIFY(refused(
            { uuid(), account1, customer1, QStringLiteral("text"), QStringLiteral("[1, 2]") },
            "22023"));
        QVERIFY(refused({ uuid(), account1, customer1, QStringLiteral("text"),
                            QStringLiteral("{\"text\": \"%1\"}")
                                .arg(QString(team::schema::MaxOutboxBodyBytes, QLatin1Char('x'))) },
            "22023"));
        // bob cannot take over alice's client id.
        QSqlDatabase bob = m_db.connect(kBob, kBobPassword);
        QVERIFY(bob.isOpen());
        auto stolen = team::sql::exec(bob, enqueue,
            { clientId, QStringLiteral("17841400000000002"), QStringLiteral("6000000000000002"),
                QStringLiteral("text"), body });
        QVERIFY(!stolen);
        QCOMPARE(team::sql::sqlState(stolen.error()), QStringLiteral("23505"));

        // No direct INSERT any more (it could set anything the function checks).
        auto direct = team::sql::exec(m_alice,
            QStringLiteral(
                "INSERT INTO inlet.outbox (account_id, conversation_id, client_id, body) VALUES "
                "(?, ?, gen_random_uuid(), '{}')"),
            { m_account1, m_conversation1 });
        QVERIFY(!direct);
        QCOMPARE(team::sql::sqlState(direct.error()),
            QString::fromLatin1(team::sql::InsufficientPrivilege));
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT count(*) FROM inlet.outbox")),
            QStringList { QStringLiteral("1") });

        // The server claims it and knows who wrote it.
        auto claimed = team::outbox::claim(m_db.server, QStringLiteral("server-a"), 10, 0);
        QVERIFY2(claimed, why(claimed).constData());
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->at(0).agentRole, kAlice);
        QCOMPARE(claimed->at(0).attempts, 1);
        QVERIFY(claimed->at(0).body.contains("on my way"));
        QCOMPARE(TeamDb::column(m_alice, QStringLiteral("SELECT state FROM inlet.outbox")),
            QStringList { QStringLiteral("sending") });
    }

    void claimsFromTwoServersAreDisjoint()
    {
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("DELETE FROM inlet.outbox")));
        for (int i = 0; i < 6; ++i) {
            QVERIFY(team::sql::exec(m_db.server,
                QStringLiteral("INSERT INTO inlet.outbox (account_id, "
                               "conversation_id, client_id, body) VALUES (?, ?, "
                               "gen_random_uuid(), '{}')"),
                { m_account1, m_conversation1 }));
        }
        QSqlDatabase a = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QSqlDatabase b = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(a.isOpen() && b.isOpen());
        // Without SKIP LOCKED the second claim would wait for the first transaction: fail fast.
        QVERIFY(team::sql::exec(b, QStringLiteral("SET lock_timeout = '3s'")));
        // Both transactions open at once: the second skips what the first holds.
        QVERIFY(team::sql::exec(a, QStringLiteral("BEGIN")));
        QVERIFY(team::sql::exec(b, QStringLiteral("BEGIN")));
        auto first = team::outbox::claim(a, QStringLiteral("server-a"), 3, 0);
        auto second = team::outbox::claim(b, QStringLiteral("server-b"), 3, 0);
        QVERIFY2(first && second, (why(first) + why(second)).constData());
        QVERIFY(team::sql::exec(a, QStringLiteral("COMMIT")));
        QVERIFY(team::sql::exec(b, QStringLiteral("COMMIT")));
        QSet<qint64> seen;
        for (const auto &rows : { *first, *second }) {
            QCOMPARE(rows.size(), 3);
            for (const auto &row : rows)
                seen.insert(row.id);
        }
        QCOMPARE(seen.size(), 6);
        auto none = team::outbox::claim(a, QStringLiteral("server-a"), 10, 0);
        QVERIFY(none);
        QVERIFY(none->isEmpty());
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT claimed_by || ':' || count(*) FROM inlet.outbox "
                                    "GROUP BY claimed_by ORDER BY 1")),
            (QStringList { QStringLiteral("server-a:3"), QStringLiteral("server-b:3") }));
    }

    // Every agent role logs in with the timeouts (set per role: inlet_agent's would not reach
    // its members), so a transaction an agent leaves open ends and the log's writers go on.
    void agentSessionsHaveTimeouts()
    {
        QSqlDatabase alice = m_db.connect(kAlice, kAlicePassword);
        QVERIFY(alice.isOpen());
        QCOMPARE(TeamDb::column(alice, QStringLiteral("SHOW idle_in_transaction_session_timeout")),
            QStringList { QString::fromLatin1(team::schema::AgentIdleInTransactionTimeout) });
        QCOMPARE(TeamDb::column(alice, QStringLiteral("SHOW statement_timeout")),
            QStringList { QLatin1String(team::schema::AgentStatementTimeout) });
        // Lowered here to keep the test short (an honest client never changes them).
        QVERIFY(team::sql::exec(
            alice, QStringLiteral("SET idle_in_transaction_session_timeout = '300ms'")));
        // The hostile pattern of the v1 notes: the log trigger made to fire inside the agent's
        // transaction, which then stays open. The session is ended and the server writes on.
        QVERIFY(team::sql::exec(alice, QStringLiteral("BEGIN")));
        QVERIFY(team::sql::exec(alice, QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE")));
        QVERIFY(team::sql::exec(alice,
            QStringLiteral("SELECT inlet.enqueue(gen_random_uuid(), "
                           "'17841400000000001', '6000000000000001', "
                           "'text', '{}')")));
        QTest::qWait(800);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_db.addMessage(m_account1, m_conversation1, QStringLiteral("mid.after.idle"),
                    QStringLiteral("not held up"))
            > 0);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!team::sql::exec(alice, QStringLiteral("SELECT 1")));
    }
};

QTEST_GUILESS_MAIN(TstTeamSecurity)
#include "tst_teamsecurity.moc"
