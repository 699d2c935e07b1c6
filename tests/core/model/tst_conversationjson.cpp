// Conversations / User Profile API JSON -> InboundEvent, Contact, pages.
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include "model/conversationjson.h"

using namespace inlet;

namespace {
const QString business = QStringLiteral("17841400000000001");

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
} // namespace

class TestConversationJson : public QObject
{
    Q_OBJECT
private slots:
    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("+0000") << QStringLiteral("2025-07-28T22:44:49+0000") << qint64(1753742689000);
        QTest::newRow("+00:00") << QStringLiteral("2025-07-28T22:44:49+00:00") << qint64(1753742689000);
        QTest::newRow("Z ms") << QStringLiteral("2025-07-28T22:44:49.250Z") << qint64(1753742689250);
        QTest::newRow("+0200") << QStringLiteral("2025-07-29T00:44:49+0200") << qint64(1753742689000);
        QTest::newRow("seconds") << QStringLiteral("1753742689") << qint64(1753742689000);
        QTest::newRow("millis") << QStringLiteral("1753742689000") << qint64(1753742689000);
        QTest::newRow("junk") << QStringLiteral("yesterday") << qint64(0);
    }

    void times()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseGraphTime(QJsonValue(text)), ms);
    }

    // Numbers beyond qint64 and negative times are no times (found by tests/fuzz: undefined
    // behaviour and a signed overflow before).
    void timesOutOfRange()
    {
        QCOMPARE(parseGraphTime(QJsonValue(1e300)), qint64(0));
        QCOMPARE(parseGraphTime(QJsonValue(-1e300)), qint64(0));
        QCOMPARE(parseGraphTime(QJsonValue(-5)), qint64(0));
        QCOMPARE(parseGraphTime(QJsonValue(QStringLiteral("-9223372036854775807"))), qint64(0));
        QCOMPARE(parseGraphTime(QJsonValue(1753742689.0)), qint64(1753742689000));
    }

    void conversationPage()
    {
        auto page = parseConversationPage(json("{\"data\":[{\"id\":\"c1\",\"updated_time\":\"2025-07-28T22:44:49+0000\"},{\"id\":\"c2\"}], \"paging\":{\"cursors\":{\"after\":\"AFTER\"},\"next\":\"https://graph/x?after=AFTER\"}}"));
        QVERIFY(page);
        QCOMPARE(page->conversations.size(), 2);
        QCOMPARE(page->conversations[0].updatedMs, qint64(1753742689000));
        QCOMPARE(page->after, QStringLiteral("AFTER"));
        // Without "next" it is the last page, whatever the cursors say.
        page = parseConversationPage(json("{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"X\"}}}"));
        QVERIFY(page && page->after.isEmpty());
        QVERIFY(!parseConversationPage(json("{\"error\":{}}")));
    }

    void messageIdPage()
    {
        auto page = parseMessageIdPage(json("{\"id\":\"c1\",\"messages\":{\"data\":[{\"id\":\"m2\",\"created_time\":\"2025-07-28T22:44:49+0000\"},{\"id\":\"m1\"}]}}"));
        QVERIFY(page);
        QCOMPARE(page->messages.size(), 2);
        QCOMPARE(page->messages[0].mid, QStringLiteral("m2"));
        QVERIFY(page->after.isEmpty());
        QVERIFY(parseMessageIdPage(json("{\"data\":[{\"id\":\"m3\"}]}")));
        QVERIFY(parseMessageIdPage(json("{\"id\":\"c1\"}"))->messages.isEmpty());
    }

    void inboundAndOutgoing()
    {
        auto in = messageToEvent(json("{\"id\":\"m1\",\"created_time\":\"2025-07-28T22:44:49+0000\", \"from\":{\"id\":\"111\",\"username\":\"cust\"},\"to\":{\"data\":[{\"id\":\"17841400000000001\",\"username\":\"biz\"}]}, \"message\":\"Hi Kitty!\",\"reply_to\":{\"mid\":\"m0\",\"is_self_reply\":false}}"), business);
        QVERIFY(in);
        QCOMPARE(in->kind, InboundEvent::Kind::Message);
        QVERIFY(!in->outgoing);
        QCOMPARE(in->customerId, QStringLiteral("111"));
        QCOMPARE(in->customerUsername, QStringLiteral("cust")); // names them without a profile
        QCOMPARE(in->accountId, business);
        QCOMPARE(in->text, QStringLiteral("Hi Kitty!"));
        QCOMPARE(in->replyToMid, QStringLiteral("m0"));
        QCOMPARE(in->timestampMs, qint64(1753742689000));
        QVERIFY(!in->rawJson.isEmpty());

        auto out = messageToEvent(json("{\"id\":\"m2\",\"created_time\":\"2025-07-28T22:44:50+0000\", \"from\":{\"id\":\"17841400000000001\"},\"to\":{\"data\":[{\"id\":\"111\"}]},\"message\":\"Thanks\"}"), business);
        QVERIFY(out && out->outgoing);
        QCOMPARE(out->customerId, QStringLiteral("111"));
        QVERIFY(out->customerUsername.isEmpty());
        auto named = messageToEvent(json("{\"id\":\"m4\",\"from\":{\"id\":\"17841400000000001\",\"username\":\"biz\"},\"to\":{\"data\":[{\"id\":\"111\",\"username\":\"cust\"}]},\"message\":\"Hi\"}"), business);
        QVERIFY(named && named->outgoing);
        QCOMPARE(named->customerUsername, QStringLiteral("cust")); // the recipient's, not the business's

        QVERIFY(!messageToEvent(json("{\"created_time\":\"x\"}"), business));
        QVERIFY(!messageToEvent(json("{\"id\":\"m3\"}"), business));
    }

    void attachments()
    {
        auto e = messageToEvent(json("{\"id\":\"m1\",\"from\":{\"id\":\"111\"},\"to\":{\"data\":[{\"id\":\"17841400000000001\"}]},\"message\":\"\", \"attachments\":{\"data\":[{\"mime_type\":\"image/jpeg\",\"image_data\":{\"url\":\"https://cdn/i.jpg\"}}, {\"mime_type\":\"video/mp4\",\"video_data\":{\"url\":\"https://cdn/v.mp4\"}}, {\"mime_type\":\"audio/mp4\",\"file_url\":\"https://cdn/a.m4a\"}, {\"mime_type\":\"application/pdf\",\"name\":\"menu.pdf\",\"file_url\":\"https://cdn/menu.pdf\"}]}, \"shares\":{\"data\":[{\"link\":\"https://instagram.com/p/1\",\"name\":\"caption\"}]}, \"story\":{\"mention\":{\"link\":\"https://cdn/story\",\"id\":\"s1\"}}}"), business);
        QVERIFY(e);
        QStringList types;
        for (const AttachmentData &a : e->attachments) types.append(a.type);
        QCOMPARE(types, (QStringList{"image", "video", "audio", "file", "share", "story_mention"}));
        QCOMPARE(e->attachments[0].url, QStringLiteral("https://cdn/i.jpg"));
        QCOMPARE(e->attachments[3].title, QStringLiteral("menu.pdf"));
        QCOMPARE(e->attachments[4].title, QStringLiteral("caption"));

        auto reply = messageToEvent(json("{\"id\":\"m2\",\"from\":{\"id\":\"111\"},\"message\":\"Nice!\", \"story\":{\"reply_to\":{\"link\":\"https://cdn/s\",\"id\":\"st1\"}}}"), business);
        QVERIFY(reply);
        QCOMPARE(reply->replyToStoryUrl, QStringLiteral("https://cdn/s"));
        QCOMPARE(reply->replyToStoryId, QStringLiteral("st1"));
    }

    // Meta documents reply_to{mid,is_self_reply}; independent clients of graph.instagram.com
    // meet reply_to{id} (instagram-api.md §11). Both name the message replied to.
    void replyToAsMidOrId()
    {
        const QByteArray head
            = R"({"id":"m5","from":{"id":"111"},"to":{"data":[{"id":"17841400000000001"}]},"message":"yes",)";
        auto byMid = messageToEvent(
            json((head + R"("reply_to":{"mid":"m4","is_self_reply":false}})").constData()),
            business);
        QVERIFY(byMid);
        QCOMPARE(byMid->replyToMid, QStringLiteral("m4"));
        auto byId
            = messageToEvent(json((head + R"("reply_to":{"id":"m3"}})").constData()), business);
        QVERIFY(byId);
        QCOMPARE(byId->replyToMid, QStringLiteral("m3"));
    }

    // Graph returns only the fields a request names: the request must name every field the
    // parser reads (shared posts come only with `shares`, story mentions/replies with `story`).
    void messageRequestNamesEveryParsedField()
    {
        const QStringList fields = messageNodeFields().split(QLatin1Char(','));
        for (const char *f : { "id", "created_time", "from", "to", "message", "attachments",
                 "shares", "story", "reply_to", "is_unsupported" })
            QVERIFY2(fields.contains(QLatin1String(f)), f);
    }

    void profile()
    {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
        const Contact c = profileToContact(QStringLiteral("111"), json("{\"name\":\"Peter Chang\",\"username\":\"peter_chang_live\", \"profile_pic\":\"https://cdn/p.jpg\",\"follower_count\":1234,\"is_user_follow_business\":false, \"is_business_follow_user\":true,\"is_verified_user\":false,\"id\":\"111\"}"), at);
        QCOMPARE(c.id, QStringLiteral("111"));
        QCOMPARE(c.name, QStringLiteral("Peter Chang"));
        QCOMPARE(c.username, QStringLiteral("peter_chang_live"));
        QCOMPARE(c.followerCount, 1234);
        QVERIFY(!c.followsBusiness);
        QVERIFY(c.businessFollows);
        QCOMPARE(c.fetchedAt, at);
        // name and profile_pic may be null
        const Contact n = profileToContact(QStringLiteral("2"), json("{\"name\":null,\"profile_pic\":null}"), at);
        QVERIFY(n.name.isEmpty() && n.profilePicUrl.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversationJson)
#include "tst_conversationjson.moc"
