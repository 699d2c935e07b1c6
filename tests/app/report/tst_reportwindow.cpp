// View > Report…: the real ReportWindow over a real store, offscreen. It shows the figures the
// store computes (on its reader thread) as charts, and counts again for another period.
#include "app/report/reportwindow.h"
#include "app/shell/theme.h"
#include "core/store/storetestutil.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "support/await.h"
#include "support/testsupport.h"
#include "support/themeshots.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QLineSeries>
#include <QPieSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace inlet;
using namespace inlet::app;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

const qint64 kMinute = 60LL * 1000;
const QDateTime kNow(QDate(2026, 6, 3), QTime(12, 0), Qt::UTC);

qint64 at(int day, int hour, int minute = 0, int month = 6)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

QString customer(int n)
{
    return QStringLiteral("600000000000%1").arg(n);
}

template <typename T> T *seriesOf(QChart *chart, int i = 0)
{
    return chart ? qobject_cast<T *>(chart->series().value(i)) : nullptr;
}

} // namespace

class TestReportWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_clock = 0;

private slots:
    void initTestCase()
    {
        Theme::initialize();
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = storeWithAccount(
            m_dir->path(), [this] { return m_clock; }, QStringLiteral("shop"));
        QVERIFY(m_store);
        // 1 June: a 12-minute answer; 3 June: a 30-minute one, then Done 2 hours after the
        // customer wrote. 20 May (outside the last 7 days): a message, answered late.
        QVERIFY(ok(awaitResult(m_store->applyEvents({
            message(QStringLiteral("o1"), at(20, 9, 0, 5), QStringLiteral("old"), customer(3)),
            message(QStringLiteral("m1"), at(1, 10), QStringLiteral("hi"), customer(1)),
            message(
                QStringLiteral("m2"), at(1, 10, 12), QStringLiteral("hello"), customer(1), true),
            message(QStringLiteral("m3"), at(3, 9), QStringLiteral("hi"), customer(2)),
            message(QStringLiteral("m4"), at(3, 9, 30), QStringLiteral("hello"), customer(2), true),
            message(
                QStringLiteral("o2"), at(21, 10, 0, 5), QStringLiteral("sorry"), customer(3), true),
        }))));
        auto c2 = awaitResult(m_store->readers()->read<std::optional<StoredConversation>>(
            [](StoreReader &reader) { return reader.conversationFor(kAccount, customer(2)); }));
        QVERIFY(ok(c2) && *c2);
        m_clock = at(3, 11);
        QVERIFY(
            ok(awaitResult(m_store->setConversationStatus((**c2).id, ConversationStatus::Done))));
    }

    void opensAndShowsTheComputedSeries()
    {
        ReportWindow window(m_store->readers());
        window.setClock([] { return kNow; });
        window.setPeriodDays(7);
        QSignalSpy ready(&window, &ReportWindow::ready);
        window.resize(1100, 760);
        window.show(); // counts on showing
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(ready.count() >= 1);
        QCOMPARE(window.report().period.firstDay, QDate(2026, 5, 28));
        QCOMPARE(window.report().days.size(), 7);

        const QList<QChart *> charts = window.charts();
        QCOMPARE(charts.size(), 4);
        // Per day: conversations, received, sent; one point per day, 1 June is the 5th.
        auto *conversations = seriesOf<QLineSeries>(charts[0], 0);
        auto *received = seriesOf<QLineSeries>(charts[0], 1);
        auto *sent = seriesOf<QLineSeries>(charts[0], 2);
        QVERIFY(conversations && received && sent);
        QCOMPARE(received->count(), 7);
        QCOMPARE(received->at(4).y(), 1.0);
        QCOMPARE(sent->at(4).y(), 1.0);
        QCOMPARE(received->at(5).y(), 0.0);
        QCOMPARE(conversations->at(6).y(), 1.0);
        QCOMPARE(received->at(4).x(),
            double(QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()));

        // First response per account: median 12 min, p90 30 min (in minutes on the chart).
        auto *responses = seriesOf<QBarSeries>(charts[1]);
        QVERIFY(responses);
        QCOMPARE(responses->barSets().size(), 2);
        QCOMPARE(responses->barSets().at(0)->count(), 1);
        QCOMPARE(responses->barSets().at(0)->at(0), 12.0);
        QCOMPARE(responses->barSets().at(1)->at(0), 30.0);
        // Time to Done: 2 hours (120 minutes: not over two hours, so still minutes).
        auto *done = seriesOf<QBarSeries>(charts[2]);
        QVERIFY(done);
        QCOMPARE(done->barSets().at(0)->at(0), 120.0);
        // Both replies of the week were inside the 24-hour window.
        auto *window24 = seriesOf<QPieSeries>(charts[3]);
        QVERIFY(window24);
        QCOMPARE(window24->slices().size(), 2);
        QCOMPARE(window24->slices().at(0)->value(), 2.0);
        QCOMPARE(window24->slices().at(1)->value(), 0.0);
        QVERIFY(
            window.summaryText().contains(QStringLiteral("messages received: 2, replies sent: 2")));
        QCOMPARE(window.charts().at(0)->theme(), QChart::ChartThemeLight);
        Theme::apply(ThemeMode::Dark);
        QTest::qWait(50);
        QCOMPARE(window.charts().at(0)->theme(), QChart::ChartThemeDark); // follows the theme
        Theme::apply(ThemeMode::Light);
    }

    void anotherPeriodCountsAgain()
    {
        ReportWindow window(m_store->readers());
        window.setClock([] { return kNow; });
        window.setPeriodDays(7);
        QSignalSpy ready(&window, &ReportWindow::ready);
        window.show();
        QTRY_VERIFY(ready.count() >= 1);
        QCOMPARE(window.periodBox()->count(), 3);
        window.periodBox()->setCurrentIndex(window.periodBox()->findData(30));
        QTRY_COMPARE(window.report().days.size(), 30);
        auto *received = seriesOf<QLineSeries>(window.charts().at(0), 1);
        QVERIFY(received);
        QCOMPARE(received->count(), 30);
        // 20 May is in: one more message received, and a reply outside the window on 21 May.
        auto *window24 = seriesOf<QPieSeries>(window.charts().at(3));
        QCOMPARE(window24->slices().at(1)->value(), 1.0);
        QVERIFY(
            window.summaryText().contains(QStringLiteral("messages received: 3, replies sent: 3")));
    }

    void screenshots()
    {
        // A busier week for the docs: 3 to 9 customers a day (every other one writing twice),
        // answered in 5 to 54 minutes (one the next day, outside the window), one in three marked
        // Done hours later.
        QTemporaryDir dir;
        qint64 clock = 0;
        auto store = storeWithAccount(
            dir.path(), [&clock] { return clock; }, QStringLiteral("shop"));
        QVERIFY(store);
        QList<std::pair<QString, qint64>> done;
        int n = 0;
        for (int day = 0; day < 7; ++day) {
            QList<InboundEvent> events;
            for (int k = 0; k < 3 + (day * 5) % 7; ++k, ++n) {
                const qint64 wrote
                    = at(28, 8 + (k * 3) % 10, (k * 17) % 60, 5) + day * 24 * 3600'000LL;
                const qint64 waited
                    = (k == 0 && day == 3 ? 25 * 60 : 5 + (day * 7 + k * 13) % 50) * kMinute;
                const QString who = customer(100 + n);
                events << message(QStringLiteral("s%1a").arg(n), wrote, QStringLiteral("hi"), who);
                if (k % 2 == 0)
                    events << message(QStringLiteral("s%1c").arg(n), wrote + 2 * kMinute,
                        QStringLiteral("are you there?"), who);
                events << message(QStringLiteral("s%1b").arg(n), wrote + waited,
                    QStringLiteral("hello"), who, true);
                if (n % 3 == 0)
                    done.append({ who, wrote + waited + (1 + n % 5) * 3600'000LL });
            }
            QVERIFY(ok(awaitResult(store->applyEvents(events))));
        }
        for (const auto &[who, atMs] : std::as_const(done)) {
            auto c = awaitResult(store->readers()->read<std::optional<StoredConversation>>(
                [who](StoreReader &reader) { return reader.conversationFor(kAccount, who); }));
            QVERIFY(ok(c) && *c);
            clock = atMs;
            QVERIFY(
                ok(awaitResult(store->setConversationStatus((**c).id, ConversationStatus::Done))));
        }

        ReportWindow window(store->readers());
        window.setClock([] { return kNow; });
        window.setPeriodDays(7);
        QSignalSpy ready(&window, &ReportWindow::ready);
        window.resize(1100, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(ready.count() >= 1);
        QVERIFY(window.report().outsideWindow > 0);
        QVERIFY(test::saveInBothThemes(&window, QStringLiteral("report")));
    }
};

QTEST_MAIN(TestReportWindow)
#include "tst_reportwindow.moc"
