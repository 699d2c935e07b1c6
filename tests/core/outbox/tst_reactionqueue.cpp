// ReactionQueue against the in-process sandbox over loopback and a real Store in a temporary dir:
// the manager's own reaction shows in the store at once, reaches Instagram once, coalesces, retries
// on transient errors, and a final failure restores the previous reaction and stays visible.
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/reactionqueue.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

class TestReactionQueue : public QObject {
    Q_OBJECT

    // One "app run" over the same data dir.
    struct App {
        std::unique_ptr<Store> store;
        std::unique_ptr<GraphClient> client;
        std::unique_ptr<GraphOutboxTransport> transport;
        std::unique_ptr<ReactionQueue> queue;
        std::unique_ptr<StoreReader> reader;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    QUrl m_base;
    QString m_token;
    QString m_business;
    QString m_customer;
    QString m_mid; // the customer's message the manager reacts to
    qint64 m_messageId = 0; // its local row

    std::unique_ptr<App> startApp()
    {
        auto app = std::make_unique<App>();
        auto store = Store::open(m_dir->path());
        if (!store)
            return nullptr;
        app->store = std::move(*store);
        app->client = std::make_unique<GraphClient>(InstagramHosts::allAt(m_base));
        const QString token = m_token;
        app->transport = std::make_unique<GraphOutboxTransport>(app->client.get(),
            [token](const QString &) { return QtFuture::makeReadyFuture(Result<QString>(token)); });
        app->transport->setMaxSuggestedDelayMs(50);
        app->queue = std::make_unique<ReactionQueue>(app->store.get(), app->transport.get());
        ReactionQueueOptions options;
        options.backoffBaseMs = 40;
        options.backoffMaxMs = 400;
        app->queue->setOptions(options);
        app->reader = std::move(*StoreReader::open(app->store->databasePath()));
        return app;
    }

    static void stopApp(std::unique_ptr<App> &app)
    {
        app->queue.reset();
        app->transport.reset();
        app->reader.reset();
        app->client.reset();
        app->store.reset();
        app.reset();
    }

    void fault(const QJsonObject &spec) { test::SandboxControl(m_base).fault(spec); }

    // The customer writes (on Instagram and, as the webhook would, in the store).
    void customerWrites(App &app)
    {
        const auto mid
            = m_sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), m_customer },
                { QStringLiteral("text"), QStringLiteral("Love the new colours!") } });
        QVERIFY(mid.has_value());
        m_mid = *mid;
        InboundEvent e;
        e.kind = InboundEvent::Kind::Message;
        e.accountId = m_business;
        e.customerId = m_customer;
        e.mid = m_mid;
        e.text = QStringLiteral("Love the new colours!");
        e.timestampMs = m_sandbox->clock().nowMs();
        QVERIFY(awaitResult(app.store->applyEvents({ e })).has_value());
        const auto row = app.reader->messageByMid(m_business, m_mid);
        QVERIFY(row && *row);
        m_messageId = (*row)->id;
    }

    // The business's reaction on the message as the store has it ("" = none).
    QString storedReaction(App &app) const
    {
        const auto m = app.reader->message(m_messageId);
        if (!m || !*m)
            return QStringLiteral("<no message>");
        for (const StoredReaction &r : (*m)->reactions) {
            if (r.reactorId == m_business)
                return r.emoji;
        }
        return {};
    }

    QString instagramReaction() { return m_sandbox->world().message(m_mid)->businessReaction; }

    // The sender actions Instagram got: "react:<reaction>" / "unreact".
    QStringList sentActions() const
    {
        QStringList out;
        for (const QJsonObject &s : m_sandbox->sentMessages()) {
            const QString action = s.value(QStringLiteral("sender_action")).toString();
            if (action == QLatin1String("react"))
                out.append(QStringLiteral("react:")
                    + s.value(QStringLiteral("payload"))
                          .toObject()
                          .value(QStringLiteral("reaction"))
                          .toString());
            else if (action == QLatin1String("unreact"))
                out.append(action);
        }
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        sandbox::SandboxOptions options;
        options.customers = 2;
        options.eventsPerMinute = 0;
        options.seed = 11;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        auto base = m_sandbox->start();
        QVERIFY(base.has_value());
        m_base = *base;
        m_token = m_sandbox->issueToken();
        m_business = options.businessId;
        m_customer = m_sandbox->world().customers().constFirst().profile.igsid;
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    // The manager picks ❤️; the bubble shows ❤️ at once and Instagram gets the name "love",
    // the only reaction it takes from a business (the sandbox refuses the emoji, as Instagram
    // does).
    void reactionShowsAtOnceThenReachesInstagramAsLove()
    {
        auto app = startApp();
        QVERIFY(app);
        customerWrites(*app);
        app->queue->start();
        QSignalSpy changes(app->store.get(), &Store::changed);
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        fault({ { QStringLiteral("latency_ms"), 300 }, { QStringLiteral("count"), 1 } });
        const auto id = awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️")));
        QVERIFY(id.has_value());
        // Stored (and announced to the views) before Instagram answered.
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        QVERIFY(instagramReaction().isEmpty());
        QTRY_VERIFY(std::any_of(changes.cbegin(), changes.cend(), [this](const QList<QVariant> &c) {
            return c.at(0).value<StoreChange>().messageIds.contains(m_messageId);
        }));
        QTRY_VERIFY(sent.size() + failed.size() == 1);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][2].toString()));
        QCOMPARE(sent[0][0].toLongLong(), *id);
        QCOMPARE(sent[0][1].toLongLong(), m_messageId);
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
        QCOMPARE(app->queue->pendingCount(), 0);
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        // The queue table is empty once sent.
        QCOMPARE(awaitResult(app->store->queuedReactions())->size(), 0);
    }

    // The name works as well as the emoji.
    void loveByNameIsTheSame()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("love"))).has_value());
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
    }

    // What Instagram refuses from a business is refused at once: nothing stored, nothing sent.
    void reactionsInstagramRefusesAreNotQueued_data()
    {
        QTest::addColumn<QString>("reaction");
        QTest::newRow("laughing emoji") << QStringLiteral("😂");
        QTest::newRow("thumbs up") << QStringLiteral("👍");
        QTest::newRow("like") << QStringLiteral("like");
        QTest::newRow("laugh") << QStringLiteral("laugh");
    }
    void reactionsInstagramRefusesAreNotQueued()
    {
        QFETCH(QString, reaction);
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        const auto refused = awaitResult(app->queue->react(m_messageId, reaction));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(refused.error().reason, Error::Reason::ReactionNotSendable);
        QCOMPARE(refused.error().args, QStringList { reaction });
        QCOMPARE(storedReaction(*app), QString());
        QCOMPARE(app->queue->pendingCount(), 0);
        QCOMPARE(awaitResult(app->store->queuedReactions())->size(), 0);
        QTest::qWait(50);
        QCOMPARE(sentActions(), QStringList());
    }

    // An entry an older Inlet queued with the emoji as payload.reaction goes out as "love".
    void olderQueuedEmojiIsSentAsLove()
    {
        auto app = startApp();
        customerWrites(*app);
        QVERIFY(awaitResult(app->store->enqueueReaction(m_messageId, QStringLiteral("❤️"),
                                QStringLiteral("❤️"), false))
                    .has_value());
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        app->queue->start();
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
    }

    void onlyTheNewestQueuedIntentIsSent()
    {
        auto app = startApp();
        customerWrites(*app);
        // Not started yet: three quick changes of mind, one request.
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QVERIFY(awaitResult(app->queue->unreact(m_messageId)).has_value());
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        QCOMPARE(app->queue->pendingCount(), 1);
        QSignalSpy idle(app->queue.get(), &ReactionQueue::idle);
        app->queue->start();
        QTRY_COMPARE(instagramReaction(), QStringLiteral("love"));
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });

        // One in flight stays; the newest queued behind it replaces the others.
        fault({ { QStringLiteral("latency_ms"), 300 }, { QStringLiteral("count"), 1 } });
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QVERIFY(awaitResult(app->queue->unreact(m_messageId)).has_value());
        QTest::qWait(50); // the unreact is on the wire now
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QVERIFY(awaitResult(app->queue->unreact(m_messageId)).has_value());
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 5000);
        QCOMPARE(sentActions(),
            (QStringList { QStringLiteral("react:love"), QStringLiteral("unreact"),
                QStringLiteral("react:love") }));
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
    }

    void unreactRemovesIt()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY(awaitResult(app->queue->unreact(m_messageId)).has_value());
        QCOMPARE(storedReaction(*app), QString());
        QTRY_COMPARE(sent.size(), 2);
        QVERIFY(instagramReaction().isEmpty());
        QCOMPARE(sentActions(),
            (QStringList { QStringLiteral("react:love"), QStringLiteral("unreact") }));
    }

    void transientErrorsAreRetriedThenSentOnce_data()
    {
        QTest::addColumn<QJsonObject>("faults");
        QTest::newRow("5xx") << QJsonObject { { QStringLiteral("count"), 3 },
            { QStringLiteral("http_status"), 503 } };
        QTest::newRow("rate limit") << QJsonObject { { QStringLiteral("count"), 2 },
            { QStringLiteral("graph_code"), 613 } };
        QTest::newRow("no answer") << QJsonObject { { QStringLiteral("drop"), 2 } };
    }

    void transientErrorsAreRetriedThenSentOnce()
    {
        QFETCH(QJsonObject, faults);
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        fault(faults);
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
    }

    // Offline (no answer at all) does not use up the attempts; wake() sends a waiting reaction now.
    void offlineDoesNotUseUpAttemptsAndWakeSendsNow()
    {
        auto app = startApp();
        customerWrites(*app);
        ReactionQueueOptions options;
        options.backoffBaseMs = 10 * 60 * 1000;
        options.backoffMaxMs = 10 * 60 * 1000;
        options.maxAttempts = 1;
        app->queue->setOptions(options);
        app->queue->start();
        // Two drops: Qt resends a request once when a kept-alive connection closes unanswered.
        fault(QJsonObject { { QStringLiteral("drop"), 2 } });
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTest::qWait(300); // the dropped try is over; the next one is minutes away
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sent.size(), 0);
        app->queue->wake();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 5000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
    }

    void finalErrorRestoresThePreviousReactionUntilRetried()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QSignalSpy cleared(app->queue.get(), &ReactionQueue::failureCleared);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTRY_COMPARE(sent.size(), 1);

        m_sandbox->world().customer(m_customer)->unavailable = true; // blocked the business: 551
        const auto id = awaitResult(app->queue->unreact(m_messageId));
        QVERIFY(id.has_value());
        QCOMPARE(storedReaction(*app), QString());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].toLongLong(), *id);
        QCOMPARE(failed[0][1].toLongLong(), m_messageId);
        // Kinds and codes, not a sentence: the app words it (app/inbox/failuretext.h).
        QCOMPARE(SendFailure::decode(failed[0][2].toString()).reason(),
            SendFailure::Reason::UserUnavailable);
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️")); // what Instagram still has
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
        const auto failures = app->queue->failedReactions(m_business, m_customer);
        QCOMPARE(failures.size(), 1);
        QVERIFY(failures[0].remove);
        QCOMPARE(failures[0].errorText, failed[0][2].toString());
        QCOMPARE(app->queue->failedReactions(m_business, QStringLiteral("someone else")).size(), 0);

        // Kept across a restart, with its reason.
        stopApp(app);
        app = startApp();
        app->queue->start();
        QTRY_VERIFY(app->queue->isStarted());
        QCOMPARE(app->queue->failedReactions(m_business, m_customer).size(), 1);
        QCOMPARE(app->queue->failedReactions(m_business, m_customer)[0].errorText,
            failures[0].errorText);
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));

        // Retry once they take messages again: shown again at once, then on Instagram.
        m_sandbox->world().customer(m_customer)->unavailable = false;
        QSignalSpy sent2(app->queue.get(), &ReactionQueue::sent);
        QSignalSpy cleared2(app->queue.get(), &ReactionQueue::failureCleared);
        QVERIFY(awaitResult(app->queue->retry(*id)).has_value());
        QCOMPARE(cleared2.size(), 1);
        QCOMPARE(storedReaction(*app), QString());
        QTRY_COMPARE(sent2.size(), 1);
        QVERIFY(instagramReaction().isEmpty());
        QCOMPARE(app->queue->failedReactions(m_business, m_customer).size(), 0);
    }

    void dismissKeepsTheRestoredReaction()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QSignalSpy cleared(app->queue.get(), &ReactionQueue::failureCleared);
        m_sandbox->clock().advanceSeconds(8 * 24 * 3600); // the messaging window closed
        const auto id = awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️")));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(SendFailure::decode(failed[0][2].toString()).reason()
                == SendFailure::Reason::OutsideWindow,
            qPrintable(failed[0][2].toString()));
        QCOMPARE(storedReaction(*app), QString()); // there was none before
        QVERIFY(awaitResult(app->queue->dismiss(*id)).has_value());
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(app->queue->failedReactions(m_business, m_customer).size(), 0);
        QCOMPARE(awaitResult(app->store->queuedReactions())->size(), 0);
        QVERIFY(!awaitResult(app->queue->dismiss(*id)).has_value()); // gone
        QCOMPARE(sentActions(), QStringList());
    }

    void newReactionReplacesAFailedOne()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QSignalSpy cleared(app->queue.get(), &ReactionQueue::failureCleared);
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        fault({ { QStringLiteral("count"), 1 }, { QStringLiteral("graph_code"), 100 },
            { QStringLiteral("http_status"), 400 } });
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("love"))).has_value());
        QCOMPARE(cleared.size(), 1);
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
        QCOMPARE(app->queue->failedReactions(m_business, m_customer).size(), 0);
    }

    void finalErrorOfAnIntentAlreadyReplacedShowsNothing()
    {
        auto app = startApp();
        customerWrites(*app);
        app->queue->start();
        QSignalSpy failed(app->queue.get(), &ReactionQueue::failed);
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        // The first goes out slowly and is refused; meanwhile the manager took it back.
        fault({ { QStringLiteral("latency_ms"), 300 }, { QStringLiteral("count"), 1 } });
        fault({ { QStringLiteral("count"), 1 }, { QStringLiteral("graph_code"), 100 },
            { QStringLiteral("http_status"), 400 } });
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        QTest::qWait(50);
        QVERIFY(awaitResult(app->queue->unreact(m_messageId)).has_value());
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(instagramReaction().isEmpty());
        QCOMPARE(storedReaction(*app), QString());
        QCOMPARE(awaitResult(app->store->queuedReactions())->size(), 0);
    }

    void queuedReactionSurvivesRestartAndIsSentOnce()
    {
        auto app = startApp();
        customerWrites(*app);
        QVERIFY(awaitResult(app->queue->react(m_messageId, QStringLiteral("❤️"))).has_value());
        stopApp(app); // never started: the reaction is only on disk

        app = startApp();
        QCOMPARE(storedReaction(*app), QStringLiteral("❤️"));
        QSignalSpy sent(app->queue.get(), &ReactionQueue::sent);
        app->queue->start();
        QTRY_COMPARE(sent.size(), 1);
        QTest::qWait(100);
        QCOMPARE(sentActions(), QStringList { QStringLiteral("react:love") });
        QCOMPARE(instagramReaction(), QStringLiteral("love"));
    }

    void refusedWithoutATarget()
    {
        auto app = startApp();
        customerWrites(*app);
        QVERIFY(!awaitResult(app->queue->react(987654, QStringLiteral("❤️"))).has_value());
        QVERIFY(!awaitResult(app->queue->react(m_messageId, QStringLiteral(" "))).has_value());
        // An outgoing message still queued has no mid yet: nothing to react to on Instagram.
        const auto queued = awaitResult(
            app->store->enqueueOutgoing(m_business, m_customer, QStringLiteral("soon")));
        QVERIFY(queued.has_value());
        const auto refused = awaitResult(app->queue->react(*queued, QStringLiteral("❤️")));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(app->queue->pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReactionQueue)
#include "tst_reactionqueue.moc"
