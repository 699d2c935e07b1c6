// The desktop's side of the sign-in hand-off (team::signin) on a real PostgreSQL: the test plays
// the team server (as inlet_server) and finishes the rows the client writes.
#include "support/await.h"
#include "support/teamdb.h"
#include "team/teamsignin.h"

#include <QElapsedTimer>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kAdmin = QStringLiteral("ada");
const QString kAgent = QStringLiteral("ben");
const QString kPassword = QStringLiteral("agent-pw-2");

} // namespace

class TstTeamSignIn : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;

    team::TeamConnection as(const QString &role) const
    {
        return m_db.agentConnection(role, kPassword);
    }

    // The newest pending row's id once the client wrote it (0 if it did not within 10 s).
    qint64 pendingRow()
    {
        qint64 id = 0;
        QElapsedTimer t;
        t.start();
        while (id == 0 && t.elapsed() < 10000) {
            QTest::qWait(20);
            auto v = team::sql::scalar(m_db.server,
                QStringLiteral(
                    "SELECT max(id) FROM inlet.signin_handoffs WHERE state = 'pending'"));
            if (v && v->isValid())
                id = v->toLongLong();
        }
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        QVERIFY(team::admin::addAgent(m_db.server, kAdmin, kPassword));
        QVERIFY(team::admin::addAgent(m_db.server, kAgent, kPassword));
        QVERIFY(team::admin::setAdmin(m_db.server, kAdmin, true));
    }

    void settingsAreReadByAdminsOnly()
    {
        auto none = team::signin::readOAuthSettings(m_db.server);
        QVERIFY(!none);
        QCOMPARE(team::signin::handoffFailure(none.error()),
            team::signin::HandoffFailure::NotConfigured);
        QVERIFY(team::signin::writeOAuthSettings(
            m_db.server, { QStringLiteral("42"), QStringLiteral("https://team.example/cb"), {} }));
        auto settings = test::awaitResult(team::signin::loginSettings(as(kAdmin)));
        QVERIFY2(settings, why(settings).constData());
        QCOMPARE(settings->appId, QStringLiteral("42"));
        QCOMPARE(settings->redirectUri, QStringLiteral("https://team.example/cb"));
        QCOMPARE(settings->authorizeBase, QString());
        auto refused = test::awaitResult(team::signin::loginSettings(as(kAgent)));
        QVERIFY(!refused);
        QCOMPARE(
            team::signin::handoffFailure(refused.error()), team::signin::HandoffFailure::NotAdmin);
        QVERIFY(team::admin::setAdmin(m_db.server, kAgent, true));
        QVERIFY(test::awaitResult(team::signin::loginSettings(as(kAgent))));
        QVERIFY(team::admin::setAdmin(m_db.server, kAgent, false));
        QVERIFY(!team::admin::setAdmin(m_db.server, QStringLiteral("inlet_server"), true));
    }

    // The client inserts the code as the agent, and a server's update wakes it (NOTIFY, well
    // before its three-second poll).
    void handOffReturnsTheFinishedRow()
    {
        auto future = team::signin::handOff(as(kAdmin), QStringLiteral("code-1"));
        const qint64 id = pendingRow();
        QVERIFY(id > 0);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT agent_role || ' ' || code FROM inlet.signin_handoffs "
                                    "WHERE id = ?"),
                     { id }),
            QStringList { QStringLiteral("ada code-1") });
        QTest::qWait(300); // the client is waiting now
        QElapsedTimer woke;
        woke.start();
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'done', code = NULL, "
                           "account_ig_user_id = '17841400000000009', account_username = "
                           "'shop', subscribed = true WHERE id = ?"),
            { id }));
        auto result = test::awaitResult(future);
        QVERIFY2(result, why(result).constData());
        QVERIFY2(woke.elapsed() < 900, qPrintable(QString::number(woke.elapsed())));
        QCOMPARE(result->id, id);
        QCOMPARE(result->state, QStringLiteral("done"));
        QCOMPARE(result->igUserId, QStringLiteral("17841400000000009"));
        QCOMPARE(result->username, QStringLiteral("shop"));
        QVERIFY(result->subscribed);
    }

    void failedRowIsItsError()
    {
        auto future = team::signin::handOff(as(kAdmin), QStringLiteral("code-2"));
        const qint64 id = pendingRow();
        QVERIFY(id > 0);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'failed', code = NULL, "
                           "error_kind = 'auth', error_reason = 0, error_code = ?, "
                           "error_message = 'late' WHERE id = ?"),
            { int(team::signin::HandoffFailure::CodeExpired), id }));
        auto result = test::awaitResult(future);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Auth);
        QCOMPARE(team::signin::handoffFailure(result.error()),
            team::signin::HandoffFailure::CodeExpired);
        QCOMPARE(result.error().message, QStringLiteral("late"));

        future = team::signin::handOff(as(kAdmin), QStringLiteral("code-3"));
        const qint64 graphRow = pendingRow();
        QVERIFY(graphRow > id);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'failed', error_kind = "
                           "'graph', error_reason = 0, error_code = 400, error_message = "
                           "'Matching code was not found or was already used' WHERE id = ?"),
            { graphRow }));
        result = test::awaitResult(future);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Graph);
        QCOMPARE(result.error().reason, Error::Reason::None);
        QCOMPARE(result.error().code, 400);
    }

    void withoutServerItTimesOut()
    {
        auto result = test::awaitResult(
            team::signin::handOff(as(kAdmin), QStringLiteral("code-4"), std::chrono::seconds(1)));
        QVERIFY(!result);
        QCOMPARE(
            team::signin::handoffFailure(result.error()), team::signin::HandoffFailure::TimedOut);
    }

    void nonAdminWritesNothing()
    {
        const QString before = TeamDb::column(
            m_db.server, QStringLiteral("SELECT count(*) FROM inlet.signin_handoffs"))
                                   .value(0);
        auto result
            = test::awaitResult(team::signin::handOff(as(kAgent), QStringLiteral("code-5")));
        QVERIFY(!result);
        QCOMPARE(
            team::signin::handoffFailure(result.error()), team::signin::HandoffFailure::NotAdmin);
        QCOMPARE(TeamDb::column(
                     m_db.server, QStringLiteral("SELECT count(*) FROM inlet.signin_handoffs"))
                     .value(0),
            before);
    }

    void unreachableIsANetworkError()
    {
        team::TeamConnection nowhere = as(kAdmin);
        nowhere.port = 1;
        auto result = test::awaitResult(team::signin::handOff(nowhere, QStringLiteral("code-6")));
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Network);
    }

    void kindNamesRoundTrip()
    {
        for (Error::Kind kind : { Error::Kind::Network, Error::Kind::Http, Error::Kind::Graph,
                 Error::Kind::Auth, Error::Kind::Parse, Error::Kind::Storage, Error::Kind::Keychain,
                 Error::Kind::Cancelled, Error::Kind::Invalid })
            QCOMPARE(team::signin::kindFromName(team::signin::kindName(kind)), kind);
        QCOMPARE(team::signin::kindFromName(QStringLiteral("nonsense")), Error::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TstTeamSignIn)
#include "tst_teamsignin.moc"
