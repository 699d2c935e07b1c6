// The inbox models over a real Store in a temporary dir: what the manager sees follows what the
// store commits, through Store::changed, without resets.
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storeinboxsource.h"
#include "store/store.h"
#include "store/storereader.h"
#include "core/store/storetestutil.h"
#include "support/await.h"
#include "support/messagemodelwait.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kT0 = 1'780'000'000'000;

QString customer(int n) { return QStringLiteral("60000000000%1").arg(n, 5, 10, QLatin1Char('0')); }

InboundEvent message(const QString &mid, qint64 ts, const QString &text, int who, bool outgoing = false)
{
    return storetest::message(mid, ts, text, customer(who), outgoing);
}

InboundEvent targeted(InboundEvent::Kind kind, const QString &mid, qint64 ts, int who)
{
    InboundEvent e;
    e.kind = kind;
    e.accountId = kAccount;
    e.customerId = customer(who);
    e.timestampMs = ts;
    e.mid = mid;
    e.rawJson = "{}";
    return e;
}

} // namespace

class TestInboxSource : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<StoreInboxSource> m_source;

    void apply(const QList<InboundEvent> &events)
    {
        QSignalSpy changed(m_store.get(), &Store::changed);
        const Status s = awaitResult(m_store->applyEvents(events));
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
        QVERIFY(!changed.isEmpty() || changed.wait(5000)); // awaitResult may have delivered it
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Store::open(m_dir.path());
        QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
        m_store = std::move(*opened);
        Account account;
        account.id = kAccount;
        account.username = QStringLiteral("shop");
        QVERIFY(awaitResult(m_store->upsertAccount(account)).has_value());
        for (int who = 1; who <= 30; ++who) {
            Contact c;
            c.id = customer(who);
            c.name = who == 7 ? QStringLiteral("Zoë Martín") : QStringLiteral("Customer %1").arg(who);
            c.username = QStringLiteral("cust%1").arg(who);
            c.followerCount = who * 10;
            QVERIFY(awaitResult(m_store->upsertContact(c)).has_value());
        }
        // 30 conversations; customer n wrote last at kT0 + n minutes; customer 1 has 120 messages.
        QList<InboundEvent> events;
        for (int who = 1; who <= 30; ++who)
            events.append(message(QStringLiteral("m.%1").arg(who), kT0 + who * 60'000,
                                  QStringLiteral("hello from %1").arg(who), who));
        for (int i = 0; i < 120; ++i)
            events.append(message(QStringLiteral("h.%1").arg(i), kT0 - (120 - i) * 60'000,
                                  i == 5 ? QStringLiteral("Un café, s'il vous plaît") : QStringLiteral("history %1").arg(i),
                                  1, i % 3 == 0));
        QVERIFY(awaitResult(m_store->applyEvents(events)).has_value());
        m_source = std::make_shared<StoreInboxSource>(m_store->readers());
    }

    void cleanup()
    {
        m_source.reset();
        m_store.reset();
        QVERIFY(m_dir.remove());
        m_dir.~QTemporaryDir();
        new (&m_dir) QTemporaryDir();
    }

    // Issue 10: a customer whose profile cannot be read (no contact row, or one without a name)
    // is not blank: "@username" when known, else "Instagram user ·" and the scoped id's last
    // four digits; the app's wording replaces the English default.
    void unnamedCustomersGetAFallbackName()
    {
        const QString stranger = QStringLiteral("6000000000004821");
        InboundEvent first = message(QStringLiteral("m.stranger"), kT0 + 40 * 60'000,
                                     QStringLiteral("hi, saw your story"), 1);
        first.customerId = stranger;
        apply({first});
        ConversationListModel model(m_source);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
        connect(m_store.get(), &Store::changed, &model, &ConversationListModel::applyStoreChange);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerIdRole).toString(), stranger);
        QCOMPARE(model.index(0).data(ConversationListModel::NameRole).toString(),
                 QStringLiteral("Instagram user ·4821"));
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Instagram user ·4821"));
        QCOMPARE(model.index(1).data(ConversationListModel::NameRole).toString(), QStringLiteral("Customer 30"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNameText([](const ContactName &name) {
            return name.kind == ContactName::Kind::ScopedId ? QStringLiteral("Instagram-Nutzer ·") + name.text
                                                            : name.text;
        });
        QVERIFY(!changed.isEmpty()); // the rows shown are reworded at once
        QCOMPARE(model.index(0).data(ConversationListModel::NameRole).toString(),
                 QStringLiteral("Instagram-Nutzer ·4821"));

        // Once an event carries the username (the Conversations API's `from`), it is the name...
        model.setNameText(contactNameInEnglish);
        InboundEvent synced = message(QStringLiteral("m.stranger.2"), kT0 + 41 * 60'000,
                                      QStringLiteral("are you there?"), 1);
        synced.customerId = stranger;
        synced.customerUsername = QStringLiteral("ana.b");
        apply({synced});
        QTRY_COMPARE(model.index(0).data(ConversationListModel::NameRole).toString(), QStringLiteral("@ana.b"));
        QCOMPARE(model.index(0).data(ConversationListModel::UsernameRole).toString(), QStringLiteral("ana.b"));
        // ...but it never overwrites what a profile gave.
        Contact profile;
        profile.id = stranger;
        profile.name = QStringLiteral("Ana Bel");
        profile.username = QStringLiteral("ana.bel");
        QVERIFY(awaitResult(m_store->upsertContact(profile)).has_value());
        QTRY_COMPARE(model.index(0).data(ConversationListModel::NameRole).toString(), QStringLiteral("Ana Bel"));
        InboundEvent stale = synced;
        stale.mid = QStringLiteral("m.stranger.3");
        stale.timestampMs += 60'000;
        stale.customerUsername = QStringLiteral("old.name");
        apply({stale});
        const auto contact = StoreReader::open(m_store->databasePath()).value()->contact(stranger);
        QVERIFY(contact && contact->has_value());
        QCOMPARE((*contact)->username, QStringLiteral("ana.bel"));
    }

    void inboxFollowsTheStore()
    {
        ConversationListModel model(m_source);
        model.setPageSize(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test pages explicitly
        connect(m_store.get(), &Store::changed, &model, &ConversationListModel::applyStoreChange);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerIdRole).toString(), customer(30));
        QCOMPARE(model.index(0).data(ConversationListModel::NameRole).toString(), QStringLiteral("Customer 30"));
        QCOMPARE(model.index(0).data(ConversationListModel::PreviewRole).toString(), QStringLiteral("hello from 30"));
        QVERIFY(model.index(0).data(ConversationListModel::NeedsReplyRole).toBool());
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::FollowerCountRole).toInt(), 300);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 30);

        // Customer 3 writes again: their row jumps from the bottom to the top, no reset.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        apply({message(QStringLiteral("new.3"), kT0 + 60 * 60'000, QStringLiteral("still there?"), 3)});
        QTRY_COMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerIdRole).toString(), customer(3));
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 2);

        // Reading it clears the badge in place.
        const qint64 id = model.rowAt(0).id;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(awaitResult(m_store->markConversationRead(id)).has_value());
        QTRY_COMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
        QCOMPARE(moved.size(), 1);

        // The business replies: it no longer needs a reply.
        apply({message(QStringLiteral("echo.3"), kT0 + 61 * 60'000, QStringLiteral("yes!"), 3, true)});
        QTRY_VERIFY(!model.index(0).data(ConversationListModel::NeedsReplyRole).toBool());

        // The needs-reply filter, as a query.
        model.setFilter({.accountId = {}, .unreadOnly = false, .needsReplyOnly = true});
        QVERIFY(loaded.wait(5000));
        QVERIFY(model.rowOf(id) < 0);
    }

    void searchFindsTextAndNames()
    {
        ConversationListModel model(m_source);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);
        model.setSearchText(QStringLiteral("cafe")); // diacritics-insensitive full text
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerIdRole).toString(), customer(1));
        const qint64 hit = model.index(0).data(ConversationListModel::HitMessageIdRole).toLongLong();
        QVERIFY(hit > 0);

        // The hit opens the conversation around it.
        MessageListModel messages(m_source);
        QVERIFY(test::openMessages(messages, model.rowAt(0).id, hit));
        QVERIFY(messages.rowOfMessage(hit) >= 0);
        QVERIFY(messages.index(messages.rowOfMessage(hit)).data(MessageListModel::TextRole).toString().contains(QStringLiteral("café")));

        model.setSearchText(QStringLiteral("Zoë"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerIdRole).toString(), customer(7));
        QCOMPARE(model.index(0).data(ConversationListModel::HitMessageIdRole).toLongLong(), 0);
    }

    void messagesFollowTheStore()
    {
        auto conv = m_source->inboxPage({}, std::nullopt, 100);
        QVERIFY(conv.has_value());
        qint64 conversationId = 0;
        for (const auto &c : *conv)
            if (c.customerId == customer(1))
                conversationId = c.id;
        QVERIFY(conversationId > 0);

        MessageListModel model(m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        connect(m_store.get(), &Store::changed, &model, &MessageListModel::applyStoreChange);
        QVERIFY(test::openMessages(model, conversationId));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(49).data(MessageListModel::TextRole).toString(), QStringLiteral("hello from 1"));
        model.fetchMore({});
        QVERIFY(test::messagesSettled(model));
        model.fetchMore({});
        QVERIFY(test::messagesSettled(model));
        QCOMPARE(model.rowCount(), 121);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.index(0).data(MessageListModel::OutgoingRole).toBool()); // h.0 was an echo

        // Live: a new message, an edit, a reaction, an unsend, a read receipt.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        apply({message(QStringLiteral("live.1"), kT0 + 90 * 60'000, QStringLiteral("one more"), 1)});
        QTRY_COMPARE(inserted.size(), 1);
        QVERIFY(test::messagesSettled(model));
        QCOMPARE(model.index(model.rowCount() - 1).data(MessageListModel::TextRole).toString(), QStringLiteral("one more"));

        auto edit = targeted(InboundEvent::Kind::Edit, QStringLiteral("live.1"), kT0 + 91 * 60'000, 1);
        edit.text = QStringLiteral("one more, edited");
        edit.editCount = 1;
        apply({edit});
        const int last = model.rowCount() - 1;
        QTRY_COMPARE(model.index(last).data(MessageListModel::TextRole).toString(), QStringLiteral("one more, edited"));
        QVERIFY(model.index(last).data(MessageListModel::EditedRole).toBool());

        auto react = targeted(InboundEvent::Kind::Reaction, QStringLiteral("h.3"), kT0 + 92 * 60'000, 1);
        react.reaction = QStringLiteral("love");
        react.emoji = QStringLiteral("❤️");
        apply({react});
        const int reacted = model.rowOfMessage(model.rowAt(3).id);
        QTRY_COMPARE(model.index(reacted).data(MessageListModel::ReactionsRole).toStringList(), QStringList{QStringLiteral("❤️")});

        apply({targeted(InboundEvent::Kind::Deleted, QStringLiteral("h.4"), kT0 + 93 * 60'000, 1)});
        QTRY_VERIFY(model.index(4).data(MessageListModel::DeletedRole).toBool());

        apply({targeted(InboundEvent::Kind::Read, QStringLiteral("h.117"), kT0 + 94 * 60'000, 1)});
        QTRY_VERIFY(model.index(117).data(MessageListModel::SeenRole).toBool()); // h.117 was ours
        QCOMPARE(model.rowCount(), 122);
    }

    // A customer's reaction arrives as a name, an emoji, or both (instagram-api.md §2.7): the
    // bubble shows an emoji in every case, never a raw word.
    void customerReactionsShowAsEmojiWhateverTheirShape_data()
    {
        QTest::addColumn<QString>("reaction");
        QTest::addColumn<QString>("emoji");
        QTest::addColumn<QString>("shown");
        // The name-to-emoji table itself is tst_reactions' business; here the shapes reach the
        // model.
        QTest::newRow("name only") << QStringLiteral("laugh") << QString() << QStringLiteral("😂");
        QTest::newRow("emoji only") << QString() << QStringLiteral("🔥") << QStringLiteral("🔥");
        QTest::newRow("both") << QStringLiteral("love") << QStringLiteral("❤️")
                              << QStringLiteral("❤️");
        QTest::newRow("other with its emoji")
            << QStringLiteral("other") << QStringLiteral("🥰") << QStringLiteral("🥰");
        QTest::newRow("unknown name")
            << QStringLiteral("sparkle") << QString() << QStringLiteral("❔");
    }

    void customerReactionsShowAsEmojiWhateverTheirShape()
    {
        QFETCH(QString, reaction);
        QFETCH(QString, emoji);
        QFETCH(QString, shown);
        auto conv = m_source->inboxPage({}, std::nullopt, 100);
        QVERIFY(conv.has_value());
        qint64 conversationId = 0;
        for (const auto &c : *conv)
            if (c.customerId == customer(1))
                conversationId = c.id;
        MessageListModel model(m_source);
        connect(m_store.get(), &Store::changed, &model, &MessageListModel::applyStoreChange);
        QVERIFY(test::openMessages(model, conversationId));
        auto react
            = targeted(InboundEvent::Kind::Reaction, QStringLiteral("h.117"), kT0 + 92 * 60'000, 1);
        react.reaction = reaction;
        react.emoji = emoji;
        apply({ react });
        int row = -1;
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.rowAt(i).mid == QLatin1String("h.117"))
                row = i;
        QVERIFY(row >= 0);
        QTRY_COMPARE(model.index(row).data(MessageListModel::ReactionsRole).toStringList(),
            QStringList { shown });
        QCOMPARE(model.index(row).data(MessageListModel::OwnReactionRole).toString(), QString());
    }

    void outboxStatesShowOnTheMessage()
    {
        auto conv = m_source->inboxPage({}, std::nullopt, 1);
        QVERIFY(conv.has_value() && !conv->isEmpty());
        const ConversationRow c = conv->first();
        MessageListModel model(m_source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        connect(m_store.get(), &Store::changed, &model, &MessageListModel::applyStoreChange);
        QVERIFY(test::openMessages(model, c.id));
        const int before = model.rowCount();

        auto local = awaitResult(
            m_store->enqueueOutgoing(c.accountId, c.customerId, QStringLiteral("on its way")));
        QVERIFY2(local.has_value(), local ? "" : qPrintable(local.error().message));
        QTRY_COMPARE(model.rowCount(), before + 1);
        const int row = model.rowOfMessage(*local);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(MessageListModel::StateRole).toInt(), int(MessageState::Queued));

        QVERIFY(awaitResult(
            m_store->markFailed(*local, QStringLiteral("Outside the messaging window"), false))
                    .has_value());
        QTRY_COMPARE(model.index(model.rowOfMessage(*local)).data(MessageListModel::StateRole).toInt(), int(MessageState::Failed));
        QCOMPARE(model.index(model.rowOfMessage(*local)).data(MessageListModel::ErrorRole).toString(), QStringLiteral("Outside the messaging window"));

        QVERIFY(awaitResult(m_store->deleteOutgoing(*local)).has_value());
        QTRY_COMPARE(model.rowOfMessage(*local), -1);
        QCOMPARE(model.rowCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestInboxSource)
#include "tst_inboxsource.moc"
