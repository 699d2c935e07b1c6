// The triage views over a real Store: ConversationViewsModel counts each view off the GUI thread
// and follows the store's changes; the conversation list filtered by a view loses a row marked
// Done, gains it back when the customer writes, and in the Reply window view lists the soonest
// window to close first, re-sorting as the clock passes the 24 hours. Both models under
// QAbstractItemModelTester.
#include "core/store/storetestutil.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/snoozetimes.h"
#include "models/storeinboxsource.h"
#include "store/store.h"
#include "store/storewriter.h"
#include "store/writesession.h"
#include "support/await.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;

QString customer(int n)
{
    return QStringLiteral("60000000000%1").arg(n, 5, 10, QLatin1Char('0'));
}

InboundEvent message(const QString &mid, qint64 ts, int who, bool outgoing = false)
{
    return storetest::message(mid, ts, QStringLiteral("text %1").arg(mid), customer(who), outgoing);
}

QStringList customersIn(const ConversationListModel &model)
{
    QStringList who;
    for (int i = 0; i < model.rowCount(); ++i)
        who << model.rowAt(i).customerId.right(1);
    return who;
}

} // namespace

class TestTriageModels : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<StoreInboxSource> m_source;
    qint64 m_now = kNow;

    void apply(const QList<InboundEvent> &events)
    {
        const Status s = awaitResult(m_store->applyEvents(events));
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
    }

    qint64 idOf(int who)
    {
        auto row = m_source->inboxPage({}, std::nullopt, 100);
        for (const ConversationRow &r : *row)
            if (r.customerId == customer(who))
                return r.id;
        return 0;
    }

    // What the team replica writes for an assignment (team/replicaapplier.cpp).
    void assign(int who, const QString &agent)
    {
        const qint64 id = idOf(who);
        const Status s = awaitResult(m_store->write([id, agent](WriteContext &c) -> Status {
            auto q = c.session.run(
                QStringLiteral("UPDATE conversations SET assignee = ? WHERE id = ?"),
                { agent, id });
            if (!q)
                return std::unexpected(q.error());
            c.change.addConversation(id);
            return {};
        }));
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
    }

private slots:
    void init()
    {
        m_now = kNow;
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.clock = [this] { return m_now; };
        auto opened = Store::open(m_dir->path(), options);
        QVERIFY(opened.has_value());
        m_store = std::move(*opened);
        // 1: 4 h ago (20 h left), 2: 22 h ago (2 h left), 3: answered, 4: 30 h ago (the 7 days).
        apply({ message(QStringLiteral("c1"), kNow - 4 * kHour, 1),
            message(QStringLiteral("c2"), kNow - 22 * kHour, 2),
            message(QStringLiteral("c3"), kNow - 6 * kHour, 3),
            message(QStringLiteral("c3r"), kNow - 5 * kHour, 3, true),
            message(QStringLiteral("c4"), kNow - 30 * kHour, 4) });
        m_source = std::make_shared<StoreInboxSource>(m_store->readers());
    }

    void cleanup()
    {
        m_source.reset();
        m_store.reset();
        m_dir.reset();
    }

    void viewsCountAndFollowTheStore()
    {
        ConversationViewsModel views(m_source);
        QAbstractItemModelTester tester(
            &views, QAbstractItemModelTester::FailureReportingMode::QtTest);
        views.setClock([this] { return m_now; });
        views.setCoalesceInterval(0);
        connect(m_store.get(), &Store::changed, &views, &ConversationViewsModel::applyStoreChange);
        QCOMPARE(views.rowCount(), 5);
        const QModelIndex needsReply = views.index(views.rowOf(InboxView::NeedsReply));
        QCOMPARE(needsReply.data(Qt::DisplayRole).toString(), QStringLiteral("Needs reply"));
        QVERIFY(!needsReply.data(ConversationViewsModel::CountKnownRole).toBool());

        QSignalSpy counted(&views, &ConversationViewsModel::countsChanged);
        views.setFilter({});
        QVERIFY(counted.wait(5000));
        QCOMPARE(views.counts().all, 4);
        QCOMPARE(views.counts().needsReply, 3);
        QCOMPARE(views.counts().replyWindow, 3);
        QCOMPARE(views.counts().done, 0);
        QCOMPARE(needsReply.data(ConversationViewsModel::CountRole).toInt(), 3);
        QCOMPARE(
            needsReply.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Needs reply (3)"));

        // Done: one fewer to answer, one more done.
        QSignalSpy changed(&views, &QAbstractItemModel::dataChanged);
        QVERIFY(
            awaitResult(m_store->setConversationStatus(idOf(2), ConversationStatus::Done)).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().done, 1, 5000);
        QCOMPARE(views.counts().needsReply, 2);
        QCOMPARE(views.counts().all, 3);
        QVERIFY(!changed.isEmpty());

        // Snoozed, then the customer writes: open again, counted so.
        QVERIFY(
            awaitResult(m_store->setConversationStatus(idOf(1), ConversationStatus::Snoozed, kNow + kHour))
                .has_value());
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().snoozed, 1, 5000);
        apply({ message(QStringLiteral("c1b"), kNow - kHour, 1) });
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().snoozed, 0, 5000);
        QCOMPARE(views.counts().needsReply, 2);

        // Filters narrow the counts; the view part of a filter is ignored.
        InboxFilter other;
        other.accountId = QStringLiteral("another");
        other.view = InboxView::Done;
        views.setFilter(other);
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().all, 0, 5000);
        QCOMPARE(views.counts().done, 0);

        views.setViewText([](InboxView view) {
            return view == InboxView::All ? QStringLiteral("Alle") : QString();
        });
        QCOMPARE(
            views.index(views.rowOf(InboxView::All)).data().toString(), QStringLiteral("Alle"));
    }

    // Team mode: Mine and Unassigned are listed once the agent is known, counted from the
    // replicated assignee, and filter the list; solo mode lists neither.
    void teamViewsMineAndUnassigned()
    {
        ConversationViewsModel views(m_source);
        QAbstractItemModelTester tester(
            &views, QAbstractItemModelTester::FailureReportingMode::QtTest);
        views.setClock([this] { return m_now; });
        views.setCoalesceInterval(0);
        connect(m_store.get(), &Store::changed, &views, &ConversationViewsModel::applyStoreChange);
        QCOMPARE(views.rowOf(InboxView::Mine), -1);
        QCOMPARE(views.rowOf(InboxView::Unassigned), -1);
        views.setAgent(QStringLiteral("ana"));
        QCOMPARE(views.rowCount(), 7);
        QCOMPARE(views.rowOf(InboxView::Mine), 1);
        QCOMPARE(views.index(views.rowOf(InboxView::Unassigned)).data().toString(),
            QStringLiteral("Unassigned"));
        QTRY_VERIFY_WITH_TIMEOUT(views.hasCounts(), 5000);
        QCOMPARE(views.counts().mine, 0);
        QCOMPARE(views.counts().unassigned, 4);

        assign(1, QStringLiteral("ana"));
        assign(2, QStringLiteral("ben"));
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().unassigned, 2, 5000);
        QCOMPARE(views.counts().mine, 1);
        QCOMPARE(views.index(views.rowOf(InboxView::Mine))
                     .data(ConversationViewsModel::CountRole)
                     .toInt(),
            1);
        // Done leaves Mine (as it leaves every open view).
        QVERIFY(awaitResult(m_store->setConversationStatus(idOf(1), ConversationStatus::Done))
                    .has_value());
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().mine, 0, 5000);
        QVERIFY(awaitResult(m_store->setConversationStatus(idOf(1), ConversationStatus::Open))
                    .has_value());
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().mine, 1, 5000);

        ConversationListModel list(m_source);
        QAbstractItemModelTester listTester(
            &list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setClock([this] { return m_now; });
        InboxFilter mine;
        mine.view = InboxView::Mine;
        mine.agent = QStringLiteral("ana");
        list.setFilter(mine);
        QTRY_COMPARE_WITH_TIMEOUT(customersIn(list), QStringList { QStringLiteral("1") }, 5000);
        QCOMPARE(list.rowAt(0).assignee, QStringLiteral("ana"));
        InboxFilter unassigned = mine;
        unassigned.view = InboxView::Unassigned;
        list.setFilter(unassigned);
        QTRY_COMPARE_WITH_TIMEOUT(
            customersIn(list), (QStringList { QStringLiteral("3"), QStringLiteral("4") }), 5000);
        // Without an agent (solo mode) nothing is Mine.
        InboxFilter nobody = mine;
        nobody.agent.clear();
        list.setFilter(nobody);
        QTRY_COMPARE_WITH_TIMEOUT(list.rowCount(), 0, 5000);

        views.setAgent(QString());
        QCOMPARE(views.rowCount(), 5);
        QCOMPARE(views.rowOf(InboxView::Mine), -1);
    }

    void listFollowsTheView()
    {
        ConversationListModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([this] { return m_now; });
        connect(m_store.get(), &Store::changed, &model, &ConversationListModel::applyStoreChange);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        InboxFilter needsReply;
        needsReply.view = InboxView::NeedsReply;
        model.setFilter(needsReply);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model),
            QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4") }));

        // Marked Done: the row leaves (no reset) ...
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(
            awaitResult(m_store->setConversationStatus(idOf(2), ConversationStatus::Done)).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(customersIn(model), QStringList({ QStringLiteral("1"), QStringLiteral("4") }));
        // ... and comes back, at the top, when the customer writes again.
        apply({ message(QStringLiteral("c2b"), kNow - 10'000, 2) });
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 5000);
        QCOMPARE(customersIn(model).constFirst(), QStringLiteral("2"));
        QCOMPARE(model.index(0).data(ConversationListModel::StatusRole).toInt(),
            int(ConversationStatus::Open));

        // The Done view has it while it is done.
        InboxFilter done;
        done.view = InboxView::Done;
        QVERIFY(
            awaitResult(m_store->setConversationStatus(idOf(4), ConversationStatus::Done)).has_value());
        loaded.clear();
        model.setFilter(done);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model), QStringList({ QStringLiteral("4") }));

        // Marked unread: the row says so.
        InboxFilter all;
        all.view = InboxView::All;
        loaded.clear();
        model.setFilter(all);
        QVERIFY(loaded.wait(5000));
        const int row3 = model.rowOf(idOf(3));
        QVERIFY(row3 >= 0);
        QVERIFY(awaitResult(m_store->markConversationRead(idOf(3))).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(
            !model.index(row3).data(ConversationListModel::IsUnreadRole).toBool(), 5000);
        QVERIFY(awaitResult(m_store->markConversationUnread(idOf(3))).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(model.index(model.rowOf(idOf(3)))
                                     .data(ConversationListModel::MarkedUnreadRole)
                                     .toBool(),
            5000);
        QVERIFY(
            model.index(model.rowOf(idOf(3))).data(ConversationListModel::IsUnreadRole).toBool());
    }

    void replyWindowSoonestFirst()
    {
        ConversationListModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1); // the Reply window is read whole, not paged
        model.setClock([this] { return m_now; });
        connect(m_store.get(), &Store::changed, &model, &ConversationListModel::applyStoreChange);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        InboxFilter window;
        window.view = InboxView::ReplyWindow;
        model.setFilter(window);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model),
            QStringList({ QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("4") }));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(
            model.index(0).data(ConversationListModel::WindowTimeLeftRole).toLongLong(), 2 * kHour);

        // A new customer message lands by its deadline (24 h from now: after 1, before 4).
        apply({ message(QStringLiteral("c5"), kNow, 5) });
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 5000);
        QCOMPARE(customersIn(model),
            QStringList({ QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("5"),
                QStringLiteral("4") }));

        // Three hours on, 2's 24 h are over: it moves behind, into its 7 days.
        m_now = kNow + 3 * kHour;
        loaded.clear();
        model.refreshWindows();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model),
            QStringList({ QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("4"),
                QStringLiteral("2") }));

        // Answered: it leaves the view.
        apply({ message(QStringLiteral("c1r"), m_now, 1, true) });
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 5000);
        QCOMPARE(customersIn(model).constFirst(), QStringLiteral("5"));
    }

    void snoozeChoicesAreAhead()
    {
        // A Wednesday at 10:00 local time.
        const QDateTime wednesday(QDate(2026, 12, 9), QTime(10, 0));
        const auto choices = snoozeChoices(wednesday);
        QCOMPARE(choices.size(), 4);
        QCOMPARE(choices.at(0).until, wednesday.addSecs(3600));
        QCOMPARE(choices.at(1).kind, SnoozeChoice::Kind::ThisEvening);
        QCOMPARE(choices.at(1).until, QDateTime(QDate(2026, 12, 9), QTime(18, 0)));
        QCOMPARE(choices.at(2).until, QDateTime(QDate(2026, 12, 10), QTime(9, 0)));
        QCOMPARE(choices.at(3).until, QDateTime(QDate(2026, 12, 14), QTime(9, 0))); // Monday
        // In the evening there is no "this evening"; on a Monday next week is a week ahead.
        const auto late = snoozeChoices(QDateTime(QDate(2026, 12, 14), QTime(20, 30)));
        QCOMPARE(late.size(), 3);
        QCOMPARE(late.at(1).kind, SnoozeChoice::Kind::TomorrowMorning);
        QCOMPARE(late.at(2).until, QDateTime(QDate(2026, 12, 21), QTime(9, 0)));
        for (const auto &c : late)
            QVERIFY(c.until > QDateTime(QDate(2026, 12, 14), QTime(20, 30)));
    }
};

QTEST_GUILESS_MAIN(TestTriageModels)
#include "tst_triagemodels.moc"
