// Fault injection: the next N Graph/OAuth calls fail with an HTTP status or a Graph error, get
// latency or a dropped connection; /__sandbox/ itself is never affected.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

class TestSandboxFaults : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        SandboxOptions options;
        options.customers = 2;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<Sandbox>(options);
        const auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_client = std::make_unique<SandboxTestClient>(*url);
        m_token = m_sandbox->issueToken(true);
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void graphErrorCodes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("subcode");
        QTest::newRow("app rate limit") << 4 << 0;
        QTest::newRow("user rate limit") << 17 << 0;
        QTest::newRow("page rate limit") << 32 << 0;
        QTest::newRow("api rate limit") << 613 << 0;
        QTest::newRow("token") << 190 << 463;
        QTest::newRow("window") << 10 << 2534022;
    }
    void graphErrorCodes()
    {
        QFETCH(int, code);
        QFETCH(int, subcode);
        QCOMPARE(m_client->control(QStringLiteral("faults"), {{QStringLiteral("count"), 2}, {QStringLiteral("graph_code"), code},
                                                              {QStringLiteral("graph_subcode"), subcode}}).status, 200);
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = me();
            QCOMPARE(r.status, 400);
            QCOMPARE(r.graphCode(), code);
            QCOMPARE(r.graphSubcode(), subcode);
            QVERIFY(!r.graphError().value(QStringLiteral("message")).toString().isEmpty());
        }
        QCOMPARE(me().status, 200);
    }

    void httpStatusFaults()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 503}});
        const HttpResult unavailable = me();
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(unavailable.graphCode(), 2);
        QCOMPARE(me().status, 200);
    }

    void controlCallsAreNotAffected()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 500}});
        QCOMPARE(m_client->get(QStringLiteral("/__sandbox/state")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/__sandbox/faults")).json().value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(me().status, 500);
        QCOMPARE(me().status, 200);
    }

    void faultsApplyToOAuthToo()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 502}});
        QCOMPARE(m_client->postForm(QStringLiteral("/oauth/access_token"), {}).status, 502);
        QCOMPARE(m_client->postForm(QStringLiteral("/oauth/access_token"), {}).status, 400);
    }

    void deleteClearsFaults()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("count"), 5}, {QStringLiteral("http_status"), 500}});
        QCOMPARE(m_client->del(QStringLiteral("/__sandbox/faults")).status, 200);
        QCOMPARE(me().status, 200);
    }

    void latency()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 300}, {QStringLiteral("count"), 1}});
        const HttpResult slow = me();
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.elapsedMs >= 280, qPrintable(QString::number(slow.elapsedMs)));
        const HttpResult fast = me();
        QCOMPARE(fast.status, 200);
        QVERIFY2(fast.elapsedMs < 250, qPrintable(QString::number(fast.elapsedMs)));
    }

    void latencyWithAnError()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 200}, {QStringLiteral("count"), 1}});
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("graph_code"), 4}});
        const HttpResult r = me();
        QCOMPARE(r.graphCode(), 4);
        QVERIFY(r.elapsedMs >= 180);
    }

    void clientGoneDuringLatency()
    {
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 300}, {QStringLiteral("count"), 1}});
        const HttpResult gaveUp = m_client->run("GET", m_client->url(QStringLiteral("/me")), {}, {}, m_token, 50);
        QCOMPARE(gaveUp.status, 0);
        QTest::qWait(400); // the delayed answer finds no socket: nothing may crash
        QCOMPARE(me().status, 200);
    }

    void dropClosesTheConnection()
    {
        // A raw socket sees exactly what the sandbox does: the connection closes, no bytes.
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("drop"), 1}});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_sandbox->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /me?access_token=" + m_token.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(socket.readAll().isEmpty());
        QCOMPARE(me().status, 200);

        // QNetworkAccessManager retries a dropped request once by itself: with more drops than
        // that, the client sees a network error.
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("drop"), 4}});
        const HttpResult dropped = me();
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        m_client->del(QStringLiteral("/__sandbox/faults"));
        QCOMPARE(me().status, 200);
    }

    void destroyedWhileAnswersArePending()
    {
        // A delayed answer and a subscription handshake to a callback that never answers are in
        // flight when the sandbox goes away: nothing may crash or leak.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        m_client->control(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 2000}, {QStringLiteral("count"), 1}});
        QNetworkAccessManager nam;
        QNetworkRequest slow(m_client->url(QStringLiteral("/me?access_token=") + m_token));
        std::unique_ptr<QNetworkReply> a(nam.get(slow));
        QNetworkRequest subscribe(m_client->url(QStringLiteral("/2000000000000002/subscriptions")));
        subscribe.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = QJsonDocument(
            QJsonObject { { QStringLiteral("object"), QStringLiteral("instagram") },
                { QStringLiteral("callback_url"),
                    QStringLiteral("http://127.0.0.1:%1/hook").arg(silent.serverPort()) },
                { QStringLiteral("fields"), QStringLiteral("messages") },
                { QStringLiteral("verify_token"), QStringLiteral("v") },
                { QStringLiteral("access_token"),
                    QStringLiteral("2000000000000002|sandbox-meta-app-secret") } })
                                    .toJson();
        std::unique_ptr<QNetworkReply> b(nam.post(subscribe, body));
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 5000);
        QTest::qWait(50);
        m_client.reset();
        m_sandbox.reset();
        QTest::qWait(100);
        QVERIFY(a->isFinished() || a->isRunning());
    }

    void invalidFaultSpecs()
    {
        QCOMPARE(m_client->control(QStringLiteral("faults"), {{QStringLiteral("http_status"), 200}}).status, 400);
        QCOMPARE(m_client->control(QStringLiteral("faults"), {{QStringLiteral("nothing"), 1}}).status, 400);
        QCOMPARE(m_client->postRaw(QStringLiteral("/__sandbox/faults"), "{oops", "application/json").status, 400);
    }

private:
    HttpResult me() { return m_client->get(QStringLiteral("/me?fields=user_id"), m_token); }

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
