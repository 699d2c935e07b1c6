#include "app/appharness.h"
#include "app/asanwebengine.h"
#include "app/shell/accountspanel.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "store/guithread.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;
using inlet::test::AppHarness;

// Issue 3's "done means" on the sandbox profile, through the UI and the real keychain: start the
// app, try the sandbox, connect, quit, start again (still signed in, no prompt, messages flow),
// then a sandbox that forgot its tokens brings the consent page back, Disconnect deletes the
// token from the keychain, and the start after that does not ask again.
class TestSandboxRestart : public QObject {
    Q_OBJECT

private:
    // Ids of this test only: the keyring (service "inlet") is shared with tests running beside it.
    static sandbox::SandboxOptions sandboxOptions()
    {
        sandbox::SandboxOptions options;
        options.appId = QStringLiteral("1000000000000377");
        options.businessId = QStringLiteral("17841400000000377");
        options.customers = 2;
        options.eventsPerMinute = 0;
        return options;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with an unlocked gnome-keyring (see tst_tokenvault)");
    }

    void quitAndStartAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString id = sandboxOptions().businessId;
        QUrl firstBase;

        // 1. A new manager: welcome page, Try the sandbox, Allow.
        {
            AppHarness app(dir.path(), sandboxOptions());
            QVERIFY2(app.isValid(), qPrintable(app.error));
            app.start();
            QVERIFY(app.window->isShowingWelcome());
            QVERIFY(!app.sandbox->isRunning()); // a new profile does not start it on its own
            QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
            QSignalSpy subscribed(app.core, &CoreServices::webhooksSubscribed);
            QTest::mouseClick(app.window->welcomePage()->sandboxButton(), Qt::LeftButton);
            QVERIFY(app.allowInLoginWindow());
            QVERIFY(signedIn.wait(15000));
            QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 1, 15000);
            firstBase = app.sandbox->baseUrl();
            QVERIFY(app.settings->value(QStringLiteral("app/sandbox")).toBool());
            QCOMPARE(app.settings->value(QStringLiteral("sandbox/port")).toUInt(),
                uint(firstBase.port()));
        } // quit

        // 2. Start again: the sandbox comes back on the same port with the same tokens; the
        //    stored token (read from the keychain) is accepted, no login window.
        {
            AppHarness app(dir.path(), sandboxOptions());
            QVERIFY2(app.isValid(), qPrintable(app.error));
            QSignalSpy windows(app.signIn.get(), &SignInController::windowOpened);
            QSignalSpy needsSignIn(app.accounts, &AccountList::accountNeedsSignIn);
            QSignalSpy subscribed(app.core, &CoreServices::webhooksSubscribed);
            app.start();
            // /me/subscribed_apps goes with the account's stored token: the sandbox accepted it.
            QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 1, 15000);
            QCOMPARE(subscribed.first().first().toString(), id);
            QCOMPARE(app.sandbox->baseUrl(), firstBase);
            QVERIFY(!app.window->isShowingWelcome());
            QVERIFY(app.sandbox->isActive());
            QVERIFY(app.window->accountsPanel()->row(id));

            // A customer writes to the restarted sandbox; it reaches the inbox by webhook.
            // The test's own reads run under an allowance: this thread is the app's GUI thread.
            auto reader = guithread::allowed(
                [&] { return StoreReader::open(app.core->store()->databasePath()); });
            QVERIFY(reader);
            const auto inbox = [&] {
                return guithread::allowed([&] { return (*reader)->inbox(InboxQuery {}); });
            };
            QTRY_VERIFY_WITH_TIMEOUT(
                !inbox().value_or(QList<StoredConversation>()).isEmpty(), 20000);
            const QString customer = inbox()->first().customerId;
            test::SandboxControl control(app.sandbox->baseUrl());
            const QString mid
                = control
                      .call("POST", QStringLiteral("/__sandbox/events"),
                          { { QStringLiteral("kind"), QStringLiteral("text") },
                              { QStringLiteral("customer"), customer },
                              { QStringLiteral("text"),
                                  QStringLiteral("Still there after the restart?") } })
                      .value(QStringLiteral("mid"))
                      .toString();
            QVERIFY(!mid.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(guithread::allowed([&] {
                return (*reader)->messageByMid(id, mid).value_or(std::nullopt).has_value();
            }),
                15000);

            QCOMPARE(windows.count(), 0);
            QCOMPARE(needsSignIn.count(), 0);
            QVERIFY(!app.signIn->isRunning());
            QVERIFY(!app.accounts->account(id)->needsSignIn);
        }

        // 3. A sandbox that forgot its tokens refuses the stored one (190): the consent page
        //    comes back by itself; Allow reconnects the same account.
        QVERIFY(QFile::remove(SandboxController::stateFilePath(dir.path())));
        {
            AppHarness app(dir.path(), sandboxOptions());
            QVERIFY2(app.isValid(), qPrintable(app.error));
            QSignalSpy needsSignIn(app.accounts, &AccountList::accountNeedsSignIn);
            QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
            app.start();
            QVERIFY(app.allowInLoginWindow(20000));
            QVERIFY(signedIn.wait(15000));
            QVERIFY(needsSignIn.count() >= 1);
            QCOMPARE(signedIn.first().first().value<Account>().id, id);
            QTRY_VERIFY(!app.accounts->account(id)->needsSignIn);

            // 4. Disconnect from the UI: the token leaves the keychain, the welcome page returns.
            app.window->setDisconnectPrompt(
                [](const Account &) { return std::optional<bool>(false); });
            QSignalSpy disconnected(app.accounts, &AccountList::accountDisconnected);
            AccountRow *row = app.window->accountsPanel()->row(id);
            QVERIFY(row);
            QTest::mouseClick(row->disconnectButton(), Qt::LeftButton);
            QVERIFY(disconnected.count() == 1 || disconnected.wait(15000));
            QTRY_VERIFY(app.window->isShowingWelcome());
            const auto token = test::await(app.core->vault()->read(TokenVault::accountKey(id)));
            QVERIFY(token);
            QVERIFY(!token->has_value());
            QVERIFY(TokenVault::isNotFound(token->error()));
        }

        // 5. Disconnected stays disconnected: the next start shows the welcome page, no consent.
        {
            AppHarness app(dir.path(), sandboxOptions());
            QVERIFY2(app.isValid(), qPrintable(app.error));
            QSignalSpy windows(app.signIn.get(), &SignInController::windowOpened);
            QSignalSpy started(app.resume.get(), &SandboxResume::coreStarted);
            app.start();
            QVERIFY(started.wait(15000));
            // Asking for consent would make the welcome page busy at once (MainWindow::trySandbox).
            QVERIFY(app.window->welcomePage()->sandboxButton()->isEnabled());
            QTest::qWait(1000);
            QVERIFY(app.window->isShowingWelcome());
            QCOMPARE(windows.count(), 0);
            QVERIFY(app.sandbox->isRunning()); // the profile is still on the sandbox
        }
    }
};

QTEST_MAIN(TestSandboxRestart)
#include "tst_sandboxrestart.moc"
