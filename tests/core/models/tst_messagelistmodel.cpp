#include "fakeinboxsource.h"
#include "models/messagelistmodel.h"
#include "support/messagemodelwait.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using inlet::test::messagesSettled;
using inlet::test::openMessages;

class TestMessageListModel : public QObject {
    Q_OBJECT

private:
    static constexpr qint64 kConversation = 7;
    // Local noon, so that +-minutes never cross a day boundary by accident.
    static qint64 base()
    {
        return QDateTime(QDate(2026, 3, 10), QTime(12, 0)).toMSecsSinceEpoch();
    }

    static MessageRow message(qint64 id, qint64 createdMs, const QString &text = {})
    {
        MessageRow m;
        m.id = id;
        m.conversationId = kConversation;
        m.mid = QStringLiteral("mid.%1").arg(id);
        m.outgoing = id % 2 == 0;
        m.text = text.isEmpty() ? QStringLiteral("message %1").arg(id) : text;
        m.createdMs = createdMs;
        m.state = m.outgoing ? MessageState::Sent : MessageState::Received;
        return m;
    }

    // 120 messages one minute apart (ids 1..120), plus noise in another conversation.
    std::shared_ptr<test::FakeInboxSource> makeSource()
    {
        auto source = std::make_shared<test::FakeInboxSource>();
        for (qint64 id = 1; id <= 120; ++id)
            source->putMessage(message(id, base() + id * 60'000));
        auto other = message(1000, base());
        other.conversationId = 8;
        source->putMessage(other);
        return source;
    }

    static qint64 idAt(const MessageListModel &model, int row)
    {
        return model.index(row).data(MessageListModel::IdRole).toLongLong();
    }

private slots:
    void opensAtTheNewestAndPagesBack()
    {
        auto source = makeSource();
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(50);
        QVERIFY(openMessages(model, kConversation));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(idAt(model, 0), 71);
        QCOMPARE(idAt(model, 49), 120);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.canFetchNewer());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QVERIFY(messagesSettled(model));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 49);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(idAt(model, 0), 21);
        model.fetchMore({});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(idAt(model, 0), 1);
        QVERIFY(!model.canFetchMore({}));
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(idAt(model, i - 1) < idAt(model, i));
    }

    void readsRunOnAWorkerAndArriveInOrder()
    {
        auto source = makeSource();
        MessageListModel model(source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setPageSize(50);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QFuture<Status> opened = model.open(kConversation);
        // open() returns at once: the page is read on the worker, nothing changed yet.
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isLoading());
        QCOMPARE(reset.size(), 0);
        QTRY_VERIFY(opened.isFinished());
        QVERIFY(opened.result().has_value());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 50);

        // Paging back is asked for, then answered: one page at a time.
        QSignalSpy older(&model, &MessageListModel::olderFetched);
        model.fetchOlder();
        QVERIFY(model.isFetchingOlder());
        QVERIFY(!model.canFetchMore({}));
        model.fetchOlder(); // ignored while one runs
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(older.wait(5000));
        QCOMPARE(older.size(), 1);
        QCOMPARE(older.first().first().toInt(), 50);
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(!model.isFetchingOlder());

        // A change posted after the page is applied after it.
        source->putMessage(message(500, base() + 500 * 60'000));
        model.applyChange({ 500 });
        QCOMPARE(model.rowOfMessage(500), -1);
        QVERIFY(messagesSettled(model));
        QCOMPARE(idAt(model, model.rowCount() - 1), 500);

        // Every message read ran off the model's thread.
        const QSet<QThread *> threads = source->messageThreads();
        QVERIFY(!threads.isEmpty());
        QVERIFY(!threads.contains(model.thread()));
    }

    void aNewerOpenDropsTheOlderAnswer()
    {
        auto source = makeSource();
        auto other = message(2000, base());
        other.conversationId = 9;
        source->putMessage(other);
        MessageListModel model(source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QFuture<Status> first = model.open(kConversation);
        const QFuture<Status> second = model.open(9);
        QTRY_VERIFY(second.isFinished());
        QVERIFY(second.result().has_value());
        QVERIFY(first.isFinished());
        QCOMPARE(first.result().error().kind, Error::Kind::Cancelled);
        QCOMPARE(reset.size(), 1); // only the conversation asked for last was shown
        QCOMPARE(model.conversationId(), 9);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), 2000);

        // clear() drops an answer still on its way, too.
        const QFuture<Status> third = model.open(kConversation);
        model.clear();
        QTRY_VERIFY(third.isFinished());
        QVERIFY(!third.result().has_value());
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.conversationId(), 0);
    }

    void rolesCarryWhatTheDelegateDraws()
    {
        auto source = std::make_shared<test::FakeInboxSource>();
        MessageRow m = message(2, base(), QStringLiteral("see attached"));
        m.attachments = {{QStringLiteral("image"), QStringLiteral("https://cdn.example/x.jpg"), {}, QStringLiteral("/tmp/x.jpg")}};
        m.reactions = {{QStringLiteral("igsid"), QStringLiteral("❤️")}};
        m.replyToMid = QStringLiteral("mid.1");
        m.replyToText = QStringLiteral("original");
        m.state = MessageState::Failed;
        m.error = QStringLiteral("Outside the messaging window");
        m.editCount = 1;
        m.seen = true;
        source->putMessage(m);
        MessageListModel model(source);
        QVERIFY(openMessages(model, kConversation));
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(MessageListModel::TextRole).toString(), QStringLiteral("see attached"));
        QCOMPARE(i.data(MessageListModel::OutgoingRole).toBool(), true);
        QCOMPARE(i.data(MessageListModel::TimeRole).toLongLong(), base());
        QCOMPARE(i.data(MessageListModel::StateRole).toInt(), int(MessageState::Failed));
        QCOMPARE(i.data(MessageListModel::ErrorRole).toString(), QStringLiteral("Outside the messaging window"));
        QCOMPARE(i.data(MessageListModel::ReplyQuoteRole).toString(), QStringLiteral("original"));
        QCOMPARE(i.data(MessageListModel::ReactionsRole).toStringList(), QStringList{QStringLiteral("❤️")});
        QCOMPARE(i.data(MessageListModel::EditedRole).toBool(), true);
        QCOMPARE(i.data(MessageListModel::SeenRole).toBool(), true);
        QCOMPARE(i.data(MessageListModel::DaySeparatorRole).toBool(), true);
        const auto attachments = i.data(MessageListModel::AttachmentsRole).toList();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toMap().value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        QCOMPARE(attachments.first().toMap().value(QStringLiteral("localPath")).toString(), QStringLiteral("/tmp/x.jpg"));
    }

    void liveInsertsInTheMiddleOfAScroll()
    {
        auto source = makeSource();
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(50);
        QVERIFY(openMessages(model, kConversation));
        model.fetchMore({}); // rows 21..120 loaded, the view is scrolled back
        QVERIFY(messagesSettled(model));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // A new message at the bottom.
        source->putMessage(message(500, base() + 500 * 60'000));
        // A message backfilled by sync between 60 and 61.
        source->putMessage(message(501, base() + 60 * 60'000 + 30'000));
        // One older than everything loaded while older pages remain: paging will bring it.
        source->putMessage(message(502, base() + 10 * 60'000 + 1));
        // One of another conversation: ignored.
        auto other = message(503, base() + 70 * 60'000);
        other.conversationId = 8;
        source->putMessage(other);
        model.applyChange({500, 501, 502, 503});
        QVERIFY(messagesSettled(model));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 102);
        QCOMPARE(idAt(model, 101), 500);
        const int mid = model.rowOfMessage(501);
        QCOMPARE(idAt(model, mid - 1), 60);
        QCOMPARE(idAt(model, mid + 1), 61);
        QCOMPARE(model.rowOfMessage(502), -1);
        QCOMPARE(model.rowOfMessage(503), -1);

        // Applying the same change again changes nothing in the row count.
        model.applyChange({500, 501});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowCount(), 102);

        model.fetchMore({});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowCount(), 123);
        QVERIFY(model.rowOfMessage(502) >= 0);
        for (int i = 1; i < model.rowCount(); ++i) {
            const auto a = model.rowAt(i - 1).key();
            const auto b = model.rowAt(i).key();
            QVERIFY(a < b);
        }
    }

    void editsUnsendsReactionsAndStates()
    {
        auto source = makeSource();
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        QVERIFY(openMessages(model, kConversation));
        const int row = model.rowOfMessage(101);
        QVERIFY(row >= 0);
        const auto revision = model.index(row).data(MessageListModel::RevisionRole).toUInt();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto edited = message(101, base() + 101 * 60'000, QStringLiteral("edited text"));
        edited.editCount = 1;
        source->putMessage(edited);
        model.applyChange({101});
        QVERIFY(messagesSettled(model));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(model.index(row).data(MessageListModel::TextRole).toString(), QStringLiteral("edited text"));
        QVERIFY(model.index(row).data(MessageListModel::EditedRole).toBool());
        QVERIFY(model.index(row).data(MessageListModel::RevisionRole).toUInt() != revision);

        auto unsent = edited;
        unsent.deleted = true;
        source->putMessage(unsent);
        model.applyChange({101});
        QVERIFY(messagesSettled(model));
        QVERIFY(model.index(row).data(MessageListModel::DeletedRole).toBool());

        auto reacted = message(103, base() + 103 * 60'000);
        reacted.reactions = {{QStringLiteral("a"), QStringLiteral("😂")}, {QStringLiteral("b"), QStringLiteral("👍")}};
        source->putMessage(reacted);
        model.applyChange({103});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.index(model.rowOfMessage(103)).data(MessageListModel::ReactionsRole).toStringList().size(), 2);

        // An outgoing message goes queued -> sending -> failed; then the manager deletes it.
        auto out = message(600, base() + 600 * 60'000);
        out.outgoing = true;
        out.mid.clear();
        out.state = MessageState::Queued;
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        const int outRow = model.rowOfMessage(600);
        QCOMPARE(outRow, model.rowCount() - 1);
        out.state = MessageState::Sending;
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.index(outRow).data(MessageListModel::StateRole).toInt(), int(MessageState::Sending));
        out.state = MessageState::Failed;
        out.error = QStringLiteral("The customer is unavailable");
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.index(outRow).data(MessageListModel::ErrorRole).toString(), QStringLiteral("The customer is unavailable"));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        source->removeMessage(600);
        StoreChange change;
        change.removedMessageIds = {600};
        model.applyStoreChange(change);
        QVERIFY(messagesSettled(model));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowOfMessage(600), -1);
    }

    void uploadProgressUpdatesOnlyItsRow()
    {
        auto source = makeSource();
        auto out = message(600, base() + 600 * 60'000, QStringLiteral(" "));
        out.text.clear();
        out.outgoing = true;
        out.mid.clear();
        out.state = MessageState::Queued;
        out.attachments = {{QStringLiteral("image"), {}, {}, QStringLiteral("/tmp/photo.png")}};
        source->putMessage(out);
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QVERIFY(openMessages(model, kConversation));
        const int row = model.rowOfMessage(600);
        QVERIFY(row >= 0);
        auto progressOf = [&model](qint64 id) {
            return model.index(model.rowOfMessage(id)).data(MessageListModel::UploadProgressRole).toDouble();
        };
        QCOMPARE(progressOf(600), -1.0);
        QCOMPARE(progressOf(120), -1.0);
        QVERIFY(model.roleNames().value(MessageListModel::UploadProgressRole) == "uploadProgress");

        // The first report gives the bubble its bar (new revision: a new layout); later ones
        // change only the value.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const auto revision = model.index(row).data(MessageListModel::RevisionRole).toUInt();
        model.setUploadProgress(600, 250, 1000);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(MessageListModel::UploadProgressRole));
        QCOMPARE(progressOf(600), 0.25);
        QVERIFY(model.index(row).data(MessageListModel::RevisionRole).toUInt() != revision);
        const auto uploadingRevision = model.index(row).data(MessageListModel::RevisionRole).toUInt();
        model.setUploadProgress(600, 500, 1000);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(2).value<QList<int>>(), QList<int>{MessageListModel::UploadProgressRole});
        QCOMPARE(model.index(row).data(MessageListModel::RevisionRole).toUInt(), uploadingRevision);
        QCOMPARE(progressOf(600), 0.5);
        model.setUploadProgress(600, 500, 1000); // same value: no signal
        QCOMPARE(changed.size(), 2);
        model.setUploadProgress(999, 1, 2);  // not loaded: ignored
        model.setUploadProgress(600, 1, 0);  // no total: ignored
        QCOMPARE(changed.size(), 2);
        QCOMPARE(progressOf(120), -1.0);

        // A re-read while still queued (e.g. the URL was stored) keeps the bar.
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        QCOMPARE(progressOf(600), 0.5);

        // Sending: the upload is over, the bar goes; a late report does not bring it back.
        out.state = MessageState::Sending;
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        QCOMPARE(progressOf(600), -1.0);
        model.setUploadProgress(600, 1000, 1000);
        QCOMPARE(progressOf(600), -1.0);

        // Failed clears it too; removal takes the row away with its progress.
        out.state = MessageState::Queued;
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        model.setUploadProgress(600, 10, 100);
        QCOMPARE(progressOf(600), 0.1);
        out.state = MessageState::Failed;
        source->putMessage(out);
        model.applyChange({600});
        QVERIFY(messagesSettled(model));
        QCOMPARE(progressOf(600), -1.0);
        source->removeMessage(600);
        model.removeMessages({600});
        QCOMPARE(model.rowOfMessage(600), -1);
    }

    void daySeparatorsFollowTheLoadedRows()
    {
        auto source = std::make_shared<test::FakeInboxSource>();
        source->putMessage(message(1, base() - 24 * 3600'000)); // the day before
        source->putMessage(message(2, base()));
        source->putMessage(message(3, base() + 60'000));
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(2);
        QVERIFY(openMessages(model, kConversation));
        QCOMPARE(model.index(0).data(MessageListModel::DaySeparatorRole).toBool(), true);
        QCOMPARE(model.index(1).data(MessageListModel::DaySeparatorRole).toBool(), false);
        model.fetchMore({});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(MessageListModel::DaySeparatorRole).toBool(), true);
        QCOMPARE(model.index(1).data(MessageListModel::DaySeparatorRole).toBool(), true);
        QCOMPARE(model.index(2).data(MessageListModel::DaySeparatorRole).toBool(), false);

        // Same day as its predecessor after an insert: the boundary row is refreshed.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        source->putMessage(message(4, base() - 60'000));
        model.applyChange({4});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowOfMessage(4), 1);
        QCOMPARE(model.index(1).data(MessageListModel::DaySeparatorRole).toBool(), true);
        QCOMPARE(model.index(2).data(MessageListModel::DaySeparatorRole).toBool(), false);
        QCOMPARE(changed.size(), 1);
    }

    void opensAroundASearchHit()
    {
        auto source = makeSource();
        MessageListModel model(source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        model.setPageSize(20);
        QVERIFY(openMessages(model, kConversation, 40));
        QCOMPARE(model.rowCount(), 21);
        QCOMPARE(idAt(model, 10), 40);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(model.canFetchNewer());
        // A live message while away from the newest: paging forward will bring it.
        source->putMessage(message(700, base() + 700 * 60'000));
        model.applyChange({700});
        QVERIFY(messagesSettled(model));
        QCOMPARE(model.rowOfMessage(700), -1);
        while (model.canFetchNewer()) {
            model.fetchNewer();
            QVERIFY(messagesSettled(model));
        }
        QCOMPARE(idAt(model, model.rowCount() - 1), 700);

        QVERIFY(!openMessages(model, kConversation, 1000)); // other conversation's message
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
