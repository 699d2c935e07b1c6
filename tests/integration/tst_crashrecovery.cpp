// An acknowledged event is an event on disk, even when the process dies the hard way: we act as
// Meta and POST signed batches to `inlet --headless` from several connections at once, SIGKILL it
// in the middle, restart it on the same data dir and count. Then Meta redelivers everything (as it
// does for every batch it got no 200 for, and sometimes for others): still exactly once.
#include "e2esupport.h"
#include "sandbox/sandbox.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/webhookpayloads.h"
#include "support/sandboxfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace inlet;
using namespace inlet::test;
namespace payloads = inlet::sandbox::payloads;

namespace {
const QString kAppId = QStringLiteral("1000000000000092");
const QString kBusiness = QStringLiteral("17841400000000092");
constexpr int kBatches = 240;
constexpr int kPerBatch = 10;
constexpr int kCustomers = 6;
constexpr int kInFlight = 6;      // QNetworkAccessManager opens up to 6 connections per host
constexpr int kKillAfterAcks = 60; // SIGKILL once this many batches were acknowledged

struct Batch {
    QByteArray body;
    QStringList mids;
};

QString customerId(int i) { return QStringLiteral("93000000000000%1").arg(i, 2, 10, QLatin1Char('0')); }

QList<Batch> makeBatches(qint64 startMs)
{
    QList<Batch> batches;
    qint64 ts = startMs;
    for (int b = 0; b < kBatches; ++b) {
        Batch batch;
        QJsonArray items;
        for (int i = 0; i < kPerBatch; ++i) {
            const QString mid = QStringLiteral("m_crash_%1_%2").arg(b).arg(i);
            const QString from = customerId((b * kPerBatch + i) % kCustomers);
            items.append(payloads::text(from, kBusiness, ++ts, mid,
                                        QStringLiteral("message %1 of batch %2").arg(i).arg(b)));
            batch.mids.append(mid);
        }
        batch.body = QJsonDocument(payloads::envelope(kBusiness, ts, items)).toJson(QJsonDocument::Compact);
        batches.append(batch);
    }
    return batches;
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT
private:
    TestSandbox m_sandbox;
    QByteArray m_secret;
    QNetworkAccessManager m_network;

    // POSTs `batches` (indexes) to `url`, kInFlight at a time; returns the indexes answered 200.
    // `onAck` runs after each 200 (the test kills the process from there).
    QSet<int> post(const QUrl &url, const QList<Batch> &batches, const QList<int> &which,
                   const std::function<void(int acked)> &onAck = {})
    {
        QSet<int> acked;
        QList<QPointer<QNetworkReply>> replies;
        int next = 0;
        int running = 0;
        std::function<void()> pump = [&] {
            while (running < kInFlight && next < which.size()) {
                const int index = which.at(next++);
                QNetworkRequest request(url);
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                request.setRawHeader("X-Hub-Signature-256",
                                     sandbox::WebhookDelivery::signatureFor(batches.at(index).body, m_secret));
                request.setTransferTimeout(10000);
                QNetworkReply *reply = m_network.post(request, batches.at(index).body);
                ++running;
                replies.append(reply);
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, index] {
                    --running;
                    reply->deleteLater();
                    if (reply->error() == QNetworkReply::NoError
                        && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                        acked.insert(index);
                        if (onAck)
                            onAck(int(acked.size()));
                    }
                    pump();
                });
            }
        };
        pump();
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return running == 0 && next == which.size(); }, 40000);
        for (const QPointer<QNetworkReply> &reply : std::as_const(replies)) {
            if (reply) { // only after a timeout: its handler must not run after we return
                reply->disconnect();
                reply->abort();
                delete reply.data();
            }
        }
        return acked;
    }

    // How often each of our mids is in the store (over every conversation of the account).
    static QHash<QString, int> midCounts(StoreReader &reader)
    {
        QHash<QString, int> counts;
        InboxQuery query;
        query.accountId = kBusiness;
        query.limit = 1000;
        const auto inbox = reader.inbox(query);
        if (!inbox)
            return counts;
        for (const StoredConversation &c : *inbox) {
            for (const StoredMessage &m : allMessages(reader, c.id)) {
                if (m.mid.startsWith(QLatin1String("m_crash_")))
                    ++counts[m.mid];
            }
        }
        return counts;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start(quietSandbox(1, kAppId, kBusiness)));
        m_secret = m_sandbox.appSecret();
        QVERIFY(!m_secret.isEmpty());
    }

    void cleanupTestCase() { m_sandbox.stop(); }

    void acknowledgedBatchesSurviveSigkill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<Batch> batches = makeBatches(QDateTime::currentMSecsSinceEpoch() - 3600'000);
        QList<int> everything;
        for (int i = 0; i < batches.size(); ++i)
            everything.append(i);

        auto process = std::make_unique<HeadlessProcess>();
        const QUrl url = process->start(dir.path(), m_sandbox.base());
        QVERIFY(url.isValid());

        // As fast as possible from kInFlight connections; SIGKILL while others are in flight.
        bool killed = false;
        const QSet<int> acked = post(url, batches, everything, [&](int ackedSoFar) {
            if (!killed && ackedSoFar >= kKillAfterAcks) {
                killed = true;
                ::kill(pid_t(process->pid()), SIGKILL);
            }
        });
        QVERIFY(killed);
        QVERIFY(QTest::qWaitFor([&] { return !process->isRunning(); }, 5000));
        qInfo("%lld of %d batches acknowledged before SIGKILL", qlonglong(acked.size()), kBatches);
        QVERIFY(acked.size() >= kKillAfterAcks);
        QVERIFY2(acked.size() < kBatches, "the process was killed after it had answered everything");

        // Restart on the same data dir: every acknowledged mid is there, exactly once.
        process = std::make_unique<HeadlessProcess>();
        const QUrl url2 = process->start(dir.path(), m_sandbox.base());
        QVERIFY(url2.isValid());
        {
            auto reader = openReader(dir.path());
            QVERIFY(reader);
            const QHash<QString, int> counts = midCounts(*reader);
            for (int index : acked) {
                for (const QString &mid : batches.at(index).mids)
                    QVERIFY2(counts.value(mid) == 1, qPrintable(QStringLiteral("%1: %2 times").arg(mid).arg(counts.value(mid))));
            }
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }

        // Meta redelivers every batch (acknowledged or not): all answered 200, each mid once.
        const QSet<int> second = post(url2, batches, everything);
        QCOMPARE(second.size(), qsizetype(kBatches));
        {
            auto reader = openReader(dir.path());
            QVERIFY(reader);
            const QHash<QString, int> counts = midCounts(*reader);
            QCOMPARE(counts.size(), qsizetype(kBatches * kPerBatch));
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                QVERIFY2(it.value() == 1, qPrintable(it.key()));
            const auto m = messageByMid(*reader, kBusiness, QStringLiteral("m_crash_7_3"));
            QVERIFY(m);
            QCOMPARE(m->text, QStringLiteral("message 3 of batch 7"));
            QCOMPARE(m->customerId, customerId((7 * kPerBatch + 3) % kCustomers));
        }
        QCOMPARE(process->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
