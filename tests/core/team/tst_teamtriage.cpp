// Team triage (issue 13 in team mode) against a real PostgreSQL server and agents' replicas: a
// conversation's status with who set it and the Done history, labels and saved replies written
// by one agent into the team database reach the other agent's local store; an agent without the
// account gets none of that conversation's rows; a customer message reopens for everyone; the
// report's time to Done per agent.
#include "store/activityreport.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/replicadesk.h"
#include "support/teamdb.h"
#include "team/replicafollower.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
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
const QString kPassword = QStringLiteral("agent-pw-7");
const QString kAccount1 = QStringLiteral("17841400000000071");
const QString kAccount2 = QStringLiteral("17841400000000072");
const QString kCustomer1 = QStringLiteral("6000000000000071");
const QString kCustomer2 = QStringLiteral("6000000000000072");
const QString kCustomer3 = QStringLiteral("6000000000000073");
constexpr qint64 kMinuteMs = 60'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// One agent's desktop: its local store and its replica of the team database.
struct TriageDesk : ReplicaDesk {
    bool open(const TeamDb &db, const QString &role)
    {
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        if (!ReplicaDesk::open(db.agentConnection(role, kPassword), options))
            return false;
        follower->start();
        return true;
    }
    QString value(const QString &sql) const { return column(sql).value(0); }
    qint64 conversation(const QString &customer) const
    {
        return value(
            QStringLiteral("SELECT id FROM conversations WHERE customer_id = '%1'").arg(customer))
            .toLongLong();
    }
    // "status by" of the customer's conversation ("1 ana": Done by ana).
    QString statusOf(const QString &customer) const
    {
        return value(QStringLiteral("SELECT status || ' ' || status_by FROM conversations WHERE "
                                    "customer_id = '%1'")
                         .arg(customer))
            .trimmed();
    }
    QStringList labels() const
    {
        return column(QStringLiteral("SELECT name || ' ' || colour FROM labels ORDER BY name"));
    }
    QStringList labelsOf(const QString &customer) const
    {
        return column(QStringLiteral("SELECT l.name FROM conversation_labels cl JOIN labels l ON "
                                     "l.id = cl.label_id JOIN conversations c ON c.id = "
                                     "cl.conversation_id WHERE c.customer_id = '%1' ORDER BY "
                                     "l.name")
                          .arg(customer));
    }
    QStringList replies() const
    {
        return column(QStringLiteral("SELECT title || ' /' || shortcut || ' ' || text FROM "
                                     "saved_replies ORDER BY title"));
    }
};

class TstTeamTriage : public QObject {
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
        QVERIFY(customerWrites(m_account1, m_conversation1, nowMs() - 30 * kMinuteMs) > 0);
        QVERIFY(customerWrites(m_account2, m_conversation2, nowMs() - 30 * kMinuteMs) > 0);
        m_conversation3 = m_db.addConversation(m_account1, kCustomer3);
        QVERIFY(customerWrites(m_account1, m_conversation3, nowMs() - 20 * kMinuteMs) > 0);
        // ana and ben work on account 1; cy only on account 2.
        for (const QString &role : { kAna, kBen, kCy }) {
            auto added = team::admin::addAgent(m_db.server, role, kPassword);
            QVERIFY2(added, why(added).constData());
            auto granted = team::admin::grantAccount(
                m_db.server, role, role == kCy ? m_account2 : m_account1);
            QVERIFY2(granted, why(granted).constData());
        }
        QVERIFY(m_ana.open(m_db, kAna));
        QVERIFY(m_ben.open(m_db, kBen));
        QVERIFY(m_cy.open(m_db, kCy));
        QTRY_VERIFY_WITH_TIMEOUT(m_ana.conversation(kCustomer1) > 0, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ben.conversation(kCustomer1) > 0, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_cy.conversation(kCustomer2) > 0, 10'000);
    }

    // Ana marks the conversation Done: written as her through inlet.set_status with a Done in the
    // history; Ben's replica shows it Done by ana, with her Done in its history. Ben snoozes it;
    // a snooze that does not end in the future is refused.
    void doneReachesTheOtherReplicaWithWho()
    {
        const qint64 local = m_ana.conversation(kCustomer1);
        QElapsedTimer clock;
        clock.start();
        const Status done
            = test::awaitResult(m_ana.follower->setStatus(local, ConversationStatus::Done, 0));
        QVERIFY2(done, why(done).constData());
        const qint64 ownMs = clock.elapsed();
        // The future finishes once the writer's own store has it.
        QCOMPARE(m_ana.statusOf(kCustomer1), QStringLiteral("1 ana"));
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT status || ' ' || changed_by FROM "
                                    "inlet.conversation_status WHERE conversation_id = ?"),
                     { m_conversation1 }),
            QStringList { QStringLiteral("done ana") });
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT agent_role FROM inlet.conversation_done WHERE "
                                    "conversation_id = ?"),
                     { m_conversation1 }),
            QStringList { kAna });
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.statusOf(kCustomer1), QStringLiteral("1 ana"), 10'000);
        qInfo("Done: in the writer's store after %lld ms, in the other replica after %lld ms",
            ownMs, qint64(clock.elapsed()));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ben.column(QStringLiteral("SELECT agent FROM conversation_done")),
            QStringList { kAna }, 10'000);

        const qint64 until = nowMs() + 60 * kMinuteMs;
        const Status snoozed = test::awaitResult(m_ben.follower->setStatus(
            m_ben.conversation(kCustomer1), ConversationStatus::Snoozed, until));
        QVERIFY2(snoozed, why(snoozed).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_ana.statusOf(kCustomer1), QStringLiteral("2 ben"), 10'000);
        QCOMPARE(m_ana
                     .value(QStringLiteral("SELECT snoozed_until_ms FROM conversations WHERE "
                                           "customer_id = '%1'")
                                .arg(kCustomer1))
                     .toLongLong(),
            until);
        const Status past = test::awaitResult(
            m_ben.follower->setStatus(local, ConversationStatus::Snoozed, nowMs() - 1000));
        QVERIFY(!past);
        QCOMPARE(past.error().kind, Error::Kind::Invalid);
        QVERIFY(m_ben.follower->isConnected()); // a refusal, not a lost connection
        // Agents cannot write the status or the history around the function.
        QSqlDatabase asAna = m_db.connect(kAna, kPassword);
        QSqlQuery q(asAna);
        QVERIFY(!q.exec(QStringLiteral("UPDATE inlet.conversation_status SET changed_by = 'ben'")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO inlet.conversation_done (account_id, "
                                       "conversation_id, agent_role, done_ms) VALUES (%1, %2, "
                                       "'ben', 1)")
                            .arg(m_account1)
                            .arg(m_conversation1)));
    }

    // A customer's message reopens a Done (or Snoozed) conversation in the team database, in the
    // transaction that stores it, and so in every replica; an older message fetched late does not.
    void customerMessageReopensForBoth()
    {
        const Status done = test::awaitResult(
            m_ana.follower->setStatus(m_ana.conversation(kCustomer1), ConversationStatus::Done, 0));
        QVERIFY2(done, why(done).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.statusOf(kCustomer1), QStringLiteral("1 ana"), 10'000);
        QVERIFY(customerWrites(m_account1, m_conversation1, nowMs() - 60 * kMinuteMs) > 0);
        QTest::qWait(600); // two polls: still Done
        QCOMPARE(m_ben.statusOf(kCustomer1), QStringLiteral("1 ana"));

        QVERIFY(customerWrites(m_account1, m_conversation1, nowMs()) > 0);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT status || ':' || COALESCE(changed_by, '') FROM "
                                    "inlet.conversation_status WHERE conversation_id = ?"),
                     { m_conversation1 }),
            QStringList { QStringLiteral("open:") });
        QTRY_COMPARE_WITH_TIMEOUT(m_ana.statusOf(kCustomer1), QStringLiteral("0"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.statusOf(kCustomer1), QStringLiteral("0"), 10'000);
    }

    // A label created by Ana is Ben's too; put on a conversation, renamed, recoloured and deleted
    // by Ana, Ben sees each; a name in use is refused with its problem.
    void labelCreatedRenamedDeletedIsSeenByTheOther()
    {
        auto vip = test::awaitResult(
            m_ana.follower->saveLabel({ 0, QStringLiteral("  VIP "), QStringLiteral("#D32F2F") }));
        QVERIFY2(vip, why(vip).constData());
        QVERIFY(*vip > 0);
        QCOMPARE(m_ana.labels(), QStringList { QStringLiteral("VIP #d32f2f") });
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ben.labels(), QStringList { QStringLiteral("VIP #d32f2f") }, 10'000);
        // Team-wide: cy (another account) has the label too.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_cy.labels(), QStringList { QStringLiteral("VIP #d32f2f") }, 10'000);

        const Status on = test::awaitResult(
            m_ana.follower->setConversationLabel(m_ana.conversation(kCustomer1), *vip, true));
        QVERIFY2(on, why(on).constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ben.labelsOf(kCustomer1), QStringList { QStringLiteral("VIP") }, 10'000);

        auto renamed = test::awaitResult(
            m_ana.follower->saveLabel({ *vip, QStringLiteral("Gold"), QStringLiteral("#f9a825") }));
        QVERIFY2(renamed, why(renamed).constData());
        QCOMPARE(*renamed, *vip);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ben.labels(), QStringList { QStringLiteral("Gold #f9a825") }, 10'000);
        QCOMPARE(m_ben.labelsOf(kCustomer1), QStringList { QStringLiteral("Gold") });

        auto other = test::awaitResult(
            m_ben.follower->saveLabel({ 0, QStringLiteral("gold"), QStringLiteral("#000000") }));
        QVERIFY(!other);
        QCOMPARE(other.error().kind, Error::Kind::Invalid);
        QCOMPARE(other.error().code, int(label::NameTaken));

        // Ben takes it off, then puts it on again; Ana deletes the label.
        const qint64 benGold = m_ben.value(QStringLiteral("SELECT id FROM labels")).toLongLong();
        const Status off = test::awaitResult(
            m_ben.follower->setConversationLabel(m_ben.conversation(kCustomer1), benGold, false));
        QVERIFY2(off, why(off).constData());
        QTRY_VERIFY_WITH_TIMEOUT(m_ana.labelsOf(kCustomer1).isEmpty(), 10'000);
        QVERIFY(test::awaitResult(
            m_ben.follower->setConversationLabel(m_ben.conversation(kCustomer1), benGold, true)));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ana.labelsOf(kCustomer1), QStringList { QStringLiteral("Gold") }, 10'000);
        const Status removed = test::awaitResult(m_ana.follower->removeLabel(*vip));
        QVERIFY2(removed, why(removed).constData());
        QTRY_VERIFY_WITH_TIMEOUT(m_ben.labels().isEmpty(), 10'000);
        QVERIFY(m_ben.labelsOf(kCustomer1).isEmpty());
        QCOMPARE(m_ben.value(QStringLiteral("SELECT count(*) FROM conversation_labels")),
            QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(m_cy.labels().isEmpty(), 10'000);
    }

    // A saved reply written by Ana is in Ben's picker; Ben edits it, Ana sees it; an import
    // replaces by shortcut; a delete reaches both.
    void savedRepliesAreShared()
    {
        auto hours
            = test::awaitResult(m_ana.follower->saveReply({ 0, QStringLiteral("Opening hours"),
                QStringLiteral("hours"), QStringLiteral("9 to 5, {first_name}"), 0 }));
        QVERIFY2(hours, why(hours).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.replies(),
            QStringList { QStringLiteral("Opening hours /hours 9 to 5, {first_name}") }, 10'000);
        const qint64 benHours
            = m_ben.value(QStringLiteral("SELECT id FROM saved_replies")).toLongLong();
        auto edited = test::awaitResult(
            m_ben.follower->saveReply({ benHours, QStringLiteral("Opening hours"),
                QStringLiteral("hours"), QStringLiteral("9 to 6"), 0 }));
        QVERIFY2(edited, why(edited).constData());
        QCOMPARE(*edited, benHours);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ana.replies(), QStringList { QStringLiteral("Opening hours /hours 9 to 6") }, 10'000);
        auto taken = test::awaitResult(m_ben.follower->saveReply(
            { 0, QStringLiteral("Other"), QStringLiteral("HOURS"), QStringLiteral("x"), 0 }));
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, int(savedreply::ShortcutTaken));

        auto imported = test::awaitResult(m_ana.follower->importReplies(
            { { 0, QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("10 to 4"), 0 },
                { 0, QStringLiteral("Thanks"), QString(), QStringLiteral("Thank you!"), 0 } }));
        QVERIFY2(imported, why(imported).constData());
        QCOMPARE(*imported, 2);
        const QStringList both { QStringLiteral("Hours /hours 10 to 4"),
            QStringLiteral("Thanks / Thank you!") };
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.replies(), both, 10'000);
        QCOMPARE(m_ana.replies(), both);

        const Status removed = test::awaitResult(m_ben.follower->removeReply(benHours));
        QVERIFY2(removed, why(removed).constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ana.replies(), QStringList { QStringLiteral("Thanks / Thank you!") }, 10'000);
    }

    // Cy works on account 2 only: while Ana marks the account-1 conversation Done and labels it,
    // Cy's replica gets none of its status, Done history or label rows (the label itself, being
    // the team's, it gets), cannot read them in the team database, is woken with numbers only,
    // and cannot write them.
    void agentWithoutTheAccountGetsNoRows()
    {
        QSqlDatabase asCy = m_db.connect(kCy, kPassword);
        QVERIFY(asCy.isOpen());
        QSqlDriver *driver = asCy.driver();
        QVERIFY(driver->subscribeToNotification(QString::fromLatin1(team::schema::ChangeChannel)));
        QStringList payloads;
        QObject scope;
        connect(driver, &QSqlDriver::notification, &scope,
            [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                payloads.append(payload.toString());
            });

        auto secret = test::awaitResult(
            m_ana.follower->saveLabel({ 0, QStringLiteral("Refund"), QStringLiteral("#00897b") }));
        QVERIFY2(secret, why(secret).constData());
        QVERIFY(test::awaitResult(
            m_ana.follower->setConversationLabel(m_ana.conversation(kCustomer1), *secret, true)));
        QVERIFY(test::awaitResult(m_ana.follower->setStatus(
            m_ana.conversation(kCustomer1), ConversationStatus::Done, 0)));
        QTRY_COMPARE_WITH_TIMEOUT(m_ben.statusOf(kCustomer1), QStringLiteral("1 ana"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ben.labelsOf(kCustomer1), QStringList { QStringLiteral("Refund") }, 10'000);
        // A label added after all that: once Cy has it, Cy has read past every change before it
        // (the log is read in order): the labels, nothing of the conversation.
        auto marker = test::awaitResult(
            m_ana.follower->saveLabel({ 0, QStringLiteral("Marker"), QStringLiteral("#5e35b1") }));
        QVERIFY2(marker, why(marker).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_cy.labels(),
            (QStringList { QStringLiteral("Marker #5e35b1"), QStringLiteral("Refund #00897b") }),
            10'000);
        QCOMPARE(m_cy.conversation(kCustomer1), qint64(0));
        QCOMPARE(m_cy.value(QStringLiteral("SELECT count(*) FROM conversation_labels")),
            QStringLiteral("0"));
        QCOMPARE(m_cy.value(QStringLiteral("SELECT count(*) FROM conversation_done")),
            QStringLiteral("0"));
        for (const QString &table : { QStringLiteral("conversation_status"),
                 QStringLiteral("conversation_done"), QStringLiteral("conversation_labels") }) {
            QCOMPARE(TeamDb::column(asCy,
                         QStringLiteral("SELECT count(*) FROM inlet.%1 WHERE "
                                        "account_id = %2")
                             .arg(table)
                             .arg(m_account1)),
                QStringList { QStringLiteral("0") });
            QCOMPARE(TeamDb::column(asCy,
                         QStringLiteral("SELECT count(*) FROM inlet.change_log "
                                        "WHERE entity = '%1'")
                             .arg(table)),
                QStringList { QStringLiteral("0") });
        }
        // Woken for each change, with two numbers: never a name, a label or a status.
        QTRY_VERIFY(!payloads.isEmpty());
        static const QRegularExpression numbers(QStringLiteral("^\\d+ \\d+$"));
        for (const QString &payload : std::as_const(payloads))
            QVERIFY2(numbers.match(payload).hasMatch(), qPrintable(payload));
        // Nor can Cy write them.
        QSqlQuery q(asCy);
        QVERIFY(
            !q.exec(QStringLiteral("SELECT inlet.set_status(%1, 'open', 0)").arg(m_conversation1)));
        QVERIFY(!q.exec(
            QStringLiteral("INSERT INTO inlet.conversation_labels (account_id, "
                           "conversation_id, label_id) VALUES (%1, %2, %3)")
                .arg(m_account1)
                .arg(m_conversation1)
                .arg(TeamDb::column(m_db.server, QStringLiteral("SELECT id FROM inlet.labels"))
                         .value(0))));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM inlet.conversation_labels")));
        QCOMPARE(q.numRowsAffected(), 0);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT status FROM inlet.conversation_status WHERE "
                                    "conversation_id = ?"),
                     { m_conversation1 }),
            QStringList { QStringLiteral("done") });
        QVERIFY(test::awaitResult(m_ana.follower->removeLabel(*secret)));
        QVERIFY(test::awaitResult(m_ana.follower->removeLabel(*marker)));
    }

    // The report of a replica: time to Done per agent, from the replicated Done history (who
    // marked it Done), median and 90th percentile.
    void reportHasTimeToDonePerAgent()
    {
        // Another customer wrote 20 minutes ago; Ben marks that conversation Done now.
        QTRY_VERIFY_WITH_TIMEOUT(m_ben.conversation(kCustomer3) > 0, 10'000);
        QVERIFY(test::awaitResult(m_ben.follower->setStatus(
            m_ben.conversation(kCustomer3), ConversationStatus::Done, 0)));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_ana.value(
                QStringLiteral("SELECT count(*) FROM conversation_done WHERE agent = 'ben'")),
            QStringLiteral("1"), 10'000);

        auto reader = StoreReader::open(m_ana.store->databasePath());
        QVERIFY(reader);
        const QDate today = QDate::currentDate();
        auto report = (*reader)->activityReport(
            ReportPeriod::lastDays(7, today, QDateTime::currentDateTime().offsetFromUtc()));
        QVERIFY2(report, why(report).constData());
        QStringList agents;
        for (const ReportGroup &g : report->agents)
            agents << g.id;
        QCOMPARE(agents, (QStringList { kAna, kBen }));
        // Ana's Done: 30 min after the first message; again with nothing new since (not counted);
        // again after the customer reopened it (counted from the reopening message).
        const ReportGroup &ben = report->agents.at(1);
        QCOMPARE(ben.timeToDone.count, 1);
        QVERIFY2(ben.timeToDone.medianMs >= 20 * kMinuteMs - 1000
                && ben.timeToDone.medianMs <= 25 * kMinuteMs,
            qPrintable(QString::number(ben.timeToDone.medianMs)));
        QCOMPARE(ben.timeToDone.p90Ms, ben.timeToDone.medianMs);
        const ReportGroup &ana = report->agents.at(0);
        QCOMPARE(ana.timeToDone.count, 2);
        QVERIFY2(ana.timeToDone.p90Ms >= 30 * kMinuteMs - 1000,
            qPrintable(QString::number(ana.timeToDone.p90Ms)));
        // Per account as before, every Done of the account.
        QCOMPARE(report->accounts.size(), 1);
        QCOMPARE(report->accounts.at(0).timeToDone.count, ana.timeToDone.count + 1);
    }

private:
    // A customer message stored the way the server's ingest stores it. Its id, -1 on failure.
    qint64 customerWrites(qint64 account, qint64 conversation, qint64 createdMs)
    {
        auto id = team::sql::scalar(m_db.server,
            QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                           "outgoing, text, created_ms) VALUES (?, ?, ?, false, 'hello', ?) "
                           "RETURNING id"),
            { account, conversation,
                QStringLiteral("mid.") + QUuid::createUuid().toString(QUuid::Id128), createdMs });
        return id ? id->toLongLong() : -1;
    }

    TeamDb m_db;
    TriageDesk m_ana;
    TriageDesk m_ben;
    TriageDesk m_cy;
    qint64 m_account1 = 0;
    qint64 m_account2 = 0;
    qint64 m_conversation1 = 0;
    qint64 m_conversation2 = 0;
    qint64 m_conversation3 = 0;
};

QTEST_GUILESS_MAIN(TstTeamTriage)
#include "tst_teamtriage.moc"
