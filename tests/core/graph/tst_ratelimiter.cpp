#include "graph/ratelimiter.h"

#include <QTest>

using namespace inlet;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject {
    Q_OBJECT
private:
    QDateTime m_now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    RateLimiter make()
    {
        return RateLimiter([this] { return m_now; });
    }

private slots:
    void lowUsageNoDelay()
    {
        RateLimiter limiter = make();
        limiter.observeHeaders(QStringLiteral("a"), R"({"call_count":28,"total_cputime":25,"total_time":25})",
                               {});
        QCOMPARE(limiter.appUsagePercent(), 28);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 0ms);
    }

    void highAppUsageSlowsEveryone()
    {
        RateLimiter limiter = make();
        limiter.observeHeaders(QStringLiteral("a"), R"({"call_count":10,"total_cputime":90,"total_time":5})",
                               {});
        const auto delay = limiter.suggestedDelay(QStringLiteral("b"));
        QVERIFY(delay > 0ms);
        QVERIFY(delay <= 60s);
        m_now = m_now.addSecs(61);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("b")), 0ms);
    }

    void fullUsageWaitsMinutes()
    {
        RateLimiter limiter = make();
        limiter.observeHeaders({}, R"({"call_count":100})", {});
        QVERIFY(limiter.suggestedDelay() >= 5min);
    }

    void businessUseCaseIsPerAccount()
    {
        RateLimiter limiter = make();
        limiter.observeHeaders(
            QStringLiteral("a"), {},
            R"({"17841400000000001":[{"type":"instagram","call_count":15,"total_cputime":10,"total_time":25,"estimated_time_to_regain_access":7}]})");
        QVERIFY(limiter.suggestedDelay(QStringLiteral("a")) >= 7min);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("b")), 0ms);
        QCOMPARE(limiter.accountUsagePercent(QStringLiteral("a")), 25);
    }

    void rateLimitErrorsBackOffExponentially()
    {
        RateLimiter limiter = make();
        const Error limited = Error::make(Error::Kind::Graph, QStringLiteral("limit"), 613, 0, 400);
        limiter.observeError(QStringLiteral("a"), limited);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 60s);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("b")), 0ms);
        limiter.observeError(QStringLiteral("a"), limited);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 120s);
        for (int i = 0; i < 10; ++i)
            limiter.observeError(QStringLiteral("a"), limited);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 15min);
        // Code 4 is app-wide.
        limiter.observeError(QStringLiteral("a"),
                             Error::make(Error::Kind::Graph, QStringLiteral("app"), 4, 0, 400));
        QVERIFY(limiter.suggestedDelay(QStringLiteral("b")) >= 60s);
        // Other errors change nothing.
        RateLimiter other = make();
        other.observeError(QStringLiteral("a"), Error::make(Error::Kind::Graph, QStringLiteral("x"), 100));
        QCOMPARE(other.suggestedDelay(QStringLiteral("a")), 0ms);
    }

    void successResetsTheStreak()
    {
        RateLimiter limiter = make();
        const Error limited = Error::make(Error::Kind::Graph, QStringLiteral("limit"), 17, 0, 400);
        limiter.observeError(QStringLiteral("a"), limited);
        limiter.observeError(QStringLiteral("a"), limited);
        m_now = m_now.addSecs(3600);
        limiter.observeSuccess(QStringLiteral("a"));
        limiter.observeError(QStringLiteral("a"), limited);
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 60s);
    }

    void garbageHeadersAreHarmless()
    {
        RateLimiter limiter = make();
        limiter.observeHeaders(QStringLiteral("a"), "not json", "[1,2");
        QCOMPARE(limiter.suggestedDelay(QStringLiteral("a")), 0ms);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
