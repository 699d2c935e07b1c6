#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/keychainerror.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/signedincore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::appCredentials;
using inlet::test::await;
using inlet::test::quietSandbox;

// The sign-in orchestration against the sandbox, with its headless consent control instead of a
// browser: SignInFlow (OAuthFlow -> TokenVault) -> AccountList (Store, scheduler), reconnect,
// disconnect, restart; AppSetup gives both the app's id, hosts and secret.
// The vault runs session-only (in memory): the keychain itself is tested in tst_tokenvault.
class TestSignInFlow : public QObject {
    Q_OBJECT
private:
    struct Services {
        std::unique_ptr<Store> store;
        std::unique_ptr<TokenVault> vault;
        std::unique_ptr<GraphClient> graph;
        std::unique_ptr<TokenRefreshScheduler> scheduler;
        std::unique_ptr<AppSetup> app;
        std::unique_ptr<AccountList> accounts;
        std::unique_ptr<SignInFlow> signIn;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    test::TestSandbox m_sandbox;

    // A fresh set of services over the same data dir (like an app restart) sharing `vault`.
    Services makeServices(TokenVault *sharedVault = nullptr)
    {
        Services s;
        auto store = Store::open(m_dir->path());
        if (!store)
            qFatal("store: %s", qPrintable(store.error().message));
        s.store = std::move(*store);
        if (!sharedVault) {
            s.vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
            s.vault->setSessionOnlyFallback(true);
            sharedVault = s.vault.get();
        }
        s.graph = std::make_unique<GraphClient>(InstagramHosts::allAt(m_sandbox.base()));
        s.graph->setTransferTimeout(std::chrono::seconds(5));
        s.scheduler = std::make_unique<TokenRefreshScheduler>(s.graph.get(), sharedVault);
        s.app = std::make_unique<AppSetup>(sharedVault, s.graph.get());
        s.accounts = std::make_unique<AccountList>(
            s.store.get(), sharedVault, s.graph.get(), s.scheduler.get());
        s.signIn = std::make_unique<SignInFlow>(
            s.app.get(), s.accounts.get(), sharedVault, s.graph.get());
        return s;
    }

    bool useSandbox(Services &s)
    {
        SandboxLink link(s.app.get(), s.signIn.get());
        return test::useSandbox(link, m_sandbox, appCredentials(m_sandbox));
    }

    // One whole sign-in with the sandbox's headless consent; returns the new account.
    std::optional<Account> signIn(Services &s)
    {
        return test::signIn(*s.signIn, m_sandbox, 10000);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox.start(quietSandbox(3)));
    }

    void cleanup()
    {
        m_sandbox.stop();
        m_dir.reset();
    }

    // AppSetup has one job: the Meta app's set-up. It needs no store and no accounts.
    void appSetupStandsAlone()
    {
        TokenVault vault(QStringLiteral("inlet-test"));
        vault.setSessionOnlyFallback(true);
        GraphClient graph;
        AppSetup app(&vault, &graph);
        const auto early = await(app.storeAppSecret(QStringLiteral("s3cret")));
        QVERIFY(early && !*early);
        QCOMPARE(early->error().kind, Error::Kind::Invalid);

        AppConfig config;
        config.appId = QStringLiteral("77");
        config.hosts = InstagramHosts::allAt(m_sandbox.base());
        QSignalSpy secrets(&app, &AppSetup::appSecretsChanged);
        app.setConfig(config);
        QCOMPARE(graph.hosts(), InstagramHosts::allAt(m_sandbox.base()));
        const auto stored = await(app.storeAppSecret(QStringLiteral("s3cret")));
        QVERIFY(stored && *stored);
        QCOMPARE(secrets.size(), 1);
        const auto secret = await(app.appSecret());
        QVERIFY(secret && *secret);
        QCOMPARE(**secret, QStringLiteral("s3cret"));
        const auto has = await(app.hasAppSecret());
        QVERIFY(has && *has && **has);
    }

    void useSandboxSetsHostsAndKeepsSecretInVault()
    {
        Services s = makeServices();
        QSignalSpy configChanged(s.app.get(), &AppSetup::configChanged);
        QVERIFY(useSandbox(s));
        QCOMPARE(s.app->config().hosts, InstagramHosts::allAt(m_sandbox.base()));
        QCOMPARE(s.app->config().appId, m_sandbox->options().appId);
        QCOMPARE(s.graph->hosts(), InstagramHosts::allAt(m_sandbox.base()));
        QVERIFY(configChanged.count() >= 1);
        const auto secret
            = await(s.vault->read(TokenVault::appSecretKey(m_sandbox->options().appId)));
        QVERIFY(secret && *secret);
        QCOMPARE(**secret, m_sandbox->options().appSecret);
        const auto has = await(s.app->hasAppSecret());
        QVERIFY(has && *has && **has);
    }

    void signInStoresAccountTokenAndTracksIt()
    {
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        QSignalSpy changed(s.accounts.get(), &AccountList::accountsChanged);
        const auto account = signIn(s);
        QVERIFY(account);
        QCOMPARE(account->id, m_sandbox->options().businessId);
        QCOMPARE(account->username, m_sandbox->options().businessUsername);
        QVERIFY(!account->needsSignIn);
        QVERIFY(account->tokenExpiresAt > QDateTime::currentDateTimeUtc().addDays(50));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(s.accounts->accounts().size(), 1);
        QVERIFY(!s.signIn->isSigningIn());

        // The token is in the vault under the account id, and the scheduler keeps it fresh.
        const auto token = await(s.vault->read(TokenVault::accountKey(account->id)));
        QVERIFY(token && *token && !(*token)->isEmpty());
        QVERIFY(s.scheduler->isTracked(account->id));

        // The store has the account (and no token anywhere in its file).
        auto reader = StoreReader::open(s.store->databasePath());
        QVERIFY(reader);
        QTRY_COMPARE((*reader)->accounts().value_or(QList<Account>()).size(), 1);
        QFile file(s.store->databasePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains((*token)->toUtf8()));
    }

    // After a full sign-in, neither the logs, the database nor the settings hold a secret.
    void noSecretInLogsDatabaseOrSettings()
    {
        test::LogCapture logs;
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        const auto account = signIn(s);
        QVERIFY(account);
        const auto token = await(s.vault->read(TokenVault::accountKey(account->id)));
        QVERIFY(token && *token);
        const QString secret = m_sandbox->options().appSecret;
        const QStringList secrets { **token, secret };

        QSettings settings(m_dir->filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
        s.app->config().save(settings);
        settings.sync();
        QVERIFY(!logs.lines().isEmpty());
        for (const QString &value : secrets) {
            QVERIFY2(
                logs.linesWith(value).isEmpty(), qPrintable(logs.linesWith(value).join(u'\n')));
            for (const QString &path : { s.store->databasePath(), settings.fileName() }) {
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(value.toUtf8()), qPrintable(path));
            }
        }
        QCOMPARE(AppConfig::load(settings), s.app->config());
    }

    void accountsSurviveRestart()
    {
        auto vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        vault->setSessionOnlyFallback(true);
        QString id;
        {
            Services first = makeServices(vault.get());
            QVERIFY(useSandbox(first));
            const auto account = signIn(first);
            QVERIFY(account);
            id = account->id;
        }
        Services second = makeServices(vault.get());
        QSignalSpy changed(second.accounts.get(), &AccountList::accountsChanged);
        const QFuture<Status> loaded = second.accounts->load();
        // The store is read on its reader thread: nothing is known before the answer comes back.
        QVERIFY(second.accounts->accounts().isEmpty());
        QCOMPARE(changed.size(), 0);
        QVERIFY(await(loaded));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(second.accounts->accounts().size(), 1);
        QCOMPARE(second.accounts->accounts().first().id, id);
        QTRY_VERIFY(second.scheduler->isTracked(id)); // token found in the vault
        QVERIFY(!second.accounts->accounts().first().needsSignIn);
    }

    void missingTokenAtStartMeansNeedsSignIn()
    {
        auto vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        vault->setSessionOnlyFallback(true);
        QString id;
        {
            Services first = makeServices(vault.get());
            QVERIFY(useSandbox(first));
            const auto account = signIn(first);
            QVERIFY(account);
            id = account->id;
        }
        QVERIFY(await(vault->remove(TokenVault::accountKey(id))));
        Services second = makeServices(vault.get());
        QSignalSpy needs(second.accounts.get(), &AccountList::accountNeedsSignIn);
        second.accounts->load();
        QVERIFY(needs.wait(5000));
        QVERIFY(second.accounts->account(id)->needsSignIn);
        QVERIFY(second.accounts->signInReason(id).contains(QStringLiteral("keychain")));
    }

    void tokenInvalidMarksNeedsSignInAndReconnectClearsIt()
    {
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        const auto account = signIn(s);
        QVERIFY(account);
        const auto oldToken = await(s.vault->read(TokenVault::accountKey(account->id)));
        QVERIFY(oldToken && *oldToken);

        // Instagram revokes the token; the next Graph call answers 190.
        m_sandbox.control().call("POST", QStringLiteral("/__sandbox/tokens/revoke"),
            { { QStringLiteral("all"), true } });
        QSignalSpy needs(s.accounts.get(), &AccountList::accountNeedsSignIn);
        const auto me = await(s.graph->me(AccessToken { **oldToken, account->id }));
        QVERIFY(me && !*me);
        QVERIFY(needs.wait(5000) || needs.count() == 1);
        QVERIFY(s.accounts->account(account->id)->needsSignIn);
        QVERIFY(!s.scheduler->isTracked(account->id));
        QVERIFY(!s.accounts->signInReason(account->id).isEmpty());

        // The flag is stored, so it survives a restart.
        auto reader = StoreReader::open(s.store->databasePath());
        QVERIFY(reader);
        QTRY_VERIFY((*reader)->accounts().value_or(QList<Account>()).value(0).needsSignIn);

        // Reconnect: the same account, fresh token, flag gone, still one account.
        const auto again = signIn(s);
        QVERIFY(again);
        QCOMPARE(again->id, account->id);
        QCOMPARE(s.accounts->accounts().size(), 1);
        QVERIFY(!s.accounts->account(account->id)->needsSignIn);
        QVERIFY(s.accounts->signInReason(account->id).isEmpty());
        const auto newToken = await(s.vault->read(TokenVault::accountKey(account->id)));
        QVERIFY(newToken && *newToken);
        QVERIFY(**newToken != **oldToken);
        QVERIFY(s.scheduler->isTracked(account->id));
    }

    void disconnectDeletesTokenAndAccount_data()
    {
        QTest::addColumn<bool>("deleteMessages");
        QTest::newRow("keep messages") << false;
        QTest::newRow("delete messages") << true;
    }

    void disconnectDeletesTokenAndAccount()
    {
        QFETCH(bool, deleteMessages);
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        const auto account = signIn(s);
        QVERIFY(account);
        QSignalSpy disconnected(s.accounts.get(), &AccountList::accountDisconnected);
        const auto done = await(s.accounts->disconnectAccount(account->id, deleteMessages));
        QVERIFY(done && *done);
        QCOMPARE(disconnected.count(), 1);
        QVERIFY(s.accounts->accounts().isEmpty());
        QVERIFY(!s.scheduler->isTracked(account->id));
        const auto token = await(s.vault->read(TokenVault::accountKey(account->id)));
        QVERIFY(token && !*token);
        QVERIFY(TokenVault::isNotFound(token->error()));
        auto reader = StoreReader::open(s.store->databasePath());
        QVERIFY(reader);
        QVERIFY((*reader)->accounts().value_or(QList<Account> { Account {} }).isEmpty());
    }

    // The first account's sign-in is a plain authorize URL; once one is connected, connecting
    // another adds force_reauth=true (issue 10).
    void anotherAccountForcesReauth()
    {
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        QVERIFY(s.accounts->accounts().isEmpty());
        const auto first = await(s.signIn->beginSignIn());
        QVERIFY(first && *first);
        QVERIFY(!QUrlQuery((*first)->authorizeUrl).hasQueryItem(QStringLiteral("force_reauth")));
        QVERIFY(signIn(s));
        QCOMPARE(s.accounts->accounts().size(), 1);
        const auto another = await(s.signIn->beginSignIn());
        QVERIFY(another && *another);
        QCOMPARE(QUrlQuery((*another)->authorizeUrl).queryItemValue(QStringLiteral("force_reauth")),
            QStringLiteral("true"));
        // The sandbox takes it: the headless consent still signs in.
        const QUrl redirect = m_sandbox.control().consent((*another)->authorizeUrl);
        QVERIFY(s.signIn->handleRedirect(redirect));
    }

    void denyEndsWithClearError()
    {
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        const auto request = await(s.signIn->beginSignIn());
        QVERIFY(request && *request);
        QVERIFY(s.signIn->isSigningIn());
        const QUrlQuery query((*request)->authorizeUrl);
        QUrl denied = (*request)->redirectUri;
        denied.setQuery(QStringLiteral("error=access_denied&error_reason=user_denied&"
                                       "error_description=The+user+denied+your+request&state=")
            + query.queryItemValue(QStringLiteral("state")));
        const Result<QString> code = s.signIn->handleRedirect(denied);
        QVERIFY(!code);
        QCOMPARE(code.error().kind, Error::Kind::Auth);
        QSignalSpy failed(s.signIn.get(), &SignInFlow::signInFailed);
        s.signIn->abortSignIn(code.error());
        QCOMPARE(failed.count(), 1);
        QVERIFY(!s.signIn->isSigningIn());
        QVERIFY(s.accounts->accounts().isEmpty());
    }

    void wrongStateIsRefused()
    {
        Services s = makeServices();
        QVERIFY(useSandbox(s));
        const auto request = await(s.signIn->beginSignIn());
        QVERIFY(request && *request);
        QUrl forged = (*request)->redirectUri;
        forged.setQuery(QStringLiteral("code=abc&state=forged"));
        const Result<QString> code = s.signIn->handleRedirect(forged);
        QVERIFY(!code);
        QCOMPARE(code.error().kind, Error::Kind::Auth);
    }

    void withoutSecretSignInExplainsWhatIsMissing()
    {
        Services s = makeServices();
        AppConfig config;
        QVERIFY(!config.isComplete());
        s.app->setConfig(config);
        const auto incomplete = await(s.signIn->beginSignIn());
        QVERIFY(incomplete && !*incomplete);
        QCOMPARE(incomplete->error().kind, Error::Kind::Invalid);
        QCOMPARE(incomplete->error().reason, Error::Reason::SignInNotConfigured);

        config.appId = QStringLiteral("42");
        config.hosts = InstagramHosts::allAt(m_sandbox.base());
        s.app->setConfig(config);
        const auto noSecret = await(s.signIn->beginSignIn());
        QVERIFY(noSecret && !*noSecret);
        QCOMPARE(noSecret->error().kind, Error::Kind::Keychain);
        QCOMPARE(noSecret->error().reason, Error::Reason::KeychainNotFound);
        QCOMPARE(
            noSecret->error().args, QStringList { QString::number(int(KeychainItem::AppSecret)) });
        QVERIFY(!s.signIn->isSigningIn());
    }
};

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
