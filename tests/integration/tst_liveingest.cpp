// Done means, live: `inlet --headless --sandbox` as a real process, the sandbox's customers send
// one event of every kind through real webhook delivery, and the process's store has each with
// the right meaning; SIGTERM stops it with 0; a restart on the same data dir finds the account
// and its token (no second sign-in) and the data.
#include "e2esupport.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::test;

namespace {
// Own app and business ids: other tests in the same keyring must not share our entries.
const QString kAppId = QStringLiteral("1000000000000091");
const QString kBusiness = QStringLiteral("17841400000000091");
} // namespace

class TestLiveIngest : public QObject {
    Q_OBJECT
private:
    TestSandbox m_sandbox;
    QString m_token;

    // The business answers through the Send API (the echo comes back as a webhook).
    QString send(const QString &igsid, const QString &text)
    {
        const QJsonObject answer = m_sandbox.control().call("POST", QStringLiteral("/me/messages"),
            { { QStringLiteral("recipient"), QJsonObject { { QStringLiteral("id"), igsid } } },
                { QStringLiteral("message"), QJsonObject { { QStringLiteral("text"), text } } },
                { QStringLiteral("access_token"), m_token } });
        return answer.value(QLatin1String("message_id")).toString();
    }

    int sandboxTokens()
    {
        return m_sandbox.control()
            .call("GET", QStringLiteral("/__sandbox/state"))
            .value(QLatin1String("tokens"))
            .toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start(quietSandbox(2, kAppId, kBusiness)));
        m_token = m_sandbox->issueToken();
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void everyKindArrivesAndSurvivesRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString igsid = m_sandbox.firstCustomer();

        auto process = std::make_unique<HeadlessProcess>();
        const QUrl webhook = process->start(dir.path(), m_sandbox.base());
        QVERIFY(webhook.isValid());
        QCOMPARE(webhook.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(webhook.path(), QStringLiteral("/webhook/instagram"));
        // Registered through the real subscription endpoints (Meta has no replay before that).
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.isRegistered(webhook), 15000);

        // One event of every kind. The business writes twice so reactions and reads have targets.
        QMap<QString, QString> mids;
        mids[QStringLiteral("text")] = m_sandbox.inject(
            { { "kind", "text" }, { "customer", igsid }, { "text", "Hello from e2e" } });
        const QString business1 = send(igsid, QStringLiteral("We open at nine"));
        const QString business2 = send(igsid, QStringLiteral("See you soon"));
        QVERIFY(!business1.isEmpty() && !business2.isEmpty());
        for (const char *kind : {"image", "video", "audio", "file", "share", "story_mention"})
            mids[QLatin1String(kind)]
                = m_sandbox.inject({ { "kind", kind }, { "customer", igsid } });
        mids[QStringLiteral("reel")] = m_sandbox.inject(
            { { "kind", "reel" }, { "customer", igsid }, { "title", "Latte art" } });
        mids[QStringLiteral("reply")] = m_sandbox.inject({ { "kind", "reply" },
            { "customer", igsid }, { "text", "Nine is great" }, { "reply_to", business1 } });
        mids[QStringLiteral("story_reply")] = m_sandbox.inject({ { "kind", "story_reply" },
            { "customer", igsid }, { "text", "Nice story" }, { "story_id", "18000000000000777" } });
        mids[QStringLiteral("quick_reply")] = m_sandbox.inject({ { "kind", "quick_reply" },
            { "customer", igsid }, { "text", "Yes please" }, { "payload", "YES_PLEASE" } });
        mids[QStringLiteral("postback")] = m_sandbox.inject({ { "kind", "postback" },
            { "customer", igsid }, { "title", "Opening hours" }, { "payload", "HOURS" } });
        QCOMPARE(m_sandbox.inject(
                     { { "kind", "referral" }, { "customer", igsid }, { "ref", "summer-promo" } }),
            QString());
        QCOMPARE(m_sandbox.inject({ { "kind", "reaction" }, { "customer", igsid },
                     { "mid", business1 }, { "reaction", "love" } }),
            business1);
        QCOMPARE(m_sandbox.inject({ { "kind", "reaction" }, { "customer", igsid },
                     { "mid", business2 }, { "reaction", "wow" } }),
            business2);
        QCOMPARE(m_sandbox.inject(
                     { { "kind", "unreaction" }, { "customer", igsid }, { "mid", business2 } }),
            business2);
        QCOMPARE(
            m_sandbox.inject({ { "kind", "read" }, { "customer", igsid }, { "mid", business2 } }),
            business2);
        const QString edited = m_sandbox.inject(
            { { "kind", "text" }, { "customer", igsid }, { "text", "Do you have oat mlik?" } });
        QCOMPARE(m_sandbox.inject({ { "kind", "edit" }, { "customer", igsid }, { "mid", edited },
                     { "text", "Do you have oat milk?" } }),
            edited);
        const QString unsent = m_sandbox.inject(
            { { "kind", "text" }, { "customer", igsid }, { "text", "wrong chat, sorry" } });
        QCOMPARE(
            m_sandbox.inject({ { "kind", "unsend" }, { "customer", igsid }, { "mid", unsent } }),
            unsent);
        for (auto it = mids.cbegin(); it != mids.cend(); ++it)
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));

        auto reader = openReader(dir.path());
        QVERIFY(reader);
        const auto stored = [&](const QString &mid) { return messageByMid(*reader, kBusiness, mid); };
        // The last event delivered (in order) is the unsend: once it is on disk, all are.
        QTRY_VERIFY_WITH_TIMEOUT(stored(unsent) && stored(unsent)->deleted, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.control()
                                      .call("GET", QStringLiteral("/__sandbox/state"))
                                      .value(QLatin1String("pending_webhook_items"))
                                      .toInt(),
            0, 10000);

        const auto text = stored(mids[QStringLiteral("text")]);
        QVERIFY(text);
        QCOMPARE(text->text, QStringLiteral("Hello from e2e"));
        QVERIFY(!text->outgoing);
        QCOMPARE(text->customerId, igsid);

        // Echoes of what the business sent: outgoing rows.
        const auto b1 = stored(business1), b2 = stored(business2);
        QVERIFY(b1 && b2);
        QVERIFY(b1->outgoing && b2->outgoing);
        QCOMPARE(b1->text, QStringLiteral("We open at nine"));

        for (const char *kind : {"image", "video", "audio", "file", "share", "story_mention"}) {
            const auto m = stored(mids[QLatin1String(kind)]);
            QVERIFY2(m, kind);
            QCOMPARE(m->attachments.size(), 1);
            QCOMPARE(m->attachments.first().type, QLatin1String(kind));
            QVERIFY2(m->attachments.first().url.startsWith(m_sandbox.base().toString()), kind);
        }
        const auto reel = stored(mids[QStringLiteral("reel")]);
        QVERIFY(reel);
        QCOMPARE(reel->attachments.size(), 1);
        QVERIFY2(reel->attachments.first().type.contains(QLatin1String("reel")),
                 qPrintable(reel->attachments.first().type));

        const auto reply = stored(mids[QStringLiteral("reply")]);
        QVERIFY(reply);
        QCOMPARE(reply->text, QStringLiteral("Nine is great"));
        QCOMPARE(reply->replyToMid, business1);
        QCOMPARE(reply->replyToText, QStringLiteral("We open at nine"));

        const auto storyReply = stored(mids[QStringLiteral("story_reply")]);
        QVERIFY(storyReply);
        QCOMPARE(storyReply->text, QStringLiteral("Nice story"));
        QVERIFY(!storyReply->replyToStoryUrl.isEmpty());
        QCOMPARE(storyReply->meta.value(QLatin1String("reply_to_story_id")).toString(),
                 QStringLiteral("18000000000000777"));

        const auto quick = stored(mids[QStringLiteral("quick_reply")]);
        QVERIFY(quick);
        QCOMPARE(quick->text, QStringLiteral("Yes please"));
        QCOMPARE(quick->meta.value(QLatin1String("quick_reply_payload")).toString(), QStringLiteral("YES_PLEASE"));

        const auto postback = stored(mids[QStringLiteral("postback")]);
        QVERIFY(postback);
        QCOMPARE(postback->kind, MessageKind::Postback);
        QCOMPARE(postback->text, QStringLiteral("Opening hours"));
        QCOMPARE(postback->meta.value(QLatin1String("payload")).toString(), QStringLiteral("HOURS"));

        // Reactions: stored on the business's message, and removed again by the unreaction.
        QCOMPARE(b1->reactions.size(), 1);
        QCOMPARE(b1->reactions.first().reactorId, igsid);
        QCOMPARE(b1->reactions.first().reaction, QStringLiteral("love"));
        QVERIFY(b2->reactions.isEmpty());
        // Read: the customer saw both business messages (up to business2).
        QVERIFY(b1->seen);
        QVERIFY(b2->seen);

        // Edit keeps its history; unsend keeps the row but not what it said.
        const auto edit = stored(edited);
        QVERIFY(edit);
        QCOMPARE(edit->text, QStringLiteral("Do you have oat milk?"));
        QCOMPARE(edit->editCount, 1);
        const auto versions = reader->messageVersions(edit->id);
        QVERIFY(versions);
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(0).text, QStringLiteral("Do you have oat mlik?"));
        QCOMPARE(versions->at(1).text, QStringLiteral("Do you have oat milk?"));
        const auto gone = stored(unsent);
        QVERIFY(gone->deleted);
        QVERIFY(gone->text.isEmpty());

        // The conversation: one row per event (the referral too), nothing doubled, in time order.
        const auto conversation = reader->conversationFor(kBusiness, igsid);
        QVERIFY(conversation && *conversation);
        QVERIFY((*conversation)->customerSeenMs > 0);
        const QList<StoredMessage> all = allMessages(*reader, (*conversation)->id);
        QSet<QString> seenMids;
        int referrals = 0;
        for (int i = 0; i < all.size(); ++i) {
            const StoredMessage &m = all.at(i);
            if (i > 0)
                QVERIFY(all.at(i - 1).createdMs <= m.createdMs);
            QVERIFY2(!seenMids.contains(m.mid), qPrintable(m.mid));
            seenMids.insert(m.mid);
            if (m.kind == MessageKind::Referral) {
                ++referrals;
                QCOMPARE(m.text, QStringLiteral("summer-promo"));
            }
        }
        QCOMPARE(referrals, 1);
        for (const QString &mid : std::as_const(mids))
            QVERIFY(seenMids.contains(mid));
        const auto countsBefore = reader->counts(kBusiness);
        QVERIFY(countsBefore);

        // SIGTERM: a clean stop. (This first run signed in through the consent control.)
        QVERIFY(process->standardError().contains("signed in as"));
        QCOMPARE(process->terminate(), 0);

        // Restart on the same data dir: the account and its token are found (no sign-in, so no
        // new token at the sandbox) and everything is still there.
        const int tokensBefore = sandboxTokens();
        process = std::make_unique<HeadlessProcess>();
        const QUrl webhook2 = process->start(dir.path(), m_sandbox.base());
        QVERIFY(webhook2.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.isRegistered(webhook2), 15000);
        QVERIFY2(!process->standardError().contains("signed in as"), process->standardError().constData());
        QCOMPARE(sandboxTokens(), tokensBefore);
        reader = openReader(dir.path());
        QVERIFY(reader);
        const auto countsAfter = reader->counts(kBusiness);
        QVERIFY(countsAfter);
        QCOMPARE(countsAfter->accounts, 1);
        QVERIFY(countsAfter->messages >= countsBefore->messages);
        QCOMPARE(stored(mids[QStringLiteral("text")])->text, QStringLiteral("Hello from e2e"));
        QCOMPARE(stored(edited)->editCount, 1);

        // And it receives live again.
        const QString later = m_sandbox.inject(
            { { "kind", "text" }, { "customer", igsid }, { "text", "Still there?" } });
        QTRY_VERIFY_WITH_TIMEOUT(stored(later).has_value(), 15000);
        QCOMPARE(process->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveIngest)
#include "tst_liveingest.moc"
