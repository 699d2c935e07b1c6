#include "fakeinboxsource.h"
#include "models/conversationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;

class TestConversationListModel : public QObject {
    Q_OBJECT

private:
    static constexpr qint64 kNow = 1'800'000'000'000;

    static ConversationRow conversation(qint64 id, qint64 activity, int unread = 0)
    {
        ConversationRow r;
        r.id = id;
        r.accountId = id % 2 ? QStringLiteral("acc-odd") : QStringLiteral("acc-even");
        r.customerId = QStringLiteral("igsid-%1").arg(id);
        r.name = QStringLiteral("Customer %1").arg(id);
        r.username = QStringLiteral("customer%1").arg(id);
        r.preview = QStringLiteral("hello %1").arg(id);
        r.lastActivityMs = activity;
        r.lastCustomerMessageMs = activity;
        r.unreadCount = unread;
        r.lastFromCustomer = unread > 0;
        return r;
    }

    // 250 conversations, activity descending with id: row i holds id 250 - i.
    std::shared_ptr<test::FakeInboxSource> makeSource()
    {
        auto source = std::make_shared<test::FakeInboxSource>();
        for (qint64 id = 1; id <= 250; ++id)
            source->putConversation(conversation(id, kNow - (300 - id) * 60'000, id % 3 == 0 ? 1 : 0));
        return source;
    }

    static QList<qint64> ids(const ConversationListModel &model)
    {
        QList<qint64> out;
        for (int i = 0; i < model.rowCount(); ++i)
            out.append(model.rowAt(i).id);
        return out;
    }

    static void load(ConversationListModel &model)
    {
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
    }

    static void settle(ConversationListModel &model)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    }

private slots:
    void pagesLazilyNewestFirst()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(100);
        load(model);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.rowAt(0).id, 250);
        QCOMPARE(model.rowAt(99).id, 151);
        QVERIFY(model.canFetchMore({}));

        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one fetch at a time
        settle(model);
        QCOMPARE(model.rowCount(), 200);
        model.fetchMore({});
        settle(model);
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.rowAt(249).id, 1);
        QVERIFY(!model.canFetchMore({}));
        const auto all = ids(model);
        QCOMPARE(QSet<qint64>(all.begin(), all.end()).size(), 250);
    }

    void rolesDescribeTheRow()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        model.setClock([] { return kNow; });
        load(model);
        const QModelIndex top = model.index(0);
        QCOMPARE(top.data(ConversationListModel::NameRole).toString(), QStringLiteral("Customer 250"));
        QCOMPARE(top.data(ConversationListModel::UsernameRole).toString(), QStringLiteral("customer250"));
        QCOMPARE(top.data(ConversationListModel::PreviewRole).toString(), QStringLiteral("hello 250"));
        QCOMPARE(top.data(ConversationListModel::TimeRole).toLongLong(), kNow - 50 * 60'000);
        QCOMPARE(top.data(ConversationListModel::AccountIdRole).toString(), QStringLiteral("acc-even"));
        QCOMPARE(top.data(ConversationListModel::WindowStateRole).toInt(),
                 int(MessagingWindow::State::Open));
        QCOMPARE(top.data(ConversationListModel::WindowTimeLeftRole).toLongLong(),
                 MessagingWindow::kStandardMs - 50 * 60'000);
    }

    void windowStatesFollowTheClock_data()
    {
        QTest::addColumn<qint64>("age");
        QTest::addColumn<int>("state");
        QTest::newRow("fresh") << qint64(60'000) << int(MessagingWindow::State::Open);
        QTest::newRow("23h") << qint64(23) * 3600'000 << int(MessagingWindow::State::ClosingSoon);
        QTest::newRow("2d") << qint64(48) * 3600'000 << int(MessagingWindow::State::HumanAgent);
        QTest::newRow("8d") << qint64(8 * 24) * 3600'000 << int(MessagingWindow::State::Closed);
    }

    void windowStatesFollowTheClock()
    {
        QFETCH(qint64, age);
        QFETCH(int, state);
        auto source = std::make_shared<test::FakeInboxSource>();
        source->putConversation(conversation(1, kNow - 10));
        ConversationListModel model(source);
        qint64 now = kNow;
        model.setClock([&now] { return now; });
        load(model);
        QCOMPARE(model.index(0).data(ConversationListModel::WindowStateRole).toInt(),
                 int(MessagingWindow::State::Open));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = kNow + age;
        model.refreshWindows();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::WindowStateRole).toInt(), state);
    }

    void newActivityMovesTheRowToTheTop()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(100);
        load(model);
        model.fetchMore({});
        settle(model);
        QCOMPARE(model.rowCount(), 200);

        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Conversation 100 sits at row 150, in the middle of the scroll; a message arrives.
        QCOMPARE(model.rowOf(100), 150);
        auto row = conversation(100, kNow, 4);
        row.preview = QStringLiteral("new message");
        source->putConversation(row);
        model.applyChange({100});
        settle(model);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowAt(0).id, 100);
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 4);
        QCOMPARE(model.index(0).data(ConversationListModel::PreviewRole).toString(), QStringLiteral("new message"));
        QCOMPARE(model.rowAt(1).id, 250);
        QCOMPARE(model.rowCount(), 200);

        // A brand-new conversation is inserted at the top.
        source->putConversation(conversation(999, kNow + 1, 1));
        model.applyChange({999});
        settle(model);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowAt(0).id, 999);
        QCOMPARE(model.rowCount(), 201);

        // An update that does not change the order is a dataChanged of that row alone.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto read = conversation(999, kNow + 1, 0);
        source->putConversation(read);
        model.applyChange({999});
        settle(model);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
    }

    void rowsBelowTheLoadedPagesWaitForPaging()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(100);
        load(model);
        // A conversation that sorts below row 100 while more pages exist: not inserted now...
        source->putConversation(conversation(5000, kNow - 1000 * 60'000));
        model.applyChange({5000});
        settle(model);
        QCOMPARE(model.rowOf(5000), -1);
        QCOMPARE(model.rowCount(), 100);
        // ...and a loaded row whose activity fell below the loaded range leaves until paged in.
        source->putConversation(conversation(200, kNow - 2000 * 60'000));
        model.applyChange({200});
        settle(model);
        QCOMPARE(model.rowOf(200), -1);
        model.fetchMore({});
        settle(model);
        model.fetchMore({});
        settle(model);
        QCOMPARE(model.rowCount(), 251);
        QCOMPARE(model.rowAt(250).id, 200);
        QCOMPARE(model.rowAt(249).id, 5000);
    }

    void removedConversationsLeave()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        load(model);
        source->removeConversation(249);
        StoreChange change;
        change.removedConversationIds = {249};
        model.applyStoreChange(change);
        settle(model);
        QCOMPARE(model.rowOf(249), -1);
        QCOMPARE(model.rowAt(1).id, 248);
    }

    void filtersRunAsQueries()
    {
        auto source = makeSource();
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(500);
        load(model);
        QCOMPARE(model.rowCount(), 250);

        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        model.setFilter({.accountId = {}, .unreadOnly = true, .needsReplyOnly = false});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 83); // ids divisible by 3
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.index(i).data(ConversationListModel::UnreadRole).toInt() > 0);

        // Reading a conversation takes it out of the unread filter.
        source->putConversation(conversation(249, kNow - 51 * 60'000, 0));
        model.applyChange({249});
        settle(model);
        QCOMPARE(model.rowOf(249), -1);
        QCOMPARE(model.rowCount(), 82);

        model.setFilter({.accountId = QStringLiteral("acc-odd"), .unreadOnly = false, .needsReplyOnly = false});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 125);
        // A change for another account's conversation does not enter this view.
        source->putConversation(conversation(248, kNow + 5));
        model.applyChange({248});
        settle(model);
        QCOMPARE(model.rowOf(248), -1);

        model.setFilter({.accountId = {}, .unreadOnly = false, .needsReplyOnly = true});
        QVERIFY(loaded.wait(5000));
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.index(i).data(ConversationListModel::NeedsReplyRole).toBool());
    }

    void searchShowsHitsAndReturns()
    {
        auto source = makeSource();
        MessageRow m;
        m.id = 77;
        m.conversationId = 12;
        m.text = QStringLiteral("Do you ship the blue jacket?");
        source->putMessage(m);
        ConversationListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        load(model);

        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        // Keystrokes in a row: only the last query's answer counts.
        model.setSearchText(QStringLiteral("j"));
        model.setSearchText(QStringLiteral("ja"));
        model.setSearchText(QStringLiteral("jacket"));
        QVERIFY(loaded.wait(5000));
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowAt(0).id, 12);
        QCOMPARE(model.index(0).data(ConversationListModel::HitMessageIdRole).toLongLong(), 77);
        QVERIFY(model.index(0).data(ConversationListModel::SnippetRole).toString().contains(QStringLiteral("jacket")));
        QVERIFY(!model.canFetchMore({}));

        model.setSearchText(QStringLiteral("Customer 250"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::HitMessageIdRole).toLongLong(), 0);

        model.setSearchText({});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 100);
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
