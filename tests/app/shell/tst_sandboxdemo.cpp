#include "app/appharness.h"
#include "app/asanwebengine.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "store/guithread.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

// The demo path of `inlet --sandbox-demo` with the real core: Try the sandbox -> consent page
// Allow -> account connected -> webhook server up and subscribed -> backfill starts filling the store ->
// a customer writes -> the message arrives by webhook.
class TestSandboxDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void trySandboxEndToEnd()
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
        app.start();

        QSignalSpy signedIn(app.core->signInFlow(), &SignInFlow::signedIn);
        QSignalSpy webhookStarted(core, &CoreServices::webhookStarted);
        QSignalSpy subscribed(core, &CoreServices::webhooksSubscribed);
        QTest::mouseClick(app.window->welcomePage()->sandboxButton(), Qt::LeftButton);
        QVERIFY(app.allowInLoginWindow());
        QVERIFY(signedIn.wait(15000));
        const QString id = accounts->accounts().first().id;

        QTRY_VERIFY_WITH_TIMEOUT(webhookStarted.count() == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 1, 15000);
        QCOMPARE(subscribed.first().first().toString(), id);
        // The backfill (paced at Instagram's 2 calls/s) fills the store conversation by
        // conversation; the first one is enough here.
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

        // A customer writes; the sandbox delivers it by webhook to the app's server.
        test::SandboxControl control(app.sandbox->baseUrl());
        const QJsonObject injected = control.call(
            "POST", QStringLiteral("/__sandbox/events"),
            {{QStringLiteral("kind"), QStringLiteral("text")},
             {QStringLiteral("customer"), inbox->first().customerId},
             {QStringLiteral("text"), QStringLiteral("Is the demo live?")}});
        const QString mid = injected.value(QStringLiteral("mid")).toString();
        QVERIFY(!mid.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(guithread::allowed([&] {
            return (*reader)->messageByMid(id, mid).value_or(std::nullopt).has_value();
        }),
            15000);
    }
};

QTEST_MAIN(TestSandboxDemo)
#include "tst_sandboxdemo.moc"
