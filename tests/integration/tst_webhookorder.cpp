// Order by timestamp across webhook and sync: the same customer messages reach
// `inlet --headless` twice, as webhook batches that arrive out of order (later timestamps first)
// and through the Conversations API sync the process runs after sign-in. The conversation reads
// back once per mid, sorted by created time; a redelivered batch changes nothing.
#include "e2esupport.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/webhookpayloads.h"
#include "sandbox/world.h"
#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::test;
namespace payloads = inlet::sandbox::payloads;

namespace {
const QString kAppId = QStringLiteral("1000000000000094");
const QString kBusiness = QStringLiteral("17841400000000094");

struct Sent {
    QString mid;
    QString text;
    qint64 timestampMs = 0;
};

// What a conversation looks like, to compare before and after a redelivery.
QStringList fingerprint(const QList<StoredMessage> &messages)
{
    QStringList out;
    for (const StoredMessage &m : messages)
        out.append(QStringLiteral("%1|%2|%3|%4|%5").arg(m.id).arg(m.mid, m.text).arg(m.createdMs).arg(m.editCount));
    return out;
}
} // namespace

class TestWebhookOrder : public QObject {
    Q_OBJECT
private:
    TestSandbox m_sandbox;

    static QByteArray batchOf(const QString &igsid, const QList<Sent> &items)
    {
        QJsonArray messaging;
        qint64 latest = 0;
        for (const Sent &s : items) {
            messaging.append(payloads::text(igsid, kBusiness, s.timestampMs, s.mid, s.text));
            latest = std::max(latest, s.timestampMs);
        }
        return QJsonDocument(payloads::envelope(kBusiness, latest, messaging)).toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase() { QVERIFY(m_sandbox.start(quietSandbox(1, kAppId, kBusiness))); }

    void cleanupTestCase() { m_sandbox.stop(); }

    void webhookAndSyncMergeInTimeOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString igsid = m_sandbox.firstCustomer();

        // Four customer messages, 30 s apart (the Conversations API has second precision). No
        // callback is registered yet, so Instagram only has them for the sync to find.
        QList<Sent> sent;
        for (int i = 1; i <= 4; ++i) {
            m_sandbox.control().advanceClock(30);
            const QString text = QStringLiteral("order test %1").arg(i);
            const QString mid = m_sandbox.customerWrites(igsid, text);
            QVERIFY(!mid.isEmpty());
            const sandbox::WorldMessage *m = m_sandbox->world().message(mid);
            QVERIFY(m);
            sent.append({mid, text, m->timestampMs});
        }

        HeadlessProcess process;
        const QUrl url = process.start(dir.path(), m_sandbox.base());
        QVERIFY(url.isValid());

        // The webhooks arrive late and backwards: newest batch first, newest item first in it,
        // while the process's sync walks the same conversation.
        const QByteArray newer = batchOf(igsid, {sent[3], sent[2]});
        const QByteArray older = batchOf(igsid, {sent[1], sent[0]});
        QCOMPARE(m_sandbox.postSigned(url, newer), 200);
        QCOMPARE(m_sandbox.postSigned(url, older), 200);

        // Wait for the sync to have brought every message Instagram lets it read (the 20 newest).
        QStringList expected;
        for (const sandbox::WorldMessage *m : m_sandbox->world().conversation(igsid).mid(0, 20))
            expected.append(m->mid);
        auto reader = openReader(dir.path());
        QVERIFY(reader);
        const auto haveAll = [&] {
            for (const QString &mid : std::as_const(expected)) {
                if (!messageByMid(*reader, kBusiness, mid))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(haveAll(), 30000);

        const auto conversation = reader->conversationFor(kBusiness, igsid);
        QVERIFY(conversation && *conversation);
        const QList<StoredMessage> all = allMessages(*reader, (*conversation)->id);
        QSet<QString> mids;
        for (int i = 0; i < all.size(); ++i) {
            QVERIFY2(!mids.contains(all.at(i).mid), qPrintable(all.at(i).mid));
            mids.insert(all.at(i).mid);
            if (i > 0)
                QVERIFY(all.at(i - 1).createdMs <= all.at(i).createdMs);
        }
        for (const QString &mid : std::as_const(expected))
            QVERIFY(mids.contains(mid));
        // Ours, in the order the customer wrote them, with their time and text.
        QList<StoredMessage> ours;
        for (const StoredMessage &m : all) {
            if (m.text.startsWith(QLatin1String("order test ")))
                ours.append(m);
        }
        QCOMPARE(ours.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(ours.at(i).mid, sent.at(i).mid);
            QCOMPARE(ours.at(i).text, sent.at(i).text);
            QVERIFY(qAbs(ours.at(i).createdMs - sent.at(i).timestampMs) < 1000);
        }
        QCOMPARE((*conversation)->lastCustomerMessageMs / 1000, sent.last().timestampMs / 1000);

        // Redelivery (both batches, in the other order this time): nothing changes.
        const QStringList before = fingerprint(all);
        const auto countsBefore = reader->counts(kBusiness);
        QVERIFY(countsBefore);
        QCOMPARE(m_sandbox.postSigned(url, older), 200);
        QCOMPARE(m_sandbox.postSigned(url, newer), 200);
        QCOMPARE(fingerprint(allMessages(*reader, (*conversation)->id)), before);
        const auto countsAfter = reader->counts(kBusiness);
        QVERIFY(countsAfter);
        QCOMPARE(countsAfter->messages, countsBefore->messages);
        QCOMPARE(countsAfter->conversations, countsBefore->conversations);

        QCOMPARE(process.terminate(), 0);
    }

    // Real delivery logs show a message_edit arriving before the message it edits (issue 10):
    // the edit is kept and applied when the message comes, also when the process restarted in
    // between. The customer is not in the sandbox's world, so only these webhooks reach the store.
    void editBeforeItsMessage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString igsid = QStringLiteral("93000000000000099");
        const qint64 t = m_sandbox->clock().nowMs();
        const auto post = [&](const QUrl &url, const QJsonObject &item, qint64 ts) {
            return m_sandbox.postSigned(url,
                QJsonDocument(payloads::envelope(kBusiness, ts, QJsonArray { item }))
                    .toJson(QJsonDocument::Compact));
        };
        const auto edit = [&](const QString &mid, const QString &text, qint64 ts) {
            return payloads::edit(igsid, kBusiness, ts, mid, text, 1);
        };
        const auto message = [&](const QString &mid, const QString &text, qint64 ts) {
            return payloads::text(igsid, kBusiness, ts, mid, text);
        };

        HeadlessProcess process;
        QUrl url = process.start(dir.path(), m_sandbox.base());
        QVERIFY(url.isValid());
        auto reader = openReader(dir.path());
        QVERIFY(reader);

        // Within one run.
        QCOMPARE(post(url,
                     edit(QStringLiteral("mid.edited.1"), QStringLiteral("See you at 6"), t + 5000),
                     t + 5000),
            200);
        QVERIFY(!messageByMid(*reader, kBusiness, QStringLiteral("mid.edited.1")));
        QCOMPARE(post(url,
                     message(QStringLiteral("mid.edited.1"), QStringLiteral("See you at 5"), t), t),
            200);
        auto stored = messageByMid(*reader, kBusiness, QStringLiteral("mid.edited.1"));
        QVERIFY(stored); // acknowledged = on disk
        QCOMPARE(stored->text, QStringLiteral("See you at 6"));
        QCOMPARE(stored->editCount, 1);
        QCOMPARE(stored->createdMs, t);

        // With a restart between the edit and its message.
        QCOMPARE(
            post(url, edit(QStringLiteral("mid.edited.2"), QStringLiteral("Two coffees"), t + 9000),
                t + 9000),
            200);
        QVERIFY2(process.terminate() == 0, process.standardError().right(3000).constData());
        url = process.start(dir.path(), m_sandbox.base());
        QVERIFY(url.isValid());
        QVERIFY(!messageByMid(*reader, kBusiness, QStringLiteral("mid.edited.2")));
        QCOMPARE(
            post(url,
                message(QStringLiteral("mid.edited.2"), QStringLiteral("One coffee"), t + 8000),
                t + 8000),
            200);
        stored = messageByMid(*reader, kBusiness, QStringLiteral("mid.edited.2"));
        QVERIFY(stored);
        QCOMPARE(stored->text, QStringLiteral("Two coffees"));
        QCOMPARE(stored->editCount, 1);
        const auto versions = reader->messageVersions(stored->id);
        QVERIFY(versions);
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->first().text, QStringLiteral("One coffee"));
        QVERIFY2(process.terminate() == 0, process.standardError().right(3000).constData());
    }
};

QTEST_GUILESS_MAIN(TestWebhookOrder)
#include "tst_webhookorder.moc"
