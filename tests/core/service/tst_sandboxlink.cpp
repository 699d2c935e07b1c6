// SandboxLink, the core's one adapter to a sandbox: it reads the sandbox's app over the documented
// control API (GET /__sandbox/app), points every Instagram host and the media host at it, keeps
// both app secrets in the vault (never in settings), and signs in without a browser through
// POST /__sandbox/consent; everything else is the ordinary Instagram client.
#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "support/signedincore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::await;

class TestSandboxLink : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    test::TestSandbox m_sandbox;
    std::unique_ptr<CoreServices> m_core;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox.start(test::quietSandbox(
            2, QStringLiteral("1000000000000514"), QStringLiteral("17841400000000514"))));
        CoreOptions core;
        core.dataDir = m_dir->path();
        m_core = test::createCore(core);
        QVERIFY(m_core);
        m_core->vault()->setSessionOnlyFallback(true);
    }

    void cleanup()
    {
        m_core.reset();
        m_sandbox.stop();
        m_dir.reset();
    }

    void connectToPointsEverythingAtTheSandbox()
    {
        SandboxLink *link = m_core->sandboxLink();
        QVERIFY(!link->isActive());
        const auto app = await(link->connectTo(m_sandbox.base()));
        QVERIFY(app && *app);
        const sandbox::SandboxOptions &o = m_sandbox->options();
        QCOMPARE((*app)->businessId, o.businessId);
        QCOMPARE((*app)->credentials.appId, o.appId);
        QCOMPARE(link->businessId(), o.businessId);
        QVERIFY(link->isActive());

        const AppConfig &config = m_core->appSetup()->config();
        QCOMPARE(config.hosts, InstagramHosts::allAt(m_sandbox.base()));
        QCOMPARE(m_core->graph()->hosts(), InstagramHosts::allAt(m_sandbox.base()));
        QCOMPARE(config.appId, o.appId);
        QCOMPARE(config.metaAppId, o.metaAppId);
        QCOMPARE(config.mediaUploadUrl.path(), QStringLiteral("/media"));
        QCOMPARE(config.mediaUploadUrl.port(), m_sandbox.base().port());
        const auto secret = await(m_core->vault()->read(TokenVault::appSecretKey(o.appId)));
        QVERIFY(secret && *secret);
        QCOMPARE(**secret, o.appSecret);
        const auto metaSecret
            = await(m_core->vault()->read(TokenVault::metaAppSecretKey(o.metaAppId)));
        QVERIFY(metaSecret && *metaSecret);
        QCOMPARE(**metaSecret, o.metaAppSecret);

        // Settings that move the hosts to Instagram end the sandbox's turn.
        AppConfig real = config;
        real.hosts = InstagramHosts {};
        m_core->appSetup()->setConfig(real);
        QVERIFY(!link->isActive());
    }

    void anUnreachableSandboxChangesNothing()
    {
        const QUrl gone = test::closedPortUrl();
        const AppConfig before = m_core->appSetup()->config();
        const auto app = await(m_core->sandboxLink()->connectTo(gone));
        QVERIFY(app);
        QVERIFY(!app->has_value());
        QCOMPARE(app->error().kind, Error::Kind::Network);
        QVERIFY(app->error().message.contains(QStringLiteral("app credentials")));
        QCOMPARE(m_core->appSetup()->config(), before);
        QVERIFY(!m_core->sandboxLink()->isActive());
    }

    void signsInWithoutABrowser()
    {
        SandboxLink *link = m_core->sandboxLink();
        const auto app = await(link->connectTo(m_sandbox.base()));
        QVERIFY(app && *app);
        QSignalSpy signedIn(m_core->signInFlow(), &SignInFlow::signedIn);
        QSignalSpy failed(m_core->signInFlow(), &SignInFlow::signInFailed);
        link->signInWithoutBrowser();
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(signedIn.first().first().value<Account>().id, m_sandbox->options().businessId);
        QVERIFY(m_core->accounts()->account(m_sandbox->options().businessId));
    }
};

QTEST_GUILESS_MAIN(TestSandboxLink)
#include "tst_sandboxlink.moc"
