// SyncEngine rules with a scripted Instagram (fake SyncSource) and a recording store (fake
// SyncTarget): deterministic cases the sandbox can't easily produce.
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "sync/requestpacer.h"
#include "sync/syncengine.h"
#include "sync/syncports.h"

using namespace inlet;

namespace {

const QString business = QStringLiteral("17841400000000001");

template <typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

QString iso(qint64 s)
{
    return QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddThh:mm:ss+0000"));
}

struct FakeInstagram : SyncSource {
    struct Conversation {
        QString id;
        QString customer;
        qint64 updated = 0;
        QStringList mids; // newest first
    };
    QList<Conversation> conversationsList; // newest updated first
    QHash<QString, Error> failingMessages;  // mid -> error for its detail
    QHash<QString, Error> failingConversations;
    int calls = 0;

    QFuture<Result<QJsonObject>> conversations(const QString &after, int) override
    {
        ++calls;
        Q_UNUSED(after);
        QJsonArray data;
        for (const Conversation &c : conversationsList) {
            data.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("updated_time"), iso(c.updated)}});
        }
        return ready(Result<QJsonObject>(QJsonObject{{QStringLiteral("data"), data}}));
    }
    QFuture<Result<QJsonObject>> conversationMessages(const QString &id, const QString &) override
    {
        ++calls;
        if (failingConversations.contains(id)) {
            return ready(Result<QJsonObject>(std::unexpected(failingConversations.value(id))));
        }
        QJsonArray data;
        for (const Conversation &c : conversationsList) {
            if (c.id == id) {
                for (const QString &mid : c.mids) {
                    data.append(QJsonObject{{QStringLiteral("id"), mid}});
                }
            }
        }
        return ready(Result<QJsonObject>(QJsonObject{
            {QStringLiteral("id"), id}, {QStringLiteral("messages"), QJsonObject{{QStringLiteral("data"), data}}}}));
    }
    QFuture<Result<QJsonObject>> message(const QString &mid) override
    {
        ++calls;
        if (failingMessages.contains(mid)) {
            return ready(Result<QJsonObject>(std::unexpected(failingMessages.value(mid))));
        }
        for (const Conversation &c : conversationsList) {
            const qsizetype i = c.mids.indexOf(mid);
            if (i >= 0) {
                // Older messages (larger index) have smaller times.
                return ready(Result<QJsonObject>(QJsonObject{
                    {QStringLiteral("id"), mid},
                    {QStringLiteral("created_time"), iso(c.updated - i)},
                    {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), c.customer}}},
                    {QStringLiteral("to"), QJsonObject{{QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("id"), business}}}}}},
                    {QStringLiteral("message"), QStringLiteral("text of ") + mid}}));
            }
        }
        return ready(Result<QJsonObject>(std::unexpected(Error::make(Error::Kind::Graph, QStringLiteral("no such"), 100, 33))));
    }
    QFuture<Result<QJsonObject>> userProfile(const QString &) override
    {
        return ready(Result<QJsonObject>(QJsonObject{}));
    }
};

struct RecordingStore : SyncTarget {
    QList<QList<InboundEvent>> batches;
    QSet<QString> mids;

    QFuture<Status> applyEvents(const QList<InboundEvent> &events) override
    {
        batches.append(events);
        for (const InboundEvent &e : events) {
            mids.insert(e.mid);
        }
        return ready(Status{});
    }
    QFuture<Result<QSet<QString>>> knownMids(const QString &, const QStringList &list) override
    {
        QSet<QString> known;
        for (const QString &m : list) {
            if (mids.contains(m)) {
                known.insert(m);
            }
        }
        return ready(Result<QSet<QString>>(known));
    }
    QFuture<Status> upsertContact(const QString &, const Contact &) override { return ready(Status{}); }
    QFuture<Result<std::optional<QDateTime>>> contactFetchedAt(const QString &, const QString &) override
    {
        return ready(Result<std::optional<QDateTime>>(std::optional<QDateTime>()));
    }
};

} // namespace

class TestSyncRules : public QObject
{
    Q_OBJECT

    FakeInstagram m_instagram;
    RecordingStore m_store;
    std::unique_ptr<RequestPacer> m_pacer;
    std::unique_ptr<SyncEngine> m_engine;

    SyncReport run(SyncEngine::Mode mode)
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->start(mode);
        if (!finished.wait(5000)) {
            return SyncReport{false, Error::make(Error::Kind::Cancelled, QStringLiteral("timeout"))};
        }
        return finished.first().first().value<SyncReport>();
    }

private slots:
    void init()
    {
        m_instagram = FakeInstagram{};
        m_store = RecordingStore{};
        m_instagram.conversationsList = {
            {QStringLiteral("c1"), QStringLiteral("111"), 1'700'000'300, {QStringLiteral("m13"), QStringLiteral("m12"), QStringLiteral("m11")}},
            {QStringLiteral("c2"), QStringLiteral("222"), 1'700'000'200, {QStringLiteral("m22"), QStringLiteral("m21")}},
            {QStringLiteral("c3"), QStringLiteral("333"), 1'700'000'100, {QStringLiteral("m31")}},
        };
        m_pacer = std::make_unique<RequestPacer>(0);
        m_engine = std::make_unique<SyncEngine>(business, &m_instagram, &m_store, m_pacer.get());
        SyncOptions options;
        options.backoffBaseMs = 5;
        options.backoffMaxMs = 20;
        options.firstPassDetails = 0; // one pass: the rules below are per conversation
        m_engine->setOptions(options);
    }

    void cleanup()
    {
        m_engine.reset();
        m_pacer.reset();
    }

    // A Full run first brings the newest message of every conversation (the whole inbox shows
    // quickly at 2 calls/s), then the rest of each readable history, oldest first.
    void fullRunShowsTheNewestOfEveryConversationFirst()
    {
        SyncOptions options = m_engine->options();
        options.firstPassDetails = 1;
        m_engine->setOptions(options);
        QSignalSpy progress(m_engine.get(), &SyncEngine::progress);
        const SyncReport report = run(SyncEngine::Mode::Full);
        QVERIFY(report.ok);
        QCOMPARE(report.conversations, 3);
        QCOMPARE(report.messagesFetched, 6);
        QStringList order;
        for (const QList<InboundEvent> &batch : std::as_const(m_store.batches))
            for (const InboundEvent &e : batch)
                order.append(e.mid);
        QCOMPARE(order, (QStringList{QStringLiteral("m13"), QStringLiteral("m22"), QStringLiteral("m31"),
                                     QStringLiteral("m11"), QStringLiteral("m12"), QStringLiteral("m21")}));
        // 0 of 3 once listed, then two passes of 3 conversations, ending at 3 of 3.
        QCOMPARE(progress.size(), 7);
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(progress.last().at(1).toInt(), 3);
        // Nothing is asked twice: 1 conversation list + 3 message-id lists + 6 details.
        QCOMPARE(m_instagram.calls, 10);
    }

    void eventsReachTheStoreOldestFirstPerConversation()
    {
        const SyncReport report = run(SyncEngine::Mode::Full);
        QVERIFY(report.ok);
        QCOMPARE(m_store.batches.size(), 3);
        const QList<InboundEvent> &c1 = m_store.batches.first();
        QCOMPARE(c1.size(), 3);
        QCOMPARE(c1[0].mid, QStringLiteral("m11"));
        QCOMPARE(c1[2].mid, QStringLiteral("m13"));
        QVERIFY(c1[0].timestampMs < c1[2].timestampMs);
        QCOMPARE(c1[0].customerId, QStringLiteral("111"));
        QCOMPARE(c1[0].accountId, business);
    }

    void unreadableMessageIsSkipped()
    {
        m_instagram.failingMessages.insert(QStringLiteral("m12"),
            Error::make(Error::Kind::Graph, QStringLiteral("(#100) This message has been deleted"), 100, 33, 400));
        const SyncReport report = run(SyncEngine::Mode::Full);
        QVERIFY(report.ok);
        QCOMPARE(report.messagesSkipped, 1);
        QCOMPARE(report.messagesFetched, 5);
        QVERIFY(!m_store.mids.contains(QStringLiteral("m12")));
        QVERIFY(m_store.mids.contains(QStringLiteral("m13")));
    }

    void onlyTheNewestTwentyAreRead()
    {
        QStringList many;
        for (int i = 30; i > 0; --i) {
            many.append(QStringLiteral("x%1").arg(i));
        }
        m_instagram.conversationsList = {{QStringLiteral("c9"), QStringLiteral("999"), 1'700'000'500, many}};
        const SyncReport report = run(SyncEngine::Mode::Full);
        QVERIFY(report.ok);
        QCOMPARE(report.messagesFetched, 20);
        QCOMPARE(report.messagesSkipped, 10);
        QVERIFY(m_store.mids.contains(QStringLiteral("x30")));
        QVERIFY(!m_store.mids.contains(QStringLiteral("x10")));
    }

    void incrementalAfterAFailedRunDoesNotMissAConversation()
    {
        QVERIFY(run(SyncEngine::Mode::Full).ok);
        // c1 and c3 get new messages: Instagram lists them on top, c1 first. c3's walk fails.
        auto c1 = m_instagram.conversationsList[0];
        auto c2 = m_instagram.conversationsList[1];
        auto c3 = m_instagram.conversationsList[2];
        c1.updated = 1'700'000'350;
        c1.mids.prepend(QStringLiteral("m14"));
        c3.updated = 1'700'000'340;
        c3.mids.prepend(QStringLiteral("m32"));
        m_instagram.conversationsList = {c1, c3, c2};
        m_instagram.failingConversations.insert(QStringLiteral("c3"),
            Error::make(Error::Kind::Graph, QStringLiteral("(#4) Application request limit reached"), 4, 0, 400));
        SyncOptions options = m_engine->options();
        options.rateLimitRetries = 1;
        m_engine->setOptions(options);
        QVERIFY(!run(SyncEngine::Mode::Incremental).ok);
        QVERIFY(m_store.mids.contains(QStringLiteral("m14")));
        QVERIFY(!m_store.mids.contains(QStringLiteral("m32")));

        // Instagram is back. c1 is unchanged now and on top; c3 must still be walked.
        m_instagram.failingConversations.clear();
        const SyncReport report = run(SyncEngine::Mode::Incremental);
        QVERIFY(report.ok);
        QCOMPARE(report.conversations, 1);
        QVERIFY(m_store.mids.contains(QStringLiteral("m32")));

        // After a complete run, an Incremental one with nothing new stops at the first conversation.
        const int before = m_instagram.calls;
        const SyncReport idle = run(SyncEngine::Mode::Incremental);
        QVERIFY(idle.ok);
        QCOMPARE(idle.conversations, 0);
        QCOMPARE(m_instagram.calls - before, 1); // just the conversation list
    }

    void invalidTokenMidRunStops()
    {
        m_instagram.failingConversations.insert(QStringLiteral("c2"),
            Error::make(Error::Kind::Graph, QStringLiteral("Error validating access token"), 190, 463, 400));
        QSignalSpy signIn(m_engine.get(), &SyncEngine::needsSignIn);
        const SyncReport report = run(SyncEngine::Mode::Full);
        QVERIFY(!report.ok);
        QCOMPARE(report.error.code, 190);
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(report.conversations, 1); // c1 done, c3 never reached
        QVERIFY(!m_store.mids.contains(QStringLiteral("m31")));
    }

    void startWhileRunningRunsAgainAfterwards()
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->start(SyncEngine::Mode::Full);
        m_engine->start(SyncEngine::Mode::Incremental);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!m_engine->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSyncRules)
#include "tst_syncrules.moc"
