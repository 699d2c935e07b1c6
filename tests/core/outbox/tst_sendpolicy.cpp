// Pure rules of the outbox: validation, Send API bodies, error classification, back-off.
#include <QJsonDocument>
#include <QTest>

#include "outbox/sendpolicy.h"

using namespace inlet;
using sendpolicy::Outcome;

class TestSendPolicy : public QObject
{
    Q_OBJECT

    static OutgoingMessage text(const QString &t)
    {
        OutgoingMessage m;
        m.accountId = QStringLiteral("17841400000000001");
        m.customerId = QStringLiteral("1234567890123456");
        m.text = t;
        return m;
    }

private slots:
    void textLimitCountsBytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("1000 ascii") << QString(1000, QLatin1Char('a')) << true;
        QTest::newRow("1001 ascii") << QString(1001, QLatin1Char('a')) << false;
        QTest::newRow("500 x 2-byte = 1000") << QString(500, QChar(0xE9)) << true;
        QTest::newRow("334 x 3-byte = 1002") << QString(334, QChar(0x20AC)) << false;
        QTest::newRow("250 emoji = 1000 bytes") << QString::fromUtf8("😀").repeated(250) << true;
        QTest::newRow("251 emoji") << QString::fromUtf8("😀").repeated(251) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << QStringLiteral("  \n") << false;
    }

    void textLimitCountsBytes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(bool(sendpolicy::validate(TestSendPolicy::text(text))), ok);
    }

    void textAndAttachmentTogetherAreRefused()
    {
        OutgoingMessage m = text(QStringLiteral("look"));
        m.attachmentUrl = QStringLiteral("https://example.com/a.png");
        QCOMPARE(sendpolicy::validate(m).error().reason, Error::Reason::TextAndAttachment);
        m.text.clear();
        QVERIFY(sendpolicy::validate(m));
        m.customerId.clear();
        QCOMPARE(sendpolicy::validate(m).error().reason, Error::Reason::NoRecipient);
    }

    // Kinds and codes, never a sentence for the manager: the app words them (app/shell/errortext).
    void refusalsCarryTheirReason()
    {
        OutgoingMessage empty = text(QStringLiteral("  "));
        QCOMPARE(sendpolicy::validate(empty).error().reason, Error::Reason::EmptyMessage);
        const Status tooLong
            = sendpolicy::validate(text(QString(sendpolicy::maxTextBytes + 1, 'a')));
        QCOMPARE(tooLong.error().kind, Error::Kind::Invalid);
        QCOMPARE(tooLong.error().reason, Error::Reason::TextTooLong);
        QCOMPARE(tooLong.error().code, 100);
        QCOMPARE(tooLong.error().args,
            (QStringList { QString::number(sendpolicy::maxTextBytes + 1),
                QString::number(sendpolicy::maxTextBytes) }));
    }

    void bodies()
    {
        QJsonObject body = sendpolicy::sendBody(text(QStringLiteral("hi")));
        QCOMPARE(QJsonDocument(body).toJson(QJsonDocument::Compact),
                 QByteArray("{\"message\":{\"text\":\"hi\"},\"recipient\":{\"id\":\"1234567890123456\"}}"));

        OutgoingMessage m = text({});
        m.attachmentType = QStringLiteral("video");
        m.attachmentUrl = QStringLiteral("https://example.com/v.mp4");
        m.replyToMid = QStringLiteral("aWdfMID");
        m.humanAgent = true;
        body = sendpolicy::sendBody(m);
        const QJsonObject message = body.value(QStringLiteral("message")).toObject();
        QCOMPARE(message.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("video"));
        QCOMPARE(message.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("payload")).toObject()
                     .value(QStringLiteral("url")).toString(), m.attachmentUrl);
        QVERIFY(!message.contains(QStringLiteral("text")));
        // A quoted reply: reply_to beside recipient, never inside message (Graph: "Invalid keys").
        QVERIFY(!message.contains(QStringLiteral("reply_to")));
        QCOMPARE(body.value(QStringLiteral("reply_to"))
                     .toObject()
                     .value(QStringLiteral("mid"))
                     .toString(),
            m.replyToMid);
        QCOMPARE(body.value(QStringLiteral("messaging_type")).toString(), QStringLiteral("MESSAGE_TAG"));
        QCOMPARE(body.value(QStringLiteral("tag")).toString(), QStringLiteral("HUMAN_AGENT"));
    }

    // The exact shape of a quoted text reply (instagram-api.md §11).
    void quotedReplyShape()
    {
        OutgoingMessage m = text(QStringLiteral("About that:"));
        m.replyToMid = QStringLiteral("aWdfMID");
        QCOMPARE(QJsonDocument(sendpolicy::sendBody(m)).toJson(QJsonDocument::Compact),
            QByteArray("{\"message\":{\"text\":\"About "
                       "that:\"},\"recipient\":{\"id\":\"1234567890123456\"},"
                       "\"reply_to\":{\"mid\":\"aWdfMID\"}}"));
    }

    void classify_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("subcode");
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("outcome");
        const int graph = int(Error::Kind::Graph);
        QTest::newRow("window") << graph << 10 << 2534022 << 400 << int(Outcome::Final);
        QTest::newRow("window new policy") << graph << 10 << 2018278 << 400 << int(Outcome::Final);
        QTest::newRow("unavailable") << graph << 551 << 1545041 << 400 << int(Outcome::Final);
        QTest::newRow("no user") << graph << 100 << 2534014 << 400 << int(Outcome::Final);
        QTest::newRow("token") << graph << 190 << 467 << 400 << int(Outcome::Final);
        QTest::newRow("too long") << graph << 100 << 0 << 400 << int(Outcome::Final);
        QTest::newRow("rate 4") << graph << 4 << 0 << 400 << int(Outcome::Retry);
        QTest::newRow("rate 613") << graph << 613 << 0 << 400 << int(Outcome::Retry);
        QTest::newRow("temporary 2") << graph << 2 << 0 << 503 << int(Outcome::InDoubt);
        QTest::newRow("http 502") << int(Error::Kind::Http) << 0 << 0 << 502 << int(Outcome::InDoubt);
        QTest::newRow("network") << int(Error::Kind::Network) << 0 << 0 << 0 << int(Outcome::InDoubt);
        QTest::newRow("invalid") << int(Error::Kind::Invalid) << 0 << 0 << 0 << int(Outcome::Final);
    }

    void classify()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(int, subcode);
        QFETCH(int, http);
        QFETCH(int, outcome);
        const Error e = Error::make(Error::Kind(kind), QStringLiteral("x"), code, subcode, http);
        QCOMPARE(int(sendpolicy::classify(e)), outcome);
    }
};

QTEST_GUILESS_MAIN(TestSendPolicy)
#include "tst_sendpolicy.moc"
