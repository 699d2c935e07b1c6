#include "core/graph/graphtestutil.h"
#include "graph/connectivity.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"

#include <QSignalSpy>

using namespace inlet;
using inlet::test::await;

// Connectivity against real loopback HTTP: a closed port is offline, the sandbox started on that
// port brings it back (by the automatic probe and by "Retry now"), any HTTP answer counts as
// reachable, and only origins (never a query with a secret) travel in the signal.
class TestConnectivity : public QObject {
    Q_OBJECT
private:
    QUrl m_base;
    std::unique_ptr<GraphClient> m_graph;

    std::unique_ptr<sandbox::Sandbox> startSandbox()
    {
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 2;
        options.port = quint16(m_base.port());
        auto box = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> started = box->start();
        if (!started)
            qWarning() << "sandbox did not start:" << started.error().message;
        return started ? std::move(box) : nullptr;
    }

    Result<QJsonObject> callMe()
    {
        const auto result = await(m_graph->get(m_graph->hosts().graphUrl(QStringLiteral("me")),
            AccessToken { QStringLiteral("not-a-token"), {} }));
        return result ? *result : fail(Error::Kind::Cancelled, QStringLiteral("no answer"));
    }

private slots:
    void init()
    {
        m_base = test::closedPortUrl();
        m_graph = std::make_unique<GraphClient>(InstagramHosts::allAt(m_base));
        m_graph->setTransferTimeout(std::chrono::seconds(3));
    }
    void cleanup() { m_graph.reset(); }

    void startsOnline()
    {
        Connectivity connectivity(m_graph.get());
        QVERIFY(connectivity.isOnline());
        QCOMPARE(connectivity.msUntilRetry(), -1);
        QVERIFY(connectivity.offlineHosts().isEmpty());
    }

    void closedPortIsOfflineAndTheProbeClearsItWhenTheSandboxStarts()
    {
        Connectivity connectivity(m_graph.get());
        connectivity.setRetryDelays({ 150, 300 });
        QSignalSpy online(&connectivity, &Connectivity::onlineChanged);
        QSignalSpy observed(m_graph.get(), &GraphClient::reachabilityObserved);

        const auto refused = callMe();
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Network);
        QVERIFY(!connectivity.isOnline());
        QCOMPARE(online.size(), 1);
        QCOMPARE(online.at(0).at(0).toBool(), false);
        QCOMPARE(connectivity.offlineHosts().size(), 1);
        QCOMPARE(connectivity.offlineHosts().constFirst().port(), m_base.port());
        QVERIFY(!connectivity.lastError().isEmpty());
        QVERIFY(connectivity.msUntilRetry() >= 0);

        // A second failure while offline changes nothing the user sees.
        QVERIFY(!callMe());
        QCOMPARE(online.size(), 1);

        // The probes keep failing while nobody listens (and keep being rescheduled).
        const qsizetype before = observed.size();
        QTRY_VERIFY_WITH_TIMEOUT(observed.size() >= before + 2, 5000);
        QVERIFY(!connectivity.isOnline());
        QVERIFY(connectivity.msUntilRetry() >= 0);

        // The sandbox comes up on that port: the next probe (no other call) clears the state.
        auto box = startSandbox();
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.isOnline(), 5000);
        QCOMPARE(online.size(), 2);
        QCOMPARE(online.at(1).at(0).toBool(), true);
        QCOMPARE(connectivity.msUntilRetry(), -1);
        QVERIFY(connectivity.lastError().isEmpty());
    }

    void retryNowProbesAtOnce()
    {
        Connectivity connectivity(m_graph.get());
        connectivity.setRetryDelays({ 60'000 }); // the automatic probe would come far too late
        auto box = startSandbox();
        QVERIFY(box);
        const auto first = callMe();
        QVERIFY(first || first.error().kind != Error::Kind::Network);
        QVERIFY(connectivity.isOnline());

        // The sandbox stops: the next call fails and marks the host offline.
        box.reset();
        QVERIFY(!callMe());
        QVERIFY(!connectivity.isOnline());
        QVERIFY(connectivity.msUntilRetry() > 30'000);

        // Retry now while still down: still offline, schedule starts over.
        connectivity.retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.msUntilRetry() > 30'000, 5000);
        QVERIFY(!connectivity.isOnline());

        box = startSandbox();
        QVERIFY(box);
        connectivity.retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.isOnline(), 5000);
    }

    void anHttpErrorIsAnAnswer()
    {
        auto box = startSandbox();
        QVERIFY(box);
        Connectivity connectivity(m_graph.get());
        // Mark it offline by hand, then any answer (here a refusal of the bogus token) clears it.
        connectivity.observe(m_base, false, QStringLiteral("Connection refused"));
        QVERIFY(!connectivity.isOnline());
        const auto answer = callMe();
        QVERIFY(!answer);
        QVERIFY(answer.error().kind != Error::Kind::Network);
        QVERIFY(connectivity.isOnline());
    }

    void onlyTheOriginIsReported()
    {
        QSignalSpy observed(m_graph.get(), &GraphClient::reachabilityObserved);
        QUrl url = m_base;
        url.setPath(QStringLiteral("/v25.0/access_token"));
        url.setQuery(QStringLiteral("client_secret=s3cr3t&access_token=t0k3n"));
        QVERIFY(await(m_graph->get(url, {})));
        QCOMPARE(observed.size(), 1);
        const QUrl origin = observed.at(0).at(0).toUrl();
        QCOMPARE(origin.port(), m_base.port());
        QVERIFY(origin.query().isEmpty());
        QVERIFY(origin.path().isEmpty());
        QCOMPARE(observed.at(0).at(1).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"
