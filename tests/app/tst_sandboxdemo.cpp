#include "app/asanwebengine.h"
#include "app/login/loginprofile.h"
#include "app/login/loginwindow.h"
#include "app/login/signincontroller.h"
#include "app/shell/avatarloader.h"
#include "app/shell/corebridge.h"
#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "service/accountservice.h"
#include "service/coreservices.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

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
        CoreOptions options;
        options.dataDir = dir.path();
        options.verifyToken = QStringLiteral("demo-verify-token");
        auto created = CoreServices::create(options);
        QVERIFY(created);
        std::unique_ptr<CoreServices> core = std::move(*created);
        core->vault()->setSessionOnlyFallback(true);
        AccountService *accounts = core->accounts();

        std::unique_ptr<QWebEngineProfile> profile(createLoginProfile(dir.path(), nullptr));
        QNetworkAccessManager network;
        AvatarLoader avatars(&network);
        sandbox::SandboxOptions sandboxOptions;
        sandboxOptions.eventsPerMinute = 0;
        sandboxOptions.customers = 2;
        SandboxController sandbox(sandboxOptions);
        auto signIn = std::make_unique<SignInController>(accounts, profile.get());
        auto window = std::make_unique<MainWindow>(accounts, signIn.get(), &sandbox, &avatars);
        CoreBridge bridge(core.get(), window.get());
        accounts->load();
        bridge.start();
        window->show();

        QSignalSpy signedIn(accounts, &AccountService::signedIn);
        QSignalSpy webhookStarted(core.get(), &CoreServices::webhookStarted);
        QSignalSpy subscribed(core.get(), &CoreServices::webhooksSubscribed);
        QTest::mouseClick(window->welcomePage()->sandboxButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return signIn->window() != nullptr; }, 15000));
        QSignalSpy loaded(signIn->window()->view()->page(), &QWebEnginePage::loadFinished);
        QVERIFY(loaded.wait(15000));
        signIn->window()->view()->page()->runJavaScript(
            QStringLiteral("document.getElementById('allow').click();"));
        QVERIFY(signedIn.wait(15000));
        const QString id = accounts->accounts().first().id;

        QTRY_VERIFY_WITH_TIMEOUT(webhookStarted.count() == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 1, 15000);
        QCOMPARE(subscribed.first().first().toString(), id);
        // The backfill (paced at Instagram's 2 calls/s) fills the store conversation by
        // conversation; the first one is enough here.
        auto reader = StoreReader::open(core->store()->databasePath());
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(!(*reader)->inbox(InboxQuery{}).value_or(QList<StoredConversation>()).isEmpty(),
                                 20000);
        const auto inbox = (*reader)->inbox(InboxQuery{});
        QVERIFY(inbox && !inbox->isEmpty());

        // A customer writes; the sandbox delivers it by webhook to the app's server.
        test::SandboxControl control(sandbox.baseUrl());
        const QJsonObject injected = control.call(
            "POST", QStringLiteral("/__sandbox/events"),
            {{QStringLiteral("kind"), QStringLiteral("text")},
             {QStringLiteral("customer"), inbox->first().customerId},
             {QStringLiteral("text"), QStringLiteral("Is the demo live?")}});
        const QString mid = injected.value(QStringLiteral("mid")).toString();
        QVERIFY(!mid.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((*reader)->messageByMid(id, mid).value_or(std::nullopt).has_value(),
                                 15000);

        window.reset();
        signIn.reset();
        profile.reset();
    }
};

QTEST_MAIN(TestSandboxDemo)
#include "tst_sandboxdemo.moc"
