// Polling mode end to end: the whole core (CoreServices) signs into the sandbox and, without any
// webhook (no server, no subscription), fills the store from the Conversations API while the
// sandbox answers rate-limit errors (codes 4 and 613); a message written later arrives by polling
// alone, and nothing is doubled.
//
// In-process rather than `inlet --headless --polling`: after a rate-limit error the GraphClient's
// RateLimiter asks for 60 s of quiet and the headless command line has no way to cap that (nor
// the poll interval); CoreOptions has both (rateLimitCapMs, pollIntervalMs).
#include "e2esupport.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "support/signedincore.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace inlet;
using namespace inlet::test;

namespace {
const QString kAppId = QStringLiteral("1000000000000093");
const QString kBusiness = QStringLiteral("17841400000000093");
constexpr int kPollMs = 300;
constexpr int kVisiblePerConversation = 4;
} // namespace

class TestPollingMode : public QObject {
    Q_OBJECT
private:
    TestSandbox m_sandbox;

    void rateLimitFaults()
    {
        for (const QJsonObject &fault : {QJsonObject{{"count", 5}, {"graph_code", 4}},
                                         QJsonObject{{"count", 2}, {"graph_code", 613}}}) {
            int status = 0;
            m_sandbox.control().call("POST", QStringLiteral("/__sandbox/faults"), fault, &status);
            QCOMPARE(status, 200);
        }
    }

    int pendingFaults()
    {
        return m_sandbox.control()
            .call("GET", QStringLiteral("/__sandbox/faults"))
            .value(QLatin1String("pending"))
            .toInt();
    }

    // The mids Instagram lets a client read: the 20 newest of each conversation.
    QStringList readableMids()
    {
        QStringList mids;
        const sandbox::World &world = m_sandbox->world();
        for (const QString &igsid : world.conversationsByRecency()) {
            for (const sandbox::WorldMessage *m : world.conversation(igsid).mid(0, 20))
                mids.append(m->mid);
        }
        return mids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start(quietSandbox(3, kAppId, kBusiness)));
        // A short history keeps the walk (2 calls/s, as Instagram allows) brief: only the newest
        // few messages of each conversation stay visible (unsent ones are not listed).
        sandbox::World &world = m_sandbox->world();
        for (const QString &igsid : world.conversationsByRecency()) {
            const auto visible = world.conversation(igsid);
            for (qsizetype i = kVisiblePerConversation; i < visible.size(); ++i)
                world.message(visible.at(i)->mid)->deleted = true;
        }
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void pollingFillsTheInboxWithoutWebhooks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CoreOptions options;
        options.dataDir = dir.path();
        options.pollingMode = true;
        options.pollIntervalMs = kPollMs;
        options.rateLimitCapMs = 50;
        // Signed in as `inlet --headless --sandbox` does, through the consent control.
        std::unique_ptr<CoreServices> core = signedInCore(m_sandbox, options);
        QVERIFY(core);

        // Signing in starts the account's sync (a full walk, then polling). Short back-offs for
        // the test, then Instagram starts answering rate-limit errors.
        QTRY_VERIFY_WITH_TIMEOUT(core->syncEngine(kBusiness) != nullptr, 5000);
        SyncEngine *engine = core->syncEngine(kBusiness);
        SyncOptions syncOptions;
        syncOptions.backoffBaseMs = 20;
        syncOptions.backoffMaxMs = 200;
        engine->setOptions(syncOptions);
        QSignalSpy finished(engine, &SyncEngine::finished);
        rateLimitFaults();

        // No webhook at all.
        QVERIFY(core->webhookUrl().isEmpty());

        // The store fills with the sandbox's conversations, as the sandbox has them.
        const QStringList expected = readableMids();
        QVERIFY(!expected.isEmpty());
        auto reader = openReader(dir.path());
        QVERIFY(reader);
        const auto missing = [&] {
            int n = 0;
            for (const QString &mid : expected)
                n += messageByMid(*reader, kBusiness, mid) ? 0 : 1;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(missing(), 0, 40000);
        QCOMPARE(pendingFaults(), 0); // every fault was met, and the sync went on regardless
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        // The rate limits slowed the walk down instead of failing it.
        QVERIFY(std::any_of(finished.cbegin(), finished.cend(),
                            [](const QList<QVariant> &a) { return a.first().value<SyncReport>().ok; }));

        const sandbox::World &world = m_sandbox->world();
        const auto counts = reader->counts(kBusiness);
        QVERIFY(counts);
        const QJsonObject state
            = m_sandbox.control().call("GET", QStringLiteral("/__sandbox/state"));
        QCOMPARE(counts->conversations, state.value(QLatin1String("conversations")).toInt());
        QCOMPARE(counts->messages, qint64(state.value(QLatin1String("messages")).toInt()));
        QCOMPARE(counts->conversations, 3);
        for (const QString &igsid : world.conversationsByRecency()) {
            const auto c = reader->conversationFor(kBusiness, igsid);
            QVERIFY(c && *c);
            QCOMPARE((*c)->instagramConversationId, world.conversationId(igsid));
            const auto newest = world.conversation(igsid).first();
            const auto m = messageByMid(*reader, kBusiness, newest->mid);
            QVERIFY(m);
            QCOMPARE(m->outgoing, !newest->fromCustomer);
            QCOMPARE(m->text, newest->text);
            QCOMPARE(m->createdMs / 1000, newest->timestampMs / 1000);
        }

        // Later, with the rate limits back on: a new message arrives by polling alone.
        const qint64 before = counts->messages;
        rateLimitFaults();
        const QString igsid = world.customers().first().profile.igsid;
        const QString mid = m_sandbox.customerWrites(igsid, QStringLiteral("Anyone polling?"));
        QVERIFY(!mid.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(messageByMid(*reader, kBusiness, mid).has_value(), 40000);
        QCOMPARE(messageByMid(*reader, kBusiness, mid)->text, QStringLiteral("Anyone polling?"));

        // A few more polls (each a finished run) change nothing: no doubles anywhere.
        const qsizetype runs = finished.size();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= runs + 3, 30000);
        const auto after = reader->counts(kBusiness);
        QVERIFY(after);
        QCOMPARE(after->messages, before + 1);
        InboxQuery query;
        query.accountId = kBusiness;
        const auto inbox = reader->inbox(query);
        QVERIFY(inbox);
        for (const StoredConversation &c : *inbox) {
            QSet<QString> mids;
            for (const StoredMessage &m : allMessages(*reader, c.id)) {
                QVERIFY2(!mids.contains(m.mid), qPrintable(m.mid));
                mids.insert(m.mid);
            }
        }
        // And the sandbox never had a callback to deliver to.
        QCOMPARE(
            m_sandbox.subscriptions().value(QLatin1String("callback_url")).toString(), QString());
        m_sandbox.control().clearFaults();
    }
};

QTEST_GUILESS_MAIN(TestPollingMode)
#include "tst_pollingmode.moc"
