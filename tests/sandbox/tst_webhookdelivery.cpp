#include "sandbox/webhookdelivery.h"
#include "sandbox/webhookpayloads.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace inlet::sandbox;

namespace {

const QByteArray Secret = QByteArrayLiteral("test-app-secret");
const QString Business = QStringLiteral("17841400000000001");
constexpr int Timeout = 5000;

// A webhook callback: records every POST and answers the scripted statuses, then 200.
class Receiver {
public:
    struct Request {
        QByteArray body;
        QByteArray signature;
        QByteArray contentType;
        qint64 arrivedMs = 0;
    };

    Receiver()
    {
        m_clock.start();
        m_server.route(
            "/hook", QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &request) {
                m_requests.append({ request.body(), request.value("x-hub-signature-256"),
                    request.value("content-type"), m_clock.elapsed() });
                const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
                return QHttpServerResponse(QHttpServerResponse::StatusCode(status));
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port)); }
    bool listening() const { return m_port != 0; }
    void script(QList<int> statuses) { m_statuses = std::move(statuses); }
    const QList<Request> &requests() const { return m_requests; }

    // The "text" of every messaging item received, in arrival order.
    QStringList texts() const
    {
        QStringList out;
        for (const Request &r : m_requests) {
            const QJsonArray entries
                = QJsonDocument::fromJson(r.body)[QLatin1String("entry")].toArray();
            for (const QJsonValue &entry : entries) {
                for (const QJsonValue &item : entry[QLatin1String("messaging")].toArray())
                    out << item[QLatin1String("message")][QLatin1String("text")].toString();
            }
        }
        return out;
    }

private:
    QHttpServer m_server;
    QElapsedTimer m_clock;
    quint16 m_port = 0;
    QList<int> m_statuses;
    QList<Request> m_requests;
};

QJsonObject textItem(int n)
{
    return payloads::text(QStringLiteral("1234567890123456"), Business, 1700000000000 + n,
        QStringLiteral("mid.%1").arg(n), QString::number(n));
}

QStringList numbers(int from, int to)
{
    QStringList out;
    for (int i = from; i < to; ++i)
        out << QString::number(i);
    return out;
}

} // namespace

class TestWebhookDelivery : public QObject {
    Q_OBJECT

private slots:
    void signatureMatchesRfc4231();
    void deliversOneSignedEnvelope();
    void batchesItemsInOrder();
    void separatesBusinesses();
    void retriesTheSameBytesUntil200();
    void laterBatchesWaitBehindAFailingOne();
    void backoffDoublesUpToItsCap();
    void holdsItemsWithoutCallback();
    void entryTimeFollowsTheClock();
    void networkErrorCountsAsFailedAttempt();
    void destroyedWhileAPostIsInFlight();
    void dropsDeliveriesOlderThanTheRetryWindow();
    void switchesTheSubscriptionOffAfterSustainedFailures();
};

void TestWebhookDelivery::signatureMatchesRfc4231()
{
    // RFC 4231, test case 2.
    QCOMPARE(WebhookDelivery::signatureFor(
                 QByteArrayLiteral("what do ya want for nothing?"), QByteArrayLiteral("Jefe")),
        QByteArrayLiteral(
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestWebhookDelivery::deliversOneSignedEnvelope()
{
    Receiver receiver;
    QVERIFY(receiver.listening());
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    QCOMPARE(delivery.callbackUrl(), receiver.url());
    QSignalSpy delivered(&delivery, &WebhookDelivery::batchDelivered);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject item = payloads::text(QStringLiteral("1234567890123456"), Business,
        1700000000000, QStringLiteral("mid.1"), QStringLiteral("Grüße ☕ \"quoted\""));
    delivery.enqueue(Business, item);
    QCOMPARE(delivery.pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, Timeout);
    QCOMPARE(delivered.first().first().toInt(), 1);
    QCOMPARE(delivery.pendingCount(), 0);
    QCOMPARE(delivery.deliveredCount(), 1);
    QCOMPARE(delivery.failedAttempts(), 0);

    QCOMPARE(receiver.requests().size(), 1);
    const Receiver::Request &request = receiver.requests().first();
    QCOMPARE(request.contentType, QByteArrayLiteral("application/json"));
    // Verified independently of signatureFor(): HMAC over the raw bytes received.
    const QByteArray expected = "sha256="
        + QMessageAuthenticationCode::hash(request.body, Secret, QCryptographicHash::Sha256)
              .toHex();
    QCOMPARE(request.signature, expected);
    QVERIFY(!request.body.contains('\n')); // compact JSON

    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("instagram"));
    const QJsonArray entries = body.value(QLatin1String("entry")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QLatin1String("id")).toString(), Business);
    const qint64 time = entry.value(QLatin1String("time")).toInteger();
    QVERIFY(time >= before && time <= QDateTime::currentMSecsSinceEpoch()); // milliseconds
    const QJsonArray messaging = entry.value(QLatin1String("messaging")).toArray();
    QCOMPARE(messaging.size(), 1);
    QCOMPARE(messaging.first().toObject(), item);
}

void TestWebhookDelivery::batchesItemsInOrder()
{
    Receiver receiver;
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    delivery.setBatchWindowMs(50);
    delivery.setMaxBatch(5);
    for (int i = 0; i < 23; ++i)
        delivery.enqueue(Business, textItem(i));
    QCOMPARE(delivery.pendingCount(), 23);
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(delivery.deliveredCount(), 23);

    QVERIFY2(receiver.requests().size() >= 5 && receiver.requests().size() < 23,
        qPrintable(QString::number(receiver.requests().size())));
    for (const Receiver::Request &request : receiver.requests()) {
        const QJsonArray messaging = QJsonDocument::fromJson(
            request.body)[QLatin1String("entry")][0][QLatin1String("messaging")]
                                         .toArray();
        QVERIFY(!messaging.isEmpty());
        QVERIFY(messaging.size() <= 5);
    }
    QCOMPARE(receiver.texts(), numbers(0, 23));
}

void TestWebhookDelivery::separatesBusinesses()
{
    Receiver receiver;
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    const QString other = QStringLiteral("17841400000000002");
    delivery.enqueue(Business, textItem(0));
    delivery.enqueue(Business, textItem(1));
    delivery.enqueue(other, textItem(2));
    delivery.enqueue(Business, textItem(3));
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);

    QCOMPARE(receiver.texts(), numbers(0, 4));
    // Every POST carries one business, and each item is under the business it was queued for.
    QStringList owners;
    for (const Receiver::Request &request : receiver.requests()) {
        const QJsonObject entry
            = QJsonDocument::fromJson(request.body)[QLatin1String("entry")][0].toObject();
        for (qsizetype i = 0; i < entry[QLatin1String("messaging")].toArray().size(); ++i)
            owners << entry[QLatin1String("id")].toString();
    }
    QCOMPARE(owners, (QStringList { Business, Business, other, Business }));
    QCOMPARE(receiver.requests().size(), 3);
}

void TestWebhookDelivery::retriesTheSameBytesUntil200()
{
    Receiver receiver;
    receiver.script({ 500, 500 });
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    delivery.setRetryBackoff(10, 100);
    QSignalSpy failed(&delivery, &WebhookDelivery::attemptFailed);
    QSignalSpy delivered(&delivery, &WebhookDelivery::batchDelivered);

    delivery.enqueue(Business, textItem(1));
    delivery.enqueue(Business, textItem(2));
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(delivered.count(), 1);
    QCOMPARE(delivery.deliveredCount(), 2);
    QCOMPARE(delivery.failedAttempts(), 2);
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.at(0).at(0).toInt(), 500);
    QCOMPARE(failed.at(0).at(1).toInt(), 1);
    QCOMPARE(failed.at(1).at(0).toInt(), 500);
    QCOMPARE(failed.at(1).at(1).toInt(), 2);

    QCOMPARE(receiver.requests().size(), 3);
    for (const Receiver::Request &request : receiver.requests()) {
        QCOMPARE(request.body, receiver.requests().first().body);
        QCOMPARE(request.signature, receiver.requests().first().signature);
    }
}

void TestWebhookDelivery::laterBatchesWaitBehindAFailingOne()
{
    Receiver receiver;
    receiver.script({ 503, 429 });
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    delivery.setMaxBatch(1);
    delivery.setRetryBackoff(20, 40);
    for (int i = 0; i < 3; ++i)
        delivery.enqueue(Business, textItem(i));
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(receiver.texts(),
        (QStringList { QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"),
            QStringLiteral("1"), QStringLiteral("2") }));
}

void TestWebhookDelivery::backoffDoublesUpToItsCap()
{
    Receiver receiver;
    receiver.script({ 500, 500, 500, 500 });
    WebhookDelivery delivery(Secret);
    delivery.setCallbackUrl(receiver.url());
    delivery.setRetryBackoff(50, 100);
    delivery.enqueue(Business, textItem(1));
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(receiver.requests().size(), 5);
    QList<qint64> gaps;
    for (qsizetype i = 1; i < receiver.requests().size(); ++i)
        gaps << receiver.requests()[i].arrivedMs - receiver.requests()[i - 1].arrivedMs;
    // 50, 100, then capped at 100 (uncapped it would be 200 and 400), each plus <= 10 % jitter;
    // coarse timers may fire up to 5 % early.
    QVERIFY2(gaps[0] >= 45 && gaps[1] >= 90 && gaps[2] >= 90 && gaps[3] >= 90,
        qPrintable(QString::number(gaps[0]) + QLatin1Char(' ') + QString::number(gaps[1])));
    QVERIFY2(gaps[2] + gaps[3] < 450, qPrintable(QString::number(gaps[2] + gaps[3])));
}

void TestWebhookDelivery::holdsItemsWithoutCallback()
{
    Receiver receiver;
    WebhookDelivery delivery(Secret);
    delivery.setBatchWindowMs(0);
    for (int i = 0; i < 3; ++i)
        delivery.enqueue(Business, textItem(i));
    QTest::qWait(150);
    QCOMPARE(receiver.requests().size(), 0);
    QCOMPARE(delivery.pendingCount(), 3);
    QCOMPARE(delivery.failedAttempts(), 0);

    delivery.setCallbackUrl(receiver.url());
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(receiver.texts(), numbers(0, 3));
}

void TestWebhookDelivery::entryTimeFollowsTheClock()
{
    Receiver receiver;
    WebhookDelivery delivery(Secret);
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 3 * 24 * 3600 * 1000LL;
    delivery.setClock([later] { return later; });
    delivery.setCallbackUrl(receiver.url());
    delivery.enqueue(Business, textItem(1));
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    const QJsonObject entry
        = QJsonDocument::fromJson(receiver.requests().first().body)[QLatin1String("entry")][0]
              .toObject();
    QCOMPARE(entry[QLatin1String("time")].toInteger(), later);
}

void TestWebhookDelivery::networkErrorCountsAsFailedAttempt()
{
    // A port that was just free: nobody listens there, so the POST gets no HTTP answer.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = probe.serverPort();
    probe.close();

    WebhookDelivery delivery(Secret);
    delivery.setRetryBackoff(50, 50);
    QSignalSpy failed(&delivery, &WebhookDelivery::attemptFailed);
    delivery.setCallbackUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(deadPort)));
    delivery.enqueue(Business, textItem(7));
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, Timeout);
    QCOMPARE(failed.first().at(0).toInt(), 0);
    QCOMPARE(delivery.pendingCount(), 1); // never dropped

    // The callback moves to a live receiver: the held batch goes there on its next retry.
    Receiver receiver;
    delivery.setCallbackUrl(receiver.url());
    QTRY_COMPARE_WITH_TIMEOUT(delivery.pendingCount(), 0, Timeout);
    QCOMPARE(receiver.texts(), QStringList { QStringLiteral("7") });
}

void TestWebhookDelivery::destroyedWhileAPostIsInFlight()
{
    // A callback that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto delivery = std::make_unique<WebhookDelivery>(Secret);
    QSignalSpy failed(delivery.get(), &WebhookDelivery::attemptFailed);
    delivery->setCallbackUrl(
        QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(silent.serverPort())));
    delivery->enqueue(Business, textItem(1));
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), Timeout);
    QTcpSocket *socket = silent.nextPendingConnection();
    QVERIFY(socket);
    QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0, Timeout);
    QCOMPARE(delivery->pendingCount(), 1);
    delivery.reset(); // must neither crash nor call back into the destroyed object
    QCOMPARE(failed.count(), 0);
    QCoreApplication::processEvents();
}

// Meta retries a failing delivery for up to 36 h, then drops it (instagram-api.md §2.4); the
// window is measured on the sandbox clock, so advancing it makes the drop happen at once.
void TestWebhookDelivery::dropsDeliveriesOlderThanTheRetryWindow()
{
    Receiver receiver;
    QVERIFY(receiver.listening());
    receiver.script(QList<int>(10000, 503));
    qint64 now = 1700000000000;
    WebhookDelivery delivery(Secret);
    delivery.setClock([&now] { return now; });
    delivery.setRetryBackoff(5, 20);
    delivery.setDisableAfterMs(0); // never switched off in this test
    QCOMPARE(delivery.retryWindowMs(), 36LL * 3600 * 1000); // Meta's default
    QSignalSpy dropped(&delivery, &WebhookDelivery::itemsDropped);
    QSignalSpy disabled(&delivery, &WebhookDelivery::subscriptionDisabled);
    delivery.setCallbackUrl(receiver.url());
    for (int i = 0; i < 3; ++i)
        delivery.enqueue(Business, textItem(i));
    QTRY_VERIFY_WITH_TIMEOUT(delivery.failedAttempts() >= 2, Timeout);
    QCOMPARE(delivery.pendingCount(), 3);

    now += 35LL * 3600 * 1000; // still inside the window: retried
    const qint64 attempts = delivery.failedAttempts();
    QTRY_VERIFY_WITH_TIMEOUT(delivery.failedAttempts() > attempts + 1, Timeout);
    QCOMPARE(delivery.pendingCount(), 3);
    QCOMPARE(delivery.droppedCount(), 0);

    now += 2LL * 3600 * 1000; // 37 h: dropped
    QTRY_COMPARE_WITH_TIMEOUT(delivery.droppedCount(), 3, Timeout);
    QCOMPARE(delivery.pendingCount(), 0);
    QVERIFY(!dropped.isEmpty());
    QVERIFY(disabled.isEmpty());

    // Later events are delivered as usual once the callback answers again.
    receiver.script({});
    QSignalSpy delivered(&delivery, &WebhookDelivery::batchDelivered);
    delivery.enqueue(Business, textItem(7));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, Timeout);
    QCOMPARE(receiver.texts().constLast(), QStringLiteral("7"));
    QCOMPARE(delivery.deliveredCount(), 1);
}

// After sustained failures (Meta: an hour) the account's subscription is switched off and what
// was waiting for it is dropped.
void TestWebhookDelivery::switchesTheSubscriptionOffAfterSustainedFailures()
{
    Receiver receiver;
    QVERIFY(receiver.listening());
    receiver.script(QList<int>(10000, 500));
    qint64 now = 1700000000000;
    WebhookDelivery delivery(Secret);
    delivery.setClock([&now] { return now; });
    delivery.setRetryBackoff(5, 20);
    delivery.setDisableAfterMs(3600 * 1000);
    QSignalSpy disabled(&delivery, &WebhookDelivery::subscriptionDisabled);
    delivery.setCallbackUrl(receiver.url());
    delivery.enqueue(Business, textItem(1));
    delivery.enqueue(Business, textItem(2));
    QTRY_VERIFY_WITH_TIMEOUT(delivery.failedAttempts() >= 2, Timeout);
    QVERIFY(delivery.failingSinceMs() > 0);

    now += 59LL * 60 * 1000;
    const qint64 attempts = delivery.failedAttempts();
    QTRY_VERIFY_WITH_TIMEOUT(delivery.failedAttempts() > attempts + 1, Timeout);
    QVERIFY(disabled.isEmpty());

    now += 2LL * 60 * 1000; // 61 min of failures
    QTRY_COMPARE_WITH_TIMEOUT(disabled.count(), 1, Timeout);
    QCOMPARE(disabled.first().first().toString(), Business);
    QCOMPARE(delivery.pendingCount(), 0);
    QCOMPARE(delivery.droppedCount(), 2);
    QCOMPARE(delivery.failingSinceMs(), 0);
}

QTEST_GUILESS_MAIN(TestWebhookDelivery)
#include "tst_webhookdelivery.moc"
