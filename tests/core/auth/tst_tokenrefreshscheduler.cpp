#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"

#include <QSignalSpy>

using namespace inlet;
using namespace std::chrono_literals;
using inlet::test::await;

// The scheduler against the sandbox, whose token clock is moved forward together with the
// scheduler's injected clock: days pass without waiting. Secrets stay in a session-only vault,
// so no keyring is needed here (tst_tokenvault covers the keyring).
class TestTokenRefreshScheduler : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<test::SandboxControl> m_control;
    std::unique_ptr<GraphClient> m_client;
    std::unique_ptr<TokenVault> m_vault;
    qint64 m_offsetSeconds = 0;
    int m_accountCounter = 0;

    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }

    void advance(std::chrono::seconds by)
    {
        m_control->advanceClock(by.count());
        m_offsetSeconds += by.count();
    }

    std::unique_ptr<TokenRefreshScheduler> newScheduler(const RefreshPolicy &policy = {})
    {
        auto scheduler = std::make_unique<TokenRefreshScheduler>(m_client.get(), m_vault.get());
        scheduler->setClock([this] { return now(); });
        scheduler->setPolicy(policy);
        return scheduler;
    }

    // A fresh long-lived sandbox token stored in the vault for a new account id.
    QString newAccount(QString *token)
    {
        const QString accountId = QStringLiteral("1784140000000%1").arg(++m_accountCounter, 4, 10, QLatin1Char('0'));
        *token = m_sandbox->issueToken(true);
        if (!await(m_vault->write(TokenVault::accountKey(accountId), *token)).value_or(Status{}))
            qWarning("vault write failed");
        return accountId;
    }

    QString storedToken(const QString &accountId)
    {
        return await(m_vault->read(TokenVault::accountKey(accountId)))->value_or(QString());
    }

    int pendingFaults()
    {
        return m_control->call("GET", QStringLiteral("/__sandbox/faults")).value(QLatin1String("pending")).toInt();
    }

private slots:
    void initTestCase()
    {
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 2;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        QVERIFY(base);
        m_control = std::make_unique<test::SandboxControl>(*base);
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(*base));
        m_client->setTransferTimeout(5s);
        m_vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        m_vault->setSessionOnlyFallback(true);
    }

    void cleanup() { m_control->clearFaults(); }

    void refreshesAfterTenDaysByDefault()
    {
        QString token;
        const QString account = newAccount(&token);
        const auto scheduler = newScheduler();
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));
        QVERIFY(qAbs(scheduler->dueAt(account).secsTo(issued.addDays(10))) <= 1);
        QVERIFY(!refreshed.wait(200));

        advance(std::chrono::days(9));
        scheduler->checkNow();
        QVERIFY(!refreshed.wait(200));
        QCOMPARE(storedToken(account), token);

        advance(std::chrono::days(1) + 1h);
        scheduler->checkNow();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(refreshed.first().at(0).toString(), account);
        const QDateTime expiresAt = refreshed.first().at(1).toDateTime();
        QVERIFY(qAbs(expiresAt.secsTo(now().addDays(60))) < 120);
        QCOMPARE(scheduler->expiresAt(account), expiresAt);
        QVERIFY(qAbs(scheduler->issuedAt(account).secsTo(now())) < 120);
        // The vault holds the new token, and it works.
        const QString fresh = storedToken(account);
        QVERIFY(!fresh.isEmpty());
        QVERIFY(fresh != token);
        const auto me = await(m_client->me(AccessToken{fresh, account}));
        QVERIFY(me && *me);
        // Next time in another ten days.
        QVERIFY(qAbs(scheduler->dueAt(account).secsTo(now().addDays(10))) < 120);
    }

    void neverBefore24Hours()
    {
        QString token;
        const QString account = newAccount(&token);
        RefreshPolicy eager;
        eager.refreshWhenLeft = std::chrono::days(60); // as early as Instagram allows
        const auto scheduler = newScheduler(eager);
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        QSignalSpy failed(scheduler.get(), &TokenRefreshScheduler::refreshFailed);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));

        advance(23h + 58min);
        scheduler->checkNow();
        QVERIFY(!refreshed.wait(200));
        QCOMPARE(failed.size(), 0); // not even tried
        // Instagram (the sandbox) would indeed refuse it now.
        const auto early = await(m_client->refreshToken(AccessToken{token, {}}));
        QVERIFY(early && !*early);

        advance(3min);
        scheduler->checkNow();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(failed.size(), 0);
    }

    void agedTokenIsRefreshedAtStartUp()
    {
        QString token;
        const QString account = newAccount(&token);
        const QDateTime issued = now();
        advance(std::chrono::days(30)); // the app was closed for a month
        const auto scheduler = newScheduler();
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        scheduler->track(account, issued, issued.addDays(60));
        QVERIFY(refreshed.wait(5000));
        QVERIFY(storedToken(account) != token);
    }

    void expiredWhileClosedNeedsSignIn()
    {
        QString token;
        const QString account = newAccount(&token);
        const QDateTime issued = now();
        advance(std::chrono::days(61));
        const auto scheduler = newScheduler();
        QSignalSpy needsSignIn(scheduler.get(), &TokenRefreshScheduler::needsSignIn);
        scheduler->track(account, issued, issued.addDays(60));
        QCOMPARE(needsSignIn.size(), 1);
        QCOMPARE(needsSignIn.first().first().toString(), account);
        QVERIFY(!scheduler->isTracked(account));
    }

    void revokedTokenNeedsSignIn()
    {
        QString token;
        const QString account = newAccount(&token);
        const auto scheduler = newScheduler();
        QSignalSpy needsSignIn(scheduler.get(), &TokenRefreshScheduler::needsSignIn);
        QSignalSpy invalid(m_client.get(), &GraphClient::tokenInvalid);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));
        m_control->call("POST", QStringLiteral("/__sandbox/tokens/revoke"),
                        {{QStringLiteral("access_token"), token}});
        advance(std::chrono::days(11));
        scheduler->checkNow();
        QVERIFY(needsSignIn.wait(5000));
        QCOMPARE(needsSignIn.first().first().toString(), account);
        QVERIFY(!scheduler->isTracked(account));
        QCOMPARE(invalid.size(), 1);
        QCOMPARE(invalid.first().first().toString(), account);
    }

    void serverErrorsBackOff()
    {
        QString token;
        const QString account = newAccount(&token);
        const auto scheduler = newScheduler();
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        QSignalSpy failed(scheduler.get(), &TokenRefreshScheduler::refreshFailed);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));
        advance(std::chrono::days(11));

        m_control->fault({{QStringLiteral("count"), 2}, {QStringLiteral("http_status"), 503}});
        scheduler->checkNow();
        QVERIFY(failed.wait(5000));
        QCOMPARE(scheduler->consecutiveFailures(account), 1);
        QVERIFY(qAbs(scheduler->dueAt(account).secsTo(now().addSecs(5 * 60))) <= 2);
        QCOMPARE(failed.first().at(2).toDateTime(), scheduler->dueAt(account));
        QCOMPARE(pendingFaults(), 1);

        // Not again before the backoff is over.
        advance(4min);
        scheduler->checkNow();
        QVERIFY(!failed.wait(200));
        QCOMPARE(pendingFaults(), 1);

        advance(1min + 2s);
        scheduler->checkNow();
        QVERIFY(failed.wait(5000));
        QCOMPARE(scheduler->consecutiveFailures(account), 2);
        QVERIFY(qAbs(scheduler->dueAt(account).secsTo(now().addSecs(10 * 60))) <= 2); // doubled
        QCOMPARE(pendingFaults(), 0);

        advance(10min + 2s);
        scheduler->checkNow();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(scheduler->consecutiveFailures(account), 0);
        QCOMPARE(failed.size(), 2);
        QVERIFY(storedToken(account) != token);
    }

    void backoffIsCapped()
    {
        QString token;
        const QString account = newAccount(&token);
        RefreshPolicy policy;
        policy.initialBackoff = 1h;
        policy.maxBackoff = 3h;
        const auto scheduler = newScheduler(policy);
        QSignalSpy failed(scheduler.get(), &TokenRefreshScheduler::refreshFailed);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));
        advance(std::chrono::days(11));
        m_control->fault({{QStringLiteral("count"), 4}, {QStringLiteral("http_status"), 500}});
        const std::chrono::hours expected[] = {1h, 2h, 3h, 3h};
        for (int i = 0; i < 4; ++i) {
            scheduler->checkNow();
            QVERIFY(failed.wait(5000));
            QVERIFY2(qAbs(scheduler->dueAt(account).secsTo(now().addSecs(std::chrono::seconds(expected[i]).count()))) <= 2,
                     qPrintable(QString::number(i)));
            advance(expected[i] + 1s);
        }
    }

    void missingVaultEntryIsAFailureNotASignOut()
    {
        const QString account = QStringLiteral("17841499999999999"); // nothing in the vault
        const auto scheduler = newScheduler();
        QSignalSpy failed(scheduler.get(), &TokenRefreshScheduler::refreshFailed);
        QSignalSpy needsSignIn(scheduler.get(), &TokenRefreshScheduler::needsSignIn);
        const QDateTime issued = now().addDays(-20);
        scheduler->track(account, issued, issued.addDays(60));
        QVERIFY(failed.wait(5000));
        QCOMPARE(needsSignIn.size(), 0);
        QVERIFY(scheduler->isTracked(account)); // a locked keyring reads as "not found"
    }

    void untrackStopsEverything()
    {
        QString token;
        const QString account = newAccount(&token);
        const auto scheduler = newScheduler();
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        const QDateTime issued = now();
        scheduler->track(account, issued, issued.addDays(60));
        scheduler->untrack(account);
        QVERIFY(!scheduler->isTracked(account));
        advance(std::chrono::days(20));
        scheduler->checkNow();
        QVERIFY(!refreshed.wait(200));
        QVERIFY(!scheduler->dueAt(account).isValid());
    }

    void signingInAgainDuringARefreshWins()
    {
        QString token;
        const QString account = newAccount(&token);
        const auto scheduler = newScheduler();
        QSignalSpy refreshed(scheduler.get(), &TokenRefreshScheduler::tokenRefreshed);
        const QDateTime issued = now().addDays(-20);
        m_control->fault({{QStringLiteral("count"), 1}, {QStringLiteral("latency_ms"), 1000}});
        scheduler->track(account, issued, issued.addDays(60)); // starts a (slow) refresh
        // Meanwhile the manager signs in again: a new token, freshly issued.
        const QString newer = m_sandbox->issueToken(true);
        QVERIFY(await(m_vault->write(TokenVault::accountKey(account), newer))->has_value());
        scheduler->track(account, now(), now().addDays(60));
        QVERIFY(!refreshed.wait(1500)); // the slow answer arrived in between and was dropped
        QCOMPARE(storedToken(account), newer);
    }

    void cleanupTestCase()
    {
        m_vault.reset();
        m_client.reset();
        m_control.reset();
        m_sandbox.reset();
    }
};

QTEST_GUILESS_MAIN(TestTokenRefreshScheduler)
#include "tst_tokenrefreshscheduler.moc"
