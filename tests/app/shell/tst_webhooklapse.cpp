// Webhooks that lapse, end to end: the whole core (CoreServices with its real webhook server and
// store) signed in to the sandbox over loopback. The app's webhook server goes down while
// customers write; the machine "sleeps" 37 h, so the sandbox, like Meta, drops the deliveries and
// switches the account's subscription off. When the app comes back, the SubscriptionKeeper sees
// the subscription off, subscribes again, and the catch-up sync fetches every message Instagram
// still lets a client read (the 20 newest of each conversation), marking the conversation whose
// older messages may be missing. The accounts panel says Live -> Subscription off -> Live.
#include "app/shell/accountspanel.h"
#include "app/shell/avatarloader.h"
#include "core/graph/graphtestutil.h"
#include "sandbox/sandbox.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/world.h"
#include "service/accountlist.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "service/subscriptionkeeper.h"
#include "store/guithread.h"
#include "store/storereader.h"
#include "support/shorthistory.h"
#include "support/signedincore.h"
#include "sync/syncengine.h"
#include "webhook/webhookserver.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::test;

namespace {
const QString kAppId = QStringLiteral("1000000000000094");
const QString kBusiness = QStringLiteral("17841400000000094");
constexpr int kTimeout = 30000;
} // namespace

class TestWebhookLapse : public QObject {
    Q_OBJECT

    TestSandbox m_sandbox;

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start(quietSandbox(3, kAppId, kBusiness)));
        m_sandbox->delivery().setRetryBackoff(20, 200); // Meta's cadence, compressed
        // Short histories keep the first walk brief.
        inlet::test::keepNewestMessages(m_sandbox->world(), 3);
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void recoversWhatSyncCanStillReachAfterALapse()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CoreOptions options;
        options.dataDir = dir.path();
        options.webhookPort
            = quint16(closedPortUrl().port()); // fixed: the same URL after a restart
        options.verifyToken = QStringLiteral("lapse-verify");
        options.rateLimitCapMs = 50;
        std::unique_ptr<CoreServices> core = createCore(options);
        QVERIFY(core);
        AccountList *accounts = core->accounts();
        SubscriptionKeeper *keeper = core->subscriptions();

        // The machine's wall clock, which the keeper compares with the monotonic one.
        qint64 sleptMs = 0;
        keeper->setWallClock([&sleptMs] { return QDateTime::currentMSecsSinceEpoch() + sleptMs; });
        SubscriptionKeeper::Timing timing;
        timing.resumeTickMs = 100;
        timing.resumeGapMs = 60'000;
        keeper->setTiming(timing);

        // The accounts panel, fed as CoreBridge feeds it; every text it showed, in order.
        QNetworkAccessManager network;
        app::AvatarLoader avatars(&network);
        app::AccountsPanel panel(&avatars);
        QStringList shown;
        connect(keeper, &SubscriptionKeeper::statusChanged, &panel, [&](const QString &id) {
            panel.setSubscriptionStatus(id, keeper->status(id));
            if (app::AccountRow *row = panel.row(id)) {
                const QString text = row->subscriptionText();
                if (shown.isEmpty() || shown.constLast() != text)
                    shown.append(text);
            }
        });

        // Sign in through the sandbox's consent control, then the webhook server and the
        // app-level subscription, as the app does on the sandbox.
        QVERIFY(useSandbox(*core->sandboxLink(), m_sandbox, appCredentials(m_sandbox)));
        QVERIFY(signIn(*core->signInFlow(), m_sandbox));
        panel.setAccounts(accounts->accounts());
        QTRY_VERIFY_WITH_TIMEOUT(core->syncEngine(kBusiness) != nullptr, 5000);
        SyncEngine *engine = core->syncEngine(kBusiness);
        QSignalSpy synced(engine, &SyncEngine::finished);
        QSignalSpy started(core.get(), &CoreServices::webhookStarted);
        core->startWebhookServer();
        QVERIFY(started.wait(10000));
        QSignalSpy subscribed(core.get(), &CoreServices::webhooksSubscribed);
        core->subscribeWebhooks();
        QVERIFY(subscribed.wait(kTimeout));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kTimeout); // the first walk is done
        QVERIFY(synced.first().first().value<SyncReport>().ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            keeper->status(kBusiness).state, SubscriptionKeeper::State::Live, kTimeout);

        // Live: a message arrives by webhook, and the panel shows when.
        // The test's own reads run under an allowance: this thread is the app's GUI thread.
        auto reader = guithread::allowed([&] {
            return StoreReader::open(QDir(dir.path()).filePath(QStringLiteral("inlet.sqlite")));
        });
        QVERIFY(reader);
        const QStringList customers = m_sandbox->world().conversationsByRecency();
        const QString live
            = m_sandbox.customerWrites(customers.at(0), QStringLiteral("Hello, are you there?"));
        QTRY_VERIFY_WITH_TIMEOUT(guithread::allowed([&] {
            return (*reader)->messageByMid(kBusiness, live)->has_value();
        }),
            kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(keeper->status(kBusiness).lastEventMs > 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(panel.row(kBusiness)->subscriptionText(),
            QStringLiteral("Live (last event just now)"), kTimeout);

        // The app's webhook server is down (the laptop is closed) while customers write: 23 in
        // one conversation (more than Instagram lets a client read), 2 in another.
        core->webhookServer()->stop();
        const qint64 failedBefore = m_sandbox->delivery().failedAttempts();
        QStringList burst;
        for (int i = 0; i < 23; ++i)
            burst.append(
                m_sandbox.customerWrites(customers.at(1), QStringLiteral("burst %1").arg(i)));
        const QStringList few { m_sandbox.customerWrites(customers.at(2), QStringLiteral("one")),
            m_sandbox.customerWrites(customers.at(2), QStringLiteral("two")) };
        QTRY_VERIFY_WITH_TIMEOUT(
            m_sandbox->delivery().failedAttempts() > failedBefore + 1, kTimeout);

        // 37 hours pass (Meta's clock and the machine's): Meta gives up on the deliveries and
        // switches the account's subscription off.
        int status = 0;
        m_sandbox.control().call("POST", QStringLiteral("/__sandbox/clock/advance"),
            { { "seconds", 37 * 3600 } }, &status);
        QCOMPARE(status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_sandbox->world().subscriptions().accountFields.isEmpty(), kTimeout);
        QCOMPARE(m_sandbox->delivery().pendingCount(), 0);
        QVERIFY(m_sandbox->delivery().droppedCount() >= 25);
        const QJsonObject apps
            = m_sandbox.control().call("GET", QStringLiteral("/__sandbox/webhooks"));
        QVERIFY(apps.value(QLatin1String("dropped")).toInt() >= 25);

        // The app comes back: its webhook server listens again, and the machine resumed.
        QVERIFY(core->webhookServer()->start());
        QSignalSpy catchUp(keeper, &SubscriptionKeeper::catchUpNeeded);
        sleptMs += 37LL * 3600 * 1000;
        QVERIFY(catchUp.wait(kTimeout));

        // The keeper found the subscription off and made it again...
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_sandbox->world().subscriptions().accountFields.isEmpty(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            keeper->status(kBusiness).state, SubscriptionKeeper::State::Live, kTimeout);
        // ...and the catch-up sync fetched every message Instagram still lets a client read.
        for (int i = 3; i < 23; ++i)
            QTRY_VERIFY2_WITH_TIMEOUT(guithread::allowed([&] {
                return (*reader)->messageByMid(kBusiness, burst.at(i))->has_value();
            }),
                qPrintable(burst.at(i)), kTimeout);
        for (const QString &mid : few)
            QTRY_VERIFY2_WITH_TIMEOUT(guithread::allowed([&] {
                return (*reader)->messageByMid(kBusiness, mid)->has_value();
            }),
                qPrintable(mid), kTimeout);
        // The three oldest of the burst are beyond the readable 20: the conversation says so.
        QVERIFY(!guithread::allowed(
            [&] { return (*reader)->messageByMid(kBusiness, burst.at(0))->has_value(); }));
        QTRY_VERIFY_WITH_TIMEOUT(guithread::allowed([&] {
            return (*(*reader)->conversationFor(kBusiness, customers.at(1)))->olderMissing;
        }),
            kTimeout);
        QVERIFY(!guithread::allowed([&] {
            return (*(*reader)->conversationFor(kBusiness, customers.at(2)))->olderMissing;
        }));

        // Live again for real: the next message comes by webhook.
        const QString after
            = m_sandbox.customerWrites(customers.at(0), QStringLiteral("Back online?"));
        QTRY_VERIFY_WITH_TIMEOUT(guithread::allowed([&] {
            return (*reader)->messageByMid(kBusiness, after)->has_value();
        }),
            kTimeout);

        // What the panel said along the way.
        const qsizetype off = shown.indexOf(QStringLiteral("Subscription off: re-subscribing"));
        QVERIFY2(off > 0, qPrintable(shown.join(QStringLiteral(" | "))));
        QVERIFY2(shown.at(off - 1).startsWith(QStringLiteral("Live (")),
            qPrintable(shown.join(QStringLiteral(" | "))));
        QVERIFY2(shown.constLast().startsWith(QStringLiteral("Live (")),
            qPrintable(shown.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestWebhookLapse)
#include "tst_webhooklapse.moc"
