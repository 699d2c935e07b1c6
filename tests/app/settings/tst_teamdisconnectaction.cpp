// The accounts list's Disconnect in team mode (offscreen, on a real PostgreSQL): only an admin
// agent sees the button; it asks to confirm, then writes the request for the team server (the
// test plays the server) and shows the outcome in the UI's words. The server's side is
// tst_accountdisconnect.
#include "app/settings/teamdisconnectaction.h"
#include "app/shell/accountspanel.h"
#include "app/shell/avatarloader.h"
#include "support/await.h"
#include "support/teamdb.h"
#include "support/themeshots.h"
#include "team/teamdisconnect.h"

#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kAdmin = QStringLiteral("ada");
const QString kAgent = QStringLiteral("ben");
const QString kPassword = QStringLiteral("agent-pw-6");
const QString kAccount = QStringLiteral("17841400000000001");

Account account()
{
    Account a;
    a.id = kAccount;
    a.username = QStringLiteral("inlet.coffee");
    a.name = QStringLiteral("Inlet Coffee");
    return a;
}

} // namespace

class TstTeamDisconnectAction : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;

    struct Fixture {
        QNetworkAccessManager network;
        app::AvatarLoader avatars { &network };
        QWidget window;
        app::AccountsPanel *panel;
        app::TeamDisconnectAction action;

        explicit Fixture(team::TeamConnection c)
            : panel(new app::AccountsPanel(&avatars, &window))
            , action([c] { return c; }, panel, &window)
        {
            panel->setAccounts({ account() });
            window.show();
        }
        QPushButton *button() const { return panel->row(kAccount)->disconnectButton(); }
        bool refreshed()
        {
            QSignalSpy spy(&action, &app::TeamDisconnectAction::refreshed);
            action.refresh();
            return spy.wait(10000);
        }
        // Clicks the row's Disconnect and answers the confirmation with `answer`.
        bool clickAndAnswer(bool disconnect)
        {
            QTest::mouseClick(button(), Qt::LeftButton);
            QMessageBox *box = action.confirmation();
            if (!box || !box->isVisible())
                return false;
            for (QAbstractButton *b : box->buttons()) {
                const bool isDisconnect = box->buttonRole(b) == QMessageBox::DestructiveRole;
                if (isDisconnect == disconnect) {
                    b->click();
                    return true;
                }
            }
            return false;
        }
    };

    QStringList pending() const
    {
        return TeamDb::column(m_db.server,
            QStringLiteral("SELECT agent_role || ' ' || account_ig_user_id FROM "
                           "inlet.account_disconnects WHERE state = 'pending'"));
    }
    // Plays the server: finishes the pending row.
    bool finish(const QString &set)
    {
        return bool(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.account_disconnects SET %1, finished_at = now() WHERE "
                           "state = 'pending'")
                .arg(set)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        QVERIFY(team::admin::addAgent(m_db.server, kAdmin, kPassword));
        QVERIFY(team::admin::addAgent(m_db.server, kAgent, kPassword));
        QVERIFY(team::admin::setAdmin(m_db.server, kAdmin, true));
        const qint64 id = m_db.addAccount(kAccount);
        QVERIFY(id > 0);
        QVERIFY(team::admin::grantAccount(m_db.server, kAdmin, id));
        QVERIFY(team::admin::grantAccount(m_db.server, kAgent, id));
    }

    void onlyAnAdminSeesDisconnect()
    {
        Fixture admin(m_db.agentConnection(kAdmin, kPassword));
        QVERIFY(!admin.button()->isVisible()); // until it knows
        QVERIFY(admin.refreshed());
        QVERIFY(admin.button()->isVisible());
        QVERIFY(admin.button()->toolTip().contains(QStringLiteral("team server")));
        // A row that arrives later (the replica) gets it too.
        Account other = account();
        other.id = QStringLiteral("17841400000000002");
        admin.panel->setAccounts({ account(), other });
        QTRY_VERIFY(admin.panel->row(other.id)->disconnectButton()->isVisible());

        Fixture agent(m_db.agentConnection(kAgent, kPassword));
        QVERIFY(agent.refreshed());
        QVERIFY(!agent.button()->isVisible());
        // Asked anyway (a stale signal): nothing is asked nor written.
        agent.action.requestDisconnect(kAccount);
        QVERIFY(!agent.action.confirmation());
        QCOMPARE(pending(), QStringList());
    }

    void cancelledWritesNothing()
    {
        Fixture admin(m_db.agentConnection(kAdmin, kPassword));
        QVERIFY(admin.refreshed());
        // What the admin is asked (docs/screenshots/team-disconnect-confirm-*.png).
        QTest::mouseClick(admin.button(), Qt::LeftButton);
        QMessageBox *box = admin.action.confirmation();
        QVERIFY(box && box->isVisible());
        QCOMPARE(box->text(), QStringLiteral("Disconnect @inlet.coffee from the team?"));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(test::saveInBothThemes(box, QStringLiteral("team-disconnect-confirm")));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!admin.action.confirmation());
        QVERIFY(admin.clickAndAnswer(false));
        QTRY_VERIFY(!admin.action.confirmation());
        QVERIFY(!admin.action.busy());
        QTest::qWait(200);
        QCOMPARE(pending(), QStringList());
    }

    // Confirmed: the request is written as the admin; progress, then the server's result.
    void confirmedRequestShowsProgressAndResult()
    {
        Fixture admin(m_db.agentConnection(kAdmin, kPassword));
        QVERIFY(admin.refreshed());
        QVERIFY(admin.action.confirmation() == nullptr);
        QSignalSpy finished(&admin.action, &app::TeamDisconnectAction::finished);
        QVERIFY(admin.clickAndAnswer(true));
        QCOMPARE(admin.action.lastStatus(),
            QStringLiteral("Disconnecting @inlet.coffee through the team server…"));
        QTRY_COMPARE_WITH_TIMEOUT(
            pending(), QStringList { QStringLiteral("ada ") + kAccount }, 10000);
        QVERIFY(finish(QStringLiteral("state = 'done', unsubscribed = true")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(admin.action.lastStatus(),
            QStringLiteral("The team server disconnected @inlet.coffee."));

        // Instagram refused the unsubscription: disconnected all the same, and said so.
        QVERIFY(admin.clickAndAnswer(true));
        QTRY_COMPARE_WITH_TIMEOUT(pending().size(), 1, 10000);
        QVERIFY(finish(QStringLiteral("state = 'done', unsubscribed = false, error_kind = 'auth', "
                                      "error_code = 190, error_message = 'Invalid OAuth access "
                                      "token'")));
        QVERIFY(finished.wait(10000));
        QVERIFY2(admin.action.lastStatus().startsWith(QStringLiteral(
                     "The team server disconnected @inlet.coffee, but Instagram could not be "
                     "told to stop its webhooks (")),
            qPrintable(admin.action.lastStatus()));

        // The server could not: its words for it.
        QVERIFY(admin.clickAndAnswer(true));
        QTRY_COMPARE_WITH_TIMEOUT(pending().size(), 1, 10000);
        QVERIFY(finish(QStringLiteral("state = 'failed', error_kind = 'invalid', error_code = %1")
                           .arg(int(team::disconnect::Failure::NotConnected))));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constLast().at(0).toBool(), false);
        QCOMPARE(admin.action.lastStatus(),
            QStringLiteral("@inlet.coffee could not be disconnected: The team server does not "
                           "have this account connected for you (it may have been disconnected "
                           "already)."));
    }

    void failuresAreWorded()
    {
        using team::disconnect::Failure;
        QCOMPARE(app::TeamDisconnectAction::failureText(
                     team::disconnect::failureError(Failure::TimedOut, QStringLiteral("log"))),
            QStringLiteral("The team server did not answer in time. Is inlet-server running?"));
        QCOMPARE(app::TeamDisconnectAction::failureText(
                     team::disconnect::failureError(Failure::NotAdmin, QStringLiteral("log"))),
            QStringLiteral("Only a team admin may disconnect Instagram accounts."));
        // The database unreachable: a network error, worded by the app as any other.
        const QString down = app::TeamDisconnectAction::failureText(
            Error::make(Error::Kind::Network, QStringLiteral("connecting to db: refused")));
        QVERIFY(!down.isEmpty());
    }

    // No team server answers: the desktop says so (a short wait through the client itself).
    void noServerIsTold()
    {
        auto late = test::awaitResult(team::disconnect::request(
            m_db.agentConnection(kAdmin, kPassword), kAccount, std::chrono::milliseconds(500)));
        QVERIFY(!late);
        QCOMPARE(team::disconnect::failure(late.error()), team::disconnect::Failure::TimedOut);
        QVERIFY(
            team::sql::exec(m_db.server, QStringLiteral("DELETE FROM inlet.account_disconnects")));
    }
};

QTEST_MAIN(TstTeamDisconnectAction)
#include "tst_teamdisconnectaction.moc"
