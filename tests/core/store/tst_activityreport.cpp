// The report window's figures (store/activityreport.h) computed by SQL on a real store with known
// events: messages and conversations per day, first-response and time-to-Done medians and p90 per
// account and per agent, replies inside and outside the 24-hour window.
#include "store/activityreport.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

const qint64 kMinute = 60LL * 1000;
const qint64 kHour = 60 * kMinute;
const QDate kFirstDay(2026, 6, 1);
const qint64 kT0 = kFirstDay.startOfDay(Qt::UTC).toMSecsSinceEpoch();

QString customer(int n)
{
    return QStringLiteral("600000000000%1").arg(n);
}

InboundEvent from(int who, const QString &mid, qint64 ts)
{
    return message(mid, ts, QStringLiteral("hello"), customer(who));
}

InboundEvent reply(int who, const QString &mid, qint64 ts)
{
    return message(mid, ts, QStringLiteral("thanks"), customer(who), true);
}

} // namespace

class TestActivityReport : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_clock = kT0;

    void apply(const QList<InboundEvent> &events)
    {
        QVERIFY(ok(awaitResult(m_store->applyEvents(events))));
    }

    void doneAt(int who, qint64 atMs)
    {
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(ok(reader));
        auto c = (*reader)->conversationFor(kAccount, customer(who));
        QVERIFY(ok(c) && *c);
        m_clock = atMs;
        QVERIFY(
            ok(awaitResult(m_store->setConversationStatus((**c).id, ConversationStatus::Done))));
    }

    // Team mode: the replica marks who sent a reply in its meta (team/replicaapplier.cpp).
    void sentBy(const QString &mid, const QString &agent)
    {
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("agents"));
            db.setDatabaseName(m_store->databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("UPDATE messages SET meta_json = json_set(meta_json, "
                                             "'$.sent_by', ?) WHERE mid = ?")));
            q.addBindValue(agent);
            q.addBindValue(mid);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("agents"));
    }

    ActivityReport report(const ReportPeriod &period)
    {
        auto reader = StoreReader::open(m_store->databasePath());
        if (!reader)
            qFatal("no reader");
        auto r = (*reader)->activityReport(period);
        if (!r)
            qFatal("report failed: %s", qPrintable(r.error().message));
        return *r;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = storeWithAccount(
            m_dir->path(), [this] { return m_clock; }, QStringLiteral("shop"));
        QVERIFY(m_store);
    }

    void durationStatsAreNearestRank()
    {
        QCOMPARE(DurationStats::of({}), DurationStats {});
        QCOMPARE(DurationStats::of({ 5 }), (DurationStats { 1, 5, 5 }));
        QCOMPARE(DurationStats::of({ 30, 10, 20 }), (DurationStats { 3, 20, 30 }));
        QList<qint64> hundred;
        for (int i = 100; i >= 1; --i)
            hundred.append(i);
        QCOMPARE(DurationStats::of(hundred), (DurationStats { 100, 50, 90 }));
    }

    void periodIsLocalDays()
    {
        const ReportPeriod week = ReportPeriod::lastDays(7, QDate(2026, 6, 7), 2 * 3600);
        QCOMPARE(week.firstDay, kFirstDay);
        QCOMPARE(week.dayCount(), 7);
        QCOMPARE(week.startMs(), kT0 - 2 * kHour);
        QCOMPARE(week.endMs(), kT0 + 7 * 24 * kHour - 2 * kHour);
    }

    // A reply whose customer message is not in the store (history not synced yet) is neither
    // inside nor outside the window: nothing is known of the wait.
    void replyWithoutAKnownCustomerMessageIsInNeitherCount()
    {
        apply({ reply(5, QStringLiteral("m5a"), kT0 + kHour) });
        const ActivityReport r = report({ kFirstDay, kFirstDay.addDays(2), 0 });
        QCOMPARE(r.days.at(0).sent, 1);
        QCOMPARE(r.insideWindow, 0);
        QCOMPARE(r.outsideWindow, 0);
    }

    void figuresOfKnownEvents()
    {
        // Day 1: customer 1 waits 10 min, then (after the reply) 30 min; customer 4, who last
        // wrote two days before the period, gets a reply outside the 24-hour window.
        apply({ from(4, QStringLiteral("m4a"), kT0 - 48 * kHour),
            from(1, QStringLiteral("m1a"), kT0 + 1 * kHour),
            reply(1, QStringLiteral("m1b"), kT0 + 1 * kHour + 10 * kMinute),
            from(1, QStringLiteral("m1c"), kT0 + 2 * kHour),
            reply(1, QStringLiteral("m1d"), kT0 + 2 * kHour + 30 * kMinute),
            reply(4, QStringLiteral("m4b"), kT0 + 3 * kHour) });
        doneAt(1, kT0 + 3 * kHour); // 2 h after customer 1's first message
        // Day 2: customer 2 writes twice and waits 20 min from the first; Done an hour later;
        // writes again (unanswered), Done again 4 h after that.
        apply({ from(2, QStringLiteral("m2a"), kT0 + 25 * kHour),
            from(2, QStringLiteral("m2b"), kT0 + 25 * kHour + 5 * kMinute),
            reply(2, QStringLiteral("m2c"), kT0 + 25 * kHour + 20 * kMinute) });
        doneAt(2, kT0 + 26 * kHour);
        apply({ from(2, QStringLiteral("m2d"), kT0 + 30 * kHour) });
        doneAt(2, kT0 + 34 * kHour);
        // Day 3: customer 3, answered on day 4 (outside the period: that reply is in no count of
        // its own, but it answers the period's message, a day and a minute later).
        apply({ from(3, QStringLiteral("m3a"), kT0 + 49 * kHour),
            from(3, QStringLiteral("m3b"), kT0 + 73 * kHour),
            reply(3, QStringLiteral("m3c"), kT0 + 73 * kHour + kMinute) });
        sentBy(QStringLiteral("m1b"), QStringLiteral("ana"));
        sentBy(QStringLiteral("m1d"), QStringLiteral("ana"));
        sentBy(QStringLiteral("m2c"), QStringLiteral("ben"));

        const ActivityReport r = report({ kFirstDay, kFirstDay.addDays(2), 0 });
        QCOMPARE(r.days.size(), 3);
        QCOMPARE(r.days.at(0), (ReportDay { kFirstDay, 2, 2, 3 }));
        QCOMPARE(r.days.at(1), (ReportDay { kFirstDay.addDays(1), 1, 3, 1 }));
        QCOMPARE(r.days.at(2), (ReportDay { kFirstDay.addDays(2), 1, 1, 0 }));

        QCOMPARE(r.accounts.size(), 1);
        const ReportGroup &shop = r.accounts.first();
        QCOMPARE(shop.id, kAccount);
        QCOMPARE(shop.name, QStringLiteral("@shop"));
        QCOMPARE(shop.firstResponse, (DurationStats { 4, 20 * kMinute, 24 * kHour + kMinute }));
        QCOMPARE(shop.unanswered, 1); // customer 2's third message
        QCOMPARE(shop.timeToDone, (DurationStats { 3, 2 * kHour, 4 * kHour }));
        QCOMPARE(shop.insideWindow, 3);
        QCOMPARE(shop.outsideWindow, 1);
        QCOMPARE(r.insideWindow, 3);
        QCOMPARE(r.outsideWindow, 1);

        QCOMPARE(r.agents.size(), 2);
        QCOMPARE(r.agents.at(0).name, QStringLiteral("ana"));
        QCOMPARE(r.agents.at(0).firstResponse, (DurationStats { 2, 10 * kMinute, 30 * kMinute }));
        QCOMPARE(r.agents.at(0).insideWindow, 2);
        QCOMPARE(r.agents.at(1).name, QStringLiteral("ben"));
        QCOMPARE(r.agents.at(1).firstResponse, (DurationStats { 1, 20 * kMinute, 20 * kMinute }));
        QCOMPARE(r.agents.at(1).timeToDone, DurationStats {});
    }

    void soloModeHasNoAgentsAndEmptyDaysAreListed()
    {
        apply({ from(1, QStringLiteral("m1"), kT0 + kHour),
            reply(1, QStringLiteral("m2"), kT0 + kHour + kMinute) });
        const ActivityReport r = report({ kFirstDay.addDays(-1), kFirstDay.addDays(1), 0 });
        QCOMPARE(r.days.size(), 3);
        QCOMPARE(r.days.at(0), (ReportDay { kFirstDay.addDays(-1), 0, 0, 0 }));
        QCOMPARE(r.days.at(1), (ReportDay { kFirstDay, 1, 1, 1 }));
        QCOMPARE(r.days.at(2), (ReportDay { kFirstDay.addDays(1), 0, 0, 0 }));
        QVERIFY(r.agents.isEmpty());
        QCOMPARE(r.accounts.size(), 1);
        QCOMPARE(r.accounts.first().firstResponse, (DurationStats { 1, kMinute, kMinute }));
        QCOMPARE(r.accounts.first().timeToDone.count, 0);
    }
};

QTEST_GUILESS_MAIN(TestActivityReport)
#include "tst_activityreport.moc"
