#include "app/appharness.h"
#include "app/asanwebengine.h"
#include "app/settings/webhooksdialog.h"
#include "app/shell/mainwindow.h"
#include "app/shell/notifier.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "service/accountlist.h"
#include "service/coreservices.h"
#include "service/signinflow.h"
#include "store/guithread.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

// The shell over the real core and the in-process sandbox: File > Webhooks subscribes with a
// click and shows the outcome, polling mode is switched and remembered, and a customer's message
// delivered by webhook raises the unread count and a notification.
class TestShellDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void webhooksDialogAndNotifications()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        sandbox::SandboxOptions sandboxOptions;
        sandboxOptions.eventsPerMinute = 0;
        sandboxOptions.customers = 2;
        test::AppHarness app(dir.path(), sandboxOptions);
        QVERIFY2(app.isValid(), qPrintable(app.error));
        app.core->vault()->setSessionOnlyFallback(true);
        CoreServices *core = app.core;
        AccountList *accounts = app.accounts;
        MainWindow *window = app.window.get();
        QSettings &settings = *app.settings;
        auto notifier = std::make_unique<Notifier>(core->store(), &settings, window);
        connect(notifier.get(), &Notifier::unreadCountChanged, window, &MainWindow::setUnreadCount);
        app.start();

        QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
        QSignalSpy webhookStarted(core, &CoreServices::webhookStarted);
        QSignalSpy subscribed(core, &CoreServices::webhooksSubscribed);
        QTest::mouseClick(window->welcomePage()->sandboxButton(), Qt::LeftButton);
        QVERIFY(app.allowInLoginWindow());
        QVERIFY(signedIn.wait(15000));
        const QString id = accounts->accounts().first().id;
        QTRY_VERIFY_WITH_TIMEOUT(webhookStarted.count() == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 1, 15000);

        // File > Webhooks: the running server's URL and the token; Subscribe again by hand.
        WebhooksDialog *dialog = openWebhooksDialog(core, &settings, window);
        QCOMPARE(dialog->callbackLabel()->text(), core->webhookUrl().toString());
        QCOMPARE(dialog->verifyTokenLabel()->text(), core->options().verifyToken);
        QVERIFY(dialog->subscribeButton()->isEnabled());
        const qsizetype before = subscribed.count();
        QTest::mouseClick(dialog->subscribeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() > before, 15000);
        // One line for the app-level step (the sandbox profile has the Meta pair), one for accounts.
        QTRY_VERIFY(dialog->resultText().contains(QLatin1String("app-level subscription done")));
        QTRY_VERIFY(dialog->resultText().contains(QLatin1String("\nSubscribed: 1 account")));

        // Polling on and off, remembered in the profile's settings.
        dialog->pollingCheckBox()->click();
        QVERIFY(core->pollingMode());
        QCOMPARE(settings.value(QStringLiteral("webhook/pollingMode")).toBool(), true);
        dialog->pollingCheckBox()->click();
        QVERIFY(!core->pollingMode());
        dialog->close();

        // A customer writes: by webhook into the store, then the title and a notification.
        // The test's own reads run under an allowance: this thread is the app's GUI thread.
        auto reader
            = guithread::allowed([&] { return StoreReader::open(core->store()->databasePath()); });
        QVERIFY(reader);
        const auto readInbox
            = [&] { return guithread::allowed([&] { return (*reader)->inbox(InboxQuery {}); }); };
        QTRY_VERIFY_WITH_TIMEOUT(
            !readInbox().value_or(QList<StoredConversation>()).isEmpty(), 20000);
        const auto inbox = readInbox();
        QVERIFY(inbox && !inbox->isEmpty());
        QSignalSpy notified(notifier.get(), &Notifier::notified);
        notifier->setNotifyFromMs(0); // the sandbox's clock is its own, not the wall clock
        test::SandboxControl control(app.sandbox->baseUrl());
        control.call("POST", QStringLiteral("/__sandbox/events"),
                     {{QStringLiteral("kind"), QStringLiteral("text")},
                      {QStringLiteral("customer"), inbox->first().customerId},
                      {QStringLiteral("text"), QStringLiteral("Do you ship to Vienna?")}});
        // (The backfill still running may notify too.)
        const auto arrived = [&notified] {
            for (const auto &args : std::as_const(notified))
                if (args.at(1).toString() == QLatin1String("Do you ship to Vienna?"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(arrived(), 15000);
        QVERIFY(notifier->unreadCount() >= 1);
        QVERIFY(window->windowTitle().contains(QStringLiteral("(%1)").arg(notifier->unreadCount())));

        notifier.reset();
    }
};

QTEST_MAIN(TestShellDemo)
#include "tst_shelldemo.moc"
