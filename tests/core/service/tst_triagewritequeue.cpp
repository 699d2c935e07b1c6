// Team mode's label and saved-reply writes made offline (issue 13), against a real PostgreSQL
// server that is stopped under the agent's desktop (its store, TeamMode, its replica): the writes
// are applied locally at once and kept in the store (team_pending_writes), survive the desktop
// being closed, and go to the team in order once the database is back; one the team refuses then
// (the label was deleted meanwhile) is undone locally and announced; online writes still go
// straight to the team.
#include "service/teammode.h"
#include "service/triagewritequeue.h"
#include "service/triagewrites.h"
#include "store/store.h"
#include "support/await.h"
#include "support/teamdb.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kPassword = QStringLiteral("agent-pw-13");
const QString kAccount = QStringLiteral("17841400000000131");
const QString kCustomer = QStringLiteral("6000000000000131");

team::FollowerOptions quickOptions()
{
    team::FollowerOptions options;
    options.pollIntervalMs = 200;
    options.backoffBaseMs = 100;
    options.backoffMaxMs = 1000;
    return options;
}
} // namespace

class TstTriageWriteQueue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        const qint64 account = m_db.addAccount(kAccount);
        QVERIFY2(m_db.addConversation(account, kCustomer) > 0, qPrintable(m_db.error()));
        auto added = team::admin::addAgent(m_db.server, QStringLiteral("ana"), kPassword);
        QVERIFY2(added, why(added).constData());
        auto granted = team::admin::grantAccount(m_db.server, QStringLiteral("ana"), account);
        QVERIFY2(granted, why(granted).constData());
        auto s = Store::open(m_dir.path());
        QVERIFY(s);
        m_store = std::move(*s);
        m_local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("local"));
        m_local.setDatabaseName(m_store->databasePath());
        m_local.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(m_local.open());
    }

    void cleanupTestCase()
    {
        m_team.reset();
        m_local = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("local"));
        m_store.reset();
    }

    void offlineWritesQueueAndGoInOrder()
    {
        openDesktop();
        // Online: straight to the team, nothing queued.
        auto vip = test::awaitResult(
            m_team->saveLabel({ 0, QStringLiteral("VIP"), QStringLiteral("#d73a49") }));
        QVERIFY2(vip, why(vip).constData());
        QCOMPARE(server(QStringLiteral("SELECT string_agg(name, ',') FROM inlet.labels")),
            QStringLiteral("VIP"));
        QCOMPARE(m_team->writeQueue()->pending(), 0);
        const qint64 conversation
            = local(QStringLiteral("SELECT id FROM conversations")).toLongLong();
        QVERIFY(conversation > 0);

        // The database goes away under the desktop.
        QVERIFY(m_db.cluster.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_team->state(), TeamMode::State::Offline, 10'000);

        // Offline: each write is applied here at once and kept.
        auto wholesale = test::awaitResult(
            m_team->saveLabel({ 0, QStringLiteral("Wholesale"), QStringLiteral("#2ea043") }));
        QVERIFY2(wholesale, why(wholesale).constData());
        QVERIFY(*wholesale > 0);
        auto on = test::awaitResult(m_team->setConversationLabel(conversation, *wholesale, true));
        QVERIFY2(on, why(on).constData());
        auto vipOn = test::awaitResult(m_team->setConversationLabel(conversation, *vip, true));
        QVERIFY2(vipOn, why(vipOn).constData());
        SavedReply thanks;
        thanks.title = QStringLiteral("Thanks");
        thanks.shortcut = QStringLiteral("thx");
        thanks.text = QStringLiteral("Thank you, {first_name}!");
        auto reply = test::awaitResult(m_team->saveReply(thanks));
        QVERIFY2(reply, why(reply).constData());
        // Shown: the local store has them all.
        QCOMPARE(local(QStringLiteral("SELECT group_concat(l.name, ',') FROM (SELECT l.name FROM "
                                      "conversation_labels cl JOIN labels l ON l.id = "
                                      "cl.label_id ORDER BY l.name) l")),
            QStringLiteral("VIP,Wholesale"));
        QCOMPARE(
            local(QStringLiteral("SELECT shortcut FROM saved_replies")), QStringLiteral("thx"));
        QCOMPARE(m_team->writeQueue()->pending(), 4);
        QCOMPARE(
            local(QStringLiteral("SELECT count(*) FROM team_pending_writes")), QStringLiteral("4"));
        // A write the store itself refuses is refused offline too (a name in use), not queued.
        auto taken = test::awaitResult(
            m_team->saveLabel({ 0, QStringLiteral("vip"), QStringLiteral("#000000") }));
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, int(label::NameTaken));
        QCOMPARE(m_team->writeQueue()->pending(), 4);

        // The desktop is closed while offline: the writes stay in the store.
        m_team.reset();
        QVERIFY(m_db.cluster.start());
        m_db.server = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(m_db.server.isOpen());
        // Meanwhile another agent deleted VIP in the team.
        QVERIFY(team::sql::exec(
            m_db.server, QStringLiteral("DELETE FROM inlet.labels WHERE name = 'VIP'")));

        // The desktop again: the writes go in order; VIP on the conversation is refused (the
        // label is gone) and undone here, and said.
        openDesktop(false);
        QTRY_COMPARE(m_team->writeQueue()->pending(), 4); // read back from the store
        QSignalSpy rolledBack(m_team->writeQueue(), &TriageWriteQueue::rolledBack);
        m_team->startWithPassword(kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_team->writeQueue()->pending(), 0, 30'000);
        QCOMPARE(
            local(QStringLiteral("SELECT count(*) FROM team_pending_writes")), QStringLiteral("0"));
        QCOMPARE(server(QStringLiteral("SELECT string_agg(name, ',') FROM inlet.labels")),
            QStringLiteral("Wholesale"));
        QCOMPARE(server(QStringLiteral("SELECT string_agg(l.name || ' by ' || cl.added_by, ',') "
                                       "FROM inlet.conversation_labels cl JOIN inlet.labels l "
                                       "ON l.id = cl.label_id")),
            QStringLiteral("Wholesale by ana"));
        QCOMPARE(server(QStringLiteral("SELECT shortcut || ' ' || body || ' ' || updated_by FROM "
                                       "inlet.saved_replies")),
            QStringLiteral("thx Thank you, {first_name}! ana"));
        QCOMPARE(rolledBack.size(), 1);
        const QJsonObject refused = rolledBack.at(0).at(0).toJsonObject();
        QCOMPARE(
            refused.value(QLatin1String("op")).toString(), QStringLiteral("setConversationLabel"));
        QCOMPARE(refused.value(QLatin1String("name")).toString(), QStringLiteral("VIP"));
        // Locally: as the team has it (VIP gone, off the conversation; the rest the team's).
        QTRY_COMPARE_WITH_TIMEOUT(
            local(QStringLiteral("SELECT group_concat(name, ',') FROM labels")),
            QStringLiteral("Wholesale"), 10'000);
        QCOMPARE(
            local(QStringLiteral("SELECT count(*) FROM conversation_labels")), QStringLiteral("1"));
        QCOMPARE(local(QStringLiteral("SELECT count(*) FROM saved_replies")), QStringLiteral("1"));
    }

    // An offline deletion of a label another agent deleted meanwhile is done, not refused:
    // nothing is undone (the label does not come back here).
    void removalOfWhatIsGoneIsDone()
    {
        openDesktop();
        const qint64 wholesale
            = local(QStringLiteral("SELECT id FROM labels WHERE name = 'Wholesale'")).toLongLong();
        QVERIFY(wholesale > 0);
        QVERIFY(m_db.cluster.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_team->state(), TeamMode::State::Offline, 10'000);
        auto removed = test::awaitResult(m_team->removeLabel(wholesale));
        QVERIFY2(removed, why(removed).constData());
        QCOMPARE(local(QStringLiteral("SELECT count(*) FROM labels")), QStringLiteral("0"));
        QCOMPARE(
            local(QStringLiteral("SELECT count(*) FROM conversation_labels")), QStringLiteral("0"));
        m_team.reset();
        QVERIFY(m_db.cluster.start());
        m_db.server = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(team::sql::exec(
            m_db.server, QStringLiteral("DELETE FROM inlet.labels WHERE name = 'Wholesale'")));
        openDesktop(false);
        QTRY_COMPARE(m_team->writeQueue()->pending(), 1);
        QSignalSpy refused(m_team->writeQueue(), &TriageWriteQueue::rolledBack);
        m_team->startWithPassword(kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_team->writeQueue()->pending(), 0, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_team->state(), TeamMode::State::Connected, 10'000);
        QTest::qWait(500);
        QCOMPARE(refused.size(), 0);
        QCOMPARE(local(QStringLiteral("SELECT count(*) FROM labels")), QStringLiteral("0"));
        QCOMPARE(server(QStringLiteral("SELECT count(*) FROM inlet.labels")), QStringLiteral("0"));
    }

private:
    void openDesktop(bool start = true)
    {
        m_team.reset();
        m_team = std::make_unique<TeamMode>(m_store.get(), nullptr, nullptr,
            m_db.agentConnection(QStringLiteral("ana"), QString()), quickOptions());
        if (!start)
            return;
        m_team->startWithPassword(kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_team->state(), TeamMode::State::Connected, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !local(QStringLiteral("SELECT id FROM conversations")).isEmpty(), 15'000);
    }
    QString local(const QString &sql) const { return TeamDb::column(m_local, sql).value(0); }
    QString server(const QString &sql) const { return TeamDb::column(m_db.server, sql).value(0); }

    TeamDb m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TeamMode> m_team;
    QSqlDatabase m_local;
};

QTEST_MAIN(TstTriageWriteQueue)
#include "tst_triagewritequeue.moc"
