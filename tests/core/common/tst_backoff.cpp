#include "common/backoff.h"

#include <QTest>

using namespace inlet;

class TestBackoff : public QObject {
    Q_OBJECT
private slots:
    void growsWithEqualJitterAndCap()
    {
        for (int attempt = 1; attempt <= 12; ++attempt) {
            const qint64 full = std::min<qint64>(1000LL << (attempt - 1), 60'000);
            for (int i = 0; i < 20; ++i) {
                const qint64 d = backoffMs(attempt, 1000, 60'000);
                QVERIFY2(d >= full / 2 && d <= full, qPrintable(QString::number(d)));
            }
        }
    }

    void withoutJitterIsExact()
    {
        QCOMPARE(backoffMs(1, 300, 21'600, Jitter::None), 300);
        QCOMPARE(backoffMs(2, 300, 21'600, Jitter::None), 600);
        QCOMPARE(backoffMs(7, 300, 21'600, Jitter::None), 19'200);
        QCOMPARE(backoffMs(8, 300, 21'600, Jitter::None), 21'600);
    }

    void hugeAttemptsSaturateWithoutOverflow()
    {
        const qint64 hour = 3'600'000;
        QCOMPARE(backoffMs(1000, hour, 6 * hour, Jitter::None), 6 * hour);
        QCOMPARE(backoffMs(0, hour, 6 * hour, Jitter::None), hour); // attempt 0 counts as the first
        const qint64 d = backoffMs(63, hour, 6 * hour);
        QVERIFY(d >= 3 * hour && d <= 6 * hour);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
