// The sandbox's webhook delivery (Meta's stand-in) against the real WebhookServer: the sandbox's
// signatures, envelopes and retry-on-non-200 meet our checks, parser and commit-before-ACK.
#include "sandbox/webhookdelivery.h"
#include "sandbox/webhookpayloads.h"
#include "webhook/webhookserver.h"

#include <QJsonArray>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
namespace payloads = inlet::sandbox::payloads;
using Kind = InboundEvent::Kind;

namespace {

const QByteArray kSecret = QByteArrayLiteral("sandbox-app-secret");
const QString kBusiness = QStringLiteral("17841400000000009");
const QString kCustomer = QStringLiteral("6600000000000001");

struct Recorder {
    QMutex mutex;
    QList<InboundEvent> events;
    int failuresLeft = 0;
    int calls = 0;

    QFuture<Status> commit(const QList<InboundEvent> &batch)
    {
        QMutexLocker lock(&mutex);
        ++calls;
        if (failuresLeft > 0) {
            --failuresLeft;
            return QtFuture::makeReadyFuture(Status(fail(Error::Kind::Storage, QStringLiteral("busy"))));
        }
        events += batch;
        return QtFuture::makeReadyFuture(Status{});
    }
};

} // namespace

class TestWebhookSandbox : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<WebhookServer> m_server;

private slots:
    void init()
    {
        m_recorder = std::make_unique<Recorder>();
        WebhookServerConfig config;
        config.appSecret = kSecret;
        Recorder *r = m_recorder.get();
        m_server = std::make_unique<WebhookServer>(
            config, [r](const QList<InboundEvent> &b) { return r->commit(b); });
        QVERIFY(m_server->start().has_value());
    }
    void cleanup()
    {
        m_server.reset();
        m_recorder.reset();
    }

    void everySandboxPayloadArrivesParsed()
    {
        sandbox::WebhookDelivery delivery(kSecret);
        delivery.setBatchWindowMs(5);
        delivery.setCallbackUrl(m_server->callbackUrl());
        const qint64 t = 1732900000000;
        const QJsonArray image{QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                           {QStringLiteral("payload"),
                                            QJsonObject{{QStringLiteral("url"), QStringLiteral("https://cdn/x.jpg")}}}}};
        const QList<QJsonObject> items{
            payloads::text(kCustomer, kBusiness, t + 1, QStringLiteral("m1"), QStringLiteral("hi")),
            payloads::attachments(kCustomer, kBusiness, t + 2, QStringLiteral("m2"), image, QStringLiteral("look")),
            payloads::replyToMessage(kCustomer, kBusiness, t + 3, QStringLiteral("m3"), QStringLiteral("yes"),
                                     QStringLiteral("m1")),
            payloads::replyToStory(kCustomer, kBusiness, t + 4, QStringLiteral("m4"), QStringLiteral("nice"),
                                   QStringLiteral("https://cdn/story"), QStringLiteral("st1")),
            payloads::storyMention(kCustomer, kBusiness, t + 5, QStringLiteral("m5"), QStringLiteral("https://cdn/s")),
            payloads::quickReply(kCustomer, kBusiness, t + 6, QStringLiteral("m6"), QStringLiteral("Yes"),
                                 QStringLiteral("YES")),
            payloads::echo(kBusiness, kCustomer, t + 7, QStringLiteral("m7"), QStringLiteral("thanks")),
            payloads::reaction(kCustomer, kBusiness, t + 8, QStringLiteral("m7"), QStringLiteral("love"),
                               QStringLiteral("\u2764")),
            payloads::unreaction(kCustomer, kBusiness, t + 9, QStringLiteral("m7")),
            payloads::seen(kCustomer, kBusiness, t + 10, QStringLiteral("m7")),
            payloads::unsend(kCustomer, kBusiness, t + 11, QStringLiteral("m1")),
            payloads::edit(kCustomer, kBusiness, t + 12, QStringLiteral("m3"), QStringLiteral("yes!"), 1),
            payloads::postback(kCustomer, kBusiness, t + 13, QStringLiteral("m8"), QStringLiteral("Start"),
                               QStringLiteral("START")),
            payloads::referral(kCustomer, kBusiness, t + 14, QStringLiteral("ref1"), QStringLiteral("IGME")),
        };
        for (const QJsonObject &item : items)
            delivery.enqueue(kBusiness, item);
        QTRY_COMPARE_WITH_TIMEOUT(delivery.deliveredCount(), qint64(items.size()), 10000);
        QCOMPARE(delivery.failedAttempts(), 0);

        QMutexLocker lock(&m_recorder->mutex);
        const QList<InboundEvent> &e = m_recorder->events;
        QCOMPARE(e.size(), items.size());
        const QList<Kind> kinds{Kind::Message, Kind::Message, Kind::Message, Kind::Message, Kind::Message,
                                Kind::Message, Kind::Message, Kind::Reaction, Kind::Unreaction, Kind::Read,
                                Kind::Deleted, Kind::Edit, Kind::Postback, Kind::Referral};
        for (qsizetype i = 0; i < e.size(); ++i) {
            QCOMPARE(e.at(i).kind, kinds.at(i));
            QCOMPARE(e.at(i).accountId, kBusiness);
            QCOMPARE(e.at(i).customerId, kCustomer);
            QCOMPARE(e.at(i).timestampMs, t + 1 + i);
        }
        QCOMPARE(e.at(0).text, QStringLiteral("hi"));
        QCOMPARE(e.at(1).attachments.first().url, QStringLiteral("https://cdn/x.jpg"));
        QCOMPARE(e.at(2).replyToMid, QStringLiteral("m1"));
        QCOMPARE(e.at(3).replyToStoryId, QStringLiteral("st1"));
        QCOMPARE(e.at(4).attachments.first().type, QStringLiteral("story_mention"));
        QCOMPARE(e.at(5).quickReplyPayload, QStringLiteral("YES"));
        QVERIFY(e.at(6).outgoing);
        QCOMPARE(e.at(7).reaction, QStringLiteral("love"));
        QCOMPARE(e.at(11).editCount, 1);
        QCOMPARE(e.at(12).postbackPayload, QStringLiteral("START"));
        QCOMPARE(e.at(13).referral.value(QLatin1String("ref")).toString(), QStringLiteral("ref1"));
    }

    void failedCommitMakesTheSandboxRetry()
    {
        m_recorder->failuresLeft = 2;
        sandbox::WebhookDelivery delivery(kSecret);
        delivery.setBatchWindowMs(1);
        delivery.setRetryBackoff(10, 40);
        delivery.setCallbackUrl(m_server->callbackUrl());
        QSignalSpy failed(&delivery, &sandbox::WebhookDelivery::attemptFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("commit of 1 events failed")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("commit of 1 events failed")));
        delivery.enqueue(kBusiness, payloads::text(kCustomer, kBusiness, 1732900000000, QStringLiteral("r1"),
                                                   QStringLiteral("again")));
        QTRY_COMPARE_WITH_TIMEOUT(delivery.deliveredCount(), qint64(1), 10000);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).at(0).toInt(), 500);
        QMutexLocker lock(&m_recorder->mutex);
        QCOMPARE(m_recorder->calls, 3);
        QCOMPARE(m_recorder->events.size(), 1);
    }

    void wrongSecretIsRefused()
    {
        sandbox::WebhookDelivery delivery(QByteArrayLiteral("someone-elses-secret"));
        delivery.setBatchWindowMs(1);
        delivery.setRetryBackoff(60000, 60000);
        delivery.setCallbackUrl(m_server->callbackUrl());
        QSignalSpy failed(&delivery, &sandbox::WebhookDelivery::attemptFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("signature does not match")));
        delivery.enqueue(kBusiness, payloads::text(kCustomer, kBusiness, 1732900000000, QStringLiteral("x"),
                                                   QStringLiteral("forged")));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toInt(), 403);
        QCOMPARE(m_recorder->calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestWebhookSandbox)
#include "tst_webhooksandbox.moc"
