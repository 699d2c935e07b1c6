#include "app/asanwebengine.h"
#include "app/login/loginprofile.h"
#include "app/login/loginwindow.h"
#include "app/login/signincontroller.h"
#include "app/settings/settingsdialog.h"
#include "app/shell/accountspanel.h"
#include "app/shell/avatarloader.h"
#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/theme.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "store/store.h"
#include "support/sandboxarguments.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace inlet;
using namespace inlet::app;
using inlet::test::await;

// The main window end to end, as a new user goes: the welcome screen, "Try the sandbox" through
// the real login window (Allow clicked in the page), the account in the list, the needs-sign-in
// banner and Reconnect, and Disconnect removing the token.
class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TokenVault> m_vault;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<TokenRefreshScheduler> m_scheduler;
    std::unique_ptr<AppSetup> m_app;
    std::unique_ptr<AccountList> m_accounts;
    std::unique_ptr<SignInFlow> m_flow;
    std::unique_ptr<QWebEngineProfile> m_profile;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AvatarLoader> m_avatars;
    std::unique_ptr<SandboxLink> m_link;
    sandbox::SandboxOptions m_sandboxOptions;
    std::unique_ptr<SandboxController> m_sandbox;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<MainWindow> m_window;

    // Clicks Allow on the consent page of the login window the controller opens.
    bool allowInLoginWindow()
    {
        if (!QTest::qWaitFor([this] { return m_signIn->window() != nullptr; }, 15000))
            return false;
        LoginWindow *login = m_signIn->window();
        QSignalSpy loaded(login->view()->page(), &QWebEnginePage::loadFinished);
        if (!loaded.wait(15000) || !loaded.first().first().toBool())
            return false;
        login->view()->page()->runJavaScript(
            QStringLiteral("document.getElementById('allow').click();"));
        return true;
    }

    bool trySandboxAndAllow()
    {
        QSignalSpy signedIn(m_flow.get(), &SignInFlow::signedIn);
        QTest::mouseClick(m_window->welcomePage()->sandboxButton(), Qt::LeftButton);
        if (!allowInLoginWindow())
            return false;
        return signedIn.wait(15000);
    }

    void saveScreenshot(const QString &name)
    {
        const QString dir = test::screenshotDir();
        QDir().mkpath(dir);
        QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::initialize();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = Store::open(m_dir->path());
        QVERIFY(store);
        m_store = std::move(*store);
        m_vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        // In memory, except where the test is about the keychain (the test session's keyring).
        m_vault->setSessionOnlyFallback(
            QTest::currentTestFunction() != QLatin1String("metaAppSecretGoesToTheKeychainOnly"));
        m_graph = std::make_unique<GraphClient>();
        m_graph->setTransferTimeout(std::chrono::seconds(5));
        m_scheduler = std::make_unique<TokenRefreshScheduler>(m_graph.get(), m_vault.get());
        m_app = std::make_unique<AppSetup>(m_vault.get(), m_graph.get());
        m_accounts = std::make_unique<AccountList>(
            m_store.get(), m_vault.get(), m_graph.get(), m_scheduler.get());
        m_flow = std::make_unique<SignInFlow>(
            m_app.get(), m_accounts.get(), m_vault.get(), m_graph.get());
        m_profile.reset(createLoginProfile(m_dir->path(), nullptr));
        m_network = std::make_unique<QNetworkAccessManager>();
        m_avatars = std::make_unique<AvatarLoader>(m_network.get());
        m_sandboxOptions.eventsPerMinute = 0;
        m_sandboxOptions.customers = 3;
        // The app's path: inlet-sandbox as a child process, reached through the core's link.
        m_link = std::make_unique<SandboxLink>(m_app.get(), m_flow.get());
        m_sandbox = std::make_unique<SandboxController>(
            m_link.get(), test::sandboxArguments(m_sandboxOptions));
        m_signIn = std::make_unique<SignInController>(m_flow.get(), m_profile.get());
        m_window = std::make_unique<MainWindow>(
            MainWindow::AccountServices { m_accounts.get(), m_flow.get(), m_app.get() },
            m_signIn.get(), m_sandbox.get(), m_avatars.get());
        const QFuture<Status> loaded = m_accounts->load();
        QTRY_VERIFY(loaded.isFinished());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_signIn.reset(); // deletes a login window still open, before the profile
        m_profile.reset();
        m_sandbox.reset();
        m_link.reset();
        m_avatars.reset();
        m_network.reset();
        m_flow.reset();
        m_accounts.reset();
        m_app.reset();
        m_scheduler.reset();
        m_graph.reset();
        m_vault.reset();
        m_store.reset();
        m_dir.reset();
    }

    void welcomeScreenWithoutAccounts()
    {
        QVERIFY(m_window->isShowingWelcome());
        QVERIFY(m_window->welcomePage()->isVisible());
        QVERIFY(m_window->welcomePage()->connectButton()->isEnabled());
        QVERIFY(m_window->welcomePage()->sandboxButton()->isEnabled());
        QCOMPARE(m_window->accountsPanel()->rowCount(), 0);
        saveScreenshot(QStringLiteral("welcome.png"));
    }

    void connectWithoutAppIdAsksForSettings()
    {
        // No App ID: Connect opens the settings instead of a login page that cannot work.
        m_window->connectAccount();
        QTRY_VERIFY(m_window->settingsDialog() != nullptr);
        auto *dialog = qobject_cast<SettingsDialog *>(m_window->settingsDialog());
        QVERIFY(dialog);
        QVERIFY(!m_signIn->isRunning());

        // The manager enters the app; the secret goes to the vault, never to the config.
        AppConfig entered = dialog->config();
        QCOMPARE(entered.hosts, InstagramHosts()); // real Instagram by default
        const auto edits = dialog->findChildren<QLineEdit *>();
        QLineEdit *appId = nullptr;
        QLineEdit *secret = nullptr;
        for (QLineEdit *edit : edits) {
            if (edit->accessibleName() == QLatin1String("Instagram App ID"))
                appId = edit;
            if (edit->accessibleName() == QLatin1String("Instagram App Secret"))
                secret = edit;
        }
        QVERIFY(appId && secret);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        appId->setText(QStringLiteral("1234567890"));
        secret->setText(QStringLiteral("typed-secret-value"));
        dialog->accept();
        QTRY_COMPARE(m_app->config().appId, QStringLiteral("1234567890"));
        QTRY_VERIFY(m_window->statusText().contains(QStringLiteral("keychain")));
        const auto stored = await(m_vault->read(TokenVault::appSecretKey(QStringLiteral("1234567890"))));
        QVERIFY(stored && *stored);
        QCOMPARE(**stored, QStringLiteral("typed-secret-value"));
        QVERIFY(m_signIn->window() == nullptr);
    }

    // Settings asks for both of a Meta app's pairs: the Meta app's secret goes to the real
    // keychain under its own key, the ids to the settings, and neither secret into inlet.ini.
    void metaAppSecretGoesToTheKeychainOnly()
    {
        QVERIFY(!m_vault->sessionOnlyFallback());
        const QString ini = m_dir->filePath(QStringLiteral("inlet.ini"));
        connect(m_app.get(), &AppSetup::configChanged, this, [ini](const AppConfig &config) {
            QSettings settings(ini, QSettings::IniFormat); // as main.cpp saves it
            config.save(settings);
        });
        m_window->openSettings();
        QTRY_VERIFY(m_window->settingsDialog() != nullptr);
        auto *dialog = qobject_cast<SettingsDialog *>(m_window->settingsDialog());
        QVERIFY(dialog);
        QHash<QString, QLineEdit *> edits;
        for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
            edits.insert(edit->accessibleName(), edit);
        for (const char *name :
            { "Instagram App ID", "Instagram App Secret", "Meta App ID", "Meta App Secret" })
            QVERIFY2(edits.value(QLatin1String(name)), name);
        QCOMPARE(edits.value(QStringLiteral("Meta App Secret"))->echoMode(), QLineEdit::Password);
        edits.value(QStringLiteral("Instagram App ID"))->setText(QStringLiteral("1234567890"));
        edits.value(QStringLiteral("Instagram App Secret"))
            ->setText(QStringLiteral("typed-instagram-secret"));
        edits.value(QStringLiteral("Meta App ID"))->setText(QStringLiteral("2345678901234567"));
        edits.value(QStringLiteral("Meta App Secret"))
            ->setText(QStringLiteral("typed-meta-app-secret"));
        dialog->accept();
        QTRY_COMPARE(m_app->config().metaAppId, QStringLiteral("2345678901234567"));
        const QString key = TokenVault::metaAppSecretKey(QStringLiteral("2345678901234567"));
        QTRY_VERIFY_WITH_TIMEOUT(
            await(m_vault->read(key)).value_or(Result<QString>()).value_or(QString())
                == QLatin1String("typed-meta-app-secret"),
            10000);
        // In the keyring itself: another vault (another process, as it were) reads it.
        TokenVault other(QStringLiteral("inlet-test"));
        const auto fromKeyring = await(other.read(key));
        QVERIFY(fromKeyring && *fromKeyring);
        QCOMPARE(**fromKeyring, QStringLiteral("typed-meta-app-secret"));
        const auto instagram
            = await(other.read(TokenVault::appSecretKey(QStringLiteral("1234567890"))));
        QVERIFY(instagram && *instagram);
        QCOMPARE(**instagram, QStringLiteral("typed-instagram-secret"));

        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("2345678901234567"));
        QVERIFY(saved.contains("1234567890"));
        QVERIFY(!saved.contains("typed-meta-app-secret"));
        QVERIFY(!saved.contains("typed-instagram-secret"));

        // Reopened, the dialog says the secret is stored without showing it.
        QTRY_VERIFY(m_window->settingsDialog() == nullptr);
        m_window->openSettings();
        QTRY_VERIFY(m_window->settingsDialog() != nullptr);
        QLineEdit *metaSecret = nullptr;
        for (QLineEdit *edit : m_window->settingsDialog()->findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == QLatin1String("Meta App Secret"))
                metaSecret = edit;
        }
        QVERIFY(metaSecret);
        QVERIFY(metaSecret->text().isEmpty());
        QTRY_VERIFY(metaSecret->placeholderText().contains(QLatin1String("keychain")));
        m_window->settingsDialog()->close();

        QVERIFY(await(m_vault->remove(key)).value_or(Status()).has_value());
        await(m_vault->remove(TokenVault::appSecretKey(QStringLiteral("1234567890"))));
    }

    void trySandboxSignsInThroughTheLoginWindow()
    {
        QVERIFY(trySandboxAndAllow());
        QVERIFY(!m_window->isShowingWelcome());
        QCOMPARE(m_window->accountsPanel()->rowCount(), 1);
        const QString id = m_accounts->accounts().first().id;
        AccountRow *row = m_window->accountsPanel()->row(id);
        QVERIFY(row);
        QCOMPARE(row->account().username, m_sandboxOptions.businessUsername);
        QVERIFY(!row->bannerVisible());
        QVERIFY(m_window->statusText().contains(m_sandboxOptions.businessUsername));
        QVERIFY(m_sandbox->isActive());
        QVERIFY(m_link->isActive());
        QTRY_VERIFY(m_signIn->window() == nullptr); // the login window is gone

        // The avatar arrives off the GUI thread; wait for it so the screenshot shows it.
        QTRY_VERIFY_WITH_TIMEOUT(m_avatars->hasPicture(id), 10000);
        saveScreenshot(QStringLiteral("main-window.png"));
        Theme::apply(ThemeMode::Dark);
        QTest::qWait(50);
        saveScreenshot(QStringLiteral("main-window-dark.png"));
        Theme::apply(ThemeMode::System);
    }

    void needsSignInBannerAndReconnect()
    {
        QVERIFY(trySandboxAndAllow());
        const QString id = m_accounts->accounts().first().id;
        m_accounts->markNeedsSignIn(id, QStringLiteral("test: token revoked"));
        AccountRow *row = m_window->accountsPanel()->row(id);
        QVERIFY(row);
        QVERIFY(row->bannerVisible());
        QVERIFY(m_window->windowTitle().contains(QLatin1Char('1')));
        QTest::qWait(100); // let the list lay out the grown row
        saveScreenshot(QStringLiteral("needs-sign-in.png"));

        QSignalSpy signedIn(m_flow.get(), &SignInFlow::signedIn);
        QTest::mouseClick(row->reconnectButton(), Qt::LeftButton);
        QVERIFY(allowInLoginWindow());
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(m_window->accountsPanel()->rowCount(), 1);
        QVERIFY(!m_window->accountsPanel()->row(id)->bannerVisible());
    }

    void disconnectRemovesTokenAndAccount()
    {
        QVERIFY(trySandboxAndAllow());
        const QString id = m_accounts->accounts().first().id;
        const auto before = await(m_vault->read(TokenVault::accountKey(id)));
        QVERIFY(before && *before);

        // Cancel first: nothing happens.
        m_window->setDisconnectPrompt([](const Account &) { return std::optional<bool>(); });
        QTest::mouseClick(m_window->accountsPanel()->row(id)->disconnectButton(), Qt::LeftButton);
        QTest::qWait(100);
        QCOMPARE(m_window->accountsPanel()->rowCount(), 1);

        bool asked = false;
        m_window->setDisconnectPrompt([&asked](const Account &) {
            asked = true;
            return std::optional<bool>(true); // delete the messages too
        });
        QSignalSpy disconnected(m_accounts.get(), &AccountList::accountDisconnected);
        QTest::mouseClick(m_window->accountsPanel()->row(id)->disconnectButton(), Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(disconnected.wait(10000));
        QTRY_COMPARE(m_window->accountsPanel()->rowCount(), 0);
        QVERIFY(m_window->isShowingWelcome());
        const auto after = await(m_vault->read(TokenVault::accountKey(id)));
        QVERIFY(after && !*after);
        QVERIFY(TokenVault::isNotFound(after->error()));
    }

    void cancelledSignInSaysSo()
    {
        QSignalSpy failed(m_flow.get(), &SignInFlow::signInFailed);
        QTest::mouseClick(m_window->welcomePage()->sandboxButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return m_signIn->window() != nullptr; }, 15000));
        m_signIn->window()->close();
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Cancelled);
        QVERIFY(m_window->isShowingWelcome());
        QVERIFY(m_window->welcomePage()->sandboxButton()->isEnabled());
        QVERIFY(!m_signIn->isRunning());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
