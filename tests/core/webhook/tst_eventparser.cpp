#include "support/testsupport.h"
#include "webhook/eventparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace inlet;
using Kind = InboundEvent::Kind;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const QString kCustomer = QStringLiteral("1234567890123456");

QByteArray fixture(const char *name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook/") + QLatin1String(name)
            + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

QList<InboundEvent> parse(const char *name)
{
    auto r = parseWebhookBody(fixture(name));
    if (!r)
        qWarning("%s: %s", name, qPrintable(r.error().message));
    return r.value_or(QList<InboundEvent>{});
}


// How many log lines containing `needle` running `f` writes.
template <typename F>
int linesLogged(const char *needle, F &&f)
{
    static const char *s_needle = nullptr;
    static int s_count = 0;
    s_needle = needle;
    s_count = 0;
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) {
            if (msg.contains(QLatin1String(s_needle)))
                ++s_count;
        });
    f();
    qInstallMessageHandler(previous);
    return s_count;
}
} // namespace

class TestEventParser : public QObject {
    Q_OBJECT
private slots:
    void text()
    {
        const auto events = parse("text");
        QCOMPARE(events.size(), 1);
        const InboundEvent &e = events.first();
        QCOMPARE(e.kind, Kind::Message);
        QCOMPARE(e.accountId, kAccount);
        QCOMPARE(e.customerId, kCustomer);
        QVERIFY(!e.outgoing);
        QCOMPARE(e.timestampMs, 1732900000123LL);
        QVERIFY(e.mid.startsWith(QStringLiteral("aWdfZAG1faXRlbToxOklHTWVzc2FnZA")));
        QCOMPARE(e.text, QStringLiteral("Hello \u00e4\u00f6\u00e5 \U0001F600"));
        QVERIFY(e.attachments.isEmpty());
        // rawJson is the messaging item itself, compact.
        const QJsonObject raw = QJsonDocument::fromJson(e.rawJson).object();
        QCOMPARE(raw.value(QLatin1String("message")).toObject().value(QLatin1String("mid")).toString(), e.mid);
        QVERIFY(!e.rawJson.contains('\n'));
    }

    void everyAttachmentType()
    {
        const auto events = parse("attachments");
        QCOMPARE(events.size(), 1);
        const InboundEvent &e = events.first();
        QCOMPARE(e.kind, Kind::Message);
        QStringList types;
        for (const auto &a : e.attachments)
            types << a.type;
        QCOMPARE(types, (QStringList{QStringLiteral("image"), QStringLiteral("video"), QStringLiteral("audio"),
                                     QStringLiteral("file"), QStringLiteral("share"), QStringLiteral("media"),
                                     QStringLiteral("story"), QStringLiteral("ig_story"), QStringLiteral("ig_post"),
                                     QStringLiteral("ig_reel"), QStringLiteral("reel"), QStringLiteral("ephemeral"),
                                     QStringLiteral("like_heart"), QStringLiteral("fallback"),
                                     QStringLiteral("unsupported_type")}));
        QVERIFY(e.attachments.at(0).url.endsWith(QStringLiteral("&t=image")));
        QCOMPARE(e.attachments.at(8).title, QStringLiteral("Post caption"));
        QCOMPARE(e.attachments.at(8).payload.value(QLatin1String("ig_post_media_id")).toString(),
                 QStringLiteral("17900000000000001"));
        QCOMPARE(e.attachments.at(9).payload.value(QLatin1String("reel_video_id")).toString(),
                 QStringLiteral("18087782618022081"));
        QVERIFY(e.attachments.at(11).url.isEmpty()); // ephemeral: no URL
        QVERIFY(e.attachments.at(12).payload.isEmpty());
        QCOMPARE(e.attachments.at(13).title, QStringLiteral("Fallback title"));
    }

    void storyMention()
    {
        const auto events = parse("story_mention");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::Message);
        QCOMPARE(events.first().attachments.size(), 1);
        QCOMPARE(events.first().attachments.first().type, QStringLiteral("story_mention"));
        QVERIFY(events.first().attachments.first().url.startsWith(QStringLiteral("https://lookaside")));
    }

    void replies()
    {
        const auto toMessage = parse("reply_to_message");
        QCOMPARE(toMessage.size(), 1);
        QCOMPARE(toMessage.first().replyToMid, QStringLiteral("mid.original"));
        QCOMPARE(toMessage.first().text, QStringLiteral("yes"));
        QVERIFY(toMessage.first().replyToStoryId.isEmpty());

        const auto toStory = parse("reply_to_story");
        QCOMPARE(toStory.size(), 1);
        QCOMPARE(toStory.first().kind, Kind::Message);
        QCOMPARE(toStory.first().replyToStoryId, QStringLiteral("17950000000000001"));
        QVERIFY(toStory.first().replyToStoryUrl.startsWith(QStringLiteral("https://lookaside")));
        QVERIFY(toStory.first().replyToMid.isEmpty());
    }

    void quickReplyAndAdReferral()
    {
        const auto qr = parse("quick_reply");
        QCOMPARE(qr.first().quickReplyPayload, QStringLiteral("YES_PAYLOAD"));
        QCOMPARE(qr.first().text, QStringLiteral("Yes"));

        const auto ad = parse("ad_referral");
        QCOMPARE(ad.first().kind, Kind::Message);
        QCOMPARE(ad.first().referral.value(QLatin1String("ad_id")).toString(), QStringLiteral("6000000000001"));
        QCOMPARE(ad.first().referral.value(QLatin1String("source")).toString(), QStringLiteral("ADS"));
    }

    void reactions()
    {
        const auto react = parse("reaction");
        QCOMPARE(react.size(), 1);
        QCOMPARE(react.first().kind, Kind::Reaction);
        QCOMPARE(react.first().mid, QStringLiteral("mid.reacted"));
        QCOMPARE(react.first().reaction, QStringLiteral("love"));
        QCOMPARE(react.first().emoji, QStringLiteral("\u2764\ufe0f"));
        QCOMPARE(react.first().customerId, kCustomer);

        const auto unreact = parse("unreaction");
        QCOMPARE(unreact.first().kind, Kind::Unreaction);
        QCOMPARE(unreact.first().mid, QStringLiteral("mid.reacted"));
        QVERIFY(unreact.first().reaction.isEmpty());
    }

    void readDeletedUnsupported()
    {
        const auto read = parse("read");
        QCOMPARE(read.first().kind, Kind::Read);
        QCOMPARE(read.first().mid, QStringLiteral("mid.lastseen"));

        const auto deleted = parse("deleted");
        QCOMPARE(deleted.first().kind, Kind::Deleted);
        QCOMPARE(deleted.first().mid, QStringLiteral("mid.unsent"));

        const auto unsupported = parse("unsupported");
        QCOMPARE(unsupported.first().kind, Kind::Message);
        QVERIFY(unsupported.first().isUnsupported);
    }

    void edits()
    {
        const auto s = parse("edit_string");
        QCOMPARE(s.first().kind, Kind::Edit);
        QCOMPARE(s.first().mid, QStringLiteral("mid.edited"));
        QCOMPARE(s.first().text, QStringLiteral("edited text"));
        QCOMPARE(s.first().editCount, 37);
        const auto i = parse("edit_int");
        QCOMPARE(i.first().editCount, 2);
    }

    void echoes()
    {
        const auto echo = parse("echo");
        QCOMPARE(echo.first().kind, Kind::Message);
        QVERIFY(echo.first().outgoing);
        QCOMPARE(echo.first().customerId, kCustomer); // the recipient on echoes
        QCOMPARE(echo.first().accountId, kAccount);
        QVERIFY(!echo.first().isSelf);

        const auto self = parse("self_echo");
        QVERIFY(self.first().outgoing);
        QVERIFY(self.first().isSelf);
        QCOMPARE(self.first().customerId, QStringLiteral("9990000000000001"));
        QCOMPARE(self.first().timestampMs, 1732900000123LL); // string timestamp in ms
    }

    void postbackAndReferral()
    {
        const auto p = parse("postback");
        QCOMPARE(p.first().kind, Kind::Postback);
        QCOMPARE(p.first().mid, QStringLiteral("mid.postback"));
        QCOMPARE(p.first().postbackTitle, QStringLiteral("Get started"));
        QCOMPARE(p.first().postbackPayload, QStringLiteral("ICEBREAKER_1"));
        QCOMPARE(p.first().timestampMs, 1502905976377LL);

        const auto r = parse("referral");
        QCOMPARE(r.first().kind, Kind::Referral);
        QCOMPARE(r.first().referral.value(QLatin1String("ref")).toString(), QStringLiteral("summer"));
        QCOMPARE(r.first().customerId, kCustomer);
    }

    void dashboardTestButton()
    {
        // changes[] with field "messages", entry id "0", timestamps as strings in seconds.
        const auto events = parse("dashboard_test");
        QCOMPARE(events.size(), 1);
        const InboundEvent &e = events.first();
        QCOMPARE(e.kind, Kind::Message);
        QCOMPARE(e.accountId, QStringLiteral("0"));
        QCOMPARE(e.customerId, QStringLiteral("12334"));
        QCOMPARE(e.mid, QStringLiteral("random_mid"));
        QCOMPARE(e.text, QStringLiteral("random_text"));
        QCOMPARE(e.timestampMs, 1527459824000LL);
    }

    void standby()
    {
        const auto events = parse("standby");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().mid, QStringLiteral("mid.standby"));
        QCOMPARE(events.first().kind, Kind::Message);
    }

    void batchAcrossEntriesInSeconds()
    {
        const auto events = parse("batch_seconds");
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).mid, QStringLiteral("mid.dup"));
        QCOMPARE(events.at(1).mid, QStringLiteral("mid.dup")); // duplicates are the store's to drop
        QCOMPARE(events.at(0).timestampMs, 1732900000000LL);
        QCOMPARE(events.at(2).accountId, QStringLiteral("17841400000000002"));
        QCOMPARE(events.at(2).timestampMs, 1732900001000LL);
    }

    void unknownKindsAreKeptRawAndLoggedOnce()
    {
        // Two POSTs with the same unknown kinds: each kind name is logged once for the process.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("not understood.*optin")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("not understood.*pass_thread_control")));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("not understood.*changes:comments")));
        const auto events = parse("unknown_kinds");
        QCOMPARE(events.size(), 3);
        for (const InboundEvent &e : events) {
            QCOMPARE(e.kind, Kind::Unknown);
            QCOMPARE(e.accountId, kAccount);
            QVERIFY(!e.rawJson.isEmpty());
        }
        QVERIFY(events.at(0).rawJson.contains("\"optin\""));
        QVERIFY(events.at(2).rawJson.contains("nice post"));
        QCOMPARE(events.at(2).timestampMs, 1732900000123LL); // from entry.time
        QList<InboundEvent> again;
        const int repeated = linesLogged("not understood", [&] { again = parse("unknown_kinds"); });
        QCOMPARE(again.size(), 3);
        QCOMPARE(repeated, 0); // already logged once: not again
        QCOMPARE(again.first().kind, Kind::Unknown);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms number") << QByteArray("1569262485349") << 1569262485349LL;
        QTest::newRow("s number") << QByteArray("1520383571") << 1520383571000LL;
        QTest::newRow("ms string") << QByteArray("\"1569262485349\"") << 1569262485349LL;
        QTest::newRow("s string") << QByteArray("\"1527459824\"") << 1527459824000LL;
        QTest::newRow("s fraction") << QByteArray("1520383571.5") << 1520383571000LL;
        QTest::newRow("iso") << QByteArray("\"2024-11-29T17:06:40.123Z\"") << 1732900000123LL;
        QTest::newRow("garbage") << QByteArray("\"soon\"") << 0LL;
        QTest::newRow("negative") << QByteArray("-5") << 0LL;
        // Beyond qint64: not a time (was undefined behaviour, found by tests/fuzz).
        QTest::newRow("huge number") << QByteArray("1.7e85") << 0LL;
        QTest::newRow("huge string") << QByteArray("\"1e300\"") << 0LL;
    }
    void timestamps()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, ms);
        const QJsonArray a = QJsonDocument::fromJson("[" + json + "]").array();
        QCOMPARE(webhookTimestampMs(a.first()), ms);
    }

    void numericIdsKeepAllDigits()
    {
        const QByteArray body = R"({"object":"instagram","entry":[{"id":17841400000000001,"time":1,
            "messaging":[{"sender":{"id":1234567890123456789},"recipient":{"id":17841400000000001},
            "timestamp":1569262485349,"message":{"mid":"m1","text":"x"}}]}]})";
        auto r = parseWebhookBody(body);
        QVERIFY(r.has_value());
        QCOMPARE(r->first().accountId, kAccount);
        QCOMPARE(r->first().customerId, QStringLiteral("1234567890123456789"));
    }

    void topLevelArrayIsAccepted()
    {
        auto r = parseWebhookBody("[" + fixture("text") + "]");
        QVERIFY(r.has_value());
        QCOMPARE(r->size(), 1);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << fixture("text").left(60);
        QTest::newRow("not json") << QByteArray("hello");
        QTest::newRow("page object") << fixture("not_instagram");
        QTest::newRow("no object") << QByteArray(R"({"entry":[]})");
        QTest::newRow("entry not array") << QByteArray(R"({"object":"instagram","entry":{}})");
        QTest::newRow("empty array") << QByteArray("[]");
    }
    void errors()
    {
        QFETCH(QByteArray, body);
        auto r = parseWebhookBody(body);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().kind, Error::Kind::Parse);
    }

    // One malformed part of a batch does not fail the batch: the valid events are parsed, the
    // bad part is kept raw (an Unknown event the store keeps), so the POST can be acknowledged.
    void malformedPartsAreKeptRaw_data()
    {
        QTest::addColumn<QByteArray>("bad");     // an entry[] element
        QTest::addColumn<QByteArray>("raw");     // what is kept of it
        QTest::addColumn<QString>("accountId");
        QTest::newRow("entry not an object") << QByteArray("1") << QByteArray("1") << QString();
        QTest::newRow("messaging not an array")
            << QByteArray(R"({"id":"9","messaging":{"a":1}})") << QByteArray(R"({"id":"9","messaging":{"a":1}})")
            << QStringLiteral("9");
        QTest::newRow("messaging item not an object")
            << QByteArray(R"({"id":"9","messaging":["x"]})") << QByteArray(R"("x")") << QStringLiteral("9");
        QTest::newRow("changes not an array")
            << QByteArray(R"({"id":"9","changes":"y"})") << QByteArray(R"("y")") << QStringLiteral("9");
        QTest::newRow("change not an object")
            << QByteArray(R"({"id":"9","changes":[null]})") << QByteArray("null") << QStringLiteral("9");
    }
    void malformedPartsAreKeptRaw()
    {
        QFETCH(QByteArray, bad);
        QFETCH(QByteArray, raw);
        QFETCH(QString, accountId);
        const QByteArray good = R"({"id":"1","time":1,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},)"
                                R"("timestamp":5,"message":{"mid":"m1","text":"x"}}]})";
        auto r = parseWebhookBody(R"({"object":"instagram","entry":[)" + good + "," + bad + "," + good + "]}");
        QVERIFY(r.has_value());
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).kind, Kind::Message);
        QCOMPARE(r->at(2).kind, Kind::Message);
        QCOMPARE(r->at(1).kind, Kind::Unknown);
        QCOMPARE(r->at(1).rawJson, raw);
        QCOMPARE(r->at(1).accountId, accountId);
    }

    void eventWithoutMidBecomesUnknown()
    {
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("not understood.*without mid")));
        auto r = parseWebhookBody(R"({"object":"instagram","entry":[{"id":"1","time":1,
            "messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":5,"message":{"text":"x"}}]}]})");
        QVERIFY(r.has_value());
        QCOMPARE(r->first().kind, Kind::Unknown);
        QVERIFY(r->first().rawJson.contains("\"text\":\"x\""));
    }

    // Last: it fills the process-wide set the logging tests above rely on.
    // Invented kinds (signed input may carry any field name) are each logged once, but the set that
    // remembers them is bounded: a stream of new names does not grow memory without end.
    void loggedUnknownKindsAreBounded()
    {
        QJsonArray changes;
        for (int i = 0; i < 2000; ++i)
            changes.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("invented_%1_").arg(i)
                                                                     + QString(500, QLatin1Char('x'))},
                                       {QStringLiteral("value"), QJsonObject{}}});
        const QJsonObject body{{QStringLiteral("object"), QStringLiteral("instagram")},
                               {QStringLiteral("entry"),
                                QJsonArray{QJsonObject{{QStringLiteral("id"), kAccount},
                                                       {QStringLiteral("time"), 1700000000},
                                                       {QStringLiteral("changes"), changes}}}}};
        auto events = parseWebhookBody(QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY(events);
        QCOMPARE(events->size(), 2000);
        QVERIFY(std::all_of(events->cbegin(), events->cend(),
                            [](const InboundEvent &e) { return e.kind == Kind::Unknown; }));
        QVERIFY(loggedUnknownKindCount() <= kMaxLoggedUnknownKinds);

        // Past the bound, "no longer logged" is said once, however many new kinds follow.
        const int limitLines = linesLogged("no longer logged", [&] {
            for (int round = 0; round < 3; ++round)
                parseWebhookBody(QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
        QCOMPARE(limitLines, 0); // said during the first parse above, not again
        QCOMPARE(loggedUnknownKindCount(), kMaxLoggedUnknownKinds);
    }
};

QTEST_GUILESS_MAIN(TestEventParser)
#include "tst_eventparser.moc"
