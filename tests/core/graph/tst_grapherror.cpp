#include "graph/grapherror.h"

#include <QJsonDocument>
#include <QTest>

using namespace inlet;

namespace {

// JSON written with single quotes (moc trips over raw string literals).
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

Error graph(int code, int subcode = 0, int status = 400)
{
    return Error::make(Error::Kind::Graph, QStringLiteral("x"), code, subcode, status);
}

} // namespace

class TestGraphError : public QObject {
    Q_OBJECT
private slots:
    void graphEnvelope()
    {
        const auto error = errorFromBody(
            json("{'error':{'message':'(#10) outside window','type':'OAuthException','code':10,"
                 "'error_subcode':2534022,'fbtrace_id':'A'}}"),
            400);
        QVERIFY(error);
        QCOMPARE(error->kind, Error::Kind::Graph);
        QCOMPARE(error->code, 10);
        QCOMPARE(error->subcode, 2534022);
        QCOMPARE(error->httpStatus, 400);
        QCOMPARE(error->message, QStringLiteral("(#10) outside window"));
        QVERIFY(isOutsideWindow(*error));
    }

    void oauthShape()
    {
        const auto error = errorFromBody(
            json("{'error_type':'OAuthException','code':400,"
                 "'error_message':'Matching code was not found or was already used'}"),
            400);
        QVERIFY(error);
        QCOMPARE(error->kind, Error::Kind::Auth);
        QCOMPARE(error->code, 400);
        QVERIFY(error->message.contains(QStringLiteral("already used")));
    }

    void rfcShape()
    {
        const auto error = errorFromBody(
            json("{'error':'invalid_request','error_description':'bad redirect'}"), 400);
        QVERIFY(error);
        QCOMPARE(error->kind, Error::Kind::Auth);
        QCOMPARE(error->message, QStringLiteral("bad redirect"));
    }

    void noError()
    {
        QVERIFY(!errorFromBody(json("{'data':[],'error_count':0}"), 200));
    }

    void classification_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("subcode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected"); // rate, auth, transient, window, unavailable, none
        QTest::newRow("4") << 4 << 0 << 400 << "rate";
        QTest::newRow("17") << 17 << 0 << 400 << "rate";
        QTest::newRow("32") << 32 << 0 << 400 << "rate";
        QTest::newRow("613") << 613 << 0 << 400 << "rate";
        QTest::newRow("80002") << 80002 << 0 << 400 << "rate";
        QTest::newRow("190") << 190 << 463 << 400 << "auth";
        QTest::newRow("190 on 500") << 190 << 0 << 500 << "auth";
        QTest::newRow("102") << 102 << 0 << 400 << "auth";
        QTest::newRow("1") << 1 << 0 << 400 << "transient";
        QTest::newRow("2") << 2 << 0 << 503 << "transient";
        QTest::newRow("1200") << 1200 << 0 << 400 << "transient";
        QTest::newRow("500 unknown code") << 99 << 0 << 500 << "transient";
        QTest::newRow("10/2534022") << 10 << 2534022 << 400 << "window";
        QTest::newRow("10/2018278") << 10 << 2018278 << 400 << "window";
        QTest::newRow("551") << 551 << 1545041 << 400 << "unavailable";
        QTest::newRow("10/2018108") << 10 << 2018108 << 400 << "unavailable";
        QTest::newRow("100/2534014") << 100 << 2534014 << 400 << "unavailable";
        QTest::newRow("10 plain") << 10 << 0 << 400 << "none";
        QTest::newRow("100 plain") << 100 << 0 << 400 << "none";
    }

    void classification()
    {
        QFETCH(int, code);
        QFETCH(int, subcode);
        QFETCH(int, status);
        QFETCH(QString, expected);
        const Error error = graph(code, subcode, status);
        QCOMPARE(isRateLimit(error), expected == QLatin1String("rate"));
        QCOMPARE(isAuthInvalid(error), expected == QLatin1String("auth"));
        QCOMPARE(isTransient(error), expected == QLatin1String("transient"));
        QCOMPARE(isOutsideWindow(error), expected == QLatin1String("window"));
        QCOMPARE(isUserUnavailable(error), expected == QLatin1String("unavailable"));
    }

    void networkAndHttp()
    {
        QVERIFY(isTransient(Error::make(Error::Kind::Network, QStringLiteral("refused"))));
        QVERIFY(isTransient(Error::make(Error::Kind::Http, QStringLiteral("502"), 0, 0, 502)));
        QVERIFY(!isTransient(Error::make(Error::Kind::Http, QStringLiteral("404"), 0, 0, 404)));
        // A reply cut off before its status line (no status) is worth another try, for sync and
        // for sending alike; an unreadable body on a 200 is not.
        QVERIFY(isTransient(Error::make(Error::Kind::Parse, QStringLiteral("cut off"))));
        QVERIFY(
            !isTransient(Error::make(Error::Kind::Parse, QStringLiteral("garbage"), 0, 0, 200)));
        QVERIFY(isRateLimit(Error::make(Error::Kind::Http, QStringLiteral("429"), 0, 0, 429)));
        // Codes only mean something on Graph/OAuth errors.
        QVERIFY(!isAuthInvalid(Error::make(Error::Kind::Storage, QStringLiteral("db"), 190)));
    }

    void bigIdsKeepTheirDigits()
    {
        const QByteArray raw =
            "{\"access_token\":\"IGAAx\",\"user_id\":27640875392278831,"
            "\"data\":[{\"id\": 17841400000000001}],"
            "\"text\":\"say \\\"id\\\": 5\",\"count\":12345678901234567}";
        const QJsonObject object = QJsonDocument::fromJson(quoteIdNumbers(raw)).object();
        QCOMPARE(object.value(QLatin1String("user_id")).toString(), QStringLiteral("27640875392278831"));
        QCOMPARE(unwrapData(object).value(QLatin1String("id")).toString(),
                 QStringLiteral("17841400000000001"));
        QCOMPARE(object.value(QLatin1String("text")).toString(), QStringLiteral("say \"id\": 5"));
        QVERIFY(object.value(QLatin1String("count")).isDouble()); // not an id: left alone
        QCOMPARE(object.value(QLatin1String("access_token")).toString(), QStringLiteral("IGAAx"));
    }

    void quotingIdsKeepsEveryOtherByte()
    {
        // Found by fuzz_graphjson: bytes that are not UTF-8 (here a lone 0x97 inside a key) were
        // replaced by U+FFFD, so Qt's parser read another document than the one that came.
        const QByteArray raw = "{\"a\\\\\x97\":\"\xff\",\"id\":7}";
        const QByteArray quoted = quoteIdNumbers(raw);
        QCOMPARE(quoted, QByteArray("{\"a\\\\\x97\":\"\xff\",\"id\":\"7\"}"));
    }

    void unwrapDataShapes()
    {
        QCOMPARE(unwrapData(json("{'data':[{'a':1}]}")), json("{'a':1}"));
        QCOMPARE(unwrapData(json("{'a':1}")), json("{'a':1}"));
        QCOMPARE(unwrapData(json("{'data':[]}")), json("{'data':[]}"));
    }
};

QTEST_GUILESS_MAIN(TestGraphError)
#include "tst_grapherror.moc"
