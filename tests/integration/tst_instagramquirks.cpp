// Instagram's habits that a client must survive, end to end through the whole core (CoreServices)
// against the sandbox with its quirk switches on (POST /__sandbox/quirks, docs/sandbox.md):
//  - the echo of a message Inlet sent carries another mid than the Send API's message_id: it
//    arrives through the real webhook server and the store still has ONE message, known by the
//    echo's mid (reactions to it find it);
//  - a token refresh revokes the old token: sync, replies, reactions and profile fetches all use
//    the new one at once, nothing fails with 190 and the account stays signed in.
// In-process (not `inlet --headless`) because the test drives the outbox, the reaction queue and
// the refresh scheduler's clock directly.
#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "e2esupport.h"
#include "graph/graphclient.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/accountlist.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "support/signedincore.h"
#include "sync/profilecache.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace inlet;
using namespace inlet::test;

namespace {
// Own app and business ids: other tests in the same keyring must not share our entries.
const QString kAppId = QStringLiteral("1000000000000096");
const QString kBusiness = QStringLiteral("17841400000000096");
} // namespace

class TestInstagramQuirks : public QObject {
    Q_OBJECT
private:
    TestSandbox m_sandbox;

    // The whole core on `dataDir`, signed in to the sandbox as `inlet --headless --sandbox` does;
    // the first sync (signing in starts it) has ended before the test acts.
    std::unique_ptr<CoreServices> signedInCore(const QString &dataDir)
    {
        CoreOptions options;
        options.dataDir = dataDir;
        options.rateLimitCapMs = 50;
        options.verifyToken = QStringLiteral("quirks-verify");
        return test::signedInCore(m_sandbox, options, { .firstSync = true });
    }

    QJsonObject quirks(const QJsonObject &set)
    {
        int status = 0;
        const QJsonObject answer
            = m_sandbox.control().call("POST", QStringLiteral("/__sandbox/quirks"), set, &status);
        if (status != 200)
            qWarning("quirks refused: %s",
                QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());
        return answer;
    }

private slots:
    void initTestCase() { QVERIFY(m_sandbox.start(quietSandbox(2, kAppId, kBusiness))); }

    void cleanupTestCase() { m_sandbox.stop(); }

    void echoWithAnotherMidIsNotDoubled()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::unique_ptr<CoreServices> core = signedInCore(dir.path());
        QVERIFY(core);
        // Live webhooks: the embedded server, registered with the sandbox and installed for the
        // account, as File > Webhooks > Subscribe does.
        QSignalSpy started(core.get(), &CoreServices::webhookStarted);
        core->startWebhookServer();
        QVERIFY(started.wait(10000));
        QSignalSpy subscribed(core.get(), &CoreServices::webhooksSubscribed);
        core->subscribeWebhooks();
        QVERIFY(subscribed.wait(10000));
        core->startAccounts();
        QCOMPARE(
            quirks({ { "echo_mid", "different" } }).value(QLatin1String("echo_mid")).toString(),
            QStringLiteral("different"));

        const QString igsid = m_sandbox.firstCustomer();
        QVERIFY(!m_sandbox.customerWrites(igsid, QStringLiteral("Is my order ready?")).isEmpty());
        auto reader = openReader(dir.path());
        QVERIFY(reader);

        QSignalSpy sent(core->outbox(), &Outbox::sent);
        const QString text = QStringLiteral("Yes, ready for pick-up at 5");
        const auto localId = await(core->outbox()->send(
            OutgoingMessage { kBusiness, igsid, text, {}, {}, {}, {}, false }));
        QVERIFY(localId && *localId);
        QVERIFY(sent.wait(15000));
        const QString sendApiMid = sent.first().at(1).toString();
        // What Instagram (the sandbox) answered and what it echoed.
        const QJsonArray log = m_sandbox.control()
                                   .call("GET", QStringLiteral("/__sandbox/sent"))
                                   .value(QLatin1String("data"))
                                   .toArray();
        const QJsonObject last = log.last().toObject();
        QCOMPARE(last.value(QLatin1String("message_id")).toString(), sendApiMid);
        const QString echoMid = last.value(QLatin1String("echo_mid")).toString();
        QVERIFY(!echoMid.isEmpty());
        QVERIFY(echoMid != sendApiMid);

        // The echo arrives through the webhook server; the outbox row takes its mid.
        QTRY_VERIFY_WITH_TIMEOUT(messageByMid(*reader, kBusiness, echoMid).has_value(), 15000);
        const auto conversation = reader->conversationFor(kBusiness, igsid);
        QVERIFY(conversation && *conversation);
        const auto countText = [&] {
            int n = 0;
            for (const StoredMessage &m : allMessages(*reader, (*conversation)->id))
                n += m.text == text ? 1 : 0;
            return n;
        };
        QCOMPARE(countText(), 1);
        const StoredMessage stored = *messageByMid(*reader, kBusiness, echoMid);
        QCOMPARE(stored.id, **localId);
        QCOMPARE(stored.state, MessageState::Sent);

        // The customer reacts to the message Instagram knows by the echo's mid: it finds it.
        int status = 0;
        m_sandbox.control().call("POST", QStringLiteral("/__sandbox/events"),
            { { "kind", "reaction" }, { "customer", igsid }, { "mid", echoMid },
                { "reaction", "love" }, { "emoji", "❤️" } },
            &status);
        QCOMPARE(status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            messageByMid(*reader, kBusiness, echoMid)->reactions.size(), 1, 10000);

        // A sync over the same conversation finds nothing new to add.
        QSignalSpy finished(core->syncEngine(kBusiness), &SyncEngine::finished);
        core->syncEngine(kBusiness)->start(SyncEngine::Mode::Full);
        QVERIFY(finished.wait(30000));
        QCOMPARE(countText(), 1);
        quirks({ { "echo_mid", "same" } });
    }

    void refreshWithRevokeKeepsEveryUserWorking()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(quirks({ { "revoke_on_refresh", true } })
                     .value(QLatin1String("revoke_on_refresh"))
                     .toBool(),
            true);
        std::unique_ptr<CoreServices> core = signedInCore(dir.path());
        QVERIFY(core);
        core->startAccounts();
        QSignalSpy invalid(core->graph(), &GraphClient::tokenInvalid);
        QSignalSpy needsSignIn(core->accounts(), &AccountList::accountNeedsSignIn);
        const auto oldToken = await(core->vault()->read(TokenVault::accountKey(kBusiness)));
        QVERIFY(oldToken && *oldToken);

        // A day later the token may be refreshed (Instagram refuses it under 24 h).
        m_sandbox.control().advanceClock(25 * 3600);
        const QString igsid = m_sandbox.firstCustomer();
        const QString asked
            = m_sandbox.customerWrites(igsid, QStringLiteral("Still open tomorrow?"));
        QVERIFY(!asked.isEmpty());
        TokenRefreshScheduler *scheduler = core->scheduler();
        RefreshPolicy policy;
        policy.refreshWhenLeft = std::chrono::days(61); // due as soon as it is 24 h old
        scheduler->setPolicy(policy);
        scheduler->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(25 * 3600); });
        QSignalSpy refreshed(scheduler, &TokenRefreshScheduler::tokenRefreshed);
        scheduler->checkNow();
        QVERIFY(refreshed.wait(15000));
        const auto newToken = await(core->vault()->read(TokenVault::accountKey(kBusiness)));
        QVERIFY(newToken && *newToken && **newToken != **oldToken);
        // Instagram (the sandbox) revoked the old one.
        QUrl meUrl = m_sandbox.base().resolved(QUrl(QStringLiteral("/me")));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fields"), QStringLiteral("user_id"));
        query.addQueryItem(QStringLiteral("access_token"),
            QString::fromLatin1(QUrl::toPercentEncoding(**oldToken)));
        meUrl.setQuery(query);
        const QJsonObject me
            = QJsonDocument::fromJson(m_sandbox.control().fetch(meUrl).body).object();
        QCOMPARE(
            me.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(), 190);

        // Sync: the new message comes.
        SyncEngine *engine = core->syncEngine(kBusiness);
        QSignalSpy finished(engine, &SyncEngine::finished);
        engine->start(SyncEngine::Mode::Full);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().value<SyncReport>().ok,
            qPrintable(finished.first().first().value<SyncReport>().error.message));
        auto reader = openReader(dir.path());
        QVERIFY(reader);
        const auto question = messageByMid(*reader, kBusiness, asked);
        QVERIFY(question);

        // A reply.
        QSignalSpy sent(core->outbox(), &Outbox::sent);
        QSignalSpy failed(core->outbox(), &Outbox::failed);
        const auto localId = await(core->outbox()->send(OutgoingMessage {
            kBusiness, igsid, QStringLiteral("Yes, 8 to 6"), {}, {}, {}, {}, false }));
        QVERIFY(localId && *localId);
        QVERIFY(sent.wait(15000));
        QCOMPARE(failed.count(), 0);

        // A reaction.
        QSignalSpy reacted(core->reactions(), &ReactionQueue::sent);
        QSignalSpy reactionFailed(core->reactions(), &ReactionQueue::failed);
        QVERIFY(await(core->reactions()->react(question->id, QStringLiteral("❤️"))));
        QVERIFY(reacted.wait(15000));
        QCOMPARE(reactionFailed.count(), 0);

        // A profile fetch.
        ProfileCache *profiles = core->profileCache(kBusiness);
        QSignalSpy updated(profiles, &ProfileCache::contactUpdated);
        QSignalSpy profileFailed(profiles, &ProfileCache::fetchFailed);
        profiles->refresh(igsid);
        QVERIFY(updated.wait(15000));
        QCOMPARE(profileFailed.count(), 0);

        QCOMPARE(invalid.count(), 0);
        QCOMPARE(needsSignIn.count(), 0);
        QVERIFY(!core->accounts()->account(kBusiness)->needsSignIn);
        quirks({ { "revoke_on_refresh", false } });
    }
};

QTEST_GUILESS_MAIN(TestInstagramQuirks)
#include "tst_instagramquirks.moc"
