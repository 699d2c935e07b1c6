// File > Connect Instagram account… in team mode (offscreen, on a real PostgreSQL): only an admin
// agent sees it; the login's redirect is checked (state) and its code handed to the team server
// (the test plays the server), and the outcome is shown in the UI's words. One test drives the
// real login window (its own process, Allow clicked through DevTools) on the sandbox's login.
#include "app/login/signincontroller.h"
#include "app/settings/teamconnectaction.h"
#include "sandbox/sandbox.h"
#include "sandbox/tokenstore.h"
#include "service/teamsigninflow.h"
#include "support/devtools.h"
#include "support/teamdb.h"
#include "team/teamsignin.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWidget>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kAdmin = QStringLiteral("ada");
const QString kAgent = QStringLiteral("ben");
const QString kPassword = QStringLiteral("agent-pw-3");
const QString kRedirect = QStringLiteral("https://team.example/oauth/callback");

} // namespace

class TstTeamConnectAction : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    quint16 m_devTools = 0;

    team::TeamConnection as(const QString &role) const
    {
        return m_db.agentConnection(role, kPassword);
    }

    struct Fixture {
        TeamSignInFlow flow;
        app::SignInController controller;
        QWidget window;
        app::TeamConnectAction connect;

        explicit Fixture(team::TeamConnection c)
            : flow([c] { return c; })
            , controller(&flow)
            , connect(&flow, &controller, &window)
        {
        }
        bool refreshed()
        {
            QSignalSpy spy(&connect, &app::TeamConnectAction::refreshed);
            connect.refresh();
            return spy.wait(10000) && connect.action()->isVisible() == spy.at(0).at(0).toBool();
        }
    };

private slots:
    void initTestCase()
    {
        m_devTools = test::useDevToolsPort();
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        QVERIFY(team::admin::addAgent(m_db.server, kAdmin, kPassword));
        QVERIFY(team::admin::addAgent(m_db.server, kAgent, kPassword));
        QVERIFY(team::admin::setAdmin(m_db.server, kAdmin, true));
        QVERIFY(team::signin::writeOAuthSettings(
            m_db.server, { QStringLiteral("1000000000000001"), kRedirect, {} }));
    }

    void onlyAnAdminSeesTheAction()
    {
        Fixture admin(as(kAdmin));
        QVERIFY(!admin.connect.action()->isVisible()); // until it knows
        QVERIFY(admin.refreshed());
        QVERIFY(admin.connect.action()->isVisible());
        QCOMPARE(admin.connect.action()->text(), QStringLiteral("&Connect Instagram account…"));

        Fixture agent(as(kAgent));
        QVERIFY(agent.refreshed());
        QVERIFY(!agent.connect.action()->isVisible());

        // Made an admin later: seen at the next refresh (the connection coming up again).
        QVERIFY(team::admin::setAdmin(m_db.server, kAgent, true));
        QVERIFY(agent.refreshed());
        QVERIFY(agent.connect.action()->isVisible());
        QVERIFY(team::admin::setAdmin(m_db.server, kAgent, false));
    }

    // The login's redirect goes through the state check and the hand-off; the server's result
    // is shown.
    void handOffProgressAndSuccessAreShown()
    {
        Fixture admin(as(kAdmin));
        QFutureWatcher<Result<SignInRequest>> watcher;
        QSignalSpy begun(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(admin.flow.beginSignIn());
        QVERIFY(begun.wait(10000));
        const Result<SignInRequest> request = watcher.result();
        QVERIFY(request);
        const QUrlQuery query(request->authorizeUrl);
        QCOMPARE(request->authorizeUrl.host(), QStringLiteral("www.instagram.com"));
        QCOMPARE(
            query.queryItemValue(QStringLiteral("client_id")), QStringLiteral("1000000000000001"));
        QCOMPARE(
            query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), kRedirect);
        QCOMPARE(request->redirectUri, QUrl(kRedirect));
        const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        QVERIFY(!state.isEmpty());

        const auto code = admin.flow.handleRedirect(QUrl(
            kRedirect + QStringLiteral("?code=the-code&state=") + state + QStringLiteral("#_")));
        QVERIFY(code);
        QCOMPARE(*code, QStringLiteral("the-code"));
        QSignalSpy connected(&admin.flow, &TeamSignInFlow::connected);
        admin.flow.completeSignIn(*code);
        QCOMPARE(admin.connect.lastStatus(),
            QStringLiteral("Connecting the account through the team server…"));
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT agent_role || ' ' || code FROM inlet.signin_handoffs "
                               "WHERE state = 'pending'")),
            QStringList { QStringLiteral("ada the-code") }, 10000);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'done', code = NULL, "
                           "account_ig_user_id = '17841400000000001', account_username = "
                           "'inlet.coffee' WHERE state = 'pending'")));
        QVERIFY(connected.wait(10000));
        QCOMPARE(
            admin.connect.lastStatus(), QStringLiteral("The team server connected @inlet.coffee."));
    }

    // The action, the real login window on the sandbox's Instagram login (the team's app id and
    // redirect URI), Allow: the code Instagram gave arrives in inlet.signin_handoffs as the admin.
    void realLoginWindowHandsTheCodeOver()
    {
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        sandbox::Sandbox instagram(options);
        auto url = instagram.start();
        QVERIFY(url);
        QVERIFY(team::signin::writeOAuthSettings(
            m_db.server, { QStringLiteral("1000000000000001"), kRedirect, url->toString() }));
        Fixture admin(as(kAdmin));
        QVERIFY(admin.refreshed());
        QSignalSpy opened(&admin.controller, &app::SignInController::windowOpened);
        admin.connect.action()->trigger();
        QVERIFY(opened.wait(10000));
        QVERIFY(test::allowInLoginWindow(m_devTools, 60000));
        QTRY_COMPARE_WITH_TIMEOUT(admin.connect.lastStatus(),
            QStringLiteral("Connecting the account through the team server…"), 20000);
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(code = TeamDb::column(m_db.server,
                  QStringLiteral("SELECT code FROM inlet.signin_handoffs WHERE state = 'pending' "
                                 "AND agent_role = 'ada'"))
                         .value(0))
                 .isEmpty(),
            10000);
        // A code the sandbox issued for the team's redirect URI, not used yet.
        const auto *issued = instagram.tokens().code(code);
        QVERIFY2(issued, qPrintable(code));
        QCOMPARE(issued->redirectUri, kRedirect);
        QVERIFY(!issued->used);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'failed', code = NULL, "
                           "error_kind = 'network', error_code = ? WHERE state = 'pending'"),
            { int(team::signin::HandoffFailure::Interrupted) }));
        QTRY_VERIFY_WITH_TIMEOUT(
            admin.connect.lastStatus().contains(QStringLiteral("stopped while it connected")),
            10000);
        QVERIFY(team::signin::writeOAuthSettings(
            m_db.server, { QStringLiteral("1000000000000001"), kRedirect, {} }));
    }

    void aForeignStateIsRefused()
    {
        Fixture admin(as(kAdmin));
        QFutureWatcher<Result<SignInRequest>> watcher;
        QSignalSpy begun(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(admin.flow.beginSignIn());
        QVERIFY(begun.wait(10000));
        QVERIFY(watcher.result());
        const auto code = admin.flow.handleRedirect(
            QUrl(kRedirect + QStringLiteral("?code=stolen&state=not-ours")));
        QVERIFY(!code);
        QCOMPARE(code.error().reason, Error::Reason::SignInWrongState);
    }

    void failuresAreWorded()
    {
        Fixture admin(as(kAdmin));
        admin.flow.abortSignIn(team::signin::handoffError(
            team::signin::HandoffFailure::TimedOut, QStringLiteral("log words")));
        QCOMPARE(admin.connect.lastStatus(),
            QStringLiteral("The account could not be connected: The team server did not answer "
                           "in time. Is inlet-server running?"));
        admin.flow.abortSignIn(team::signin::handoffError(
            team::signin::HandoffFailure::CodeExpired, QStringLiteral("log words")));
        QVERIFY(admin.connect.lastStatus().contains(QStringLiteral("expired")));
        admin.flow.abortSignIn(Error::make(Error::Kind::Cancelled, QStringLiteral("closed")));
        QCOMPARE(
            admin.connect.lastStatus(), QStringLiteral("Connecting an account was cancelled."));
        // An error of Instagram's, found by the server: worded like the solo sign-in's.
        admin.flow.abortSignIn(Error::because(Error::Kind::Auth,
            Error::Reason::SignInNoMessagingPermission, QStringLiteral("log words")));
        QVERIFY2(admin.connect.lastStatus().contains(QStringLiteral("Manage messages")),
            qPrintable(admin.connect.lastStatus()));
        QVERIFY(!admin.connect.lastStatus().contains(QStringLiteral("log words")));
    }
};

QTEST_MAIN(TstTeamConnectAction)
#include "tst_teamconnectaction.moc"
