// Issue 14 §7: the login window runs in its own short-lived process (inlet-login), so the app
// never loads Qt WebEngine and Chromium's memory goes back when the sign-in ends. Through the app
// as main.cpp composes it (AppHarness) and the sandbox's consent page: the helper exits after a
// sign-in and after a cancel, the app's process never maps a Qt WebEngine library, a crashed
// window is a visible failure and the next try works, and quitting the app ends the window.
#include "app/appharness.h"
#include "app/login/loginhelper.h"
#include "app/loginprocesses.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "service/signinflow.h"
#include "support/sandboxfixture.h"

#include <QCoreApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace inlet;
using namespace inlet::app;

namespace {

// Its own ids: the keyring is shared with tests running beside this one.
sandbox::SandboxOptions loginSandbox()
{
    return test::quietSandbox(
        1, QStringLiteral("1000000000000714"), QStringLiteral("17841400000000714"));
}

// Presses "Try the sandbox" and waits until the login window's process shows its window; its pid.
qint64 openLoginWindow(test::AppHarness &app)
{
    QSignalSpy opening(app.signIn.get(), &SignInController::windowOpened);
    QTest::mouseClick(app.window->welcomePage()->sandboxButton(), Qt::LeftButton);
    if (!opening.wait(20000) || app.signIn->helper() == nullptr)
        return 0;
    LoginHelper *helper = app.signIn->helper();
    QSignalSpy opened(helper, &LoginHelper::opened);
    if (!opened.wait(20000))
        return 0;
    return helper->processId();
}

} // namespace

class TestLoginHelper : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void helperExitsAfterASignInAndTheAppLoadsNoWebEngine()
    {
        QTemporaryDir dir;
        test::AppHarness app(dir.path(), loginSandbox());
        QVERIFY2(app.isValid(), qPrintable(app.error));
        app.core->vault()->setSessionOnlyFallback(true);
        app.start();
        QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
        const qint64 pid = openLoginWindow(app);
        QVERIFY(pid > 0);
        QVERIFY(test::processAlive(pid));
        QCOMPARE(test::mapsQtWebEngine(pid), std::optional<bool>(true)); // the check can see it
        QVERIFY(app.allowInLoginWindow());
        QVERIFY(signedIn.wait(15000));

        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(pid), 10000);
        QTRY_VERIFY(app.signIn->helper() == nullptr);
        QVERIFY(!app.signIn->isRunning());
        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(test::loginWindowProcesses(self).isEmpty());
        QCOMPARE(test::mapsQtWebEngine(self), std::optional<bool>(false));
    }

    void helperExitsAfterACancel()
    {
        QTemporaryDir dir;
        test::AppHarness app(dir.path(), loginSandbox());
        QVERIFY2(app.isValid(), qPrintable(app.error));
        app.start();
        QSignalSpy failed(app.core->signInFlow(), &SignInFlow::signInFailed);
        const qint64 pid = openLoginWindow(app);
        QVERIFY(pid > 0);
        app.signIn->cancel(); // as the window's Cancel button
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(pid), 10000);
        QTRY_VERIFY(app.signIn->helper() == nullptr);
        QVERIFY(!app.signIn->isRunning());
        QVERIFY(app.window->statusText().contains(QStringLiteral("cancelled")));
    }

    void aCrashedWindowIsAVisibleErrorAndTheNextTryWorks()
    {
        QTemporaryDir dir;
        test::AppHarness app(dir.path(), loginSandbox());
        QVERIFY2(app.isValid(), qPrintable(app.error));
        app.core->vault()->setSessionOnlyFallback(true);
        app.start();
        QSignalSpy failed(app.core->signInFlow(), &SignInFlow::signInFailed);
        const qint64 pid = openLoginWindow(app);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(failed.wait(10000));
        const Error error = failed.first().first().value<Error>();
        QVERIFY(error.kind != Error::Kind::Cancelled);
        QVERIFY2(error.message.contains(QStringLiteral("stopped unexpectedly")),
            qPrintable(error.message));
        QVERIFY(app.window->statusText().contains(error.message));
        QVERIFY(app.window->isShowingWelcome());
        QVERIFY(app.window->welcomePage()->sandboxButton()->isEnabled());
        QVERIFY(!app.signIn->isRunning());

        // Again: a new window, and this time the sign-in goes through.
        QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
        const qint64 again = openLoginWindow(app);
        QVERIFY(again > 0 && again != pid);
        QVERIFY(app.allowInLoginWindow());
        QVERIFY(signedIn.wait(15000));
        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(again), 10000);
    }

    void quittingTheAppClosesTheWindow()
    {
        QTemporaryDir dir;
        qint64 pid = 0;
        {
            test::AppHarness app(dir.path(), loginSandbox());
            QVERIFY2(app.isValid(), qPrintable(app.error));
            app.start();
            pid = openLoginWindow(app);
            QVERIFY(pid > 0);
        } // quit, the login window still open
        QTRY_VERIFY_WITH_TIMEOUT(!test::processAlive(pid), 5000);
    }
};

QTEST_MAIN(TestLoginHelper)
#include "tst_loginhelper.moc"
