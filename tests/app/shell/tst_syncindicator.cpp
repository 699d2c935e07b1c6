// The status bar's sync progress: summed over accounts, hidden when idle, failures reported.
#include "app/shell/syncindicator.h"

#include <QSignalSpy>
#include <QTest>

using namespace inlet::app;

class TestSyncIndicator : public QObject {
    Q_OBJECT
private slots:
    void progressAcrossAccounts();
    void failureIsReported();
    void unknownTotalIsBusy();
};

void TestSyncIndicator::progressAcrossAccounts()
{
    SyncIndicator bar;
    QSignalSpy status(&bar, &SyncIndicator::statusMessage);
    QVERIFY(bar.isHidden());
    bar.showProgress(QStringLiteral("a1"), 2, 10);
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.maximum(), 10);
    QCOMPARE(bar.value(), 2);
    bar.showProgress(QStringLiteral("a2"), 5, 10);
    QCOMPARE(bar.runningSyncs(), 2);
    QCOMPARE(bar.maximum(), 20);
    QCOMPARE(bar.value(), 7);
    bar.showFinished(QStringLiteral("a1"), true, QString());
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.maximum(), 10);
    QCOMPARE(status.count(), 0); // a2 still running
    bar.showFinished(QStringLiteral("a2"), true, QString());
    QVERIFY(bar.isHidden());
    QCOMPARE(status.count(), 1);
}

void TestSyncIndicator::failureIsReported()
{
    SyncIndicator bar;
    QSignalSpy status(&bar, &SyncIndicator::statusMessage);
    bar.showProgress(QStringLiteral("a1"), 1, 4);
    bar.showFinished(QStringLiteral("a1"), false, QStringLiteral("offline"));
    QVERIFY(bar.isHidden());
    QCOMPARE(status.count(), 1);
    QVERIFY(status.at(0).at(0).toString().contains(QLatin1String("offline")));
}

void TestSyncIndicator::unknownTotalIsBusy()
{
    SyncIndicator bar;
    bar.showProgress(QStringLiteral("a1"), 0, 0);
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.minimum(), 0);
    QCOMPARE(bar.maximum(), 0);
}

QTEST_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
