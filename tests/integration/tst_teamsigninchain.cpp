// The whole sign-in chain of team mode in one go (docs/team.md, "Connecting an account"): an
// admin's File > Connect Instagram account… opens the real login window (its own process, Allow
// clicked through DevTools) on the sandbox's authorize page with the team server's app id and
// redirect URI; the code caught there goes through PostgreSQL to a real inlet-server, which
// exchanges it with the App Secret only it holds; the account is connected, subscribed, and
// arrives in the admin's replica, with a customer's message after it. Real PostgreSQL
// (PgCluster), the sandbox over loopback.
#include "app/login/signincontroller.h"
#include "app/settings/teamconnectaction.h"
#include "sandbox/tokenstore.h"
#include "sandbox/world.h"
#include "service/teamsigninflow.h"
#include "support/devtools.h"
#include "support/teamreplica.h"
#include "support/teamserverfixture.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kAdmin = QStringLiteral("ada");
const QString kPassword = QStringLiteral("agent-pw-7");
const QString kBusiness = TeamServerFixture::kBusiness;

} // namespace

class TstTeamSignInChain : public QObject {
    Q_OBJECT

private:
    TeamServerFixture m_team;
    quint16 m_devTools = 0;

private slots:
    void initTestCase()
    {
        m_devTools = test::useDevToolsPort();
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(m_team.setUp({ kAdmin }, { kAdmin }, kPassword), qPrintable(m_team.error));
    }

    void loginWindowToServerToReplica()
    {
        auto server = m_team.launcher.start();
        QVERIFY(server);
        const team::TeamConnection admin = m_team.db.agentConnection(kAdmin, kPassword);
        AgentReplica replica;
        QVERIFY(replica.open(admin));

        // The desktop's side, as the app puts it together (installTeamConnectAction).
        TeamSignInFlow flow([admin] { return admin; });
        app::SignInController controller(&flow);
        QWidget window;
        app::TeamConnectAction connector(&flow, &controller, &window);
        QSignalSpy refreshed(&connector, &app::TeamConnectAction::refreshed);
        connector.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(connector.action()->isVisible());

        QSignalSpy opened(&controller, &app::SignInController::windowOpened);
        QSignalSpy connected(&flow, &TeamSignInFlow::connected);
        connector.action()->trigger();
        QVERIFY(opened.wait(20000));
        QVERIFY(test::allowInLoginWindow(m_devTools, 60000));
        QVERIFY(connected.count() > 0 || connected.wait(60000));
        QCOMPARE(connected.at(0).at(0).toString(), kBusiness);
        QVERIFY2(connector.lastStatus().startsWith(QStringLiteral("The team server connected @")),
            qPrintable(connector.lastStatus()));

        // The server exchanged the code (for the team's redirect URI) and keeps the token; the
        // row the desktop wrote holds no code any more.
        QCOMPARE(m_team.db.serverValue(QStringLiteral(
                     "SELECT state || ' ' || agent_role || ' ' || (code IS NULL)::text || ' ' || "
                     "subscribed::text FROM inlet.signin_handoffs")),
            QStringLiteral("done ada true true"));
        const QString token = m_team.db.serverValue(
            QStringLiteral("SELECT s.value FROM inlet.secrets s JOIN inlet.accounts a ON a.id = "
                           "s.account_id WHERE a.ig_user_id = ? AND s.name = 'instagram_token'"),
            { kBusiness });
        QVERIFY(m_team.instagram->tokens().token(token));
        QVERIFY(m_team.instagram->tokens().token(token)->longLived);
        QVERIFY(server->log.contains("sign-in hand-off"));

        // The account arrives in the admin's replica, then a customer's message with it.
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.count(QStringLiteral("SELECT count(*) FROM accounts WHERE id = ? AND "
                                         "removed = 0"),
                { kBusiness }),
            1, 20000);
        QCOMPARE(pointAppCallbackAt(*m_team.client, server->webhook), 200);
        const QString customer = m_team.instagram->world().customers().first().profile.igsid;
        auto mid
            = m_team.instagram->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer },
                { QStringLiteral("text"), QStringLiteral("Hello, team!") } });
        QVERIFY(mid.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.column(QStringLiteral("SELECT text FROM messages WHERE mid = ?"), { *mid }),
            QStringList { QStringLiteral("Hello, team!") }, 20000);
    }
};

QTEST_MAIN(TstTeamSignInChain)
#include "tst_teamsigninchain.moc"
