// A desktop as a live replica of the team database, against a real PostgreSQL server: catch-up
// of 10,000 changes then live on NOTIFY, nothing of an account the agent may not see, a database
// restart under a connected replica, a malformed change-log row, and replies handed to the
// team outbox once, also across an outage.
#include "graph/graphclient.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/outbox.h"
#include "outbox/sendfailure.h"
#include "outbox/storeoutboxstorage.h"
#include "store/store.h"
#include "store/storewriter.h"
#include "support/await.h"
#include "support/replicadesk.h"
#include "support/teamdb.h"
#include "team/replicaapplier.h"
#include "team/replicafollower.h"
#include "team/teamoutbox.h"
#include "team/teamreplyhandoff.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kAlice = QStringLiteral("alice");
const QString kAlicePassword = QStringLiteral("alice-pw-1");
const QString kAccount1 = QStringLiteral("17841400000000001");
const QString kAccount2 = QStringLiteral("17841400000000002");
const QString kCustomer1 = QStringLiteral("6000000000000001");
const QString kCustomer2 = QStringLiteral("6000000000000002");

// Polls often and reconnects soon: for the tests that stop or restart PostgreSQL.
team::FollowerOptions quickOptions()
{
    team::FollowerOptions options;
    options.pollIntervalMs = 200;
    options.backoffBaseMs = 100;
    options.backoffMaxMs = 1000;
    return options;
}
} // namespace

// One local store plus its follower, as alice's desktop has them.
struct Replica : ReplicaDesk {
    bool open(const TeamDb &db, team::FollowerOptions options = {})
    {
        return ReplicaDesk::open(db.agentConnection(kAlice, kAlicePassword), options);
    }
    // The uuid a local outgoing message is handed to the team outbox under.
    QString clientId(qint64 localId) const
    {
        return column(QStringLiteral("SELECT client_id FROM messages WHERE id = %1").arg(localId))
            .value(0);
    }
};

// The desktop's outbox in team mode over a replica: replies handed to the team database (no
// Instagram token: the transport would refuse), woken when the replica reconnects. Started.
struct TeamOutbox {
    explicit TeamOutbox(Replica &r)
        : transport(&graph,
            [](const QString &) {
                return QtFuture::makeReadyFuture(Result<QString>(
                    fail(Error::Kind::Invalid, QStringLiteral("no token in team mode"))));
            })
        , storage(r.store.get())
        , outbox(&storage, &transport)
        , handOff(r.follower.get(), r.store->readers())
    {
        OutboxOptions options;
        options.backoffBaseMs = 100;
        options.backoffMaxMs = 500;
        outbox.setOptions(options);
        outbox.setHandOff(&handOff);
        QObject::connect(
            r.follower.get(), &team::ReplicaFollower::connected, &outbox, &Outbox::wake);
        outbox.start();
    }
    // Queues a reply to customer 1 of account 1; its local id, 0 when refused.
    qint64 reply(const QString &text)
    {
        OutgoingMessage m;
        m.accountId = kAccount1;
        m.customerId = kCustomer1;
        m.text = text;
        auto queued = outbox.send(m);
        if (!QTest::qWaitFor([&] { return queued.isFinished(); }, 5000) || !queued.result())
            return 0;
        return *queued.result();
    }
    GraphClient graph;
    GraphOutboxTransport transport;
    StoreOutboxStorage storage;
    Outbox outbox;
    team::TeamReplyHandOff handOff;
};

class TstTeamReplica : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    qint64 m_account1 = 0;
    qint64 m_account2 = 0;
    qint64 m_conversation1 = 0;
    qint64 m_conversation2 = 0;

    qint64 maxSeq()
    {
        auto s = team::sql::scalar(
            m_db.server, QStringLiteral("SELECT COALESCE(max(seq), 0) FROM inlet.change_log"));
        return s ? s->toLongLong() : -1;
    }
    // The newest change of one account (what alice's replica reaches when it is hers).
    qint64 lastSeqOf(qint64 account)
    {
        auto s = team::sql::scalar(m_db.server,
            QStringLiteral("SELECT max(seq) FROM inlet.change_log WHERE account_id = ?"),
            { account });
        return s ? s->toLongLong() : -1;
    }
    // The server's connection after a restart of the cluster.
    bool reconnectServer()
    {
        m_db.server = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        return m_db.server.isOpen();
    }
    // `n` customer messages in one transaction (one change each), as inlet_server.
    bool addMessages(qint64 account, qint64 conversation, const QString &prefix, int n)
    {
        return bool(team::sql::exec(m_db.server,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "text, created_ms) SELECT ?, ?, ? || g, false, 'message ' || g, "
                "1700000000000 + g FROM generate_series(1, ?) g"),
            { account, conversation, prefix, n }));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        m_account1 = m_db.addAccount(kAccount1);
        m_account2 = m_db.addAccount(kAccount2);
        m_conversation1 = m_db.addConversation(m_account1, kCustomer1);
        m_conversation2 = m_db.addConversation(m_account2, kCustomer2);
        QVERIFY2(m_conversation1 > 0 && m_conversation2 > 0, qPrintable(m_db.error()));
        auto added = team::admin::addAgent(m_db.server, kAlice, kAlicePassword);
        QVERIFY2(added, why(added).constData());
        auto granted = team::admin::grantAccount(m_db.server, kAlice, m_account1);
        QVERIFY2(granted, why(granted).constData());
    }

    void connectionUriIsChecked()
    {
        auto local = team::TeamConnection::parse(
            QStringLiteral("postgresql://alice@127.0.0.1:5433/inlet_team"));
        QVERIFY(local);
        QCOMPARE(local->role, kAlice);
        QCOMPARE(local->port, 5433);
        QCOMPARE(local->database, QStringLiteral("inlet_team"));
        QCOMPARE(local->sslMode, QStringLiteral("prefer"));
        auto remote = team::TeamConnection::parse(
            QStringLiteral("postgresql://alice@db.example.com/inlet_team"));
        QVERIFY(remote);
        QCOMPARE(remote->sslMode, QStringLiteral("verify-full"));
        // Never a password on the command line; never plain text to a remote host.
        QVERIFY(!team::TeamConnection::parse(
            QStringLiteral("postgresql://alice:secret@127.0.0.1/inlet_team")));
        QVERIFY(!team::TeamConnection::parse(
            QStringLiteral("postgresql://alice@db.example.com/inlet_team?sslmode=require")));
        QVERIFY(!team::TeamConnection::parse(QStringLiteral("http://alice@db.example.com/x")));
    }

    // 10,000 changes behind: the replica catches up in bounded batches, the number it stores is
    // the log's last, then a new message arrives through NOTIFY (the poll is an hour away).
    void catchesUpThenLiveOnNotify()
    {
        QVERIFY(addMessages(m_account1, m_conversation1, QStringLiteral("mid.bulk."), 10'000));
        const qint64 target = maxSeq();
        QVERIFY(target >= 10'000);
        Replica r;
        team::FollowerOptions options;
        options.batchSize = 1000;
        options.pollIntervalMs = 3'600'000;
        QVERIFY(r.open(m_db, options));
        QSignalSpy caughtUp(r.follower.get(), &team::ReplicaFollower::caughtUp);
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= target, 60'000);
        QCOMPARE(
            r.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid LIKE 'mid.bulk.%'")),
            10'000);
        QCOMPARE(r.count(QStringLiteral("SELECT unread_count FROM conversations c JOIN contacts p "
                                        "ON p.id = c.customer_id WHERE p.id = '%1'")
                             .arg(kCustomer1)),
            10'000);
        QCOMPARE(r.count(QStringLiteral("SELECT last_seq FROM team_replica")), target);
        QCOMPARE(r.column(QStringLiteral("SELECT username FROM accounts")),
            QStringList { QStringLiteral("biz_") + kAccount1 });

        const qint64 live = m_db.addMessage(
            m_account1, m_conversation1, QStringLiteral("mid.live"), QStringLiteral("live one"));
        QVERIFY(live > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(QStringLiteral("SELECT text FROM messages WHERE mid = 'mid.live'")),
            QStringList { QStringLiteral("live one") }, 5000);
        QCOMPARE(r.follower->appliedSeq(), maxSeq());
        // Emitted by the worker after the rows are in the store, and queued to this thread: it
        // may come after the rows were read above.
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 5000);
    }

    // What the server records after sending an agent's reaction or mark_seen, and what a webhook
    // brought (an attachment, the customer's reaction), reaches the replica: the reactions on the
    // bubble (the business's and the customer's), the attachment's row, the conversation read.
    void reactionsReadStateAndAttachmentsReachTheReplica()
    {
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        // A message as the server's ingest stores it: its attachments in meta (an entry that is
        // not an object is left out).
        const qint64 withPhoto = team::sql::scalar(m_db.server,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "text, created_ms, meta) VALUES (?, ?, 'mid.photo2', false, '', 2000, "
                "'{\"attachments\": [{\"type\": \"video\", \"url\": "
                "\"https://cdn.example/v.mp4\"}, 42]}') RETURNING id"),
            { m_account1, m_conversation1 })
                                     ->toLongLong();
        QVERIFY(withPhoto > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(
                QStringLiteral("SELECT a.type || ' ' || a.url FROM attachments a JOIN "
                               "messages m ON m.id = a.message_id WHERE m.mid = 'mid.photo2'")),
            QStringList { QStringLiteral("video https://cdn.example/v.mp4") }, 10000);
        QCOMPARE(r.column(QStringLiteral("SELECT json_extract(meta_json, '$.attachments') FROM "
                                         "messages WHERE mid = 'mid.photo2'")),
            QStringList { QString() });

        // The customer reacts (webhook), then an agent's reaction is sent by the server.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral(
                "UPDATE inlet.messages SET meta = jsonb_set(meta, '{customer_reaction}', "
                "'{\"reaction\": \"love\", \"emoji\": \"\u2764\", "
                "\"reacted_ms\": 5000}') WHERE id = ?"),
            { withPhoto }));
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral(
                "UPDATE inlet.messages SET meta = jsonb_set(meta, '{business_reaction}', "
                "'{\"reaction\": \"love\", \"emoji\": \"\u2764\", \"removed\": "
                "false, \"reacted_ms\": 6000, \"by\": \"bob\"}') WHERE id = ?"),
            { withPhoto }));
        const QString reactions = QStringLiteral(
            "SELECT r.reactor_id || ' ' || r.reaction || ' ' || r.removed FROM reactions r "
            "JOIN messages m ON m.id = r.message_id WHERE m.mid = 'mid.photo2' "
            "ORDER BY r.reactor_id");
        QTRY_COMPARE_WITH_TIMEOUT(r.column(reactions),
            (QStringList {
                kAccount1 + QStringLiteral(" love 0"), kCustomer1 + QStringLiteral(" love 0") }),
            10000);
        // The customer takes theirs back; the business's reaction is removed by the server.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.messages SET meta = jsonb_set(meta - 'customer_reaction', "
                           "'{business_reaction}', '{\"reaction\": \"\", \"removed\": true, "
                           "\"reacted_ms\": 7000}') WHERE id = ?"),
            { withPhoto }));
        QTRY_COMPARE_WITH_TIMEOUT(r.column(reactions),
            (QStringList { kAccount1 + QStringLiteral("  1"), kCustomer1 + QStringLiteral("  1") }),
            10000);

        // Read by an agent somewhere (mark_seen sent): read here too, up to that time; what
        // came in later stays unread. A conversation of its own, so that the other tests' counts
        // of customer 1 are not touched.
        const QString customer = QStringLiteral("6000000000000009");
        const qint64 conversation = m_db.addConversation(m_account1, customer);
        QVERIFY(conversation > 0);
        QVERIFY(addMessages(m_account1, conversation, QStringLiteral("mid.seen."), 3));
        const QString unread
            = QStringLiteral("SELECT unread_count FROM conversations WHERE customer_id = '%1'")
                  .arg(customer);
        QTRY_COMPARE_WITH_TIMEOUT(r.count(unread), 3, 10000);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.conversations SET business_seen_ms = 1700000000500 "
                           "WHERE id = ?"),
            { conversation }));
        QTRY_COMPARE_WITH_TIMEOUT(r.count(unread), 0, 10000);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                           "outgoing, text, created_ms) VALUES (?, ?, 'mid.seen.later', false, "
                           "'later', 1700000001000)"),
            { m_account1, conversation }));
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.conversations SET last_activity_ms = 1700000001000 "
                           "WHERE id = ?"),
            { conversation }));
        QTRY_COMPARE_WITH_TIMEOUT(r.follower->appliedSeq(), maxSeq(), 10000);
        QCOMPARE(r.count(unread), 1);
    }

    // The agents' display names reach the replica (read on connect and with the poll): an
    // outgoing message names its agent by display name (meta.sent_by_name), by role without one,
    // and a renamed agent's messages are named again.
    void agentDisplayNamesNameTheBubbles()
    {
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.agents (role_name, display_name) VALUES "
                           "('bea', 'Bea B.'), ('cid', '') ON CONFLICT DO NOTHING")));
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "text, created_ms, sent_by) VALUES (?, ?, 'mid.by.bea', true, 'hi', "
                "1800000000000, 'bea'), (?, ?, 'mid.by.cid', true, 'hey', "
                "1800000000001, 'cid')"),
            { m_account1, m_conversation1, m_account1, m_conversation1 }));
        const QString names = QStringLiteral(
            "SELECT mid || ' ' || json_extract(meta_json, '$.sent_by_name') FROM messages "
            "WHERE mid LIKE 'mid.by.%' ORDER BY mid");
        QTRY_COMPARE_WITH_TIMEOUT(r.column(names),
            (QStringList { QStringLiteral("mid.by.bea Bea B."), QStringLiteral("mid.by.cid cid") }),
            10000);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.agents SET display_name = 'Cid C.' WHERE role_name = "
                           "'cid'")));
        QTRY_COMPARE_WITH_TIMEOUT(r.column(names),
            (QStringList {
                QStringLiteral("mid.by.bea Bea B."), QStringLiteral("mid.by.cid Cid C.") }),
            10000);
    }

    // Account 2 is not granted to alice: its rows are not in her replica, and what NOTIFY tells
    // every listener is two numbers, never content.
    void ungrantedAccountNeverReachesTheReplica()
    {
        QSqlDatabase listener = m_db.connect(kAlice, kAlicePassword);
        QVERIFY(listener.isOpen());
        QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("inlet_changes")));
        QStringList payloads;
        QObject scope; // the listener outlives this test (TeamDb closes it): disconnect with it
        connect(listener.driver(), &QSqlDriver::notification, &scope,
            [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                payloads.append(payload.toString());
            });

        Replica r;
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        QVERIFY(r.open(m_db, options));
        r.follower->start();
        QVERIFY(m_db.addMessage(m_account2, m_conversation2, QStringLiteral("mid.secret"),
                    QStringLiteral("private to account two"))
            > 0);
        QVERIFY(m_db.addMessage(m_account1, m_conversation1, QStringLiteral("mid.after"),
                    QStringLiteral("after the secret"))
            > 0);
        const qint64 target = maxSeq();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= target, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(payloads.size() >= 2, 5000);

        QCOMPARE(r.count(QStringLiteral("SELECT count(*) FROM messages WHERE account_id = '%1'")
                             .arg(kAccount2)),
            0);
        QCOMPARE(
            r.count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%private%'")),
            0);
        QCOMPARE(
            r.count(QStringLiteral("SELECT count(*) FROM accounts WHERE id = '%1'").arg(kAccount2)),
            0);
        QCOMPARE(
            r.count(
                QStringLiteral("SELECT count(*) FROM contacts WHERE id = '%1'").arg(kCustomer2)),
            0);
        QCOMPARE(r.count(QStringLiteral("SELECT count(*) FROM team_rows WHERE local_key = '%1'")
                             .arg(kAccount2)),
            0);
        QCOMPARE(r.column(QStringLiteral("SELECT text FROM messages WHERE mid = 'mid.after'")),
            QStringList { QStringLiteral("after the secret") });
        static const QRegularExpression numbers(QStringLiteral("^\\d+ \\d+$"));
        for (const QString &p : std::as_const(payloads))
            QVERIFY2(numbers.match(p).hasMatch(), qPrintable(p));
        listener.driver()->unsubscribeFromNotification(QStringLiteral("inlet_changes"));
    }

    // A change-log row that cannot be applied is skipped with a logged error; the replica goes on
    // and its number moves past it (it would never become valid).
    void malformedChangeIsSkipped()
    {
        Replica r;
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        QVERIFY(r.open(m_db, options));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= maxSeq(), 60'000);
        // Written straight into the log (as the server's role): not JSON objects, wrong types,
        // an id that is not the entity's, a message in a conversation nobody logged, an unknown
        // entity and operation.
        const QStringList hostile {
            QStringLiteral("('messages', 900001, 'I', '[1, 2, 3]')"),
            QStringLiteral("('messages', 900002, 'I', '\"just a string\"')"),
            QStringLiteral("('messages', 900003, 'I', '{\"id\": \"900003\", \"mid\": 7}')"),
            QStringLiteral("('messages', 900004, 'U', '{\"id\": 1}')"),
            QStringLiteral(
                "('messages', 900005, 'I', '{\"id\": 900005, \"conversation_id\": 424242, "
                "\"mid\": \"m.orphan\", \"text\": \"orphan\"}')"),
            QStringLiteral(
                "('conversations', 900006, 'I', '{\"id\": 900006, \"account_id\": 1e300, "
                "\"contact_id\": -1}')"),
            QStringLiteral("('secrets', 900007, 'I', '{\"id\": 900007}')"),
            QStringLiteral("('accounts', 900008, 'I', '{\"id\": 900008, \"ig_user_id\": {}}')"),
            QStringLiteral("('messages', 900009, 'U', NULL)"),
        };
        for (const QString &values : hostile) {
            QVERIFY(team::sql::exec(m_db.server,
                QStringLiteral("INSERT INTO inlet.change_log (account_id, entity, entity_id, op, "
                               "row_data) SELECT %1, e, id, op, rd::jsonb FROM (VALUES %2) "
                               "AS v(e, id, op, rd)")
                    .arg(m_account1)
                    .arg(values)));
        }
        QVERIFY(m_db.addMessage(m_account1, m_conversation1, QStringLiteral("mid.valid"),
                    QStringLiteral("valid after the hostile rows"))
            > 0);
        const qint64 target = maxSeq();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= target, 30'000);
        QCOMPARE(r.count(QStringLiteral("SELECT last_seq FROM team_replica")), target);
        QCOMPARE(r.column(QStringLiteral("SELECT text FROM messages WHERE mid = 'mid.valid'")),
            QStringList { QStringLiteral("valid after the hostile rows") });
        QCOMPARE(
            r.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid = 'm.orphan'")), 0);
        QVERIFY(r.follower->isConnected());
    }

    // PostgreSQL restarted under a connected replica: it reconnects (backoff) and catches up;
    // nothing written before, during the reconnect or after is missing.
    void reconnectsAfterDatabaseRestart()
    {
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        QSignalSpy connected(r.follower.get(), &team::ReplicaFollower::connected);
        QSignalSpy disconnected(r.follower.get(), &team::ReplicaFollower::disconnected);
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= maxSeq(), 60'000);
        QCOMPARE(connected.size(), 1);

        QVERIFY(addMessages(m_account1, m_conversation1, QStringLiteral("mid.before."), 50));
        QVERIFY2(m_db.cluster.restart(), qPrintable(m_db.cluster.errorString()));
        QVERIFY(reconnectServer());
        QVERIFY(addMessages(m_account1, m_conversation1, QStringLiteral("mid.after-restart."), 50));
        QTRY_VERIFY_WITH_TIMEOUT(connected.size() >= 2, 30'000);
        QVERIFY(!disconnected.isEmpty());
        QVERIFY(addMessages(m_account1, m_conversation1, QStringLiteral("mid.live-again."), 50));
        const qint64 target = maxSeq();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= target, 30'000);
        QCOMPARE(
            r.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid LIKE 'mid.before.%' "
                                   "OR mid LIKE 'mid.after-restart.%' OR mid LIKE "
                                   "'mid.live-again.%'")),
            150);
        QVERIFY(r.follower->isConnected());
    }

    // A replica switched off while 2,000 changes are written, then started again on the same
    // local store: it reads only what it missed (from its stored number), not the whole log, and
    // what it had applied before stays as it was (no message doubled, the unread count right).
    void offForAWhileCatchesUpWithoutFullReload()
    {
        Replica r;
        team::FollowerOptions options;
        options.batchSize = 500;
        options.pollIntervalMs = 3'600'000;
        QVERIFY(r.open(m_db, options));
        r.follower->start();
        const qint64 before = maxSeq();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= before, 60'000);
        QVERIFY(r.follower->changesRead() >= 10'000); // the whole log, the first time
        const qint64 messagesBefore = r.count(QStringLiteral("SELECT count(*) FROM messages"));
        const qint64 unreadBefore = r.count(
            QStringLiteral("SELECT unread_count FROM conversations c JOIN contacts p ON p.id = "
                           "c.customer_id WHERE p.id = '%1'")
                .arg(kCustomer1));
        r.close();

        QVERIFY(addMessages(m_account1, m_conversation1, QStringLiteral("mid.away."), 2000));
        // Account 2's changes are in the log too, but row-level security hides them from alice.
        QVERIFY(addMessages(m_account2, m_conversation2, QStringLiteral("mid.away2."), 300));
        const qint64 target = maxSeq();

        QVERIFY(r.open(m_db, options));
        QCOMPARE(r.count(QStringLiteral("SELECT last_seq FROM team_replica")), before);
        QSignalSpy caughtUp(r.follower.get(), &team::ReplicaFollower::caughtUp);
        r.follower->start();
        // Every change of hers was applied: her last one is account 1's last.
        const qint64 herLast = lastSeqOf(m_account1);
        QVERIFY(herLast > 0);
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= herLast, 60'000);
        QTRY_VERIFY(!caughtUp.isEmpty());
        QVERIFY(target > herLast);
        QCOMPARE(r.follower->changesRead(), qint64(2000));
        QCOMPARE(r.count(QStringLiteral("SELECT count(*) FROM messages")), messagesBefore + 2000);
        QCOMPARE(r.count(QStringLiteral("SELECT count(*) FROM messages WHERE mid LIKE "
                                        "'mid.away2.%'")),
            0);
        QCOMPARE(r.count(QStringLiteral("SELECT count(DISTINCT mid) FROM messages")),
            messagesBefore + 2000);
        QCOMPARE(r.count(QStringLiteral("SELECT unread_count FROM conversations c JOIN contacts p "
                                        "ON p.id = c.customer_id WHERE p.id = '%1'")
                             .arg(kCustomer1)),
            unreadBefore + 2000);
    }

    // 200 changes committed one transaction each (200 NOTIFYs) while the follower is busy (its
    // batch waits for the local store's writer): every one is applied, in the log's order, and
    // the NOTIFYs that arrived meanwhile cost far fewer reads of the log than changes. A NOTIFY
    // naming a change already applied reads nothing; one naming a newer change reads once.
    void notifiesWhileBusyAreCoalesced()
    {
        Replica r;
        team::FollowerOptions options;
        options.pollIntervalMs = 3'600'000; // NOTIFYs only
        QVERIFY(r.open(m_db, options));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= lastSeqOf(m_account1), 60'000);

        // The store's writer held: the follower's first batch waits behind this job.
        QSemaphore entered;
        QSemaphore go;
        auto held = r.store->write([&](WriteContext &) -> Status {
            entered.release();
            go.acquire();
            return {};
        });
        QVERIFY(entered.tryAcquire(1, 5000));
        const qint64 fetchesBefore = r.follower->fetchCount();
        QStringList mids;
        for (int i = 0; i < 200; ++i) {
            mids.append(QStringLiteral("mid.busy.%1").arg(i, 3, 10, QLatin1Char('0')));
            QVERIFY(m_db.addMessage(m_account1, m_conversation1, mids.constLast(),
                        QStringLiteral("busy %1").arg(i))
                > 0);
        }
        const qint64 target = lastSeqOf(m_account1);
        // Let the follower take the first NOTIFY and block in its batch, then let it go.
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->fetchCount() > fetchesBefore, 5000);
        go.release();
        QVERIFY(test::awaitResult(held));
        QTRY_COMPARE_WITH_TIMEOUT(r.follower->appliedSeq(), target, 30'000);
        // In the order of the log: the local ids follow the numbers.
        QCOMPARE(r.column(QStringLiteral("SELECT mid FROM messages WHERE mid LIKE 'mid.busy.%' "
                                         "ORDER BY id")),
            mids);
        const qint64 fetches = r.follower->fetchCount() - fetchesBefore;
        qInfo() << "200 changes in" << fetches << "reads of the change log";
        QVERIFY2(fetches <= 20, qPrintable(QString::number(fetches)));

        // A hint at or below the number applied reads nothing; a newer one reads once (the
        // second NOTIFY proves the first was handled: they arrive in order).
        QTest::qWait(200); // late NOTIFYs of the 200, if any, handled
        const qint64 idle = r.follower->fetchCount();
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("SELECT pg_notify('inlet_changes', ?)"),
            { QStringLiteral("%1 %2").arg(target).arg(m_account1) }));
        QTest::qWait(300);
        QCOMPARE(r.follower->fetchCount(), idle);
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("SELECT pg_notify('inlet_changes', ?)"),
            { QStringLiteral("%1 %2").arg(target + 1'000'000).arg(m_account1) }));
        QTRY_COMPARE_WITH_TIMEOUT(r.follower->fetchCount(), idle + 1, 5000);
        QTest::qWait(300);
        QCOMPARE(r.follower->fetchCount(), idle + 1);
        QCOMPARE(r.follower->appliedSeq(), target);
    }

    // A reply handed over twice (a retry after a lost answer) is one row of inlet.outbox.
    void replyEnqueueIsIdempotent()
    {
        Replica r;
        QVERIFY(r.open(m_db));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->isConnected(), 30'000);
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        OutgoingMessage hi;
        hi.text = QStringLiteral("hi");
        const QJsonObject body = team::outbox::replyBody(hi);
        for (int i = 0; i < 3; ++i) {
            auto f = r.follower->enqueueReply(
                clientId, kAccount1, kCustomer1, QStringLiteral("text"), body);
            f.waitForFinished();
            QVERIFY2(f.result(), why(f.result()).constData());
        }
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT agent_role || ' ' || state || ' ' || (body->>'text') "
                                    "FROM inlet.outbox WHERE client_id = ?::uuid"),
                     { clientId }),
            QStringList { QStringLiteral("alice queued hi") });
        // Not granted: refused, nothing written.
        auto refused = r.follower->enqueueReply(QUuid::createUuid().toString(QUuid::WithoutBraces),
            kAccount2, kCustomer2, QStringLiteral("text"), body);
        refused.waitForFinished();
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().kind, Error::Kind::Invalid);
    }

    // The outbox in team mode: a reply written while PostgreSQL is down stays queued, goes once
    // when it is back, and the server's result (sent, by alice) comes back through the log onto
    // the same local row, without a second bubble.
    void replyQueuedOfflineGoesOnceAndComesBackSent()
    {
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= maxSeq(), 60'000);

        TeamOutbox team(r);
        Outbox &outbox = team.outbox;
        QTRY_VERIFY(outbox.isStarted());

        QVERIFY(m_db.cluster.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!r.follower->isConnected(), 10'000);
        // Each attempt while the database is down ends Queued again: never handed over, never
        // given up (a Network error).
        int requeued = 0;
        bool failed = false;
        connect(
            &outbox, &Outbox::stateChanged, this, [&](qint64, MessageState state, const QString &) {
                requeued += state == MessageState::Queued ? 1 : 0;
                failed = failed || state == MessageState::Failed;
            });
        const QString text = QStringLiteral("answer written offline");
        const qint64 localId = team.reply(text);
        QVERIFY(localId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(requeued >= 3, 10'000);
        QVERIFY(!failed);
        QVERIFY(!r.follower->isConnected());

        QVERIFY(m_db.cluster.start());
        QVERIFY(reconnectServer());
        const QString clientId = r.clientId(localId);
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT count(*) FROM inlet.outbox WHERE client_id = ?::uuid"),
                { clientId }),
            QStringList { QStringLiteral("1") }, 30'000);
        QTRY_COMPARE(
            r.column(QStringLiteral("SELECT state FROM messages WHERE id = %1").arg(localId)),
            QStringList { QString::number(int(MessageState::Sending)) });
        // The team outbox's body, as the server reads it (team::outbox::readReplyBody).
        const QStringList written = TeamDb::column(m_db.server,
            QStringLiteral(
                "SELECT kind || ' ' || agent_role || ' ' || body::text FROM inlet.outbox "
                "WHERE client_id = ?::uuid"),
            { clientId });
        QCOMPARE(written.size(), 1);
        OutgoingMessage read;
        team::outbox::readReplyBody(
            QJsonDocument::fromJson(written.constFirst().section(u' ', 2).toUtf8()).object(), read);
        QCOMPARE(written.constFirst().section(u' ', 0, 1), QStringLiteral("text alice"));
        QCOMPARE(read.text, text);
        QVERIFY(read.attachmentUrl.isEmpty());

        // The server sends it: the message row (with its mid and agent) and the outbox result.
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral(R"(WITH o AS (
                SELECT id, account_id, conversation_id FROM inlet.outbox WHERE client_id = ?::uuid),
            m AS (INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, text,
                    created_ms, sent_by)
                  SELECT account_id, conversation_id, 'mid.reply.1', true, 'answer written offline',
                    1800000000000, 'alice' FROM o RETURNING id)
            UPDATE inlet.outbox SET state = 'sent', message_id = (SELECT id FROM m)
             WHERE id = (SELECT id FROM o))"),
            { clientId }));
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(
                QStringLiteral("SELECT state || ' ' || mid || ' ' || "
                               "json_extract(meta_json, '$.sent_by') FROM messages WHERE id = %1")
                    .arg(localId)),
            QStringList { QStringLiteral("%1 mid.reply.1 alice").arg(int(MessageState::Sent)) },
            10'000);
        QCOMPARE(r.count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE text = 'answer written offline'")),
            1);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT count(*) FROM inlet.outbox WHERE client_id = ?::uuid"),
                     { clientId }),
            QStringList { QStringLiteral("1") });
    }

    // A reply the server gave up on: its outbox row "failed" with the core's SendFailure JSON
    // marks the local row Failed with that reason (the app words it as for its own failures).
    void serverFailureComesBackAsFailed()
    {
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= maxSeq(), 60'000);
        TeamOutbox team(r);
        QTRY_VERIFY(team.outbox.isStarted());
        const qint64 localId = team.reply(QStringLiteral("too late for the window"));
        QVERIFY(localId > 0);
        const QString clientId = r.clientId(localId);
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT state FROM inlet.outbox WHERE client_id = ?::uuid"),
                { clientId }),
            QStringList { QStringLiteral("queued") }, 30'000);

        const SendFailure failure { SendFailure::Stage::Send,
            Error::make(
                Error::Kind::Graph, QStringLiteral("outside of allowed window"), 10, 2534022),
            1 };
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.outbox SET state = 'failed', error_text = ? WHERE "
                           "client_id = ?::uuid"),
            { failure.encode(), clientId }));
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(QStringLiteral("SELECT state FROM messages WHERE id = %1").arg(localId)),
            QStringList { QString::number(int(MessageState::Failed)) }, 10'000);
        const QString stored
            = r.column(QStringLiteral("SELECT error_text FROM messages WHERE id = %1").arg(localId))
                  .value(0);
        QCOMPARE(SendFailure::decode(stored).reason(), SendFailure::Reason::OutsideWindow);
    }

    // Account 2 granted to alice after her replica had passed its changes (row-level security
    // hid them): the replica reads that account's older changes by account and has its
    // conversation and messages, without a full reload; the number it stands at is unchanged.
    void accountGrantedLaterIsReadFromTheStart()
    {
        QVERIFY(m_db.addMessage(m_account2, m_conversation2, QStringLiteral("mid.before.grant"),
                    QStringLiteral("said before the grant"))
            > 0);
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        const qint64 herLast = lastSeqOf(m_account1);
        QVERIFY(herLast > 0);
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() >= herLast, 60'000);
        const QString before
            = QStringLiteral("SELECT text FROM messages WHERE mid = 'mid.before.grant'");
        QCOMPARE(r.column(before), QStringList {});
        const qint64 readBefore = r.follower->changesRead();

        QVERIFY(team::admin::grantAccount(m_db.server, kAlice, m_account2));
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(before), QStringList { QStringLiteral("said before the grant") }, 15'000);
        QCOMPARE(
            r.column(
                QStringLiteral("SELECT count(*) FROM accounts WHERE id = '%1'").arg(kAccount2)),
            QStringList { QStringLiteral("1") });
        // The whole log was not read again: the account's own changes only (by account).
        QVERIFY(r.follower->changesRead() - readBefore < 100);
        // Live from now on, like any granted account.
        QVERIFY(m_db.addMessage(m_account2, m_conversation2, QStringLiteral("mid.after.grant"),
                    QStringLiteral("and after"))
            > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(QStringLiteral("SELECT text FROM messages WHERE mid = 'mid.after.grant'")),
            QStringList { QStringLiteral("and after") }, 15'000);

        // Revoked (inlet-server agent revoke): the account's conversations and messages leave the
        // replica, account 1's stay.
        const qint64 hers = r.count(
            QStringLiteral("SELECT count(*) FROM messages WHERE account_id = '%1'").arg(kAccount1));
        QVERIFY(hers > 0);
        QVERIFY(team::admin::revokeAccount(m_db.server, kAlice, m_account2));
        const QString ofAccount2 = QStringLiteral(
            "SELECT (SELECT count(*) FROM messages WHERE account_id = '%1') || ' ' "
            "|| (SELECT count(*) FROM conversations WHERE account_id = '%1')")
                                       .arg(kAccount2);
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(ofAccount2), QStringList { QStringLiteral("0 0") }, 15'000);
        QCOMPARE(r.count(QStringLiteral("SELECT count(*) FROM messages WHERE account_id = '%1'")
                             .arg(kAccount1)),
            hers);
        // Granted again: read from the start into fresh rows.
        QVERIFY(team::admin::grantAccount(m_db.server, kAlice, m_account2));
        QTRY_COMPARE_WITH_TIMEOUT(r.column(QStringLiteral("SELECT text FROM messages WHERE mid "
                                                          "LIKE 'mid.%.grant' ORDER BY mid")),
            (QStringList { QStringLiteral("and after"), QStringLiteral("said before the grant") }),
            15'000);
        QVERIFY(team::admin::revokeAccount(m_db.server, kAlice, m_account2));
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(ofAccount2), QStringList { QStringLiteral("0 0") }, 15'000);
    }

    // A store that followed another team database is refused (no mixing of two teams' rows),
    // and the follower does not keep reconnecting.
    void anotherTeamDatabaseIsRefused()
    {
        Replica r;
        QVERIFY(r.open(m_db, quickOptions()));
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(r.follower->appliedSeq() > 0, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            r.column(QStringLiteral("SELECT count(*) FROM team_rows WHERE entity = "
                                    "'team_database' AND local_key LIKE 'inlet_team/%'")),
            QStringList { QStringLiteral("1") }, 10'000);
        r.follower.reset();
        QFuture<Status> moved = r.store->write([](WriteContext &c) -> Status {
            return team::replica::setTeamDatabase(c, QStringLiteral("inlet_team/1.5"));
        });
        moved.waitForFinished();
        QVERIFY(moved.result());
        const qint64 stood = r.count(QStringLiteral("SELECT last_seq FROM team_replica"));
        r.close();

        QVERIFY(r.open(m_db, quickOptions()));
        QSignalSpy lost(r.follower.get(), &team::ReplicaFollower::disconnected);
        QSignalSpy connected(r.follower.get(), &team::ReplicaFollower::connected);
        r.follower->start();
        QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), 10'000);
        const Error why = lost.first().first().value<Error>();
        QCOMPARE(why.kind, Error::Kind::Invalid);
        QVERIFY2(
            why.message.contains(QLatin1String("another team database")), qPrintable(why.message));
        QTest::qWait(1000); // quickOptions would reconnect within a second
        QCOMPARE(lost.size(), 1);
        QCOMPARE(connected.size(), 0);
        QCOMPARE(r.count(QStringLiteral("SELECT last_seq FROM team_replica")), stood);
    }
};

QTEST_GUILESS_MAIN(TstTeamReplica)
#include "tst_teamreplica.moc"
