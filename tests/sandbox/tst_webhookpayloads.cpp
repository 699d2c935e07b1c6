#include "sandbox/webhookpayloads.h"

#include <QJsonDocument>
#include <QTest>

using namespace inlet::sandbox;

namespace {

const QString Customer = QStringLiteral("1234567890123456");
const QString Business = QStringLiteral("17841400000000001");
constexpr qint64 Ts = 1569262485349;

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(error.errorString()));
    return object;
}

// Compares as JSON and prints both sides when they differ (a function, not a macro: moc chokes
// on multi-line raw strings inside macro arguments).
void expectJson(const QJsonObject &actual, const char *expectedJson)
{
    const QJsonObject expected = parse(expectedJson);
    const QByteArray message = QJsonDocument(actual).toJson(QJsonDocument::Compact)
        + "\n   expected " + QJsonDocument(expected).toJson(QJsonDocument::Compact);
    QVERIFY2(actual == expected, message.constData());
}

} // namespace

class TestWebhookPayloads : public QObject {
    Q_OBJECT

private slots:
    void text();
    void attachments();
    void attachmentHelper();
    void replies();
    void storyMention();
    void quickReply();
    void echo();
    void reactions();
    void seen();
    void unsend();
    void edit();
    void postback();
    void referral();
    void envelope();
    void timestampsStayExactMilliseconds();
};

void TestWebhookPayloads::text()
{
    expectJson(
        payloads::text(Customer, Business, Ts, QStringLiteral("m1"), QStringLiteral("Hello")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m1","text":"Hello"}})");
}

void TestWebhookPayloads::attachments()
{
    const QJsonArray list { payloads::attachment(
                                QStringLiteral("image"), QStringLiteral("https://x/a.png")),
        payloads::attachment(QStringLiteral("video"), QStringLiteral("https://x/b.mp4")) };
    expectJson(payloads::attachments(Customer, Business, Ts, QStringLiteral("m2"), list),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m2","attachments":[
                       {"type":"image","payload":{"url":"https://x/a.png"}},
                       {"type":"video","payload":{"url":"https://x/b.mp4"}}]}})");
    // With a caption.
    const QJsonObject withText = payloads::attachments(
        Customer, Business, Ts, QStringLiteral("m3"), list, QStringLiteral("look"));
    QCOMPARE(withText[QLatin1String("message")][QLatin1String("text")].toString(),
        QStringLiteral("look"));
}

void TestWebhookPayloads::attachmentHelper()
{
    for (const char *type :
        { "image", "video", "audio", "file", "share", "story_mention", "reel" }) {
        const QJsonObject a
            = payloads::attachment(QString::fromLatin1(type), QStringLiteral("https://x/y"));
        QCOMPARE(a[QLatin1String("type")].toString(), QString::fromLatin1(type));
        QCOMPARE(a[QLatin1String("payload")][QLatin1String("url")].toString(),
            QStringLiteral("https://x/y"));
    }
    expectJson(payloads::attachment(QStringLiteral("ig_reel"), QStringLiteral("https://x/r"),
                   QJsonObject { { QStringLiteral("title"), QStringLiteral("caption") },
                       { QStringLiteral("reel_video_id"), QStringLiteral("18087782618022081") } }),
        R"({"type":"ig_reel","payload":{"url":"https://x/r","title":"caption",
                     "reel_video_id":"18087782618022081"}})");
    expectJson(payloads::attachment(QStringLiteral("ig_post"), QStringLiteral("https://x/p"),
                   QJsonObject { { QStringLiteral("title"), QStringLiteral("c") },
                       { QStringLiteral("ig_post_media_id"), QStringLiteral("1790") } }),
        R"({"type":"ig_post","payload":{"url":"https://x/p","title":"c","ig_post_media_id":"1790"}})");
}

void TestWebhookPayloads::replies()
{
    expectJson(payloads::replyToMessage(Customer, Business, Ts, QStringLiteral("m4"),
                   QStringLiteral("yes"), QStringLiteral("m0")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m4","text":"yes","reply_to":{"mid":"m0"}}})");
    expectJson(
        payloads::replyToStory(Customer, Business, Ts, QStringLiteral("m5"),
            QStringLiteral("Nice!"), QStringLiteral("https://cdn/story"), QStringLiteral("st1")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m5","text":"Nice!",
                     "reply_to":{"story":{"url":"https://cdn/story","id":"st1"}}}})");
}

void TestWebhookPayloads::storyMention()
{
    expectJson(payloads::storyMention(
                   Customer, Business, Ts, QStringLiteral("m6"), QStringLiteral("https://cdn/s")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m6","attachments":[
                     {"type":"story_mention","payload":{"url":"https://cdn/s"}}]}})");
}

void TestWebhookPayloads::quickReply()
{
    expectJson(payloads::quickReply(Customer, Business, Ts, QStringLiteral("m7"),
                   QStringLiteral("Yes"), QStringLiteral("CONFIRM")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m7","text":"Yes",
                     "quick_reply":{"payload":"CONFIRM"}}})");
}

void TestWebhookPayloads::echo()
{
    // Echo: the business is the sender.
    expectJson(
        payloads::echo(Business, Customer, Ts, QStringLiteral("m8"), QStringLiteral("Thanks!")),
        R"({"sender":{"id":"17841400000000001"},"recipient":{"id":"1234567890123456"},
                     "timestamp":1569262485349,"message":{"mid":"m8","text":"Thanks!","is_echo":true}})");
    const QJsonArray list { payloads::attachment(
        QStringLiteral("image"), QStringLiteral("https://x/a.png")) };
    expectJson(payloads::echo(Business, Customer, Ts, QStringLiteral("m9"), QString(), list),
        R"({"sender":{"id":"17841400000000001"},"recipient":{"id":"1234567890123456"},
                     "timestamp":1569262485349,"message":{"mid":"m9","is_echo":true,
                     "attachments":[{"type":"image","payload":{"url":"https://x/a.png"}}]}})");
}

void TestWebhookPayloads::reactions()
{
    expectJson(payloads::reaction(Customer, Business, Ts, QStringLiteral("m1"),
                   QStringLiteral("love"), QStringLiteral("\u2764\ufe0f")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"reaction":{"mid":"m1","action":"react","reaction":"love",
                     "emoji":"\u2764\ufe0f"}})");
    expectJson(payloads::unreaction(Customer, Business, Ts, QStringLiteral("m1")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"reaction":{"mid":"m1","action":"unreact"}})");
    QCOMPARE(payloads::emojiForReaction(QStringLiteral("love")), QStringLiteral("\u2764\ufe0f"));
    QCOMPARE(payloads::emojiForReaction(QStringLiteral("like")), QStringLiteral("\U0001F44D"));
    QVERIFY(payloads::emojiForReaction(QStringLiteral("nonsense")).isEmpty());
}

void TestWebhookPayloads::seen()
{
    expectJson(payloads::seen(Customer, Business, Ts, QStringLiteral("m1")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"read":{"mid":"m1"}})");
}

void TestWebhookPayloads::unsend()
{
    expectJson(payloads::unsend(Customer, Business, Ts, QStringLiteral("m1")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message":{"mid":"m1","is_deleted":true}})");
}

void TestWebhookPayloads::edit()
{
    expectJson(
        payloads::edit(Customer, Business, Ts, QStringLiteral("m1"), QStringLiteral("fixed"), 2),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"message_edit":{"mid":"m1","text":"fixed","num_edit":2}})");
}

void TestWebhookPayloads::postback()
{
    expectJson(payloads::postback(Customer, Business, Ts, QStringLiteral("m1"),
                   QStringLiteral("Opening hours?"), QStringLiteral("HOURS")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"postback":{"mid":"m1","title":"Opening hours?","payload":"HOURS"}})");
}

void TestWebhookPayloads::referral()
{
    expectJson(payloads::referral(Customer, Business, Ts, QStringLiteral("spring-sale"),
                   QStringLiteral("IGME_LINK")),
        R"({"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"referral":{"ref":"spring-sale","source":"IGME_LINK",
                     "type":"OPEN_THREAD"}})");
}

void TestWebhookPayloads::envelope()
{
    const QJsonArray items { payloads::seen(Customer, Business, Ts, QStringLiteral("m1")) };
    expectJson(payloads::envelope(Business, 1569262486134, items),
        R"({"object":"instagram","entry":[{"id":"17841400000000001","time":1569262486134,
                     "messaging":[{"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000001"},
                     "timestamp":1569262485349,"read":{"mid":"m1"}}]}]})");
}

void TestWebhookPayloads::timestampsStayExactMilliseconds()
{
    // Written as integers (no exponent, no rounding) once serialized.
    const QByteArray json = QJsonDocument(
        payloads::text(Customer, Business, 1767225599999, QStringLiteral("m"), QStringLiteral("t")))
                                .toJson(QJsonDocument::Compact);
    QVERIFY2(json.contains("\"timestamp\":1767225599999"), json.constData());
}

QTEST_GUILESS_MAIN(TestWebhookPayloads)
#include "tst_webhookpayloads.moc"
