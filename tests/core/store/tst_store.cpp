// The write side through the Store facade: applyEvents semantics (idempotence, echoes, edits,
// unsends, reactions, read receipts, unknown kinds, order), the outbox, signals and concurrency.
#include "store/storewriter.h"
#include "store/writesession.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QFileInfo>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;
using Kind = InboundEvent::Kind;

class TestStore : public QObject {
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::atomic<qint64> m_now{1'000'000};

    Status apply(const QList<InboundEvent> &events)
    {
        return awaitResult(m_store->applyEvents(events));
    }

    StoredMessage byMid(const QString &mid)
    {
        auto m = m_reader->messageByMid(kAccount, mid);
        if (!m || !m->has_value())
            return {};
        return **m;
    }

    StoredConversation conversation()
    {
        auto c = m_reader->conversationFor(kAccount, kCustomer);
        return c && c->has_value() ? **c : StoredConversation{};
    }

    qint64 messageCount() { return m_reader->counts()->messages; }

    // (Re)opens the store in m_dir, with the test clock, and a reader on it.
    void openStore(StoreOptions options)
    {
        m_reader.reset();
        m_store.reset();
        options.clock = [this] { return m_now.load(); };
        auto store = Store::open(m_dir->path(), options);
        QVERIFY(ok(store));
        m_store = std::move(*store);
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(ok(reader));
        m_reader = std::move(*reader);
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        openStore({});
    }

    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
        delete m_dir;
    }

    void messageCreatesContactAndConversation()
    {
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("Hello"))})));
        const StoredConversation c = conversation();
        QVERIFY(c.id > 0);
        QCOMPARE(c.unreadCount, 1);
        QCOMPARE(c.lastActivityMs, qint64(1000));
        QCOMPARE(c.lastCustomerMessageMs, qint64(1000));
        QCOMPARE(c.lastMessagePreview, QStringLiteral("Hello"));
        QVERIFY(c.needsReply());
        QVERIFY(ok(m_reader->contact(kCustomer)) && m_reader->contact(kCustomer)->has_value());
        const StoredMessage m = byMid(QStringLiteral("m1"));
        QCOMPARE(m.state, MessageState::Received);
        QVERIFY(!m.outgoing);
        QVERIFY(m.rawJson.contains("\"m1\""));
        QCOMPARE(m_reader->accounts()->size(), 1); // the account row exists, without profile yet
    }

    void attachmentsAndRepliesAreKept()
    {
        InboundEvent e = message(QStringLiteral("m1"), 1000, QString());
        e.attachments = {{QStringLiteral("image"), QStringLiteral("https://cdn/x.jpg"), {}, {}},
                         {QStringLiteral("ig_reel"), QStringLiteral("https://cdn/r"), QStringLiteral("Reel"),
                          QJsonObject{{QStringLiteral("reel_video_id"), QStringLiteral("42")}}}};
        e.replyToStoryUrl = QStringLiteral("https://cdn/story");
        e.replyToStoryId = QStringLiteral("s1");
        InboundEvent reply = message(QStringLiteral("m2"), 2000, QStringLiteral("this one"));
        reply.replyToMid = QStringLiteral("m1");
        reply.quickReplyPayload = QStringLiteral("QR_YES");
        QVERIFY(ok(apply({e, reply})));
        const StoredMessage m = byMid(QStringLiteral("m1"));
        QCOMPARE(m.attachments.size(), 2);
        QCOMPARE(m.attachments.at(1).type, QStringLiteral("ig_reel"));
        QCOMPARE(m.attachments.at(1).payload.value(QStringLiteral("reel_video_id")).toString(), QStringLiteral("42"));
        QCOMPARE(m.replyToStoryUrl, QStringLiteral("https://cdn/story"));
        QCOMPARE(m.meta.value(QStringLiteral("reply_to_story_id")).toString(), QStringLiteral("s1"));
        const StoredMessage r = byMid(QStringLiteral("m2"));
        QCOMPARE(r.replyToMid, QStringLiteral("m1"));
        QCOMPARE(r.meta.value(QStringLiteral("quick_reply_payload")).toString(), QStringLiteral("QR_YES"));
        QCOMPARE(conversation().lastMessagePreview, QStringLiteral("this one"));
    }

    void redeliveredBatchChangesNothing()
    {
        QList<InboundEvent> batch{message(QStringLiteral("m1"), 1000, QStringLiteral("a")),
                                  message(QStringLiteral("m1"), 1000, QStringLiteral("a")), // twice in one POST
                                  message(QStringLiteral("m2"), 2000, QStringLiteral("b")),
                                  targeted(Kind::Reaction, QStringLiteral("m1"), 2500),
                                  targeted(Kind::Edit, QStringLiteral("m2"), 3000)};
        batch[3].reaction = QStringLiteral("love");
        batch[3].emoji = QStringLiteral("❤️");
        batch[4].text = QStringLiteral("b!");
        batch[4].editCount = 1;
        QVERIFY(ok(apply(batch)));
        const StoredConversation before = conversation();
        QCoreApplication::processEvents(); // deliver the first batch's signal before spying
        QSignalSpy spy(m_store.get(), &Store::changed);
        QVERIFY(ok(apply(batch)));
        QVERIFY(ok(apply(batch)));
        QCOMPARE(messageCount(), qint64(2));
        const StoredConversation after = conversation();
        QCOMPARE(after.unreadCount, 2);
        QCOMPARE(after.unreadCount, before.unreadCount);
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.size(), 1);
        QCOMPARE(byMid(QStringLiteral("m2")).editCount, 1);
        QCOMPARE(m_reader->messageVersions(byMid(QStringLiteral("m2")).id)->size(), 2);
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0); // nothing changed, nothing announced
    }

    void changedIsEmittedAfterCommitWithTouchedIds()
    {
        QSignalSpy spy(m_store.get(), &Store::changed);
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("a")),
                          message(QStringLiteral("m2"), 1001, QStringLiteral("b"))})));
        QTRY_COMPARE(spy.count(), 1);
        const auto change = spy.at(0).at(0).value<StoreChange>();
        QCOMPARE(change.conversationIds, QList<qint64>{conversation().id});
        QCOMPARE(change.messageIds.size(), 2);
        QVERIFY(change.messageIds.contains(byMid(QStringLiteral("m2")).id));
    }

    void echoOfAnUnknownMidIsANewOutgoingMessage()
    {
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("hi")),
                          message(QStringLiteral("e1"), 2000, QStringLiteral("sent from the phone"), kCustomer, true)})));
        const StoredMessage m = byMid(QStringLiteral("e1"));
        QVERIFY(m.outgoing);
        QCOMPARE(m.state, MessageState::Sent);
        const StoredConversation c = conversation();
        QCOMPARE(c.unreadCount, 1); // echoes are not unread
        QCOMPARE(c.lastOutgoingMs, qint64(2000));
        QVERIFY(!c.needsReply());
        QVERIFY(c.lastMessageOutgoing);
    }

    void echoAfterMarkSentMatchesTheOutboxRow()
    {
        auto id
            = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("Thanks!")));
        QVERIFY(ok(id));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.sent")))));
        QVERIFY(ok(apply({message(QStringLiteral("mid.sent"), m_now + 50, QStringLiteral("Thanks!"), kCustomer, true)})));
        QCOMPARE(messageCount(), qint64(1));
        const StoredMessage m = byMid(QStringLiteral("mid.sent"));
        QCOMPARE(m.id, *id);
        QCOMPARE(m.state, MessageState::Sent);
        QCOMPARE(m.attempts, 1);
        QVERIFY(m.rawJson.contains("mid.sent")); // the echo's JSON is kept on the outbox row
    }

    void echoBeforeMarkSentIsMergedIntoTheOutboxRow()
    {
        auto id
            = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("Thanks!")));
        QVERIFY(ok(id));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        // The echo webhook wins the race against the Send API's answer ...
        InboundEvent echo = message(QStringLiteral("mid.race"), m_now + 10, QStringLiteral("Thanks!"), kCustomer, true);
        InboundEvent reaction = targeted(Kind::Reaction, QStringLiteral("mid.race"), m_now + 20);
        reaction.emoji = QStringLiteral("👍");
        QVERIFY(ok(apply({echo, reaction})));
        QCOMPARE(messageCount(), qint64(2));
        const qint64 echoId = byMid(QStringLiteral("mid.race")).id;
        QCoreApplication::processEvents();
        QSignalSpy spy(m_store.get(), &Store::changed);
        // ... and markSent then folds the echo row into the outbox row.
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.race")))));
        QCOMPARE(messageCount(), qint64(1));
        const StoredMessage m = byMid(QStringLiteral("mid.race"));
        QCOMPARE(m.id, *id);
        QCOMPARE(m.state, MessageState::Sent);
        QCOMPARE(m.reactions.size(), 1);
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(spy.at(0).at(0).value<StoreChange>().removedMessageIds.contains(echoId));
        // A redelivered echo stays matched.
        QVERIFY(ok(apply({echo})));
        QCOMPARE(messageCount(), qint64(1));
    }

    // Independent clients meet echoes whose mid differs from the Send API's message_id
    // (instagram-api.md §11): the outbox row takes the echo's mid instead of getting a twin.
    void echoWithAnotherMidAfterMarkSentTakesOverTheOutboxRow()
    {
        auto id = awaitResult(
            m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("See you at 9")));
        QVERIFY(ok(id));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.send-api")))));
        // A reaction names the echo's mid before the echo came: it waits for it.
        InboundEvent reaction = targeted(Kind::Reaction, QStringLiteral("mid.echo"), m_now + 900);
        reaction.emoji = QStringLiteral("❤️");
        QVERIFY(ok(apply({ reaction })));
        const InboundEvent echo = message(QStringLiteral("mid.echo"), m_now + 800,
            QStringLiteral("See you at 9"), kCustomer, true);
        QVERIFY(ok(apply({ echo })));
        QCOMPARE(messageCount(), qint64(1));
        const StoredMessage m = byMid(QStringLiteral("mid.echo"));
        QCOMPARE(m.id, *id);
        QCOMPARE(m.state, MessageState::Sent);
        QCOMPARE(
            m.meta.value(QLatin1String("send_api_mid")).toString(), QStringLiteral("mid.send-api"));
        QVERIFY(m.rawJson.contains("mid.echo"));
        QCOMPARE(m.reactions.size(), 1);
        // Redelivered, or met again by sync: still one.
        QVERIFY(ok(apply({ echo })));
        QCOMPARE(messageCount(), qint64(1));
        // A late duplicate answer for the same send changes nothing.
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.send-api")))));
        QCOMPARE(byMid(QStringLiteral("mid.echo")).id, *id);
    }

    void echoWithAnotherMidBeforeMarkSentIsMergedIntoTheOutboxRow()
    {
        auto id = awaitResult(
            m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("On my way")));
        QVERIFY(ok(id));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(apply({ message(QStringLiteral("mid.echo2"), m_now + 300,
            QStringLiteral("On my way"), kCustomer, true) })));
        QCOMPARE(messageCount(), qint64(2));
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.send-api2")))));
        QCOMPARE(messageCount(), qint64(1));
        const StoredMessage m = byMid(QStringLiteral("mid.echo2"));
        QCOMPARE(m.id, *id);
        QCOMPARE(m.state, MessageState::Sent);
        QCOMPARE(m.meta.value(QLatin1String("send_api_mid")).toString(),
            QStringLiteral("mid.send-api2"));
        QVERIFY(!byMid(QStringLiteral("mid.send-api2")).id);
    }

    void echoFallbackNeedsTheSameTextAndTime()
    {
        // Two identical replies sent a minute apart, each echoed with another mid: one each.
        auto first
            = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("ok")));
        QVERIFY(ok(first));
        QVERIFY(ok(awaitResult(m_store->markSent(*first, QStringLiteral("s1")))));
        m_now += 60'000;
        auto second
            = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("ok")));
        QVERIFY(ok(second));
        QVERIFY(ok(awaitResult(m_store->markSent(*second, QStringLiteral("s2")))));
        // Another text, and the same text too long after the send: messages of their own (sent
        // from the Instagram app).
        QVERIFY(ok(apply(
            { message(QStringLiteral("other"), m_now, QStringLiteral("okay"), kCustomer, true),
                message(QStringLiteral("late"), m_now + 10 * 60'000, QStringLiteral("ok"),
                    kCustomer, true) })));
        QCOMPARE(messageCount(), qint64(4));
        QVERIFY(ok(apply({ message(QStringLiteral("e1"), m_now - 60'000 + 500, QStringLiteral("ok"),
                               kCustomer, true),
            message(QStringLiteral("e2"), m_now + 500, QStringLiteral("ok"), kCustomer, true) })));
        QCOMPARE(messageCount(), qint64(4));
        QCOMPARE(byMid(QStringLiteral("e1")).id, *first);
        QCOMPARE(byMid(QStringLiteral("e2")).id, *second);
        // A customer's message with the same text is never taken for an echo.
        QVERIFY(ok(apply({ message(QStringLiteral("c1"), m_now + 600, QStringLiteral("ok")) })));
        QCOMPARE(messageCount(), qint64(5));
    }

    void editKeepsHistory()
    {
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("helo"))})));
        InboundEvent e1 = targeted(Kind::Edit, QStringLiteral("m1"), 2000);
        e1.text = QStringLiteral("hello");
        e1.editCount = 1;
        InboundEvent e2 = targeted(Kind::Edit, QStringLiteral("m1"), 3000);
        e2.text = QStringLiteral("hello there");
        e2.editCount = 2;
        // Out of order: the second edit arrives first; the first then only fills in history.
        QVERIFY(ok(apply({e2})));
        QVERIFY(ok(apply({e1})));
        const StoredMessage m = byMid(QStringLiteral("m1"));
        QCOMPARE(m.text, QStringLiteral("hello there"));
        QCOMPARE(m.editCount, 2);
        QVERIFY(m.edited());
        auto versions = m_reader->messageVersions(m.id);
        QVERIFY(ok(versions));
        QCOMPARE(versions->size(), 3);
        QCOMPARE(versions->at(0).text, QStringLiteral("helo"));
        QCOMPARE(versions->at(1).text, QStringLiteral("hello"));
        QCOMPARE(versions->at(2).text, QStringLiteral("hello there"));
        QCOMPARE(conversation().lastMessagePreview, QStringLiteral("hello there"));
        // Search sees the new text, not the old.
        QCOMPARE(m_reader->search(QStringLiteral("there"))->size(), 1);
        QCOMPARE(m_reader->search(QStringLiteral("helo"))->size(), 0);
        // Without num_edit: a changed text is the next version, the same text is nothing.
        InboundEvent e3 = targeted(Kind::Edit, QStringLiteral("m1"), 4000);
        e3.text = QStringLiteral("bye");
        QVERIFY(ok(apply({e3})));
        QVERIFY(ok(apply({e3})));
        QCOMPARE(byMid(QStringLiteral("m1")).editCount, 3);
        QCOMPARE(m_reader->messageVersions(m.id)->size(), 4);
    }

    void unsendMarksDeletedAndForgetsTheContent()
    {
        InboundEvent m1 = message(QStringLiteral("m1"), 1000, QStringLiteral("secret words"));
        m1.attachments = {{QStringLiteral("image"), QStringLiteral("https://cdn/x"), {}, {}}};
        QVERIFY(ok(apply({m1})));
        QVERIFY(ok(apply({targeted(Kind::Deleted, QStringLiteral("m1"), 2000)})));
        QVERIFY(ok(apply({targeted(Kind::Deleted, QStringLiteral("m1"), 2000)})));
        const StoredMessage m = byMid(QStringLiteral("m1"));
        QVERIFY(m.deleted);
        QVERIFY(m.text.isEmpty());
        QVERIFY(m.attachments.isEmpty());
        QVERIFY(m.rawJson.isEmpty());
        QCOMPARE(m_reader->search(QStringLiteral("secret"))->size(), 0);
        QCOMPARE(conversation().lastMessagePreview, QString());
        // A late edit does not bring it back.
        InboundEvent edit = targeted(Kind::Edit, QStringLiteral("m1"), 3000);
        edit.text = QStringLiteral("back");
        QVERIFY(ok(apply({edit})));
        QVERIFY(byMid(QStringLiteral("m1")).text.isEmpty());
    }

    void reactionsUpsertAndRemoveWhateverTheOrder()
    {
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("hi"), kCustomer, true)})));
        InboundEvent love = targeted(Kind::Reaction, QStringLiteral("m1"), 2000);
        love.reaction = QStringLiteral("love");
        love.emoji = QStringLiteral("❤️");
        QVERIFY(ok(apply({love})));
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.size(), 1);
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.at(0).emoji, QStringLiteral("❤️"));
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.at(0).reactorId, kCustomer);

        InboundEvent laugh = love;
        laugh.timestampMs = 3000;
        laugh.reaction = QStringLiteral("laugh");
        laugh.emoji = QStringLiteral("😂");
        QVERIFY(ok(apply({laugh})));
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.size(), 1);
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.at(0).reaction, QStringLiteral("laugh"));

        QVERIFY(ok(apply({targeted(Kind::Unreaction, QStringLiteral("m1"), 4000)})));
        QVERIFY(byMid(QStringLiteral("m1")).reactions.isEmpty());
        // An older react delivered late does not revive it.
        QVERIFY(ok(apply({love})));
        QVERIFY(byMid(QStringLiteral("m1")).reactions.isEmpty());
        // A newer one does.
        love.timestampMs = 5000;
        QVERIFY(ok(apply({love})));
        QCOMPARE(byMid(QStringLiteral("m1")).reactions.size(), 1);
    }

    void eventsForAMessageNotYetStoredWaitForIt()
    {
        InboundEvent edit = targeted(Kind::Edit, QStringLiteral("late"), 3000);
        edit.text = QStringLiteral("edited");
        edit.editCount = 1;
        InboundEvent react = targeted(Kind::Reaction, QStringLiteral("late"), 3100);
        react.emoji = QStringLiteral("🔥");
        QVERIFY(ok(apply({edit, react})));
        QVERIFY(ok(apply({edit, react}))); // redelivered while waiting: still once
        QCOMPARE(messageCount(), qint64(0));
        // The message arrives (e.g. through sync) and the waiting events apply to it.
        QVERIFY(ok(apply({message(QStringLiteral("late"), 1000, QStringLiteral("original"))})));
        const StoredMessage m = byMid(QStringLiteral("late"));
        QCOMPARE(m.text, QStringLiteral("edited"));
        QCOMPARE(m.reactions.size(), 1);
        QCOMPARE(m_reader->messageVersions(m.id)->size(), 2);
    }

    void readReceiptMarksOutgoingUpToTheMid()
    {
        QVERIFY(ok(apply({message(QStringLiteral("o1"), 1000, QStringLiteral("one"), kCustomer, true),
                          message(QStringLiteral("o2"), 2000, QStringLiteral("two"), kCustomer, true),
                          message(QStringLiteral("o3"), 3000, QStringLiteral("three"), kCustomer, true)})));
        QVERIFY(ok(apply({targeted(Kind::Read, QStringLiteral("o2"), 3500)})));
        QVERIFY(byMid(QStringLiteral("o1")).seen);
        QVERIFY(byMid(QStringLiteral("o2")).seen);
        QVERIFY(!byMid(QStringLiteral("o3")).seen);
        // An outgoing message older than the receipt that arrives later (sync) is seen at once.
        QVERIFY(ok(apply({message(QStringLiteral("o0"), 500, QStringLiteral("zero"), kCustomer, true)})));
        QVERIFY(byMid(QStringLiteral("o0")).seen);
        // A receipt for a mid the store lacks uses its own time.
        QVERIFY(ok(apply({targeted(Kind::Read, QStringLiteral("unknown"), 3200)})));
        QVERIFY(byMid(QStringLiteral("o3")).seen);
    }

    void unknownKindIsStoredRawOnce()
    {
        InboundEvent e;
        e.kind = Kind::Unknown;
        e.accountId = kAccount;
        e.timestampMs = 1000;
        e.rawJson = R"({"sender":{"id":"1"},"optin":{"ref":"x"}})";
        QVERIFY(ok(apply({e})));
        QVERIFY(ok(apply({e})));
        auto raw = m_reader->unknownEvents();
        QVERIFY(ok(raw));
        QCOMPARE(raw->size(), 1);
        QCOMPARE(raw->at(0), e.rawJson);
        // An event missing its ids is kept the same way instead of failing the batch.
        InboundEvent broken = message(QStringLiteral("m1"), 1000, QStringLiteral("x"), QString());
        QVERIFY(ok(apply({broken})));
        QCOMPARE(m_reader->unknownEvents()->size(), 2);
        QCOMPARE(messageCount(), qint64(0));
    }

    void postbackAndReferralAreStoredAsMessages()
    {
        InboundEvent postback = targeted(Kind::Postback, QStringLiteral("pb1"), 1000);
        postback.postbackTitle = QStringLiteral("Opening hours?");
        postback.postbackPayload = QStringLiteral("HOURS");
        InboundEvent referral = targeted(Kind::Referral, QString(), 2000);
        referral.referral = {{QStringLiteral("ref"), QStringLiteral("summer")},
                             {QStringLiteral("type"), QStringLiteral("OPEN_THREAD")}};
        referral.rawJson = R"({"referral":{"ref":"summer"}})";
        QVERIFY(ok(apply({postback, referral})));
        QVERIFY(ok(apply({postback, referral})));
        QCOMPARE(messageCount(), qint64(2));
        const StoredMessage pb = byMid(QStringLiteral("pb1"));
        QCOMPARE(pb.kind, MessageKind::Postback);
        QCOMPARE(pb.text, QStringLiteral("Opening hours?"));
        QCOMPARE(pb.meta.value(QStringLiteral("payload")).toString(), QStringLiteral("HOURS"));
        auto page = m_reader->newestMessages(conversation().id, 10);
        QCOMPARE(page->at(1).kind, MessageKind::Referral);
        QCOMPARE(page->at(1).text, QStringLiteral("summer"));
        QCOMPARE(conversation().lastCustomerMessageMs, qint64(2000)); // both open the window
    }

    void messagesAreOrderedByTimestampAcrossBatches()
    {
        // A batch in the wrong order, then an older message from sync, then a same-time tie.
        QVERIFY(ok(apply({message(QStringLiteral("c"), 3000, QStringLiteral("third")),
                          message(QStringLiteral("a"), 1000, QStringLiteral("first"))})));
        QVERIFY(ok(apply({message(QStringLiteral("b"), 2000, QStringLiteral("second"))})));
        QVERIFY(ok(apply({message(QStringLiteral("d"), 3000, QStringLiteral("fourth"))})));
        auto page = m_reader->newestMessages(conversation().id, 10);
        QVERIFY(ok(page));
        QStringList texts;
        for (const StoredMessage &m : *page)
            texts << m.text;
        QCOMPARE(texts, (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"),
                                     QStringLiteral("fourth")}));
        const StoredConversation c = conversation();
        QCOMPARE(c.lastActivityMs, qint64(3000));
        QCOMPARE(c.startedMs, qint64(1000));
        QCOMPARE(c.lastMessagePreview, QStringLiteral("fourth")); // not "second", which came later but is older
    }

    void markConversationReadClearsUnreadForGood()
    {
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("a")),
                          message(QStringLiteral("m2"), 2000, QStringLiteral("b"))})));
        QCOMPARE(conversation().unreadCount, 2);
        QVERIFY(ok(awaitResult(m_store->markConversationRead(conversation().id))));
        QCOMPARE(conversation().unreadCount, 0);
        // An older message found later by sync is not unread; a new one is.
        QVERIFY(ok(apply({message(QStringLiteral("m0"), 500, QStringLiteral("old"))})));
        QCOMPARE(conversation().unreadCount, 0);
        QVERIFY(ok(apply({message(QStringLiteral("m3"), 3000, QStringLiteral("new"))})));
        QCOMPARE(conversation().unreadCount, 1);
        QVERIFY(!awaitResult(m_store->markConversationRead(987654)));
    }

    void outboxLifecycle()
    {
        QList<AttachmentData> files{{QStringLiteral("image"), QStringLiteral("https://example.com/a.png"), {}, {}}};
        auto id = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("Hi"),
            files, QStringLiteral("m0"), QStringLiteral("HUMAN_AGENT")));
        QVERIFY(ok(id));
        auto pending = awaitResult(m_store->pendingOutgoing());
        QVERIFY(ok(pending));
        QCOMPARE(pending->size(), 1);
        const StoredMessage &q = pending->at(0);
        QCOMPARE(q.id, *id);
        QCOMPARE(q.state, MessageState::Queued);
        QCOMPARE(q.accountId, kAccount);
        QCOMPARE(q.customerId, kCustomer);
        QCOMPARE(q.tag, QStringLiteral("HUMAN_AGENT"));
        QCOMPARE(q.replyToMid, QStringLiteral("m0"));
        QCOMPARE(q.attachments.size(), 1);
        QCOMPARE(q.createdMs, m_now.load());
        QVERIFY(!q.clientId.isEmpty());
        QCOMPARE(conversation().lastOutgoingMs, m_now.load());

        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(awaitResult(m_store->markFailed(*id, QStringLiteral("HTTP 503"), true, 5000))));
        auto retry = awaitResult(m_store->pendingOutgoing());
        QCOMPARE(retry->at(0).state, MessageState::Queued);
        QCOMPARE(retry->at(0).nextAttemptMs, qint64(5000));
        QCOMPARE(retry->at(0).errorText, QStringLiteral("HTTP 503"));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(awaitResult(
            m_store->markFailed(*id, QStringLiteral("outside the messaging window"), false))));
        QVERIFY(awaitResult(m_store->pendingOutgoing())->isEmpty());
        auto failed = m_reader->message(*id);
        QCOMPARE((*failed)->state, MessageState::Failed);
        QCOMPARE((*failed)->attempts, 2);
        QCOMPARE((*failed)->errorText, QStringLiteral("outside the messaging window"));
        QVERIFY(
            !awaitResult(m_store->markSending(*id))); // a final failure is not sent again by itself
        QVERIFY(ok(awaitResult(m_store->retryOutgoing(*id))));
        QCOMPARE(awaitResult(m_store->pendingOutgoing())->size(), 1);
        QVERIFY(ok(awaitResult(m_store->deleteOutgoing(*id))));
        QVERIFY(!m_reader->message(*id)->has_value());
        QVERIFY(!awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QString())));
    }

    void sentMessageCannotBeDeletedOrResent()
    {
        auto id = awaitResult(m_store->enqueueOutgoing(kAccount, kCustomer, QStringLiteral("x")));
        QVERIFY(ok(awaitResult(m_store->markSending(*id))));
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.x")))));
        QVERIFY(!awaitResult(m_store->deleteOutgoing(*id)));
        QVERIFY(!awaitResult(m_store->markSending(*id)));
        QVERIFY(ok(awaitResult(m_store->markSent(*id, QStringLiteral("mid.x"))))); // idempotent
        QVERIFY(!awaitResult(m_store->markSent(*id, QStringLiteral("mid.other"))));
    }

    void accountsAndContacts()
    {
        Account a;
        a.id = kAccount;
        a.username = QStringLiteral("shop");
        a.tokenExpiresAt = QDateTime::fromMSecsSinceEpoch(5'000'000, Qt::UTC);
        QVERIFY(ok(awaitResult(m_store->upsertAccount(a))));
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("hi"))})));
        Contact c;
        c.id = kCustomer;
        c.name = QStringLiteral("Zoë Example");
        c.username = QStringLiteral("zoe");
        c.followerCount = 1234;
        c.followsBusiness = true;
        c.fetchedAt = QDateTime::fromMSecsSinceEpoch(42'000, Qt::UTC);
        QCoreApplication::processEvents();
        QSignalSpy spy(m_store.get(), &Store::changed);
        QVERIFY(ok(awaitResult(m_store->upsertContact(c))));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<StoreChange>().conversationIds, QList<qint64>{conversation().id});
        QCOMPARE(conversation().contact.name, QStringLiteral("Zoë Example"));
        QCOMPARE(conversation().contact.followerCount, 1234);
        QCOMPARE((*m_reader->contact(kCustomer))->fetchedAt.toMSecsSinceEpoch(), qint64(42'000));
        auto accounts = m_reader->accounts();
        QCOMPARE(accounts->size(), 1);
        QCOMPARE(accounts->at(0).username, QStringLiteral("shop"));
        QCOMPARE(accounts->at(0).tokenExpiresAt.toMSecsSinceEpoch(), qint64(5'000'000));

        // Removing without deleting hides the account and its inbox, and keeps the history.
        QVERIFY(ok(awaitResult(m_store->removeAccount(kAccount, false))));
        QVERIFY(m_reader->accounts()->isEmpty());
        QVERIFY(m_reader->inbox({})->isEmpty());
        QCOMPARE(messageCount(), qint64(1));
        QVERIFY(ok(awaitResult(m_store->upsertAccount(a))));
        QCOMPARE(m_reader->inbox({})->size(), 1);
        // Deleting takes everything of the account.
        QVERIFY(ok(awaitResult(m_store->removeAccount(kAccount, true))));
        QCOMPARE(messageCount(), qint64(0));
        QCOMPARE(m_reader->counts()->conversations, 0);
        // And the writer's caches do not point at the deleted rows.
        QVERIFY(ok(apply({message(QStringLiteral("m9"), 9000, QStringLiteral("again"))})));
        QCOMPARE(messageCount(), qint64(1));
    }

    void linkConversationStoresInstagramsId()
    {
        QVERIFY(ok(awaitResult(
            m_store->linkConversation(kAccount, kCustomer, QStringLiteral("aWdfZAG")))));
        QVERIFY(ok(apply({message(QStringLiteral("m1"), 1000, QStringLiteral("hi"))})));
        QCOMPARE(conversation().instagramConversationId, QStringLiteral("aWdfZAG"));
    }

    void failingBatchRollsBackOnlyItself()
    {
        // Two callers' batches share one transaction; one fails, the other still commits.
        auto good = m_store->applyEvents({message(QStringLiteral("g1"), 1000, QStringLiteral("good"))});
        auto bad = m_store->markSending(424242);
        auto good2 = m_store->applyEvents({message(QStringLiteral("g2"), 2000, QStringLiteral("good too"))});
        QVERIFY(ok(awaitResult(good)));
        QVERIFY(!awaitResult(bad));
        QVERIFY(ok(awaitResult(good2)));
        QCOMPARE(messageCount(), qint64(2));
    }

    void concurrentCallersAreGroupCommitted()
    {
        constexpr int kThreads = 8;
        constexpr int kBatches = 40;
        constexpr int kPerBatch = 5;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([this, t, &failures] {
                for (int b = 0; b < kBatches; ++b) {
                    QList<InboundEvent> batch;
                    for (int i = 0; i < kPerBatch; ++i) {
                        const int n = (b * kPerBatch + i);
                        batch.append(message(QStringLiteral("t%1-%2").arg(t).arg(n), 1000 + n,
                                             QStringLiteral("thread %1 message %2").arg(t).arg(n),
                                             QStringLiteral("cust%1").arg(n % 7)));
                    }
                    // Each thread redelivers its previous batch too: still no doubles.
                    auto f = m_store->applyEvents(batch);
                    auto again = m_store->applyEvents(batch);
                    if (!awaitResult(f) || !awaitResult(again))
                        ++failures;
                }
            }));
        }
        const qint64 transactionsBefore = m_store->transactionCount();
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            QVERIFY(t->wait(60000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(messageCount(), qint64(kThreads * kBatches * kPerBatch));
        QCOMPARE(m_reader->counts()->conversations, 7);
        // Each conversation's unread count matches its messages: no lost updates.
        int unread = 0;
        auto inbox = m_reader->inbox({});
        QVERIFY(ok(inbox));
        for (const StoredConversation &c : *inbox)
            unread += c.unreadCount;
        QCOMPARE(unread, kThreads * kBatches * kPerBatch);
        const qint64 transactions = m_store->transactionCount() - transactionsBefore;
        qInfo() << "jobs" << 2 * kThreads * kBatches << "in" << transactions << "transactions";
        QVERIFY(transactions <= 2 * kThreads * kBatches);
    }

    // A team replica's batch (refetchable: PostgreSQL has it) commits with synchronous=NORMAL,
    // without the fsync; in a group commit with a durable job (a reply queued offline) the whole
    // transaction stays FULL, and the store is FULL again after a relaxed commit.
    void refetchableWritesSkipTheFsyncUnlessGroupedWithDurableOnes()
    {
        StoreOptions options;
        options.durableAgainstPowerLoss = true;
        openStore(options);
        // The level the job's own transaction runs with, read inside it.
        auto levelIn = [this](Store::WriteDurability durability, std::shared_ptr<int> level) {
            return m_store->write(
                [level](WriteContext &c) -> Status {
                    auto q = c.session.run(QStringLiteral("PRAGMA synchronous"), {});
                    if (!q)
                        return std::unexpected(q.error());
                    *level = (*q)->next() ? (*q)->value(0).toInt() : -1;
                    (*q)->finish();
                    return {};
                },
                durability);
        };
        auto alone = std::make_shared<int>(0);
        QVERIFY(ok(awaitResult(levelIn(Store::WriteDurability::Refetchable, alone))));
        QCOMPARE(*alone, 1); // NORMAL
        QCOMPARE(*awaitResult(m_store->synchronousLevel()), 2); // FULL again
        auto durableAlone = std::make_shared<int>(0);
        QVERIFY(ok(awaitResult(levelIn(Store::WriteDurability::Durable, durableAlone))));
        QCOMPARE(*durableAlone, 2);

        // Held behind a job that waits, the next two share one transaction: FULL for both.
        QSemaphore entered;
        QSemaphore go;
        auto held = m_store->write([&](WriteContext &) -> Status {
            entered.release();
            go.acquire();
            return {};
        });
        QVERIFY(entered.tryAcquire(1, 5000));
        const qint64 transactionsBefore = m_store->transactionCount();
        auto refetchable = std::make_shared<int>(0);
        auto durable = std::make_shared<int>(0);
        auto first = levelIn(Store::WriteDurability::Refetchable, refetchable);
        auto second = levelIn(Store::WriteDurability::Durable, durable);
        go.release();
        QVERIFY(ok(awaitResult(held)));
        QVERIFY(ok(awaitResult(first)));
        QVERIFY(ok(awaitResult(second)));
        QCOMPARE(m_store->transactionCount() - transactionsBefore, qint64(2)); // held's, the pair's
        QCOMPARE(*refetchable, 2);
        QCOMPARE(*durable, 2);

        // A store opened without power-loss durability stays NORMAL throughout.
        openStore({});
        auto relaxed = std::make_shared<int>(0);
        QVERIFY(ok(awaitResult(levelIn(Store::WriteDurability::Durable, relaxed))));
        QCOMPARE(*relaxed, 1);
    }

    void writesAfterCloseAreCancelledNotLost()
    {
        // Jobs already queued when the store closes are committed before it goes.
        QList<QFuture<Status>> futures;
        for (int i = 0; i < 50; ++i)
            futures.append(m_store->applyEvents({message(QStringLiteral("q%1").arg(i), 1000 + i, QStringLiteral("x"))}));
        m_reader.reset();
        const QString path = m_store->databasePath();
        m_store.reset();
        for (auto &f : futures)
            QVERIFY(ok(awaitResult(f)));
        auto reader = StoreReader::open(path);
        QVERIFY(ok(reader));
        QCOMPARE((*reader)->counts()->messages, qint64(50));
        m_reader = std::move(*reader);
    }

    // The WAL is bounded: once the store has been idle for walTruncateIdleMs, a TRUNCATE
    // checkpoint leaves the -wal file at 0 bytes (the PASSIVE ones keep its size), and again after
    // the next writes. A reader that stays open does not stop it once it is between reads.
    void walIsTruncatedWhenIdle()
    {
        StoreOptions options;
        options.checkpointIntervalMs = 20;
        options.walTruncateIdleMs = 1000;
        openStore(options);
        QVERIFY(m_store);
        const QString wal = m_store->databasePath() + QStringLiteral("-wal");
        for (int round = 0; round < 2; ++round) {
            QList<InboundEvent> batch;
            for (int i = 0; i < 100; ++i)
                batch.append(message(QStringLiteral("w%1-%2").arg(round).arg(i), 1000 + i,
                    QString(300, QLatin1Char('x'))));
            QVERIFY(ok(apply(batch)));
            QVERIFY(QFileInfo(wal).size() > 100 * 300); // written, not yet idle
            QCOMPARE(messageCount(), qint64(100 * (round + 1)));
            QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(wal).size(), qint64(0), 15000);
        }
        QCOMPARE(messageCount(), qint64(200)); // nothing lost by the truncation
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
