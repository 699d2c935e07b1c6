// SyncEngine + ProfileCache against the in-process sandbox over loopback and a real Store.
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "sync/graphsyncsource.h"
#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/storesynctarget.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

class TestSyncEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<GraphClient> m_client;
    std::unique_ptr<GraphSyncSource> m_source;
    std::unique_ptr<StoreSyncTarget> m_target;
    std::unique_ptr<RequestPacer> m_pacer;
    std::unique_ptr<ProfileCache> m_profiles;
    std::unique_ptr<SyncEngine> m_engine;
    QUrl m_base;
    QString m_token;
    QString m_business;
    QNetworkAccessManager m_nam;

    QJsonObject control(const QString &path, const QJsonObject &body)
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_nam.post(request, QJsonDocument(body).toJson());
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    SyncReport runSync(SyncEngine::Mode mode = SyncEngine::Mode::Full)
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->start(mode);
        if (!finished.wait(20000)) {
            return SyncReport{false, Error::make(Error::Kind::Cancelled, QStringLiteral("timeout"))};
        }
        return finished.first().first().value<SyncReport>();
    }

    // What Instagram lets sync read of a conversation: its newest 20 messages.
    int readableOnSandbox(const QString &igsid) const
    {
        return int(std::min<qsizetype>(20, m_sandbox->world().conversation(igsid).size()));
    }

    int storedMessages(const QString &igsid)
    {
        const auto conversation = m_reader->conversationFor(m_business, igsid);
        if (!conversation || !*conversation) {
            return 0;
        }
        const auto messages = m_reader->newestMessages((*conversation)->id, 1000);
        return messages ? int(messages->size()) : -1;
    }

    QStringList sandboxCustomersWithMessages() const
    {
        QStringList out;
        for (const auto &c : m_sandbox->world().customers()) {
            if (!m_sandbox->world().conversation(c.profile.igsid).isEmpty()) {
                out.append(c.profile.igsid);
            }
        }
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        sandbox::SandboxOptions options;
        options.customers = 6;
        options.eventsPerMinute = 0;
        options.seed = 3;
        m_business = options.businessId;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        auto base = m_sandbox->start();
        QVERIFY(base.has_value());
        m_base = *base;
        m_token = m_sandbox->issueToken();
        auto store = Store::open(m_dir->path());
        QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
        m_store = std::move(*store);
        m_reader = std::move(*StoreReader::open(m_store->databasePath()));
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(m_base));
        m_source = std::make_unique<GraphSyncSource>(m_client.get(), AccessToken{m_token, m_business});
        m_source->setMaxSuggestedDelayMs(30);
        m_target = std::make_unique<StoreSyncTarget>(m_store.get());
        m_pacer = std::make_unique<RequestPacer>(0);
        m_profiles = std::make_unique<ProfileCache>(m_business, m_source.get(), m_target.get(), m_pacer.get(),
                                                    m_dir->path());
        m_engine = std::make_unique<SyncEngine>(m_business, m_source.get(), m_target.get(), m_pacer.get());
        SyncOptions syncOptions;
        syncOptions.backoffBaseMs = 20;
        syncOptions.backoffMaxMs = 200;
        m_engine->setOptions(syncOptions);
        m_engine->setProfileCache(m_profiles.get());
    }

    void cleanup()
    {
        m_engine.reset();
        m_profiles.reset();
        m_pacer.reset();
        m_target.reset();
        m_source.reset();
        m_client.reset();
        m_reader.reset();
        m_store.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void backfillFillsTheStore()
    {
        QSignalSpy progress(m_engine.get(), &SyncEngine::progress);
        const SyncReport report = runSync();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        const QStringList customers = sandboxCustomersWithMessages();
        QVERIFY(!customers.isEmpty());
        QCOMPARE(report.conversations, customers.size());
        int expected = 0;
        for (const QString &igsid : customers) {
            QCOMPARE(storedMessages(igsid), readableOnSandbox(igsid));
            expected += readableOnSandbox(igsid);
        }
        QCOMPARE(report.messagesFetched, expected);
        // Progress ends at done == total.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), customers.size());
        QCOMPARE(progress.last().at(1).toInt(), customers.size());

        // Direction and time: the newest message of each side matches Instagram's.
        const QString igsid = customers.first();
        const auto newest = m_sandbox->world().conversation(igsid).first();
        const auto stored = m_reader->messageByMid(m_business, newest->mid);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->outgoing, !newest->fromCustomer);
        QCOMPARE((*stored)->text, newest->text);
        QCOMPARE((*stored)->createdMs / 1000, newest->timestampMs / 1000);

        // Contacts and avatars arrive through the profile cache.
        QTRY_COMPARE_WITH_TIMEOUT(m_profiles->inFlight(), 0, 10000);
        for (const QString &c : customers) {
            const auto contact = m_reader->contact(c);
            QVERIFY(contact && *contact);
            QVERIFY((*contact)->fetchedAt.isValid());
            QCOMPARE((*contact)->username, m_sandbox->world().customer(c)->profile.username);
            QVERIFY2(QFileInfo(m_profiles->avatarPath(c)).size() > 0, qPrintable(m_profiles->avatarPath(c)));
        }
        // A second run fetches nothing again.
        const SyncReport again = runSync();
        QVERIFY(again.ok);
        QCOMPARE(again.messagesFetched, 0);
    }

    // Messages from before Inlet was connected reach the store only through sync: a shared post,
    // a story mention, a story reply and an inline reply (whose reply_to the sandbox gives as
    // {id}, the shape independent clients meet, for customers' replies). Graph returns only the
    // fields a request names, so each must be asked for (issue 10, "Nothing lost on sync").
    void historyKeepsSharesStoriesAndReplies()
    {
        QString igsid;
        for (const QString &c : sandboxCustomersWithMessages()) {
            for (const sandbox::WorldMessage *m : m_sandbox->world().conversation(c)) {
                if (!m->fromCustomer)
                    igsid = c;
            }
            if (!igsid.isEmpty())
                break;
        }
        QVERIFY(!igsid.isEmpty());
        const auto inject = [&](QJsonObject spec) {
            spec.insert(QStringLiteral("customer"), igsid);
            return control(QStringLiteral("/__sandbox/events"), spec)
                .value(QLatin1String("mid"))
                .toString();
        };
        const QString share
            = inject({ { "kind", "share" }, { "url", "https://www.instagram.com/p/C0ffee/" } });
        const QString mention
            = inject({ { "kind", "story_mention" }, { "url", "https://cdn.example/story-1.jpg" } });
        const QString storyReply = inject({ { "kind", "story_reply" },
            { "text", "Love this story" }, { "story_url", "https://cdn.example/story-2.jpg" },
            { "story_id", "18000000000000042" } });
        const QString reply = inject({ { "kind", "reply" }, { "text", "Yes please" } });
        for (const QString &mid : { share, mention, storyReply, reply })
            QVERIFY(!mid.isEmpty());
        const QString repliedTo = m_sandbox->world().message(reply)->replyToMid;
        QVERIFY(!repliedTo.isEmpty());

        const SyncReport report = runSync();
        QVERIFY2(report.ok, qPrintable(report.error.message));

        const auto stored = [&](const QString &mid) {
            const auto m = m_reader->messageByMid(m_business, mid);
            return m && *m ? **m : StoredMessage {};
        };
        const StoredMessage s = stored(share);
        QCOMPARE(s.attachments.size(), 1);
        QCOMPARE(s.attachments.first().type, QStringLiteral("share"));
        QCOMPARE(s.attachments.first().url, QStringLiteral("https://www.instagram.com/p/C0ffee/"));
        const StoredMessage m = stored(mention);
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments.first().type, QStringLiteral("story_mention"));
        QCOMPARE(m.attachments.first().url, QStringLiteral("https://cdn.example/story-1.jpg"));
        const StoredMessage r = stored(storyReply);
        QCOMPARE(r.text, QStringLiteral("Love this story"));
        QCOMPARE(r.replyToStoryUrl, QStringLiteral("https://cdn.example/story-2.jpg"));
        QCOMPARE(r.meta.value(QLatin1String("reply_to_story_id")).toString(),
            QStringLiteral("18000000000000042"));
        const StoredMessage q = stored(reply);
        QCOMPARE(q.text, QStringLiteral("Yes please"));
        QCOMPARE(q.replyToMid, repliedTo);
    }

    void longConversationsSkipUnreadableMessages()
    {
        int unreadable = 0;
        for (const QString &igsid : sandboxCustomersWithMessages()) {
            unreadable += int(std::max<qsizetype>(0, m_sandbox->world().conversation(igsid).size() - 20));
        }
        if (unreadable == 0) {
            // Make one conversation longer than the 20 readable messages.
            const QString igsid = sandboxCustomersWithMessages().first();
            for (int i = 0; i < 25; ++i) {
                QVERIFY(m_sandbox->injectEvent({{QStringLiteral("kind"), QStringLiteral("text")},
                                                {QStringLiteral("customer"), igsid},
                                                {QStringLiteral("text"), QStringLiteral("msg %1").arg(i)}}));
            }
        }
        const SyncReport report = runSync();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        for (const QString &igsid : sandboxCustomersWithMessages()) {
            QCOMPARE(storedMessages(igsid), readableOnSandbox(igsid)); // the newest 20 at most
        }
    }

    void mergesWithWebhookEventsWithoutDoubles()
    {
        const QString igsid = sandboxCustomersWithMessages().first();
        const auto newest = m_sandbox->world().conversation(igsid).first();
        // The same message arrived by webhook before the sync ran.
        InboundEvent hooked;
        hooked.kind = InboundEvent::Kind::Message;
        hooked.accountId = m_business;
        hooked.customerId = igsid;
        hooked.outgoing = !newest->fromCustomer;
        hooked.mid = newest->mid;
        hooked.text = newest->text;
        hooked.timestampMs = newest->timestampMs;
        QVERIFY(awaitResult(m_store->applyEvents({ hooked })).has_value());

        const SyncReport report = runSync();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(storedMessages(igsid), readableOnSandbox(igsid));
        int expected = 0;
        for (const QString &c : sandboxCustomersWithMessages()) {
            expected += readableOnSandbox(c);
        }
        QCOMPARE(report.messagesFetched, expected - 1); // the webhook one was not fetched again
    }

    void pollingPicksUpANewMessageWithoutWebhooks()
    {
        QVERIFY(runSync().ok);
        const QString igsid = sandboxCustomersWithMessages().last();
        const int before = storedMessages(igsid);
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->setPollInterval(100);
        const auto mid = m_sandbox->injectEvent({{QStringLiteral("kind"), QStringLiteral("text")},
                                                 {QStringLiteral("customer"), igsid},
                                                 {QStringLiteral("text"), QStringLiteral("anyone there?")}});
        QVERIFY(mid.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(m_reader->messageByMid(m_business, *mid).value_or(std::nullopt).has_value(), 10000);
        const auto stored = *m_reader->messageByMid(m_business, *mid);
        QCOMPARE(stored->text, QStringLiteral("anyone there?"));
        QVERIFY(!stored->outgoing);
        QCOMPARE(storedMessages(igsid), before + 1);
        // Polling runs are incremental: only the changed conversation was walked.
        QTRY_VERIFY(!finished.isEmpty());
        bool sawIncremental = false;
        for (const auto &f : finished) {
            const SyncReport r = f.first().value<SyncReport>();
            QVERIFY(r.ok);
            QVERIFY(r.conversations <= 1);
            sawIncremental = sawIncremental || r.conversations == 1;
        }
        QVERIFY(sawIncremental);
        m_engine->setPollInterval(0);
    }

    void rateLimitsSlowDownButComplete()
    {
        control(QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 4}, {QStringLiteral("graph_code"), 4}});
        control(QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 2}, {QStringLiteral("graph_code"), 613}});
        control(QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 2}, {QStringLiteral("http_status"), 503}});
        control(QStringLiteral("/__sandbox/faults"), {{QStringLiteral("drop"), 1}});
        const SyncReport report = runSync();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QVERIFY(report.rateLimitHits >= 6);
        for (const QString &igsid : sandboxCustomersWithMessages()) {
            QCOMPARE(storedMessages(igsid), readableOnSandbox(igsid));
        }
    }

    void invalidTokenStopsAndAsksForSignIn()
    {
        control(QStringLiteral("/__sandbox/tokens/revoke"), {{QStringLiteral("all"), true}});
        QSignalSpy signIn(m_engine.get(), &SyncEngine::needsSignIn);
        m_engine->setPollInterval(50);
        const SyncReport report = runSync();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.code, 190);
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.first().first().toString(), m_business);
        QCOMPARE(m_engine->pollInterval(), 0); // no polling with a dead token
        QCOMPARE(m_reader->counts()->messages, 0);
    }

    void cancelStopsARun()
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->start();
        QVERIFY(m_engine->isRunning());
        m_engine->cancel();
        QCOMPARE(finished.size(), 1);
        const SyncReport report = finished.first().first().value<SyncReport>();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.kind, Error::Kind::Cancelled);
        QVERIFY(!m_engine->isRunning());
        // The cancelled run says nothing more: a run started after it ends as the second and
        // last finished, and ends well.
        m_engine->start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 2);
        QVERIFY(finished.last().first().value<SyncReport>().ok);
        QVERIFY(!m_engine->isRunning());
    }

    void pacerSpacesCalls()
    {
        RequestPacer pacer(40);
        QElapsedTimer clock;
        clock.start();
        QList<qint64> at;
        for (int i = 0; i < 4; ++i) {
            pacer.enqueue(this, [&] { at.append(clock.elapsed()); });
        }
        QTRY_COMPARE(at.size(), 4);
        for (int i = 1; i < at.size(); ++i) {
            QVERIFY2(at[i] - at[i - 1] >= 35, qPrintable(QString::number(at[i] - at[i - 1])));
        }
        pacer.holdFor(150);
        at.clear();
        clock.restart();
        pacer.enqueue(this, [&] { at.append(clock.elapsed()); });
        QTRY_COMPARE(at.size(), 1);
        QVERIFY(at[0] >= 140);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
