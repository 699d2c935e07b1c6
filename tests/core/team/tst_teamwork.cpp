// Team work (issue 13) against a real PostgreSQL server and two agents' replicas: assignment
// written by one agent reaches the other's local store (and its views), as that agent, only on
// the conversations of its accounts.
#include "store/store.h"
#include "support/replicadesk.h"
#include "support/teamdb.h"
#include "team/replicafollower.h"
#include "team/teampresence.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kAna = QStringLiteral("ana");
const QString kBen = QStringLiteral("ben");
const QString kCy = QStringLiteral("cy");
const QString kPassword = QStringLiteral("agent-pw-1");
const QString kAccount1 = QStringLiteral("17841400000000011");
const QString kAccount2 = QStringLiteral("17841400000000012");
const QString kCustomer1 = QStringLiteral("6000000000000011");
const QString kCustomer2 = QStringLiteral("6000000000000012");
} // namespace

// One agent's desktop: its local store and the follower, started.
struct Desk : ReplicaDesk {
    bool open(const TeamDb &db, const QString &role)
    {
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        if (!ReplicaDesk::open(db.agentConnection(role, kPassword), options))
            return false;
        follower->start();
        return true;
    }
    QString assigneeOf(const QString &customer) const
    {
        return column(QStringLiteral("SELECT assignee FROM conversations WHERE customer_id = '%1'")
                          .arg(customer))
            .value(0, QStringLiteral("<none>"));
    }
    qint64 localConversation(const QString &customer) const
    {
        return column(
            QStringLiteral("SELECT id FROM conversations WHERE customer_id = '%1'").arg(customer))
            .value(0)
            .toLongLong();
    }
};

class TstTeamWork : public QObject {
    Q_OBJECT

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
        QVERIFY(m_db.addMessage(
                    m_account1, m_conversation1, QStringLiteral("mid.a1"), QStringLiteral("hello"))
            > 0);
        QVERIFY(m_db.addMessage(
                    m_account2, m_conversation2, QStringLiteral("mid.b1"), QStringLiteral("hi"))
            > 0);
        for (const QString &role : { kAna, kBen }) {
            auto added = team::admin::addAgent(m_db.server, role, kPassword,
                role == kAna ? QStringLiteral("Ana Silva") : QString());
            QVERIFY2(added, why(added).constData());
            auto granted = team::admin::grantAccount(m_db.server, role, m_account1);
            QVERIFY2(granted, why(granted).constData());
        }
        // Only ben sees account 2; cy sees nothing but account 2.
        auto granted = team::admin::grantAccount(m_db.server, kBen, m_account2);
        QVERIFY2(granted, why(granted).constData());
        auto cy = team::admin::addAgent(m_db.server, kCy, kPassword);
        QVERIFY2(cy, why(cy).constData());
        granted = team::admin::grantAccount(m_db.server, kCy, m_account2);
        QVERIFY2(granted, why(granted).constData());
    }

    // Ana assigns a conversation to Ben: it is written as Ana, Ben's replica (and Ana's) shows
    // it; then Ben assigns it to nobody. (The views over the local column: tst_triagemodels.)
    void assignmentReachesTheOtherReplica()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, kAna));
        QVERIFY(ben.open(m_db, kBen));
        QTRY_COMPARE_WITH_TIMEOUT(ana.assigneeOf(kCustomer1), QString(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.assigneeOf(kCustomer1), QString(), 10'000);

        QFuture<Status> done = ana.follower->assign(kAccount1, kCustomer1, kBen);
        QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 10'000);
        QVERIFY2(done.result(), why(done.result()).constData());
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT assignee || ' by ' || assigned_by FROM "
                                    "inlet.assignments WHERE conversation_id = ?"),
                     { m_conversation1 }),
            QStringList { QStringLiteral("ben by ana") });
        QTRY_COMPARE_WITH_TIMEOUT(ben.assigneeOf(kCustomer1), kBen, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ana.assigneeOf(kCustomer1), kBen, 10'000);

        // The list of agents to pick from, by display name.
        auto agents = ana.follower->agents();
        QTRY_VERIFY_WITH_TIMEOUT(agents.isFinished(), 10'000);
        QVERIFY(agents.result());
        QCOMPARE(agents.result()->size(), 3); // ana, ben, cy
        QCOMPARE(agents.result()->at(0).role, kAna);
        QCOMPARE(agents.result()->at(0).displayName, QStringLiteral("Ana Silva"));
        // With the accounts each may see, among Ana's own: cy's account 2 is not Ana's to know.
        QCOMPARE(agents.result()->at(0).accounts, QStringList { kAccount1 });
        QCOMPARE(agents.result()->at(1).role, kBen);
        QCOMPARE(agents.result()->at(1).accounts, QStringList { kAccount1 });
        QCOMPARE(agents.result()->at(2).role, kCy);
        QVERIFY(agents.result()->at(2).accounts.isEmpty());
        QVERIFY(!agents.result()->at(2).sees(kAccount1));
        // Ben sees both of his accounts for himself, and cy's account 2 which he shares.
        auto bens = ben.follower->agents();
        QTRY_VERIFY_WITH_TIMEOUT(bens.isFinished(), 10'000);
        QVERIFY(bens.result());
        QCOMPARE(bens.result()->at(1).accounts, (QStringList { kAccount1, kAccount2 }));
        QCOMPARE(bens.result()->at(2).accounts, QStringList { kAccount2 });

        QFuture<Status> cleared = ben.follower->assign(kAccount1, kCustomer1, QString());
        QTRY_VERIFY_WITH_TIMEOUT(cleared.isFinished(), 10'000);
        QVERIFY2(cleared.result(), why(cleared.result()).constData());
        QTRY_COMPARE_WITH_TIMEOUT(ana.assigneeOf(kCustomer1), QString(), 10'000);
    }

    // Row-level security: Ana cannot assign a conversation of an account she was not granted,
    // nor write an assignment in Ben's name, nor assign to someone who is not an agent.
    void assignmentIsLimitedByAccountAccess()
    {
        Desk ana;
        QVERIFY(ana.open(m_db, kAna));
        QTRY_VERIFY_WITH_TIMEOUT(ana.follower->isConnected(), 10'000);
        QFuture<Status> other = ana.follower->assign(kAccount2, kCustomer2, kAna);
        QTRY_VERIFY_WITH_TIMEOUT(other.isFinished(), 10'000);
        QVERIFY(!other.result());
        QCOMPARE(other.result().error().kind, Error::Kind::Invalid);
        QFuture<Status> nobody = ana.follower->assign(kAccount1, kCustomer1, QStringLiteral("eve"));
        QTRY_VERIFY_WITH_TIMEOUT(nobody.isFinished(), 10'000);
        QVERIFY(!nobody.result());
        QCOMPARE(nobody.result().error().kind, Error::Kind::Invalid);
        // Cy is an agent, but not granted account 1: PostgreSQL refuses him as its assignee,
        // through the follower and in plain SQL, for Ana and for the server alike (team step 8).
        QFuture<Status> toCy = ana.follower->assign(kAccount1, kCustomer1, kCy);
        QTRY_VERIFY_WITH_TIMEOUT(toCy.isFinished(), 10'000);
        QVERIFY(!toCy.result());
        QCOMPARE(toCy.result().error().kind, Error::Kind::Invalid);
        QVERIFY(!team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.assignments (account_id, conversation_id, assignee, "
                           "assigned_by) VALUES (?, ?, 'cy', 'ana')"),
            { m_account1, m_conversation1 }));
        QCOMPARE(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT count(*) FROM inlet.assignments WHERE assignee = 'cy'")),
            QStringList { QStringLiteral("0") });
        // Granted the account, he may be assigned; when it is taken back he may not again.
        auto granted = team::admin::grantAccount(m_db.server, kCy, m_account1);
        QVERIFY2(granted, why(granted).constData());
        QFuture<Status> nowCy = ana.follower->assign(kAccount1, kCustomer1, kCy);
        QTRY_VERIFY_WITH_TIMEOUT(nowCy.isFinished(), 10'000);
        QVERIFY2(nowCy.result(), why(nowCy.result()).constData());
        QFuture<Status> cleared = ana.follower->assign(kAccount1, kCustomer1, QString());
        QTRY_VERIFY_WITH_TIMEOUT(cleared.isFinished(), 10'000);
        QVERIFY2(cleared.result(), why(cleared.result()).constData());
        auto revoked = team::admin::revokeAccount(m_db.server, kCy, m_account1);
        QVERIFY2(revoked, why(revoked).constData());
        QFuture<Status> again = ana.follower->assign(kAccount1, kCustomer1, kCy);
        QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), 10'000);
        QVERIFY(!again.result());
        QCOMPARE(again.result().error().kind, Error::Kind::Invalid);

        QSqlDatabase asAna = m_db.connect(kAna, kPassword);
        QVERIFY(asAna.isOpen());
        QSqlQuery q(asAna);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO inlet.assignments (account_id, "
                                       "conversation_id, assignee, assigned_by) VALUES (%1, %2, "
                                       "'ana', 'ben') ON CONFLICT (conversation_id) DO UPDATE "
                                       "SET assigned_by = 'ben'")
                            .arg(m_account1)
                            .arg(m_conversation1)));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO inlet.assignments (account_id, "
                                       "conversation_id, assignee) VALUES (%1, %2, 'ana')")
                            .arg(m_account2)
                            .arg(m_conversation2)));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM inlet.assignments")));
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT count(*) FROM inlet.assignments WHERE "
                                    "conversation_id = ?"),
                     { m_conversation2 }),
            QStringList { QStringLiteral("0") });
        // Nothing of account 2 reached Ana's replica through the assignments either.
        QCOMPARE(ana.column(QStringLiteral("SELECT count(*) FROM conversations WHERE "
                                           "customer_id = '%1'")
                                .arg(kCustomer2)),
            QStringList { QStringLiteral("0") });
    }

    // A note Ana writes reaches Ben's replica as a note of the timeline, with her as author,
    // once even when written twice; never an outgoing message, never in the outbox.
    void noteReachesTheOtherReplica()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, kAna));
        QVERIFY(ben.open(m_db, kBen));
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString text = QStringLiteral("Refund approved by the manager");
        for (int i = 0; i < 2; ++i) {
            QFuture<Status> done
                = ana.follower->addNote(kAccount1, kCustomer1, clientId, text, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 10'000);
            QVERIFY2(done.result(), why(done.result()).constData());
        }
        QCOMPARE(TeamDb::column(
                     m_db.server, QStringLiteral("SELECT author || ':' || body FROM inlet.notes")),
            QStringList { QStringLiteral("ana:") + text });
        const QString query = QStringLiteral(
            "SELECT kind || '|' || outgoing || '|' || state || '|' || created_ms || '|' || "
            "json_extract(meta_json, '$.note_author') FROM messages WHERE text = '%1'")
                                  .arg(text);
        QTRY_COMPARE_WITH_TIMEOUT(
            ben.column(query), QStringList { QStringLiteral("3|0|0|5000|ana") }, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.column(query), QStringList { QStringLiteral("3|0|0|5000|ana") }, 10'000);
        QCOMPARE(TeamDb::column(m_db.server, QStringLiteral("SELECT count(*) FROM inlet.outbox")),
            QStringList { QStringLiteral("0") });

        // Not in Ben's name, not into an account Ana was not granted.
        QSqlDatabase asAna = m_db.connect(kAna, kPassword);
        QVERIFY(asAna.isOpen());
        QSqlQuery q(asAna);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO inlet.notes (account_id, conversation_id, "
                                       "client_id, author, body, created_ms) VALUES (%1, %2, "
                                       "gen_random_uuid(), 'ben', 'forged', 1)")
                            .arg(m_account1)
                            .arg(m_conversation1)));
        QFuture<Status> other = ana.follower->addNote(kAccount2, kCustomer2,
            QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("x"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(other.isFinished(), 10'000);
        QVERIFY(!other.result());
        QCOMPARE(other.result().error().kind, Error::Kind::Invalid);
        QCOMPARE(TeamDb::column(m_db.server, QStringLiteral("SELECT count(*) FROM inlet.notes")),
            QStringList { QStringLiteral("1") });
    }

    // Only its author edits or deletes a note (team step 8), through the follower or in SQL;
    // the edit and the delete reach the other replica's timeline through the change log.
    void noteEditedAndDeletedByItsAuthorOnly()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, kAna));
        QVERIFY(ben.open(m_db, kBen));
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QFuture<Status> added = ana.follower->addNote(
            kAccount1, kCustomer1, clientId, QStringLiteral("Wants the blue one"), 6000);
        QTRY_VERIFY_WITH_TIMEOUT(added.isFinished(), 10'000);
        QVERIFY2(added.result(), why(added.result()).constData());
        const QString query
            = QStringLiteral("SELECT text FROM messages WHERE client_id = '%1'").arg(clientId);
        QTRY_COMPARE_WITH_TIMEOUT(
            ben.column(query), QStringList { QStringLiteral("Wants the blue one") }, 10'000);

        // Ben is not its author: refused, and nothing changed.
        QFuture<Status> benEdits = ben.follower->editNote(clientId, QStringLiteral("forged"));
        QTRY_VERIFY_WITH_TIMEOUT(benEdits.isFinished(), 10'000);
        QVERIFY(!benEdits.result());
        QCOMPARE(benEdits.result().error().kind, Error::Kind::Invalid);
        QFuture<Status> benDeletes = ben.follower->deleteNote(clientId);
        QTRY_VERIFY_WITH_TIMEOUT(benDeletes.isFinished(), 10'000);
        QVERIFY(!benDeletes.result());
        QCOMPARE(benDeletes.result().error().kind, Error::Kind::Invalid);
        QSqlDatabase asBen = m_db.connect(kBen, kPassword);
        QVERIFY(asBen.isOpen());
        QSqlQuery q(asBen);
        QVERIFY(
            q.exec(QStringLiteral("UPDATE inlet.notes SET body = 'forged' WHERE client_id = '%1'")
                       .arg(clientId)));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(
            q.exec(QStringLiteral("DELETE FROM inlet.notes WHERE client_id = '%1'").arg(clientId)));
        QCOMPARE(q.numRowsAffected(), 0);
        // Nor may the author hand it to someone else.
        QSqlDatabase asAna = m_db.connect(kAna, kPassword);
        QVERIFY(asAna.isOpen());
        QSqlQuery qa(asAna);
        QVERIFY(!qa.exec(QStringLiteral("UPDATE inlet.notes SET author = 'ben' WHERE client_id "
                                        "= '%1'")
                             .arg(clientId)));
        const QString body
            = QStringLiteral("SELECT author || ':' || body FROM inlet.notes WHERE client_id = ?");
        QCOMPARE(TeamDb::column(m_db.server, body, { clientId }),
            QStringList { QStringLiteral("ana:Wants the blue one") });

        // Ana edits it: Ben's timeline shows the new text, in place.
        const QString localId
            = ben.column(
                     QStringLiteral("SELECT id FROM messages WHERE client_id = '%1'").arg(clientId))
                  .value(0);
        QFuture<Status> edited
            = ana.follower->editNote(clientId, QStringLiteral("Wants the red one"));
        QTRY_VERIFY_WITH_TIMEOUT(edited.isFinished(), 10'000);
        QVERIFY2(edited.result(), why(edited.result()).constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            ben.column(query), QStringList { QStringLiteral("Wants the red one") }, 10'000);
        QCOMPARE(
            ben.column(
                   QStringLiteral("SELECT id FROM messages WHERE client_id = '%1'").arg(clientId))
                .value(0),
            localId);
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.column(query), QStringList { QStringLiteral("Wants the red one") }, 10'000);

        // Ana deletes it: out of both timelines; deleting it again is done already.
        for (int i = 0; i < 2; ++i) {
            QFuture<Status> deleted = ana.follower->deleteNote(clientId);
            QTRY_VERIFY_WITH_TIMEOUT(deleted.isFinished(), 10'000);
            QVERIFY2(deleted.result(), why(deleted.result()).constData());
        }
        QTRY_COMPARE_WITH_TIMEOUT(ben.column(query), QStringList(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ana.column(query), QStringList(), 10'000);
        QCOMPARE(TeamDb::column(m_db.server, body, { clientId }), QStringList());
        // Editing a note that is gone: Invalid.
        QFuture<Status> gone = ana.follower->editNote(clientId, QStringLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(gone.isFinished(), 10'000);
        QVERIFY(!gone.result());
        QCOMPARE(gone.result().error().kind, Error::Kind::Invalid);
    }

    // Presence: Ben opens the conversation Ana looks at, then types, then leaves; Ana's side
    // follows, woken by NOTIFY (the poll is an hour away). An agent without the account gets
    // nothing but account ids on the channel and reads no row; nobody writes a row as another.
    void presenceIsLiveAndPrivate()
    {
        team::TeamPresence::Options options;
        options.pollMs = 3'600'000;
        options.typingForMs = 1500;
        team::TeamPresence ana(connectionOf(kAna), options);
        team::TeamPresence ben(connectionOf(kBen), options);
        QSignalSpy anaSees(&ana, &team::TeamPresence::othersChanged);
        ana.start();
        ben.start();
        ana.setConversation(kAccount1, kCustomer1);
        QTest::qWait(300);
        QVERIFY(ana.others().isEmpty());

        QSqlDatabase asCy = m_db.connect(kCy, kPassword); // granted account 2 only
        QVERIFY(asCy.isOpen());
        QVERIFY(asCy.driver()->subscribeToNotification(QStringLiteral("inlet_presence")));
        QStringList payloads;
        QObject scope;
        connect(asCy.driver(), &QSqlDriver::notification, &scope,
            [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                payloads.append(payload.toString());
            });

        ben.setConversation(kAccount1, kCustomer1);
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.others(), (QList<team::PresenceEntry> { { kBen, false } }), 5000);
        ben.typing();
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.others(), (QList<team::PresenceEntry> { { kBen, true } }), 5000);
        // Typing ends by itself after the last keystroke.
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.others(), (QList<team::PresenceEntry> { { kBen, false } }), 5000);
        ben.setConversation(QString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(ana.others().isEmpty(), 5000);
        QVERIFY(!anaSees.isEmpty());

        QTRY_VERIFY(!payloads.isEmpty());
        for (const QString &payload : std::as_const(payloads))
            QCOMPARE(payload, QString::number(m_account1)); // a number, never who or what
        ben.setConversation(kAccount1, kCustomer1);
        QTRY_COMPARE_WITH_TIMEOUT(ana.others().size(), 1, 5000);
        QCOMPARE(TeamDb::column(asCy, QStringLiteral("SELECT count(*) FROM inlet.presence")),
            QStringList { QStringLiteral("0") });
        QSqlDatabase asAna = m_db.connect(kAna, kPassword);
        QSqlQuery q(asAna);
        QVERIFY(!q.exec(QStringLiteral("UPDATE inlet.presence SET typing = true WHERE "
                                       "agent_role = 'ben' RETURNING 1"))
            || !q.next());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO inlet.presence (agent_role, account_id, "
                                       "conversation_id) VALUES ('ben', %1, %2)")
                            .arg(m_account1)
                            .arg(m_conversation1)));
        QCOMPARE(ana.others(), (QList<team::PresenceEntry> { { kBen, false } }));
    }

private:
    team::TeamConnection connectionOf(const QString &role) const
    {
        return m_db.agentConnection(role, kPassword);
    }

    TeamDb m_db;
    qint64 m_account1 = 0;
    qint64 m_account2 = 0;
    qint64 m_conversation1 = 0;
    qint64 m_conversation2 = 0;
};

QTEST_GUILESS_MAIN(TstTeamWork)
#include "tst_teamwork.moc"
