#include "support/testsupport.h"
#include "support/webhookattacks.h"
#include "webhook/eventparser.h"
#include "webhook/signatureverifier.h"
#include "webhook/webhookserver.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <atomic>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace inlet;
using namespace inlet::test;

namespace {

const QByteArray kSecret = QByteArrayLiteral("test-app-secret");
const QString kVerifyToken = QStringLiteral("meatyhamhock");

QByteArray fixture(const QString &name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A committer standing in for the store: records batches; can fail, defer or run on a pool.
struct FakeCommitter {
    enum class Mode { Succeed, Fail, Defer, Async };
    QMutex mutex;
    Mode mode = Mode::Succeed;
    QList<InboundEvent> events;
    int calls = 0;
    QList<std::shared_ptr<QPromise<Status>>> deferred;
    QSet<QThread *> threads;

    QFuture<Status> commit(const QList<InboundEvent> &batch)
    {
        QMutexLocker lock(&mutex);
        ++calls;
        threads.insert(QThread::currentThread());
        switch (mode) {
        case Mode::Succeed:
            events += batch;
            return QtFuture::makeReadyFuture(Status{});
        case Mode::Fail:
            return QtFuture::makeReadyFuture(Status(fail(Error::Kind::Storage, QStringLiteral("disk full"))));
        case Mode::Defer: {
            auto promise = std::make_shared<QPromise<Status>>();
            promise->start();
            deferred.append(promise);
            events += batch;
            return promise->future();
        }
        case Mode::Async:
        {
            auto promise = std::make_shared<QPromise<Status>>();
            promise->start();
            QThreadPool::globalInstance()->start([this, batch, promise] {
                QThread::usleep(500);
                {
                    QMutexLocker l(&mutex);
                    events += batch;
                }
                promise->addResult(Status{});
                promise->finish();
            });
            return promise->future();
        }
        }
        return {};
    }
    int callCount() { QMutexLocker l(&mutex); return calls; }
    int eventCount() { QMutexLocker l(&mutex); return int(events.size()); }
    int deferredCount() { QMutexLocker l(&mutex); return int(deferred.size()); }
};

struct RawReply {
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;
};

// Reads one HTTP response from a connected socket (blocking; the server runs on its own thread).
RawReply readReply(QTcpSocket &s, QByteArray &pending, int timeoutMs = 5000)
{
    RawReply r;
    QElapsedTimer t;
    t.start();
    auto more = [&] {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - t.elapsed())))) {
            r.closed = s.state() != QAbstractSocket::ConnectedState;
            return false;
        }
        pending += s.readAll();
        return true;
    };
    qsizetype end;
    while ((end = pending.indexOf("\r\n\r\n")) < 0) {
        if (!more())
            return r;
    }
    r.head = pending.left(end);
    pending.remove(0, end + 4);
    r.status = r.head.mid(9, 3).toInt();
    qsizetype length = 0;
    for (const QByteArray &line : r.head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    while (pending.size() < length) {
        if (!more())
            return r;
    }
    r.body = pending.left(length);
    pending.remove(0, length);
    return r;
}

// Counts (and swallows) warnings that contain `needle`, from any thread.
struct WarningCounter {
    static inline std::atomic<int> count{0};
    static inline QMutex mutex;
    static inline QString needle;
    static inline QString last;
    static inline QtMessageHandler previous = nullptr;
    explicit WarningCounter(const QString &what)
    {
        needle = what;
        count = 0;
        previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
            if (type == QtWarningMsg && msg.contains(needle)) {
                QMutexLocker l(&mutex);
                ++count;
                last = msg;
                return;
            }
            previous(type, ctx, msg);
        });
    }
    ~WarningCounter() { qInstallMessageHandler(previous); }
    static QString lastMessage()
    {
        QMutexLocker l(&mutex);
        return last;
    }
};

} // namespace

class TestWebhookServer : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeCommitter> m_fake;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager *m_nam = nullptr;

    QUrl url(const QString &query = {}) const
    {
        QUrl u = m_server->callbackUrl();
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }

    QNetworkReply *post(const QByteArray &body, const QByteArray &signature)
    {
        QNetworkRequest req(url());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!signature.isNull())
            req.setRawHeader("X-Hub-Signature-256", signature);
        return m_nam->post(req, body);
    }

    static int statusOf(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            if (!spy.wait(10000))
                return -1;
        }
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    int postStatus(const QByteArray &body)
    {
        return statusOf(post(body, SignatureVerifier::sign(body, kSecret)));
    }

    std::pair<int, QByteArray> get(const QString &query)
    {
        QNetworkReply *reply = m_nam->get(QNetworkRequest(url(query)));
        const int status = statusOf(reply);
        return {status, reply->readAll()};
    }

    QTcpSocket *rawConnect()
    {
        auto *s = new QTcpSocket(this);
        s->connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!s->waitForConnected(5000))
            qWarning("raw connect failed");
        return s;
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeCommitter>();
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.verifyToken = kVerifyToken;
        FakeCommitter *fake = m_fake.get();
        m_server = std::make_unique<WebhookServer>(
            config, [fake](const QList<InboundEvent> &b) { return fake->commit(b); });
        auto port = m_server->start();
        QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error().message));
        QVERIFY(*port > 0);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        delete m_nam;
        m_nam = nullptr;
        qDeleteAll(findChildren<QTcpSocket *>());
        m_server.reset();
        m_fake.reset();
    }

    void callbackUrlAndLifecycle()
    {
        QCOMPARE(m_server->callbackUrl().toString(),
                 QStringLiteral("http://127.0.0.1:%1/webhook/instagram").arg(m_server->port()));
        QVERIFY(!m_server->start().has_value()); // already running

        // The same port cannot be taken twice.
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.port = m_server->port();
        WebhookServer second(config, [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status{}); });
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed to start")));
        auto r = second.start();
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().kind, Error::Kind::Network);
        QVERIFY(!second.isRunning());

        // No secret: refuses to start rather than accept unsigned posts.
        WebhookServer unsigned_({}, [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status{}); });
        QVERIFY(!unsigned_.start().has_value());

        m_server->stop();
        QVERIFY(!m_server->isRunning());
        QVERIFY(m_server->callbackUrl().isEmpty());
        QVERIFY(m_server->start().has_value()); // restartable
    }

    void handshake_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("right token")
            << QStringLiteral("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
            << 200 << QByteArray("1158201444");
        QTest::newRow("challenge echoed exactly")
            << QStringLiteral("hub.verify_token=meatyhamhock&hub.mode=subscribe&hub.challenge=abc_DEF-123")
            << 200 << QByteArray("abc_DEF-123");
        QTest::newRow("challenge of 128 characters")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=") + QString(128, QLatin1Char('7'))
            << 200 << QByteArray(128, '7');
        // Only a challenge that looks like Meta's is echoed: never markup, never a long text.
        QTest::newRow("challenge with markup")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=%3Cscript%3Ex%3C%2Fscript%3E")
            << 403 << QByteArray();
        QTest::newRow("challenge with a slash")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=abc%2Fdef") << 403
            << QByteArray();
        QTest::newRow("challenge of 129 characters")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=") + QString(129, QLatin1Char('7'))
            << 403 << QByteArray();
        QTest::newRow("wrong token")
            << QStringLiteral("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhocK")
            << 403 << QByteArray();
        QTest::newRow("missing token")
            << QStringLiteral("hub.mode=subscribe&hub.challenge=1158201444") << 403 << QByteArray();
        QTest::newRow("wrong mode")
            << QStringLiteral("hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
            << 403 << QByteArray();
        QTest::newRow("missing mode")
            << QStringLiteral("hub.challenge=1158201444&hub.verify_token=meatyhamhock") << 403 << QByteArray();
        QTest::newRow("missing challenge")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=meatyhamhock") << 403 << QByteArray();
        QTest::newRow("empty challenge")
            << QStringLiteral("hub.mode=subscribe&hub.challenge=&hub.verify_token=meatyhamhock") << 403
            << QByteArray();
        QTest::newRow("php style underscores")
            << QStringLiteral("hub_mode=subscribe&hub_challenge=1&hub_verify_token=meatyhamhock") << 403
            << QByteArray();
    }
    void handshake()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        if (status != 200)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("handshake refused")));
        QNetworkReply *reply = m_nam->get(QNetworkRequest(url(query)));
        QCOMPARE(statusOf(reply), status);
        if (status == 200) {
            QCOMPARE(reply->readAll(), body);
            QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/plain"));
            QCOMPARE(reply->rawHeader("X-Content-Type-Options"), QByteArray("nosniff"));
        }
        QCOMPARE(m_fake->callCount(), 0);
    }

    void signedPostIsCommittedOffTheCallerThread()
    {
        const QByteArray body = fixture(QStringLiteral("text.json"));
        QCOMPARE(postStatus(body), 200);
        QCOMPARE(m_fake->callCount(), 1);
        QCOMPARE(m_fake->eventCount(), 1);
        QCOMPARE(m_fake->events.first().text, QStringLiteral("Hello \u00e4\u00f6\u00e5 \U0001F600"));
        QVERIFY(!m_fake->threads.contains(QThread::currentThread()));
        QCOMPARE(m_server->stats().eventsCommitted.load(), 1);
    }

    void signatures_data()
    {
        QTest::addColumn<QByteArray>("signature");
        const QByteArray body = fixture(QStringLiteral("text.json"));
        const QByteArray good = SignatureVerifier::sign(body, kSecret);
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("wrong secret") << SignatureVerifier::sign(body, "other-secret");
        QTest::newRow("signature of another body") << SignatureVerifier::sign(body + " ", kSecret);
        QTest::newRow("sha1") << QByteArray("sha1=" + QByteArray(40, 'a'));
        QTest::newRow("sha1 prefix on sha256 hex") << QByteArray("sha1=" + good.mid(7));
        QTest::newRow("non-hex") << QByteArray("sha256=" + QByteArray(64, 'g'));
        QTest::newRow("short") << good.chopped(1);
    }
    void signatures()
    {
        QFETCH(QByteArray, signature);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST refused")));
        const QByteArray body = fixture(QStringLiteral("text.json"));
        QCOMPARE(statusOf(post(body, signature)), 403);
        QCOMPARE(m_fake->callCount(), 0);
        QCOMPARE(m_server->stats().postsRejected.load(), 1);
    }

    void malformedBodyIs400AndNothingCommitted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated json") << fixture(QStringLiteral("text.json")).left(50);
        QTest::newRow("not json") << QByteArray("hello=world");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("page object") << fixture(QStringLiteral("not_instagram.json"));
    }
    void malformedBodyIs400AndNothingCommitted()
    {
        QFETCH(QByteArray, body);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST refused")));
        QCOMPARE(postStatus(body), 400);
        QCOMPARE(m_fake->callCount(), 0);
    }

    void everyFixtureKindOverHttp()
    {
        const QStringList files = QDir(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 20);
        int expectedEvents = 0;
        QSet<InboundEvent::Kind> kinds;
        for (const QString &name : files) {
            const QByteArray body = fixture(name);
            const auto parsed = parseWebhookBody(body);
            if (!parsed) {
                QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST refused")));
                QCOMPARE(postStatus(body), 400);
                continue;
            }
            expectedEvents += int(parsed->size());
            for (const auto &e : *parsed)
                kinds.insert(e.kind);
            QVERIFY2(postStatus(body) == 200, qPrintable(name));
        }
        QCOMPARE(m_fake->eventCount(), expectedEvents);
        QCOMPARE(kinds.size(), 9); // every InboundEvent::Kind appears in the fixtures
    }

    void ackWaitsForTheCommit()
    {
        m_fake->mode = FakeCommitter::Mode::Defer;
        const QByteArray body = fixture(QStringLiteral("batch_seconds.json"));
        QNetworkReply *reply = post(body, SignatureVerifier::sign(body, kSecret));
        QTRY_COMPARE(m_fake->deferredCount(), 1);
        QTest::qWait(300); // the server has everything it needs, except the commit
        QVERIFY(!reply->isFinished());
        m_fake->deferred.first()->addResult(Status{});
        m_fake->deferred.first()->finish();
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(m_server->stats().eventsCommitted.load(), 3);
    }

    void failedCommitIs500_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::newRow("error") << false;
        QTest::newRow("promise dropped") << true;
    }
    void failedCommitIs500()
    {
        QFETCH(bool, cancel);
        const QByteArray body = fixture(QStringLiteral("text.json"));
        if (!cancel) {
            m_fake->mode = FakeCommitter::Mode::Fail;
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("commit of 1 events failed: .disk full")));
            QCOMPARE(postStatus(body), 500);
        } else {
            m_fake->mode = FakeCommitter::Mode::Defer;
            QNetworkReply *reply = post(body, SignatureVerifier::sign(body, kSecret));
            QTRY_COMPARE(m_fake->deferredCount(), 1);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cancelled")));
            m_fake->deferred.clear(); // the store went away without an answer
            QCOMPARE(statusOf(reply), 500);
        }
        QCOMPARE(m_server->stats().commitFailures.load(), 1);
        QCOMPARE(m_server->stats().postsAccepted.load(), 0);
    }

    void oversizeHeadIsRefusedBeforeTheBody()
    {
        // Only the head is sent: the 413 must come without waiting for the 5 MiB announced.
        QTcpSocket *s = rawConnect();
        s->write("POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nX-Hub-Signature-256: sha256=00\r\n"
                 "Content-Length: 5242880\r\n\r\n");
        QByteArray pending;
        const RawReply r = readReply(*s, pending);
        QCOMPARE(r.status, 413);
        QVERIFY(r.head.contains("Connection: close"));
        // The server closes its side after the reply.
        QTRY_VERIFY(s->state() == QAbstractSocket::UnconnectedState || s->waitForDisconnected(100));
        QCOMPARE(m_fake->callCount(), 0);
    }

    void oversizeBodyIsNeverHeldInMemory()
    {
        // A plain blocking socket on another thread, so the client side holds no copy either.
        const auto sendOversize = [port = m_server->port()](qint64 bodyBytes, qint64 *sent) {
            return sendOversizeBody(port, bodyBytes, sent);
        };
        qint64 sent = 0;
        // Warm up (thread, sockets, buffers) with a body just over the limit, then measure a big one:
        // the peak must not grow with the body size.
        QCOMPARE(sendOversize(1024 * 1024 + 1, &sent), 413);
        const qint64 hwmBefore = procStatusKb("VmHWM:");
        constexpr qint64 kBody = 5 * 1024 * 1024;
        QCOMPARE(sendOversize(kBody, &sent), 413);
        const qint64 growthKb = procStatusKb("VmHWM:") - hwmBefore;
        qInfo("sent %lld of %lld bytes, peak RSS grew by %lld KiB", sent, kBody, growthKb);
#if defined(__SANITIZE_ADDRESS__)
        // ASan's quarantine keeps every freed socket buffer resident, so RSS follows the bytes
        // that passed, not what was live; the head-only test above still holds there.
        qInfo("peak RSS check skipped under AddressSanitizer");
#else
        QVERIFY2(growthKb < 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKb)));
#endif
        QCOMPARE(m_fake->callCount(), 0);
        // The server is still fine afterwards.
        QCOMPARE(postStatus(fixture(QStringLiteral("text.json"))), 200);
    }

    void bodyAtTheLimitIsAccepted()
    {
        // A valid envelope padded with whitespace to exactly 1 MiB.
        QByteArray body = fixture(QStringLiteral("text.json"));
        body += QByteArray(1024 * 1024 - body.size(), ' ');
        QCOMPARE(postStatus(body), 200);
        QCOMPARE(postStatus(body + ' '), 413);
    }

    void chunkedPostsAndLimits()
    {
        QTcpSocket *s = rawConnect();
        const QByteArray body = fixture(QStringLiteral("text.json"));
        QByteArray req = "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                         "X-Hub-Signature-256: " + SignatureVerifier::sign(body, kSecret) + "\r\n\r\n";
        req += QByteArray::number(body.size() / 2, 16) + "\r\n" + body.left(body.size() / 2) + "\r\n";
        req += QByteArray::number(body.size() - body.size() / 2, 16) + "\r\n" + body.mid(body.size() / 2) + "\r\n0\r\n\r\n";
        s->write(req);
        QByteArray pending;
        QCOMPARE(readReply(*s, pending).status, 200);

        // Chunks adding up past the limit: refused as soon as the size line crosses it.
        s->write("POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "80000\r\n" + QByteArray(0x80000, 'a') + "\r\n80001\r\n");
        QCOMPARE(readReply(*s, pending).status, 413);
        QCOMPARE(m_fake->callCount(), 1);
    }

    void expectContinueIsHonoured()
    {
        QTcpSocket *s = rawConnect();
        const QByteArray body = fixture(QStringLiteral("read.json"));
        s->write("POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nX-Hub-Signature-256: "
                 + SignatureVerifier::sign(body, kSecret) + "\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\n\r\n");
        QByteArray pending;
        QCOMPARE(readReply(*s, pending).status, 100);
        s->write(body);
        QCOMPARE(readReply(*s, pending).status, 200);
    }

    void keepAliveAndPipelining()
    {
        QTcpSocket *s = rawConnect();
        const QByteArray a = fixture(QStringLiteral("text.json"));
        const QByteArray b = fixture(QStringLiteral("reaction.json"));
        // Two requests in one write; replies come back in order on the same connection.
        s->write(postRequest(a, SignatureVerifier::sign(a, kSecret))
                 + postRequest(b, SignatureVerifier::sign(b, kSecret)));
        QByteArray pending;
        const RawReply r1 = readReply(*s, pending);
        const RawReply r2 = readReply(*s, pending);
        QCOMPARE(r1.status, 200);
        QCOMPARE(r2.status, 200);
        QVERIFY(r1.head.contains("Connection: keep-alive"));
        QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_fake->eventCount(), 2);
        QCOMPARE(m_fake->events.at(1).kind, InboundEvent::Kind::Reaction);

        s->write("GET /webhook/instagram?hub.mode=subscribe&hub.challenge=7&hub.verify_token=meatyhamhock HTTP/1.1\r\n"
                 "Host: x\r\nConnection: close\r\n\r\n");
        const RawReply r3 = readReply(*s, pending);
        QCOMPARE(r3.status, 200);
        QCOMPARE(r3.body, QByteArray("7"));
        QVERIFY(r3.head.contains("Connection: close"));
        QVERIFY(s->state() == QAbstractSocket::UnconnectedState || s->waitForDisconnected(2000));
    }

    void otherPathsAndMethods_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("other path") << QByteArray("GET /webhook/other HTTP/1.1\r\n\r\n") << 404;
        QTest::newRow("root") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << 404;
        QTest::newRow("prefix") << QByteArray("GET /webhook/instagram/x HTTP/1.1\r\n\r\n") << 404;
        QTest::newRow("put") << QByteArray("PUT /webhook/instagram HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << 405;
        QTest::newRow("delete") << QByteArray("DELETE /webhook/instagram HTTP/1.1\r\n\r\n") << 405;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 505;
    }
    void otherPathsAndMethods()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QTcpSocket *s = rawConnect();
        s->write(request);
        QByteArray pending;
        const RawReply r = readReply(*s, pending);
        QCOMPARE(r.status, status);
        if (status == 405)
            QVERIFY(r.head.contains("Allow: GET, POST"));
        QCOMPARE(m_fake->callCount(), 0);
    }

    void concurrentPosts()
    {
        m_fake->mode = FakeCommitter::Mode::Async;
        constexpr int kPosts = 60;
        QList<QNetworkReply *> replies;
        QSet<QString> mids;
        for (int i = 0; i < kPosts; ++i) {
            const QString mid = QStringLiteral("mid.concurrent.%1").arg(i);
            mids.insert(mid);
            const QByteArray body = QStringLiteral(
                R"({"object":"instagram","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1732900000000,"message":{"mid":"%1","text":"n"}}]}]})")
                .arg(mid).toUtf8();
            replies << post(body, SignatureVerifier::sign(body, kSecret));
        }
        // Raw-socket clients at the same time, on their own connections.
        QList<QTcpSocket *> sockets;
        for (int i = 0; i < 8; ++i) {
            const QByteArray body = fixture(QStringLiteral("text.json"));
            QTcpSocket *s = rawConnect();
            s->write(postRequest(body, SignatureVerifier::sign(body, kSecret)));
            sockets << s;
        }
        for (QNetworkReply *r : replies)
            QCOMPARE(statusOf(r), 200);
        for (QTcpSocket *s : sockets) {
            QByteArray pending;
            QCOMPARE(readReply(*s, pending).status, 200);
        }
        QCOMPARE(m_fake->eventCount(), kPosts + 8);
        QSet<QString> seen;
        for (const auto &e : m_fake->events)
            seen.insert(e.mid);
        QVERIFY(seen.contains(mids));
    }

    void stopWithARequestInFlight()
    {
        m_fake->mode = FakeCommitter::Mode::Defer;
        const QByteArray body = fixture(QStringLiteral("text.json"));
        QNetworkReply *reply = post(body, SignatureVerifier::sign(body, kSecret));
        QTRY_COMPARE(m_fake->deferredCount(), 1);
        m_server->stop(); // must not hang or crash; the client sees the connection go
        QCOMPARE(statusOf(reply), 0);
        m_fake->deferred.first()->addResult(Status{});
        m_fake->deferred.first()->finish(); // completing after stop is harmless
    }

    // Which of a Meta app's two secrets signs Instagram-login deliveries is not settled
    // (instagram-api.md §11): a signature made with either is accepted, a third is refused, and the
    // server tells (once) which one signed.
    void eitherAppSecretIsAccepted()
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.metaAppSecret = QByteArrayLiteral("the-meta-app-secret");
        WebhookServer server(config,
            [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status {}); });
        QVERIFY(server.start().has_value());
        QCOMPARE(server.signingSecret(), WebhookServer::SigningSecret::NoneYet);
        const QByteArray body = R"({"object":"instagram","entry":[]})";
        const auto status = [&](const QByteArray &secret) {
            QNetworkRequest req(server.callbackUrl());
            req.setRawHeader("X-Hub-Signature-256", SignatureVerifier::sign(body, secret));
            return statusOf(m_nam->post(req, body));
        };
        QCOMPARE(status("a-third-secret"), 403);
        QCOMPARE(server.signingSecret(), WebhookServer::SigningSecret::NoneYet);
        QCOMPARE(status(config.metaAppSecret), 200);
        QCOMPARE(server.signingSecret(), WebhookServer::SigningSecret::Meta);
        QCOMPARE(status(kSecret), 200);
        QCOMPARE(server.signingSecret(), WebhookServer::SigningSecret::Meta); // the first one
        QCOMPARE(status({}), 403);
        // An empty Meta secret (not given) never matches: the empty-key HMAC is refused.
        QCOMPARE(status(QByteArray("")), 403);
    }


    // Bytes that are parsed are dropped and counted against the head limit: a flood of blank
    // lines (or of trailer lines) is refused early and never held (256 MiB of CRLF once took
    // RSS from 62 to 589 MB).
    void floodsOfSkippedLinesAreRefusedEarly_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<QByteArray>("unit");
        QTest::newRow("CRLF before the request line") << crlfFloodPrefix() << crlfFloodUnit();
        QTest::newRow("trailer lines") << trailerFloodPrefix() << trailerFloodUnit();
    }
    void floodsOfSkippedLinesAreRefusedEarly()
    {
        QFETCH(QByteArray, prefix);
        QFETCH(QByteArray, unit);
        constexpr qint64 kFlood = 64 * 1024 * 1024;
        FloodResult flood;
        const qint64 growthKb = peakRssGrowthKb([&, port = m_server->port()] {
            flood = floodUntilAnswered(port, prefix, unit, kFlood);
        });
        const qint64 sent = flood.sent;
        const QByteArray reply = flood.reply;
        qInfo("sent %lld bytes before the reply; peak RSS grew by %lld KiB", sent, growthKb);
        QVERIFY2(reply.startsWith("HTTP/1.1 431 "), reply.constData());
        QVERIFY(reply.contains("Connection: close"));
        QVERIFY2(sent < kFlood, "the whole flood was read");
#if !defined(__SANITIZE_ADDRESS__)
        QVERIFY2(growthKb < 16 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKb)));
#endif
        QCOMPARE(postStatus(fixture(QStringLiteral("text.json"))), 200);
    }

    // A client that pipelines requests and never reads the replies is not read either once
    // 64 KiB of replies wait: TCP flow control holds it back, not our memory (48 MiB of
    // pipelined GETs once took RSS from 94 to 333 MB). When it reads, every request is answered.
    void clientThatNeverReadsIsNotRead()
    {
        const QByteArray request = "GET /x HTTP/1.1\r\nHost: x\r\n\r\n";
        constexpr qint64 kMax = 48 * 1024 * 1024;
        PipelineResult pipelined;
        const qint64 growthKb = peakRssGrowthKb([&, port = m_server->port()] {
            pipelined = pipelineWithoutReading(port, request, kMax);
        });
        const int fd = pipelined.fd;
        const qint64 sent = pipelined.sent;
        QVERIFY(fd >= 0);
        qInfo("sent %lld bytes of pipelined requests unread; peak RSS grew by %lld KiB", sent, growthKb);
        QVERIFY2(sent < kMax, "the server kept reading a client that reads nothing");
#if !defined(__SANITIZE_ADDRESS__)
        QVERIFY2(growthKb < 32 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKb)));
#endif
        // Now read: the server resumes and answers every complete request, in order.
        const qint64 expected = sent / request.size();
        const qint64 replies = countReplies(fd, expected, "HTTP/1.1 404 ");
        ::close(fd);
        QCOMPARE(replies, expected);
    }

    // Slowloris: bytes do not push back the head deadline.
    void headDeadlineHoldsAgainstATrickle()
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.headTimeoutMs = 500; // the idle timeout stays 30 s: the trickle never idles
        WebhookServer server(config, [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status{}); });
        QVERIFY(server.start().has_value());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(2000));
        const QByteArray head = "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(200, 'a');
        QElapsedTimer t;
        t.start();
        for (qsizetype i = 0; i < head.size() && s.bytesAvailable() == 0; ++i) {
            s.write(head.mid(i, 1));
            s.waitForBytesWritten(100);
            s.waitForReadyRead(100);
        }
        QByteArray pending;
        QCOMPARE(readReply(s, pending, 2000).status, 408);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(server.httpStats().timedOut.load(), 1);
    }

    // ... and the body must keep a minimum rate.
    void bodyDeadlineHoldsAgainstATrickle()
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.bodyTimeoutMs = 500;
        config.minBodyBytesPerSecond = 16 * 1024; // a trickle of 10 bytes/s earns nothing
        WebhookServer server(config, [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status{}); });
        QVERIFY(server.start().has_value());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(2000));
        s.write("POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 30 && s.bytesAvailable() == 0; ++i) {
            s.write("{");
            s.waitForBytesWritten(100);
            s.waitForReadyRead(100);
        }
        QByteArray pending;
        QCOMPARE(readReply(s, pending, 2000).status, 408);
        QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
    }

    // With every slot (256) held by trickling, incomplete requests, a signed delivery is still
    // admitted and acknowledged: the oldest incomplete connection makes room. A request already
    // complete (here: waiting for its commit) is never the one closed.
    void signedPostSucceedsWhileTricklersHoldEverySlot()
    {
        m_fake->mode = FakeCommitter::Mode::Defer;
        const QByteArray body = fixture(QStringLiteral("text.json"));
        QTcpSocket *first = rawConnect();
        first->write(postRequest(body, SignatureVerifier::sign(body, kSecret)));
        QTRY_COMPARE(m_fake->deferredCount(), 1);

        constexpr int kCap = 256; // WebhookServerConfig's default
        const QList<int> fds = openIncompleteRequests(m_server->port(), kCap - 1);
        QCOMPARE(fds.size(), kCap - 1);
        QTRY_COMPARE(m_server->httpStats().open.load(), kCap);
        for (int fd : std::as_const(fds))
            sendAll(fd, "X"); // still trickling
        QTest::qWait(100);

        QTcpSocket *second = rawConnect();
        second->write(postRequest(body, SignatureVerifier::sign(body, kSecret)));
        QTRY_COMPARE(m_fake->deferredCount(), 2);
        QCOMPARE(m_server->httpStats().evicted.load(), 1);
        QCOMPARE(m_server->httpStats().refused.load(), 0);
        for (const auto &promise : std::as_const(m_fake->deferred)) {
            promise->addResult(Status{});
            promise->finish();
        }
        QByteArray pending1;
        QByteArray pending2;
        QCOMPARE(readReply(*first, pending1).status, 200);
        QCOMPARE(readReply(*second, pending2).status, 200);
        for (int fd : std::as_const(fds))
            ::close(fd);
    }

    // Refusals a stranger can cause are logged once per interval, with a count: an attacker
    // does not write our log at his rate.
    void refusalsAreLoggedOncePerInterval()
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.logIntervalMs = 1000;
        config.maxConnections = 2;
        FakeCommitter *fake = m_fake.get();
        fake->mode = FakeCommitter::Mode::Defer;
        WebhookServer server(config, [fake](const QList<InboundEvent> &b) { return fake->commit(b); });
        QVERIFY(server.start().has_value());
        const QByteArray body = fixture(QStringLiteral("text.json"));
        {
            WarningCounter bad(QStringLiteral("POST refused"));
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(s.waitForConnected(2000));
            QByteArray pending;
            for (int i = 0; i < 20; ++i) {
                s.write(postRequest(body, "sha256=" + QByteArray(64, '0')));
                QCOMPARE(readReply(s, pending).status, 403);
            }
            QCOMPARE(WarningCounter::count.load(), 1);
            QTest::qWait(1100);
            s.write(postRequest(body, "sha256=" + QByteArray(64, '0')));
            QCOMPARE(readReply(s, pending).status, 403);
            QCOMPARE(WarningCounter::count.load(), 2);
            QVERIFY2(WarningCounter::lastMessage().contains(QLatin1String("and 19 more refused in the last 1 s")),
                     qPrintable(WarningCounter::lastMessage()));
        }
        {
            // Both slots hold a complete request (waiting for its commit): nothing can be
            // evicted, so new connections get 503, and one line says so.
            WarningCounter busy(QStringLiteral("too many connections"));
            QList<QTcpSocket *> holders;
            for (int i = 0; i < 2; ++i) {
                auto *h = new QTcpSocket(this);
                h->connectToHost(QHostAddress::LocalHost, server.port());
                QVERIFY(h->waitForConnected(2000));
                h->write(postRequest(body, SignatureVerifier::sign(body, kSecret)));
                holders << h;
            }
            QTRY_COMPARE(fake->deferredCount(), 2);
            for (int i = 0; i < 10; ++i) {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, server.port());
                QVERIFY(s.waitForConnected(2000));
                QByteArray pending;
                QCOMPARE(readReply(s, pending).status, 503);
            }
            QCOMPARE(server.httpStats().refused.load(), 10);
            QCOMPARE(WarningCounter::count.load(), 1);
            for (const auto &promise : std::as_const(fake->deferred)) {
                promise->addResult(Status{});
                promise->finish();
            }
            for (QTcpSocket *h : holders) {
                QByteArray pending;
                QCOMPARE(readReply(*h, pending).status, 200);
            }
        }
    }

    void idleConnectionsAreClosed()
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        config.idleTimeoutMs = 200;
        WebhookServer server(config, [](const QList<InboundEvent> &) { return QtFuture::makeReadyFuture(Status{}); });
        QVERIFY(server.start().has_value());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(2000));
        s.write("POST /webhook/instagram HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"); // never finished
        QByteArray pending;
        QCOMPARE(readReply(s, pending, 3000).status, 408);
        QVERIFY(s.state() == QAbstractSocket::UnconnectedState || s.waitForDisconnected(2000));
    }
};

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
