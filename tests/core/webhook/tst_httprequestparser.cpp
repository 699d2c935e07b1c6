#include "webhook/httprequestparser.h"

#include <QTest>

using namespace inlet;
using State = HttpRequestParser::State;

namespace {
HttpRequestParser::Limits limits(qint64 maxBody = 1024)
{
    HttpRequestParser::Limits l;
    l.maxBodyBytes = maxBody;
    l.maxHeadBytes = 512;
    return l;
}
} // namespace

class TestHttpRequestParser : public QObject {
    Q_OBJECT
private slots:
    void simpleGet()
    {
        HttpRequestParser p(limits());
        QCOMPARE(p.feed("GET /webhook/instagram?hub.mode=subscribe&x=1 HTTP/1.1\r\nHost: a\r\n\r\n"),
                 State::Complete);
        const HttpRequest r = p.takeRequest();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path(), QByteArray("/webhook/instagram"));
        QCOMPARE(r.query(), QByteArray("hub.mode=subscribe&x=1"));
        QCOMPARE(r.header("host"), QByteArray("a"));
        QVERIFY(r.keepAlive);
        QVERIFY(r.body.isEmpty());
        QVERIFY(p.idle());
    }

    void postByteByByte()
    {
        const QByteArray wire = "POST /p HTTP/1.1\r\nContent-Length: 5\r\nX-Hub-Signature-256:  sha256=ab \r\n\r\nhello";
        HttpRequestParser p(limits());
        for (qsizetype i = 0; i < wire.size() - 1; ++i)
            QCOMPARE(p.feed(wire.mid(i, 1)), State::NeedMore);
        QCOMPARE(p.feed(wire.right(1)), State::Complete);
        const HttpRequest r = p.takeRequest();
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(r.header("x-hub-signature-256"), QByteArray("sha256=ab"));
    }

    void pipelinedRequests()
    {
        HttpRequestParser p(limits());
        QCOMPARE(p.feed("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /b HTTP/1.1\r\n\r\nGET /c HT"),
                 State::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray("hi"));
        QCOMPARE(p.feed({}), State::Complete);
        QCOMPARE(p.takeRequest().target, QByteArray("/b"));
        QCOMPARE(p.feed({}), State::NeedMore);
        QCOMPARE(p.feed("TP/1.1\r\n\r\n"), State::Complete);
        QCOMPARE(p.takeRequest().target, QByteArray("/c"));
    }

    void chunked()
    {
        HttpRequestParser p(limits());
        QCOMPARE(p.feed("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n"),
                 State::NeedMore);
        QCOMPARE(p.feed("6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"), State::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray("hello world"));
    }

    void keepAliveRules()
    {
        HttpRequestParser p(limits());
        p.feed("GET / HTTP/1.0\r\n\r\n");
        QVERIFY(!p.takeRequest().keepAlive);
        p.feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        QVERIFY(p.takeRequest().keepAlive);
        p.feed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(!p.takeRequest().keepAlive);
    }

    void expectContinue()
    {
        HttpRequestParser p(limits());
        QCOMPARE(p.feed("POST / HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"), State::NeedMore);
        QVERIFY(p.wantsContinue());
        QCOMPARE(p.feed("abc"), State::Complete);
        QVERIFY(!p.wantsContinue());
    }

    void contentLengthOverLimitFailsFromTheHead()
    {
        HttpRequestParser p(limits(1024));
        // Only the head has arrived: the verdict does not wait for the body.
        QCOMPARE(p.feed("POST / HTTP/1.1\r\nContent-Length: 5242880\r\n\r\n"), State::Error);
        QCOMPARE(p.errorStatus(), 413);
        QCOMPARE(p.bufferedBytes(), 0);
        QCOMPARE(p.feed(QByteArray(4096, 'x')), State::Error); // further input is not kept
        QCOMPARE(p.bufferedBytes(), 0);
    }

    void exactlyTheLimitIsAccepted()
    {
        HttpRequestParser p(limits(1024));
        QCOMPARE(p.feed("POST / HTTP/1.1\r\nContent-Length: 1024\r\n\r\n" + QByteArray(1024, 'x')),
                 State::Complete);
        QCOMPARE(p.takeRequest().body.size(), 1024);
    }

    void chunkedOverLimitFailsBeforeTheChunk()
    {
        HttpRequestParser p(limits(1024));
        QCOMPARE(p.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + QByteArray(0x200, 'x') + "\r\n"),
                 State::NeedMore);
        QCOMPARE(p.feed("300\r\n"), State::Error); // 0x200 + 0x300 > 1024, refused at the size line
        QCOMPARE(p.errorStatus(), 413);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("not http") << QByteArray("GET / FTP/1.0\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nno colon\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("length and chunked")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("gzip") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("bad chunk") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("huge chunk")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n") << 400;
        QTest::newRow("chunk no crlf")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXX") << 400;
        QTest::newRow("head too large") << QByteArray("GET / HTTP/1.1\r\nA: " + QByteArray(600, 'a')) << 431;
        QTest::newRow("expect other") << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\n\r\n") << 417;
    }
    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser p(limits());
        QCOMPARE(p.feed(wire), State::Error);
        QCOMPARE(p.errorStatus(), status);
    }

    void responseSerialization()
    {
        HttpResponse r = HttpResponse::text(413, "too big");
        r.close = true;
        const QByteArray wire = r.serialize(true);
        QVERIFY(wire.startsWith("HTTP/1.1 413 Payload Too Large\r\n"));
        QVERIFY(wire.contains("\r\nContent-Length: 7\r\n"));
        QVERIFY(wire.contains("\r\nConnection: close\r\n"));
        QVERIFY(wire.endsWith("\r\n\r\ntoo big"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
