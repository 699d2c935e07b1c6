// SubscriptionKeeper against the in-process sandbox over loopback: it subscribes an account,
// notices when Meta (the sandbox) switched the subscription off, re-subscribes and asks for a
// catch-up, notices a sleep (the wall clock jumping ahead of the monotonic one), and reports
// Polling in polling mode.
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/subscriptionkeeper.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace inlet;

namespace {
constexpr int kTimeout = 10000;
}

class TestSubscriptionKeeper : public QObject {
    Q_OBJECT

    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<GraphClient> m_client;
    std::unique_ptr<SubscriptionKeeper> m_keeper;
    QString m_business;
    QString m_token;

    bool sandboxSubscribed() { return !m_sandbox->world().subscriptions().accountFields.isEmpty(); }

    // Every state the keeper reported for the business account, in order.
    QList<SubscriptionKeeper::State> m_states;

private slots:
    void init()
    {
        sandbox::SandboxOptions options;
        options.customers = 2;
        options.eventsPerMinute = 0;
        m_business = options.businessId;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const auto base = m_sandbox->start();
        QVERIFY(base);
        m_token = m_sandbox->issueToken();
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(*base));
        const QString token = m_token;
        m_keeper = std::make_unique<SubscriptionKeeper>(
            m_client.get(),
            [token](const QString &) { return QtFuture::makeReadyFuture(Result<QString>(token)); },
            QStringList { QStringLiteral("messages"), QStringLiteral("message_reactions") });
        m_states.clear();
        connect(
            m_keeper.get(), &SubscriptionKeeper::statusChanged, this, [this](const QString &id) {
                if (id == m_business)
                    m_states.append(m_keeper->status(id).state);
            });
    }

    void cleanup()
    {
        m_keeper.reset();
        m_client.reset();
        m_sandbox.reset();
    }

    void subscribesWhenAnAccountIsAdded()
    {
        QVERIFY(!sandboxSubscribed());
        QSignalSpy subscribed(m_keeper.get(), &SubscriptionKeeper::subscribed);
        m_keeper->addAccount(m_business);
        QVERIFY(subscribed.wait(kTimeout));
        QCOMPARE(m_keeper->status(m_business).state, SubscriptionKeeper::State::Live);
        QVERIFY(sandboxSubscribed());
        QCOMPARE(m_sandbox->world().subscriptions().accountFields,
            (QStringList { QStringLiteral("messages"), QStringLiteral("message_reactions") }));

        // Events received: the time of the last one is part of the state.
        m_keeper->noteEvents({ m_business }, 1'700'000'000'000);
        QCOMPARE(m_keeper->status(m_business).lastEventMs, 1'700'000'000'000);
    }

    void checkFindsItOffResubscribesAndAsksForACatchUp()
    {
        QSignalSpy subscribed(m_keeper.get(), &SubscriptionKeeper::subscribed);
        m_keeper->addAccount(m_business);
        QVERIFY(subscribed.wait(kTimeout));

        // A check while it is on changes nothing.
        QSignalSpy catchUp(m_keeper.get(), &SubscriptionKeeper::catchUpNeeded);
        m_keeper->check(m_business);
        QTest::qWait(300);
        QVERIFY(catchUp.isEmpty());
        QCOMPARE(subscribed.count(), 1);

        // Meta switched it off (what the sandbox does after sustained failed deliveries).
        m_sandbox->world().subscriptions().accountFields.clear();
        m_states.clear();
        m_keeper->check(m_business);
        QVERIFY(subscribed.wait(kTimeout));
        QCOMPARE(catchUp.count(), 1);
        QCOMPARE(catchUp.first().first().toString(), m_business);
        QCOMPARE(m_states,
            (QList<SubscriptionKeeper::State> {
                SubscriptionKeeper::State::SubscriptionOff, SubscriptionKeeper::State::Live }));
        QVERIFY(sandboxSubscribed());
    }

    void checksOnItsOwnEveryInterval()
    {
        SubscriptionKeeper::Timing timing;
        timing.checkIntervalMs = 100;
        m_keeper->setTiming(timing);
        QSignalSpy subscribed(m_keeper.get(), &SubscriptionKeeper::subscribed);
        m_keeper->addAccount(m_business);
        QVERIFY(subscribed.wait(kTimeout));
        QSignalSpy catchUp(m_keeper.get(), &SubscriptionKeeper::catchUpNeeded);
        m_sandbox->world().subscriptions().accountFields.clear();
        QVERIFY(catchUp.wait(kTimeout)); // nobody called check()
        QTRY_VERIFY_WITH_TIMEOUT(sandboxSubscribed(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_keeper->status(m_business).state, SubscriptionKeeper::State::Live, kTimeout);
    }

    void aSleepAsksForACatchUpAndACheck()
    {
        qint64 offset = 0;
        m_keeper->setWallClock([&offset] { return QDateTime::currentMSecsSinceEpoch() + offset; });
        SubscriptionKeeper::Timing timing;
        timing.resumeTickMs = 50;
        timing.resumeGapMs = 60'000;
        m_keeper->setTiming(timing);
        QSignalSpy subscribed(m_keeper.get(), &SubscriptionKeeper::subscribed);
        m_keeper->addAccount(m_business);
        QVERIFY(subscribed.wait(kTimeout));

        QSignalSpy resumed(m_keeper.get(), &SubscriptionKeeper::resumed);
        QSignalSpy catchUp(m_keeper.get(), &SubscriptionKeeper::catchUpNeeded);
        QTest::qWait(300); // ticks without a jump: nothing
        QVERIFY(resumed.isEmpty());
        QVERIFY(catchUp.isEmpty());

        // The laptop slept 8 hours: the wall clock moved, the monotonic one did not.
        m_sandbox->world().subscriptions().accountFields.clear();
        offset = 8LL * 3600 * 1000;
        QVERIFY(resumed.wait(kTimeout));
        QVERIFY(resumed.first().first().toLongLong() >= 8LL * 3600 * 1000 - 1000);
        QVERIFY(!catchUp.isEmpty());
        QCOMPARE(catchUp.first().first().toString(), m_business);
        // ...and the check found the subscription off and made it again.
        QTRY_VERIFY_WITH_TIMEOUT(sandboxSubscribed(), kTimeout);
    }

    void pollingModeNeitherSubscribesNorChecks()
    {
        m_keeper->setPollingMode(true, 30'000);
        m_keeper->addAccount(m_business);
        QCOMPARE(m_keeper->status(m_business).state, SubscriptionKeeper::State::Polling);
        QCOMPARE(m_keeper->status(m_business).pollIntervalMs, 30'000);
        m_keeper->check(m_business);
        QTest::qWait(300);
        QVERIFY(!sandboxSubscribed());
        QCOMPARE(m_keeper->status(m_business).state, SubscriptionKeeper::State::Polling);

        // Back to webhooks: it subscribes.
        m_keeper->setPollingMode(false, 0);
        QTRY_VERIFY_WITH_TIMEOUT(sandboxSubscribed(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_keeper->status(m_business).state, SubscriptionKeeper::State::Live, kTimeout);
    }

    void aRefusedTokenIsReportedAsFailed()
    {
        m_keeper.reset(new SubscriptionKeeper(m_client.get(),
            [](const QString &) {
                return QtFuture::makeReadyFuture(Result<QString>(QStringLiteral("IGAAbogus")));
            },
            { QStringLiteral("messages") }));
        QSignalSpy failedNow(m_keeper.get(), &SubscriptionKeeper::subscriptionFailed);
        m_keeper->addAccount(m_business);
        QVERIFY(failedNow.wait(kTimeout));
        const SubscriptionKeeper::Status status = m_keeper->status(m_business);
        QCOMPARE(status.state, SubscriptionKeeper::State::Failed);
        QCOMPARE(status.error.code, 190);
    }

    void readsTheAnswerOfSubscribedApps()
    {
        QVERIFY(!SubscriptionKeeper::isSubscribed(QJsonObject { { "data", QJsonArray {} } }));
        QVERIFY(SubscriptionKeeper::isSubscribed(QJsonObject { { "data",
            QJsonArray { QJsonObject {
                { "id", "1" }, { "subscribed_fields", QJsonArray { "messages" } } } } } }));
        // Subscribed to something, but not to messages: off for a DM client.
        QVERIFY(!SubscriptionKeeper::isSubscribed(QJsonObject { { "data",
            QJsonArray { QJsonObject {
                { "id", "1" }, { "subscribed_fields", QJsonArray { "comments" } } } } } }));
        QVERIFY(SubscriptionKeeper::isSubscribed(
            QJsonObject { { "data", QJsonArray { QJsonObject { { "id", "1" } } } } }));
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionKeeper)
#include "tst_subscriptionkeeper.moc"
