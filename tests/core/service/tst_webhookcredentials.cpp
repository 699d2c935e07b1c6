// The two credential pairs of a Meta app with Instagram login, end to end against the sandbox
// (instagram-api.md §11): deliveries signed with either app secret are stored by the real
// WebhookServer, the app-level subscription takes the Meta app's pair (and, without it, says to do
// it in Meta's dashboard), and the per-account subscription runs whatever the app-level step did.
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/appsetup.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "store/storereader.h"
#include "support/signedincore.h"
#include "sync/syncengine.h"
#include "webhook/signatureverifier.h"
#include "webhook/webhookserver.h"

#include <QDir>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::test;

class TestWebhookCredentials : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    test::TestSandbox m_sandbox;

    // CoreServices signed in to the sandbox (session-only vault: tst_tokenvault tests the keychain)
    // with its webhook server running.
    std::unique_ptr<CoreServices> startCore(const AppCredentials &app)
    {
        CoreOptions options;
        options.dataDir = m_dir->path();
        options.verifyToken = QStringLiteral("verify-me");
        return test::signedInCore(
            m_sandbox, options, { .app = app, .sessionOnlyVault = true, .webhookServer = true });
    }

    bool isStored(const QString &mid)
    {
        auto reader
            = StoreReader::open(QDir(m_dir->path()).filePath(QStringLiteral("inlet.sqlite")));
        if (!reader)
            return false;
        const auto message = (*reader)->messageByMid(m_sandbox->options().businessId, mid);
        return message && message->has_value();
    }

    // An empty batch signed with `secret`: the webhook server's answer.
    int postSignedWith(const QUrl &url, const QByteArray &secret)
    {
        return m_sandbox.postSigned(url, R"({"object":"instagram","entry":[]})", secret);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox.start(quietSandbox(2)));
    }

    void cleanup()
    {
        m_sandbox.stop();
        m_dir.reset();
    }

    // The sandbox signs with the Meta app secret (as Meta's webhook page says); the switch makes
    // it sign with the Instagram one. Both deliveries reach the store; a third secret is refused;
    // which secret signs is logged once.
    void deliveriesSignedWithEitherSecretAreStored()
    {
        test::LogCapture logs;
        std::unique_ptr<CoreServices> core = startCore(appCredentials(m_sandbox));
        QVERIFY(core);
        QSignalSpy appDone(core.get(), &CoreServices::appWebhooksSubscribed);
        QSignalSpy accountDone(core.get(), &CoreServices::webhooksSubscribed);
        core->subscribeWebhooks();
        QTRY_COMPARE_WITH_TIMEOUT(appDone.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(accountDone.count(), 1, 10000);
        QCOMPARE(m_sandbox.subscriptions().value(QLatin1String("callback_url")).toString(),
            core->webhookUrl().toString());

        const QString metaSigned = m_sandbox.customerWrites(
            m_sandbox.firstCustomer(), QStringLiteral("signed with the Meta app secret"));
        QTRY_VERIFY_WITH_TIMEOUT(isStored(metaSigned), 10000);
        QCOMPARE(core->webhookServer()->signingSecret(), WebhookServer::SigningSecret::Meta);

        m_sandbox.control().call("POST", QStringLiteral("/__sandbox/webhooks/signing"),
            { { QStringLiteral("secret"), QStringLiteral("instagram") } });
        const QString instagramSigned = m_sandbox.customerWrites(
            m_sandbox.firstCustomer(), QStringLiteral("signed with the Instagram App Secret"));
        QTRY_VERIFY_WITH_TIMEOUT(isStored(instagramSigned), 10000);

        QCOMPARE(postSignedWith(core->webhookUrl(), "a-third-secret"), 403);
        QCOMPARE(
            postSignedWith(core->webhookUrl(), m_sandbox->options().metaAppSecret.toUtf8()), 200);
        QCOMPARE(logs.linesWith(QStringLiteral("webhook signatures are made with the")).size(), 1);
        QCOMPARE(
            logs.linesWith(QStringLiteral("webhook signatures are made with the Meta app secret"))
                .size(),
            1);
        for (const QString &line : logs.lines()) {
            QVERIFY2(!line.contains(m_sandbox->options().metaAppSecret), qPrintable(line));
            QVERIFY2(!line.contains(m_sandbox->options().appSecret), qPrintable(line));
        }
    }

    // The Meta pair entered in Settings while the server runs: deliveries signed with it are
    // accepted at once, on the same port, without a restart (they got 403 until then).
    void metaSecretEnteredWhileRunningIsUsedAtOnce()
    {
        std::unique_ptr<CoreServices> core = startCore(appCredentials(m_sandbox, false));
        QVERIFY(core);
        const QUrl url = core->webhookUrl();
        const QByteArray metaSecret = m_sandbox->options().metaAppSecret.toUtf8();
        QCOMPARE(postSignedWith(url, metaSecret), 403);

        AppSetup *app = core->appSetup();
        AppConfig config = app->config();
        config.metaAppId = m_sandbox->options().metaAppId;
        app->setConfig(config);
        QVERIFY(await(app->storeMetaAppSecret(m_sandbox->options().metaAppSecret)));
        QTRY_COMPARE_WITH_TIMEOUT(postSignedWith(url, metaSecret), 200, 10000);
        QCOMPARE(core->webhookUrl(), url);
        QCOMPARE(postSignedWith(url, m_sandbox->options().appSecret.toUtf8()), 200);
        QCOMPARE(postSignedWith(url, "a-third-secret"), 403);
    }

    // A profile from before the Meta pair (or a manager who only has the Instagram pair): the
    // webhook server checks with the Instagram App Secret, the app-level step is left to the
    // dashboard, and every account is still subscribed.
    void onlyTheInstagramPairStillSubscribesEveryAccount()
    {
        std::unique_ptr<CoreServices> core = startCore(appCredentials(m_sandbox, false));
        QVERIFY(core);
        QVERIFY(core->appSetup()->config().metaAppId.isEmpty());
        QSignalSpy appDone(core.get(), &CoreServices::appWebhooksSubscribed);
        QSignalSpy appFailed(core.get(), &CoreServices::appWebhookSubscriptionFailed);
        QSignalSpy accountDone(core.get(), &CoreServices::webhooksSubscribed);
        QSignalSpy accountFailed(core.get(), &CoreServices::webhookSubscriptionFailed);
        core->subscribeWebhooks();
        QTRY_COMPARE_WITH_TIMEOUT(appFailed.count(), 1, 10000);
        const Error error = appFailed.first().first().value<Error>();
        QCOMPARE(error.kind, Error::Kind::Invalid);
        QCOMPARE(error.code, int(CoreServices::AppSubscriptionInDashboard));
        QTRY_COMPARE_WITH_TIMEOUT(accountDone.count(), 1, 10000);
        QCOMPARE(accountDone.first().first().toString(), m_sandbox->options().businessId);
        QCOMPARE(accountFailed.count(), 0);
        QCOMPARE(appDone.count(), 0);
        QVERIFY(
            !m_sandbox.subscriptions().value(QLatin1String("account_fields")).toArray().isEmpty());
        QVERIFY(
            m_sandbox.subscriptions().value(QLatin1String("callback_url")).toString().isEmpty());
        // Signatures are still checked, with the one secret there is.
        QCOMPARE(postSignedWith(core->webhookUrl(), m_sandbox->options().appSecret.toUtf8()), 200);
        QCOMPARE(
            postSignedWith(core->webhookUrl(), m_sandbox->options().metaAppSecret.toUtf8()), 403);
    }

    // The app-level step fails (an injected 503 from Graph; Meta's handshake failing): the
    // accounts are subscribed all the same.
    void accountsAreSubscribedWhenTheAppLevelStepFails()
    {
        std::unique_ptr<CoreServices> core = startCore(appCredentials(m_sandbox));
        QVERIFY(core);
        // The sign-in's sync must be done, so that the injected fault meets the subscription.
        const QString id = m_sandbox->options().businessId;
        QTRY_VERIFY_WITH_TIMEOUT(core->syncEngine(id) && !core->syncEngine(id)->isRunning(), 30000);
        QTest::qWait(200);
        QSignalSpy appFailed(core.get(), &CoreServices::appWebhookSubscriptionFailed);
        QSignalSpy accountDone(core.get(), &CoreServices::webhooksSubscribed);
        QSignalSpy accountFailed(core.get(), &CoreServices::webhookSubscriptionFailed);

        m_sandbox.control().fault(
            { { QStringLiteral("count"), 1 }, { QStringLiteral("http_status"), 503 } });
        core->subscribeWebhooks();
        QTRY_COMPARE_WITH_TIMEOUT(appFailed.count(), 1, 10000);
        QCOMPARE(appFailed.first().first().value<Error>().httpStatus, 503);
        QTRY_COMPARE_WITH_TIMEOUT(accountDone.count(), 1, 10000);
        QCOMPARE(accountFailed.count(), 0);
        QVERIFY(
            !m_sandbox.subscriptions().value(QLatin1String("account_fields")).toArray().isEmpty());
        QVERIFY(
            m_sandbox.subscriptions().value(QLatin1String("callback_url")).toString().isEmpty());

        // The handshake cannot reach this callback: Graph answers 2200 to the app-level POST.
        appFailed.clear();
        accountDone.clear();
        core->subscribeWebhooks(test::closedPortUrl());
        QTRY_COMPARE_WITH_TIMEOUT(appFailed.count(), 1, 15000);
        QCOMPARE(appFailed.first().first().value<Error>().code, 2200);
        QTRY_COMPARE_WITH_TIMEOUT(accountDone.count(), 1, 10000);
    }
};

QTEST_MAIN(TestWebhookCredentials)
#include "tst_webhookcredentials.moc"
