// The sync engine's incremental state lives in the store: after a restart the first sync only
// reads the conversations Instagram shows as updated since (counted at the sandbox), and a
// conversation where more messages came than Instagram lets a client read is marked.
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/shorthistory.h"
#include "sync/graphsyncsource.h"
#include "sync/requestpacer.h"
#include "sync/storesynctarget.h"
#include "sync/syncengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace inlet;

namespace {

// One run of "the app": a store over the data dir and a sync engine, as AccountSync wires them.
struct App {
    std::unique_ptr<Store> store;
    std::unique_ptr<GraphClient> client;
    std::unique_ptr<GraphSyncSource> source;
    std::unique_ptr<StoreSyncTarget> target;
    std::unique_ptr<RequestPacer> pacer;
    std::unique_ptr<SyncEngine> engine;

    ~App()
    {
        engine.reset();
        pacer.reset();
        target.reset();
        source.reset();
        client.reset();
        store.reset();
    }
};

} // namespace

class TestSyncState : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    QUrl m_base;
    QString m_token;
    QString m_business;

    std::unique_ptr<App> startApp()
    {
        auto app = std::make_unique<App>();
        auto store = Store::open(m_dir->path());
        if (!store)
            return nullptr;
        app->store = std::move(*store);
        app->client = std::make_unique<GraphClient>(InstagramHosts::allAt(m_base));
        app->source = std::make_unique<GraphSyncSource>(
            app->client.get(), AccessToken { m_token, m_business });
        app->target = std::make_unique<StoreSyncTarget>(app->store.get());
        app->pacer = std::make_unique<RequestPacer>(0);
        app->engine = std::make_unique<SyncEngine>(
            m_business, app->source.get(), app->target.get(), app->pacer.get());
        return app;
    }

    static SyncReport run(SyncEngine *engine, SyncEngine::Mode mode)
    {
        QSignalSpy finished(engine, &SyncEngine::finished);
        engine->start(mode);
        if (!finished.wait(30000))
            return SyncReport { false,
                Error::make(Error::Kind::Cancelled, QStringLiteral("timeout")) };
        return finished.first().first().value<SyncReport>();
    }

    QStringList customers() const { return m_sandbox->world().conversationsByRecency(); }

    QString write(const QString &igsid, const QString &text)
    {
        const auto mid = m_sandbox->injectEvent(
            QJsonObject { { "kind", "text" }, { "customer", igsid }, { "text", text } });
        return mid ? *mid : QString();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        sandbox::SandboxOptions options;
        options.customers = 6;
        options.eventsPerMinute = 0;
        options.seed = 5;
        m_business = options.businessId;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const auto base = m_sandbox->start();
        QVERIFY(base);
        m_base = *base;
        m_token = m_sandbox->issueToken();
        // Short histories keep the first walk brief.
        inlet::test::keepNewestMessages(m_sandbox->world(), 3);
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void restartReadsOnlyConversationsUpdatedSince()
    {
        const QStringList all = customers();
        QVERIFY(all.size() >= 4);
        {
            auto app = startApp();
            QVERIFY(app);
            const SyncReport first = run(app->engine.get(), SyncEngine::Mode::Full);
            QVERIFY2(first.ok, qPrintable(first.error.message));
            QCOMPARE(first.conversations, all.size());
        } // the app stops

        // While it is stopped, one customer writes (no webhook reaches it).
        const QString mid = write(all.at(2), QStringLiteral("Still open on Sunday?"));
        QVERIFY(!mid.isEmpty());

        auto app = startApp();
        QVERIFY(app);
        const qint64 before = m_sandbox->requestCount();
        const SyncReport second = run(app->engine.get(), SyncEngine::Mode::Incremental);
        QVERIFY2(second.ok, qPrintable(second.error.message));
        // The conversations list (one page), that conversation's messages, the new message: three
        // calls, not a listing of every conversation again.
        QCOMPARE(m_sandbox->requestCount() - before, 3);
        QCOMPARE(second.conversations, 1);
        QCOMPARE(second.messagesFetched, 1);
        auto reader = StoreReader::open(app->store->databasePath());
        QVERIFY(reader);
        auto stored = (*reader)->messageByMid(m_business, mid);
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->text, QStringLiteral("Still open on Sunday?"));

        // Nothing changed: one call (the list), stopped at the first unchanged conversation.
        const qint64 again = m_sandbox->requestCount();
        const SyncReport third = run(app->engine.get(), SyncEngine::Mode::Incremental);
        QVERIFY(third.ok);
        QCOMPARE(m_sandbox->requestCount() - again, 1);
        QCOMPARE(third.conversations, 0);
    }

    void moreNewMessagesThanReadableAreMarked()
    {
        const QStringList all = customers();
        auto app = startApp();
        QVERIFY(app);
        QVERIFY(run(app->engine.get(), SyncEngine::Mode::Full).ok);

        // Webhooks lapsed: 23 messages in one conversation, 2 in another.
        QStringList many;
        for (int i = 0; i < 23; ++i)
            many.append(write(all.at(0), QStringLiteral("message %1").arg(i)));
        const QString few = write(all.at(1), QStringLiteral("one"));
        write(all.at(1), QStringLiteral("two"));

        const SyncReport report = run(app->engine.get(), SyncEngine::Mode::Incremental);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.olderMaybeMissing, 1);
        auto reader = StoreReader::open(app->store->databasePath());
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(
            (*(*reader)->conversationFor(m_business, all.at(0)))->olderMissing, 5000);
        QVERIFY(!(*(*reader)->conversationFor(m_business, all.at(1)))->olderMissing);
        // The 20 newest of the long burst are in; the three before them cannot be read.
        for (int i = 3; i < 23; ++i)
            QVERIFY2((*reader)->messageByMid(m_business, many.at(i))->has_value(),
                qPrintable(many.at(i)));
        QVERIFY(!(*reader)->messageByMid(m_business, many.at(0))->has_value());
        QVERIFY((*reader)->messageByMid(m_business, few)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
