// Triage in the store: Done and Snoozed conversations, reopened by the customer's next message in
// the transaction that stores it, snoozes woken by SnoozeWaker at their end (one timer, no
// polling), "mark as unread", the views' queries and counts, the filter flags, and the migration
// of a schema version 5 file.
#include "store/database.h"
#include "store/schema.h"
#include "store/snoozewaker.h"
#include "store/sqlutil.h"
#include "storetestutil.h"

#include "support/await.h"
#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;

QString customer(int n)
{
    return QStringLiteral("60000000000%1").arg(n, 5, 10, QLatin1Char('0'));
}

InboundEvent withAttachment(const QString &mid, qint64 ts, const QString &type, const QString &who)
{
    InboundEvent e = message(mid, ts, QString(), who);
    AttachmentData a;
    a.type = type;
    a.url = QStringLiteral("https://cdn.example/%1").arg(mid);
    e.attachments.append(a);
    return e;
}

} // namespace

class TestTriageStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    qint64 m_clock = kNow;

    void apply(const QList<InboundEvent> &events)
    {
        QVERIFY(ok(awaitResult(m_store->applyEvents(events))));
    }

    StoredConversation conversationOf(const QString &who)
    {
        auto c = m_reader->conversationFor(kAccount, who);
        if (!c || !*c)
            qFatal("no conversation for %s", qPrintable(who));
        return **c;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = kNow;
        StoreOptions options;
        options.clock = [this] { return m_clock; };
        auto store = Store::open(m_dir->path(), options);
        QVERIFY(ok(store));
        m_store = std::move(*store);
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(ok(reader));
        m_reader = std::move(*reader);
    }

    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
        m_dir.reset();
    }

    void doneUntilTheCustomerWritesAgain()
    {
        apply({ message(QStringLiteral("m1"), kNow - 10 * kHour, QStringLiteral("hello")) });
        const qint64 id = conversationOf(kCustomer).id;
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Open);

        QSignalSpy changed(m_store.get(), &Store::changed);
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(id, ConversationStatus::Done))));
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().conversationIds.contains(id));
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Done);

        // Our own reply (an echo from the phone) leaves it done.
        apply({ message(
            QStringLiteral("m2"), kNow - 9 * kHour, QStringLiteral("thanks"), kCustomer, true) });
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Done);
        // An older customer message that sync fetches late leaves it done too.
        apply({ message(QStringLiteral("m0"), kNow - 11 * kHour, QStringLiteral("earlier")) });
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Done);
        // A redelivered message changes nothing either.
        apply({ message(QStringLiteral("m1"), kNow - 10 * kHour, QStringLiteral("hello")) });
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Done);

        // The customer writes: open again, in the same commit as the message.
        changed.clear();
        apply({ message(QStringLiteral("m3"), kNow - kHour, QStringLiteral("one more thing")) });
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Open);
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        QVERIFY(changed.constFirst().at(0).value<StoreChange>().conversationIds.contains(id));
    }

    void snoozedUntilTheCustomerWrites()
    {
        apply({ message(QStringLiteral("m1"), kNow - kHour, QStringLiteral("hello")) });
        const qint64 id = conversationOf(kCustomer).id;
        QVERIFY(ok(awaitResult(
            m_store->setConversationStatus(id, ConversationStatus::Snoozed, kNow + 24 * kHour))));
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Snoozed);
        QCOMPARE(conversationOf(kCustomer).snoozedUntilMs, kNow + 24 * kHour);

        apply({ message(
            QStringLiteral("m2"), kNow - kHour + 1000, QStringLiteral("are you there?")) });
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Open);
        QCOMPARE(conversationOf(kCustomer).snoozedUntilMs, qint64(0));
    }

    void snoozeMustEndInTheFuture()
    {
        apply({ message(QStringLiteral("m1"), kNow - kHour, QStringLiteral("hello")) });
        const qint64 id = conversationOf(kCustomer).id;
        const Status refused
            = awaitResult(m_store->setConversationStatus(id, ConversationStatus::Snoozed, kNow - 1));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(conversationOf(kCustomer).status, ConversationStatus::Open);
        QVERIFY(!awaitResult(m_store->setConversationStatus(99999, ConversationStatus::Done)));
    }

    void markedUnreadUntilRead()
    {
        apply({ message(QStringLiteral("m1"), kNow - kHour, QStringLiteral("hello")) });
        const qint64 id = conversationOf(kCustomer).id;
        QVERIFY(ok(awaitResult(m_store->markConversationRead(id))));
        QCOMPARE(*m_reader->unreadConversationCount(), 0);

        QVERIFY(ok(awaitResult(m_store->markConversationUnread(id))));
        QVERIFY(conversationOf(kCustomer).markedUnread);
        QCOMPARE(conversationOf(kCustomer).unreadCount, 0);
        QCOMPARE(*m_reader->unreadConversationCount(), 1);
        InboxQuery unread;
        unread.unreadOnly = true;
        QCOMPARE(m_reader->inbox(unread)->size(), 1);

        QVERIFY(ok(awaitResult(m_store->markConversationRead(id))));
        QVERIFY(!conversationOf(kCustomer).markedUnread);
        QCOMPARE(*m_reader->unreadConversationCount(), 0);
        QCOMPARE(m_reader->inbox(unread)->size(), 0);
    }

    void wakeSnoozedOpensWhatIsDueAndNamesTheNext()
    {
        apply({ message(QStringLiteral("a"), kNow - kHour, QStringLiteral("a"), customer(1)),
            message(QStringLiteral("b"), kNow - kHour, QStringLiteral("b"), customer(2)) });
        const qint64 first = conversationOf(customer(1)).id;
        const qint64 second = conversationOf(customer(2)).id;
        QVERIFY(ok(awaitResult(
            m_store->setConversationStatus(first, ConversationStatus::Snoozed, kNow + kHour))));
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(
            second, ConversationStatus::Snoozed, kNow + 2 * kHour))));

        auto next = awaitResult(m_store->wakeSnoozed(kNow));
        QVERIFY(ok(next));
        QCOMPARE(*next, kNow + kHour); // nothing due yet
        QCOMPARE(conversationOf(customer(1)).status, ConversationStatus::Snoozed);

        next = awaitResult(m_store->wakeSnoozed(kNow + kHour));
        QVERIFY(ok(next));
        QCOMPARE(*next, kNow + 2 * kHour);
        QCOMPARE(conversationOf(customer(1)).status, ConversationStatus::Open);
        QVERIFY(conversationOf(customer(1)).markedUnread); // it comes back to be seen
        QCOMPARE(conversationOf(customer(2)).status, ConversationStatus::Snoozed);

        next = awaitResult(m_store->wakeSnoozed(kNow + 3 * kHour));
        QVERIFY(ok(next));
        QCOMPARE(*next, qint64(0));
        QCOMPARE(conversationOf(customer(2)).status, ConversationStatus::Open);
    }

    void snoozeWakerSleepsUntilTheNextEnd()
    {
        // The real clock: the waker's one timer fires at the snooze's end.
        cleanup();
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = Store::open(m_dir->path());
        QVERIFY(ok(store));
        m_store = std::move(*store);
        m_reader = std::move(*StoreReader::open(m_store->databasePath()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        apply({ message(QStringLiteral("a"), now - kHour, QStringLiteral("a"), customer(1)),
            message(QStringLiteral("b"), now - kHour, QStringLiteral("b"), customer(2)) });

        SnoozeWaker waker(m_store.get());
        QSignalSpy checked(&waker, &SnoozeWaker::checked);
        waker.start();
        QVERIFY(checked.wait(5000));
        QCOMPARE(waker.nextSnoozeEndMs(), qint64(0));
        QVERIFY(!waker.isArmed()); // nothing snoozed: no timer at all

        const qint64 soon = QDateTime::currentMSecsSinceEpoch() + 600;
        const qint64 later = soon + 24 * kHour;
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(
            conversationOf(customer(2)).id, ConversationStatus::Snoozed, later))));
        QTRY_COMPARE_WITH_TIMEOUT(waker.nextSnoozeEndMs(), later, 5000);
        QVERIFY(waker.isArmed());
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(
            conversationOf(customer(1)).id, ConversationStatus::Snoozed, soon))));
        // Re-armed for the sooner end, by the store's change (not by polling).
        QTRY_COMPARE_WITH_TIMEOUT(waker.nextSnoozeEndMs(), soon, 5000);
        checked.clear();
        QTRY_COMPARE_WITH_TIMEOUT(
            conversationOf(customer(1)).status, ConversationStatus::Open, 5000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= soon);
        QCOMPARE(conversationOf(customer(2)).status, ConversationStatus::Snoozed);
        QTRY_COMPARE_WITH_TIMEOUT(waker.nextSnoozeEndMs(), later, 5000);
        // Between the two wake-ups, it checked once: at the first end.
        QCOMPARE(checked.size(), 1);
    }

    void viewsQueryAndCount()
    {
        // 1: needs a reply, 20 h left of the 24 h; 2: needs a reply, 2 h left; 3: answered;
        // 4: needs a reply in the 7 days (30 h ago); 5: done; 6: snoozed; 7: window closed (8
        // days).
        apply({ message(QStringLiteral("c1"), kNow - 4 * kHour, QStringLiteral("1"), customer(1)),
            message(QStringLiteral("c2"), kNow - 22 * kHour, QStringLiteral("2"), customer(2)),
            message(QStringLiteral("c3"), kNow - 5 * kHour, QStringLiteral("3"), customer(3)),
            message(QStringLiteral("c3r"), kNow - 4 * kHour - 1000, QStringLiteral("3r"),
                customer(3), true),
            message(QStringLiteral("c4"), kNow - 30 * kHour, QStringLiteral("4"), customer(4)),
            message(QStringLiteral("c5"), kNow - 3 * kHour, QStringLiteral("5"), customer(5)),
            message(QStringLiteral("c6"), kNow - 3 * kHour, QStringLiteral("6"), customer(6)),
            message(
                QStringLiteral("c7"), kNow - 8 * 24 * kHour, QStringLiteral("7"), customer(7)) });
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(
            conversationOf(customer(5)).id, ConversationStatus::Done))));
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(
            conversationOf(customer(6)).id, ConversationStatus::Snoozed, kNow + kHour))));

        InboxQuery q;
        q.nowMs = kNow;
        auto counts = m_reader->viewCounts(q);
        QVERIFY(ok(counts));
        QCOMPARE(counts->all, 5); // 1, 2, 3, 4, 7
        QCOMPARE(counts->needsReply, 4); // 1, 2, 4, 7
        QCOMPARE(counts->replyWindow, 3); // 1, 2, 4
        QCOMPARE(counts->done, 1);
        QCOMPARE(counts->snoozed, 1);

        auto customersOf = [&](InboxView view) {
            InboxQuery query;
            query.view = view;
            query.nowMs = kNow;
            QStringList who;
            const auto rows = m_reader->inbox(query);
            for (const StoredConversation &c : *rows)
                who << c.customerId.right(1);
            return who;
        };
        QCOMPARE(customersOf(InboxView::All),
            QStringList({ QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("2"),
                QStringLiteral("4"), QStringLiteral("7") }));
        QCOMPARE(customersOf(InboxView::Done), QStringList({ QStringLiteral("5") }));
        QCOMPARE(customersOf(InboxView::Snoozed), QStringList({ QStringLiteral("6") }));
        // The soonest to close first: 2 (2 h left), 1 (20 h), 4 (the 7 days: 138 h).
        QCOMPARE(customersOf(InboxView::ReplyWindow),
            QStringList({ QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("4") }));
        // Three hours later 2 has passed into the 7 days (143 h left), behind 1 and 4.
        InboxQuery later;
        later.view = InboxView::ReplyWindow;
        later.nowMs = kNow + 3 * kHour;
        QStringList order;
        const auto laterRows = m_reader->inbox(later);
        for (const StoredConversation &c : *laterRows)
            order << c.customerId.right(1);
        QCOMPARE(
            order, QStringList({ QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("2") }));

        // The account filter applies to the counts too.
        q.accountId = QStringLiteral("another");
        QCOMPARE(m_reader->viewCounts(q)->all, 0);
    }

    void filterFlagsFollowTheMessages()
    {
        apply(
            { message(QStringLiteral("t1"), kNow - kHour, QStringLiteral("text only"), customer(1)),
                withAttachment(
                    QStringLiteral("p1"), kNow - kHour, QStringLiteral("image"), customer(2)),
                withAttachment(QStringLiteral("s1"), kNow - kHour, QStringLiteral("story_mention"),
                    customer(3)) });
        InboundEvent reply = message(
            QStringLiteral("r1"), kNow - kHour, QStringLiteral("nice story"), customer(4));
        reply.replyToStoryUrl = QStringLiteral("https://cdn.example/story");
        reply.replyToStoryId = QStringLiteral("1789");
        apply({ reply });

        QVERIFY(!conversationOf(customer(1)).hasAttachment);
        QVERIFY(!conversationOf(customer(1)).hasStory);
        QVERIFY(conversationOf(customer(2)).hasAttachment);
        QVERIFY(!conversationOf(customer(2)).hasStory);
        QVERIFY(!conversationOf(customer(3)).hasAttachment); // a story mention is not a file
        QVERIFY(conversationOf(customer(3)).hasStory);
        QVERIFY(conversationOf(customer(4)).hasStory);

        InboxQuery q;
        q.nowMs = kNow;
        q.hasAttachment = true;
        QCOMPARE(m_reader->inbox(q)->size(), 1);
        QCOMPARE(m_reader->viewCounts(q)->all, 1);
        q.hasAttachment = false;
        q.storyOnly = true;
        QCOMPARE(m_reader->inbox(q)->size(), 2);
        QCOMPARE(m_reader->viewCounts(q)->needsReply, 2);
    }

    void migratesFromVersion5()
    {
        cleanup();
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = Database::pathInDataDir(m_dir->path());
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v5"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(ok(schema::migrate(db, schema::steps(), 5)));
            QSqlQuery q(db);
            const QStringList rows {
                QStringLiteral("INSERT INTO accounts(id, username) VALUES ('%1', 'shop')")
                    .arg(kAccount),
                QStringLiteral("INSERT INTO contacts(id) VALUES ('c1'), ('c2'), ('c3')"),
                QStringLiteral(
                    "INSERT INTO conversations(id, account_id, customer_id, last_activity_ms, "
                    "last_customer_message_ms) VALUES (1, '%1', 'c1', 10, 10), (2, '%1', 'c2', 20, "
                    "20), "
                    "(3, '%1', 'c3', 30, 30)")
                    .arg(kAccount),
                QStringLiteral(
                    "INSERT INTO messages(id, conversation_id, account_id, mid, outgoing, text, "
                    "created_ms, state) VALUES (1, 1, '%1', 'a', 0, 'hi', 10, 0), "
                    "(2, 2, '%1', 'b', 0, '', 20, 0), (3, 3, '%1', 'c', 0, 'nice', 30, 0)")
                    .arg(kAccount),
                QStringLiteral("INSERT INTO attachments(message_id, position, type, url) VALUES "
                               "(2, 0, 'image', 'https://cdn.example/p.jpg')"),
                QStringLiteral("UPDATE messages SET reply_to_story_url = 'https://cdn.example/s' "
                               "WHERE id = 3"),
            };
            for (const QString &row : rows)
                QVERIFY2(q.exec(row), qPrintable(row));
            QCOMPARE(sql::scalar(db, QStringLiteral("PRAGMA user_version"))->toInt(), 5);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v5"));

        auto store = Store::open(m_dir->path());
        QVERIFY(ok(store));
        m_store = std::move(*store);
        m_reader = std::move(*StoreReader::open(m_store->databasePath()));
        QVERIFY(schema::currentVersion() >= 6); // v6 and every later step ran
        for (const QString &who :
            { QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3") }) {
            QCOMPARE(conversationOf(who).status, ConversationStatus::Open);
            QVERIFY(!conversationOf(who).markedUnread);
        }
        QVERIFY(!conversationOf(QStringLiteral("c1")).hasAttachment);
        QVERIFY(conversationOf(QStringLiteral("c2")).hasAttachment);
        QVERIFY(conversationOf(QStringLiteral("c3")).hasStory);
        QVERIFY(!conversationOf(QStringLiteral("c2")).hasStory);
        // And the new columns work on the migrated file.
        QVERIFY(ok(awaitResult(m_store->setConversationStatus(1, ConversationStatus::Done))));
        QCOMPARE(conversationOf(QStringLiteral("c1")).status, ConversationStatus::Done);
    }
};

QTEST_GUILESS_MAIN(TestTriageStore)
#include "tst_triagestore.moc"
