// CoreLifecycle, the one start-up of the core (the windowed app, `inlet --headless`, the team
// server): the profile it opens and keeps, and what start() brings up in which order, against a
// real sandbox on loopback.
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "sandbox/sandbox.h"
#include "service/accountlist.h"
#include "service/appconfig.h"
#include "service/appsetup.h"
#include "service/corelifecycle.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "service/subscriptionkeeper.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::await;

class TestCoreLifecycle : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    QUrl m_base;

    LifecycleOptions options(bool headless) const
    {
        LifecycleOptions o;
        o.dataDir = m_dir->filePath(QStringLiteral("profile"));
        o.sessionOnlySecrets = true;
        o.webhookRequired = headless;
        if (headless)
            o.sandboxBase = m_base;
        return o;
    }

    std::unique_ptr<CoreLifecycle> open(const LifecycleOptions &o)
    {
        auto opened = CoreLifecycle::open(o);
        if (!opened)
            qWarning() << opened.error().message;
        return opened ? std::move(*opened) : nullptr;
    }

    QString business() const { return m_sandbox->options().businessId; }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 2;
        options.appId = QStringLiteral("1000000000000515");
        options.businessId = QStringLiteral("17841400000000515");
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        QVERIFY(base);
        m_base = *base;
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    // open(): a private data directory with inlet.ini beside the data; the config and the
    // webhook choices are the profile's and survive a restart.
    void openKeepsTheProfile()
    {
        {
            auto life = open(options(false));
            QVERIFY(life);
            QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("profile/inlet.ini"))));
            QCOMPARE(QFile::permissions(m_dir->filePath(QStringLiteral("profile")))
                    & (QFile::ReadOther | QFile::ReadGroup),
                QFile::Permissions());
            AppConfig config = life->core()->appSetup()->config();
            config.appId = QStringLiteral("4242");
            life->core()->appSetup()->setConfig(config);
            life->settings()->setValue(kWebhookPortKey, 48123);
            life->settings()->setValue(kWebhookPollingKey, true);
        }
        auto again = open(options(false));
        QVERIFY(again);
        QCOMPARE(again->core()->appSetup()->config().appId, QStringLiteral("4242"));
        QCOMPARE(again->core()->options().webhookPort, quint16(48123));
        QVERIFY(again->core()->pollingMode());

        // --webhook-port wins over the kept one.
        again.reset();
        LifecycleOptions o = options(false);
        o.webhookPort = 48124;
        again = open(o);
        QVERIFY(again);
        QCOMPARE(again->core()->options().webhookPort, quint16(48124));
    }

    void openFailsWithoutADataDirectory()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LifecycleOptions o = options(false);
        o.dataDir = m_dir->filePath(QStringLiteral("file/profile"));
        auto opened = CoreLifecycle::open(o);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Storage);
    }

    // Headless on a sandbox: its credentials, a sign-in without a browser, then the webhook
    // server, whose port the profile keeps, and the account's subscription.
    void headlessStartSignsInThenListensAndSubscribes()
    {
        quint16 port = 0;
        {
            auto life = open(options(true));
            QVERIFY(life);
            CoreServices *core = life->core();
            QSignalSpy signedIn(core->signInFlow(), &SignInFlow::signedIn);
            QSignalSpy started(core, &CoreServices::webhookStarted);
            QSignalSpy subscribed(core, &CoreServices::webhooksSubscribed);
            QSignalSpy fatal(life.get(), &CoreLifecycle::fatal);
            life->start();
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 15000);
            QCOMPARE(subscribed.first().first().toString(), business());
            QCOMPARE(fatal.size(), 0);
            port = quint16(started.first().first().toUrl().port());
            QCOMPARE(life->settings()->value(kWebhookPortKey).toUInt(), uint(port));
        }
        auto again = open(options(true));
        QVERIFY(again);
        QCOMPARE(again->core()->options().webhookPort, port);
    }

    // Polling mode is for a manager without a public URL: nothing is registered with Meta, the
    // account is polled instead.
    void pollingModeSubscribesNothing()
    {
        LifecycleOptions o = options(true);
        o.pollingMode = true;
        o.pollIntervalMs = 60'000;
        auto life = open(o);
        QVERIFY(life);
        CoreServices *core = life->core();
        QSignalSpy subscribed(core, &CoreServices::webhooksSubscribed);
        QSignalSpy appSubscribed(core, &CoreServices::appWebhooksSubscribed);
        QSignalSpy synced(core, &CoreServices::syncFinished);
        life->start();
        // The first walk of the account ended: start-up is over.
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 60000);
        QCOMPARE(subscribed.size(), 0);
        QCOMPARE(appSubscribed.size(), 0);
        QCOMPARE(
            core->subscriptions()->status(business()).state, SubscriptionKeeper::State::Polling);
    }

    // Windowed: without an App ID nothing listens yet; the sign-in that brings one starts the
    // webhook server and, on the sandbox, subscribes the new account.
    void windowedStartWaitsForTheAppId()
    {
        auto life = open(options(false));
        QVERIFY(life);
        CoreServices *core = life->core();
        QSignalSpy loaded(core->accounts(), &AccountList::accountsChanged);
        QSignalSpy started(core, &CoreServices::webhookStarted);
        QSignalSpy failed(core, &CoreServices::webhookFailed);
        QSignalSpy subscribed(core, &CoreServices::webhooksSubscribed);
        QSignalSpy fatal(life.get(), &CoreLifecycle::fatal);
        life->start();
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(core->webhookUrl().isEmpty());

        const auto app = await(core->sandboxLink()->connectTo(m_base));
        QVERIFY(app && *app);
        core->sandboxLink()->signInWithoutBrowser();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 15000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fatal.size(), 0);
        // The sandbox's hosts went to the profile with the rest of the config.
        QCOMPARE(AppConfig::load(*life->settings()).hosts, InstagramHosts::allAt(m_base));
    }

    // Headless exists for its webhook: no App ID (no secret) ends the run.
    void headlessWithoutAnAppIsFatal()
    {
        LifecycleOptions o = options(true);
        o.sandboxBase = QUrl();
        auto life = open(o);
        QVERIFY(life);
        QSignalSpy fatal(life.get(), &CoreLifecycle::fatal);
        QSignalSpy started(life->core(), &CoreServices::webhookStarted);
        life->start();
        QTRY_COMPARE_WITH_TIMEOUT(fatal.size(), 1, 15000);
        QCOMPARE(started.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCoreLifecycle)
#include "tst_corelifecycle.moc"
