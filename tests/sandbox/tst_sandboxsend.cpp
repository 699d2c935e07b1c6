// The sandbox's Send API over real HTTP: messaging windows, HUMAN_AGENT, the 1000-byte limit,
// attachments, sender actions and the errors Instagram gives.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"

#include <QJsonArray>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

class TestSandboxSend : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        SandboxOptions options;
        options.customers = 4;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<Sandbox>(options);
        const auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_client = std::make_unique<SandboxTestClient>(*url);
        m_token = m_sandbox->issueToken(true);
        m_customer = m_sandbox->world().customers().first().profile.igsid;
        // The customer writes now: the standard window is open.
        QVERIFY(m_sandbox->injectEvent({{QStringLiteral("kind"), QStringLiteral("text")},
                                        {QStringLiteral("customer"), m_customer},
                                        {QStringLiteral("text"), QStringLiteral("hello")}})
                    .has_value());
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void textInsideTheWindowIsSentStoredAndLogged()
    {
        const HttpResult sent = sendText(QStringLiteral("Thanks for writing!"));
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.json().value(QStringLiteral("recipient_id")).toString(), m_customer);
        const QString mid = sent.json().value(QStringLiteral("message_id")).toString();
        QVERIFY(!mid.isEmpty());
        const WorldMessage *stored = m_sandbox->world().message(mid);
        QVERIFY(stored);
        QVERIFY(!stored->fromCustomer);
        QCOMPARE(stored->text, QStringLiteral("Thanks for writing!"));
        const QJsonArray log = m_client->get(QStringLiteral("/__sandbox/sent")).json().value(QStringLiteral("data")).toArray();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.last().toObject().value(QStringLiteral("message_id")).toString(), mid);
        // The newest message of the conversation, readable in detail.
        const HttpResult detail = m_client->get(QStringLiteral("/%1?fields=id,message,from,to").arg(mid), m_token);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(QStringLiteral("message")).toString(), QStringLiteral("Thanks for writing!"));
        QCOMPARE(detail.json().value(QStringLiteral("from")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("17841400000000001"));
    }

    // Two independent projects guard against an echo whose mid differs from the Send API's
    // message_id; POST /__sandbox/quirks {"echo_mid":"different"} makes the sandbox do that:
    // Instagram then knows the message (echo, Conversations API, reactions) by the other mid only.
    void echoMidCanDifferFromTheSendApisMessageId()
    {
        QCOMPARE(m_client
                     ->control(QStringLiteral("quirks"),
                         { { QStringLiteral("echo_mid"), QStringLiteral("sometimes") } })
                     .status,
            400);
        const HttpResult on = m_client->control(QStringLiteral("quirks"),
            { { QStringLiteral("echo_mid"), QStringLiteral("different") } });
        QCOMPARE(
            on.json().value(QStringLiteral("echo_mid")).toString(), QStringLiteral("different"));
        const HttpResult sent = sendText(QStringLiteral("Two mids"));
        QCOMPARE(sent.status, 200);
        const QString messageId = sent.json().value(QStringLiteral("message_id")).toString();
        const QJsonObject logged = m_client->get(QStringLiteral("/__sandbox/sent"))
                                       .json()
                                       .value(QStringLiteral("data"))
                                       .toArray()
                                       .last()
                                       .toObject();
        QCOMPARE(logged.value(QStringLiteral("message_id")).toString(), messageId);
        const QString echoMid = logged.value(QStringLiteral("echo_mid")).toString();
        QVERIFY(!echoMid.isEmpty());
        QVERIFY(echoMid != messageId);
        QVERIFY(!m_sandbox->world().message(messageId));
        QCOMPARE(m_sandbox->world().message(echoMid)->text, QStringLiteral("Two mids"));
        QCOMPARE(m_client->get(QStringLiteral("/%1?fields=message").arg(echoMid), m_token)
                     .json()
                     .value(QStringLiteral("message"))
                     .toString(),
            QStringLiteral("Two mids"));
        QCOMPARE(
            m_client->get(QStringLiteral("/%1?fields=message").arg(messageId), m_token).graphCode(),
            100);
        // Back to one mid.
        m_client->control(
            QStringLiteral("quirks"), { { QStringLiteral("echo_mid"), QStringLiteral("same") } });
        const HttpResult again = sendText(QStringLiteral("One mid"));
        QVERIFY(m_sandbox->world().message(
            again.json().value(QStringLiteral("message_id")).toString()));
    }

    void igIdPathAndQueryTokenWork()
    {
        const QJsonObject body{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                               {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}}};
        QCOMPARE(m_client->postJson(QStringLiteral("/v25.0/17841400000000001/messages?access_token=") + m_token, body).status, 200);
    }

    void standardWindowClosesAfter24Hours()
    {
        advance(24 * 3600 + 60);
        const HttpResult refused = sendText(QStringLiteral("late"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.graphCode(), 10);
        QCOMPARE(refused.graphSubcode(), 2534022);
        QVERIFY(m_client->get(QStringLiteral("/__sandbox/sent")).json().value(QStringLiteral("data")).toArray().isEmpty());
    }

    void humanAgentTagAllowsSevenDays()
    {
        advance(3 * 24 * 3600);
        QCOMPARE(sendText(QStringLiteral("tagged"), {{QStringLiteral("messaging_type"), QStringLiteral("MESSAGE_TAG")},
                                                    {QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT")}}).status, 200);
        // The tag alone (Meta's Postman sample) works too.
        QCOMPARE(sendText(QStringLiteral("tag only"), {{QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT")}}).status, 200);
        advance(4 * 24 * 3600 + 60);
        const HttpResult refused = sendText(QStringLiteral("too late"), {{QStringLiteral("messaging_type"), QStringLiteral("MESSAGE_TAG")},
                                                                        {QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT")}});
        QCOMPARE(refused.graphCode(), 10);
        QCOMPARE(refused.graphSubcode(), 2534022);
    }

    void aNewCustomerMessageReopensTheWindow()
    {
        advance(2 * 24 * 3600);
        QCOMPARE(sendText(QStringLiteral("x")).graphCode(), 10);
        QVERIFY(m_sandbox->injectEvent({{QStringLiteral("kind"), QStringLiteral("image")}, {QStringLiteral("customer"), m_customer}}).has_value());
        QCOMPARE(sendText(QStringLiteral("x")).status, 200);
    }

    void textLimitIsInUtf8Bytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("1000 ascii") << QString(1000, QLatin1Char('a')) << true;
        QTest::newRow("1001 ascii") << QString(1001, QLatin1Char('a')) << false;
        QTest::newRow("500 x 2-byte = 1000 bytes") << QString(500, QChar(0xE9)) << true;
        QTest::newRow("501 x 2-byte = 1002 bytes") << QString(501, QChar(0xE9)) << false;
        QTest::newRow("1000 characters, 2000 bytes") << QString(1000, QChar(0xE9)) << false;
        QTest::newRow("250 emoji = 1000 bytes") << QString::fromUtf8(QByteArray("\xF0\x9F\x98\x80").repeated(250)) << true;
    }
    void textLimitIsInUtf8Bytes()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const HttpResult result = sendText(text);
        if (accepted) {
            QCOMPARE(result.status, 200);
        } else {
            QCOMPARE(result.status, 400);
            QCOMPARE(result.graphCode(), 100);
        }
    }

    void recipientErrors()
    {
        const HttpResult unknown = sendTo(QStringLiteral("9999999999999999"), QStringLiteral("hi"));
        QCOMPARE(unknown.graphCode(), 100);
        QCOMPARE(unknown.graphSubcode(), 2534014);
        QCOMPARE(m_client->control(QStringLiteral("customers/%1/unavailable").arg(m_customer)).status, 200);
        const HttpResult unavailable = sendText(QStringLiteral("hi"));
        QCOMPARE(unavailable.status, 400);
        QCOMPARE(unavailable.graphCode(), 551);
        QCOMPARE(m_client->del(QStringLiteral("/__sandbox/customers/%1/unavailable").arg(m_customer)).status, 200);
        QCOMPARE(sendText(QStringLiteral("hi")).status, 200);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("{\"recipient\": {\"id\": ");
        QTest::newRow("json array") << QByteArray("[1,2]");
        QTest::newRow("no recipient") << QByteArray("{\"message\":{\"text\":\"x\"}}");
        QTest::newRow("no message") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"}}");
        QTest::newRow("empty message") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"message\":{}}");
        QTest::newRow("message and action") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"message\":{\"text\":\"x\"},\"sender_action\":\"typing_on\"}");
        QTest::newRow("tag without value") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"messaging_type\":\"MESSAGE_TAG\",\"message\":{\"text\":\"x\"}}");
        QTest::newRow("unknown tag") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"tag\":\"POST_PURCHASE_UPDATE\",\"message\":{\"text\":\"x\"}}");
        QTest::newRow("bad attachment type") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"message\":{\"attachment\":{\"type\":\"hologram\",\"payload\":{\"url\":\"https://x.example/a.png\"}}}}");
        QTest::newRow("attachment without url") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"message\":{\"attachment\":{\"type\":\"image\",\"payload\":{}}}}");
        QTest::newRow("bad sender action") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"dance\"}");
        QTest::newRow("react to unknown mid") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\",\"payload\":{\"message_id\":\"nope\",\"reaction\":\"love\"}}");
        QTest::newRow("react with text") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\",\"payload\":{\"message_id\":\"CUSTOMER_MID\",\"reaction\":\"great\"}}");
        // Instagram takes only "love" from a business: other names and emoji are refused.
        QTest::newRow("react like")
            << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\","
                          "\"payload\":{\"message_id\":\"CUSTOMER_MID\",\"reaction\":\"like\"}}");
        QTest::newRow("react laughing emoji")
            << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\","
                          "\"payload\":{\"message_id\":\"CUSTOMER_MID\",\"reaction\":\"😂\"}}");
        QTest::newRow("react heart emoji")
            << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\","
                          "\"payload\":{\"message_id\":\"CUSTOMER_MID\",\"reaction\":\"❤️\"}}");
        QTest::newRow("reply_to inside message")
            << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"message\":{\"text\":\"x\","
                          "\"reply_to\":{\"mid\":\"CUSTOMER_MID\"}}}");
        QTest::newRow("react without reaction") << QByteArray("{\"recipient\":{\"id\":\"RECIPIENT\"},\"sender_action\":\"react\",\"payload\":{\"message_id\":\"CUSTOMER_MID\"}}");
        QTest::newRow("react in another conversation") << QByteArray("{\"recipient\":{\"id\":\"OTHER\"},\"sender_action\":\"react\",\"payload\":{\"message_id\":\"CUSTOMER_MID\",\"reaction\":\"love\"}}");
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, body);
        body.replace("RECIPIENT", m_customer.toUtf8());
        body.replace("CUSTOMER_MID", m_sandbox->world().latestMid(m_customer, true).toUtf8());
        if (body.contains("OTHER")) {
            // Another customer, who wrote too (their window is open): not their message.
            const QString other = m_sandbox->world().customers().at(1).profile.igsid;
            QVERIFY(m_sandbox->injectEvent({{QStringLiteral("kind"), QStringLiteral("text")}, {QStringLiteral("customer"), other}, {QStringLiteral("text"), QStringLiteral("hi")}})
                        .has_value());
            body.replace("OTHER", other.toUtf8());
        }
        const HttpResult result = m_client->postRaw(QStringLiteral("/me/messages"), body, "application/json", m_token);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.graphCode(), 100);
        QCOMPARE(result.graphError().value(QStringLiteral("type")).toString(), QStringLiteral("OAuthException"));
    }

    void tokenIsRequired()
    {
        const QJsonObject body{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                               {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}}};
        QVERIFY(m_client->postJson(QStringLiteral("/me/messages"), body).status >= 400);
        QCOMPARE(m_client->postJson(QStringLiteral("/me/messages"), body, QStringLiteral("IGAAwrong")).graphCode(), 190);
    }

    void attachments()
    {
        // Instagram fetches each media URL: the sandbox's demo media are reachable, one per type.
        const auto media = [this](const char *type, const char *name) {
            const QString url = m_client->url(QStringLiteral("/__sandbox/media/") + QLatin1String(name)).toString();
            return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                               {QStringLiteral("payload"), QJsonObject{{QStringLiteral("url"), url}}}};
        };
        const QJsonObject image = media("image", "latte.png");
        QCOMPARE(sendMessage({{QStringLiteral("attachment"), image}}).status, 200);
        QCOMPARE(sendMessage({{QStringLiteral("attachments"), QJsonArray{image, image}}}).status, 200);
        QCOMPARE(sendMessage({{QStringLiteral("attachment"), QJsonObject{{QStringLiteral("type"), QStringLiteral("like_heart")}}}}).status, 200);
        QCOMPARE(sendMessage({{QStringLiteral("attachment"), media("video", "clip.mp4")}}).status, 200);
        QCOMPARE(sendMessage({{QStringLiteral("attachment"), media("audio", "voice-note.wav")}}).status, 200);
        QCOMPARE(sendMessage({{QStringLiteral("attachment"), media("file", "menu.pdf")}}).status, 200);
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(image);
        QCOMPARE(sendMessage({{QStringLiteral("attachments"), eleven}}).graphCode(), 100);
    }

    // reply_to goes at the top level, beside recipient (instagram-api.md §11).
    void inlineReplies()
    {
        const QString customerMid = m_sandbox->world().latestMid(m_customer, true);
        const QJsonObject replyTo { { QStringLiteral("reply_to"),
            QJsonObject { { QStringLiteral("mid"), customerMid } } } };
        const HttpResult reply
            = sendMessage({ { QStringLiteral("text"), QStringLiteral("yes") } }, replyTo);
        QCOMPARE(reply.status, 200);
        const QString mid = reply.json().value(QStringLiteral("message_id")).toString();
        QCOMPARE(m_sandbox->world().message(mid)->replyToMid, customerMid);
        const HttpResult detail = m_client->get(QStringLiteral("/%1?fields=reply_to").arg(mid), m_token);
        QCOMPARE(detail.json()[QStringLiteral("reply_to")][QStringLiteral("mid")].toString(), customerMid);
        const QJsonArray log = m_client->get(QStringLiteral("/__sandbox/sent"))
                                   .json()
                                   .value(QStringLiteral("data"))
                                   .toArray();
        QCOMPARE(log.last()
                     .toObject()
                     .value(QStringLiteral("reply_to"))
                     .toObject()
                     .value(QStringLiteral("mid"))
                     .toString(),
            customerMid);
        QCOMPARE(sendMessage({ { QStringLiteral("text"), QStringLiteral("yes") } },
                     { { QStringLiteral("reply_to"),
                         QJsonObject { { QStringLiteral("mid"), QStringLiteral("nope") } } } })
                     .graphCode(),
            100);
    }

    // Inside message, Graph refuses reply_to as an unknown key: HTTP 400, OAuthException, code 100.
    void replyToInsideMessageIsRefusedAsGraphDoes()
    {
        const QString customerMid = m_sandbox->world().latestMid(m_customer, true);
        const HttpResult nested = sendMessage({ { QStringLiteral("text"), QStringLiteral("yes") },
            { QStringLiteral("reply_to"),
                QJsonObject { { QStringLiteral("mid"), customerMid } } } });
        QCOMPARE(nested.status, 400);
        QCOMPARE(nested.graphCode(), 100);
        QCOMPARE(nested.graphError().value(QStringLiteral("type")).toString(),
            QStringLiteral("OAuthException"));
        QCOMPARE(nested.graphError().value(QStringLiteral("message")).toString(),
            QStringLiteral("(#100) Invalid keys \"reply_to\" were found in param \"message\"."));
        QCOMPARE(m_client->get(QStringLiteral("/__sandbox/sent"))
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);
        // The same for any key Graph does not know there.
        const HttpResult unknown = sendMessage({ { QStringLiteral("text"), QStringLiteral("yes") },
            { QStringLiteral("preview"), true } });
        QCOMPARE(unknown.graphError().value(QStringLiteral("message")).toString(),
            QStringLiteral("(#100) Invalid keys \"preview\" were found in param \"message\"."));
    }

    void senderActions()
    {
        const QString customerMid = m_sandbox->world().latestMid(m_customer, true);
        for (const char *action : {"typing_on", "typing_off", "mark_seen"}) {
            const HttpResult r = m_client->postJson(
                QStringLiteral("/me/messages"),
                {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                 {QStringLiteral("sender_action"), QLatin1String(action)}},
                m_token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QStringLiteral("recipient_id")).toString(), m_customer);
            QVERIFY(!r.json().contains(QStringLiteral("message_id")));
        }
        const HttpResult react = m_client->postJson(
            QStringLiteral("/me/messages"),
            {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
             {QStringLiteral("sender_action"), QStringLiteral("react")},
             {QStringLiteral("payload"), QJsonObject{{QStringLiteral("message_id"), customerMid}, {QStringLiteral("reaction"), QStringLiteral("love")}}}},
            m_token);
        QCOMPARE(react.status, 200);
        QCOMPARE(m_sandbox->world().message(customerMid)->businessReaction, QStringLiteral("love"));
        const HttpResult reactions = m_client->get(QStringLiteral("/%1?fields=reactions").arg(customerMid), m_token);
        QCOMPARE(reactions.json().value(QStringLiteral("reactions")).toObject().value(QStringLiteral("data")).toArray().size(), 1);

        // Only "love": other names and emoji are refused (and change nothing); unreact takes it
        // away.
        const auto reactWith = [&](const QString &action, const QJsonObject &payload) {
            return m_client->postJson(QStringLiteral("/me/messages"),
                                      {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                                       {QStringLiteral("sender_action"), action},
                                       {QStringLiteral("payload"), payload}},
                                      m_token);
        };
        for (const QString &refused :
            { QStringLiteral("like"), QStringLiteral("😂"), QStringLiteral("❤️") }) {
            const HttpResult r = reactWith(QStringLiteral("react"),
                { { QStringLiteral("message_id"), customerMid },
                    { QStringLiteral("reaction"), refused } });
            QCOMPARE(r.status, 400);
            QCOMPARE(r.graphCode(), 100);
            QCOMPARE(r.graphError().value(QStringLiteral("message")).toString(),
                QStringLiteral("(#100) Param payload[reaction] must be one of {love}"));
        }
        QCOMPARE(m_sandbox->world().message(customerMid)->businessReaction, QStringLiteral("love"));
        const HttpResult stored
            = m_client->get(QStringLiteral("/%1?fields=reactions").arg(customerMid), m_token);
        const QJsonArray data = stored.json()
                                    .value(QStringLiteral("reactions"))
                                    .toObject()
                                    .value(QStringLiteral("data"))
                                    .toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).toObject().value(QStringLiteral("reaction")).toString(),
            QStringLiteral("love"));
        QCOMPARE(reactWith(QStringLiteral("unreact"), {{QStringLiteral("message_id"), customerMid}}).status, 200);
        QVERIFY(m_sandbox->world().message(customerMid)->businessReaction.isEmpty());
        QVERIFY(!m_client->get(QStringLiteral("/%1?fields=reactions").arg(customerMid), m_token).json().contains(QStringLiteral("reactions")));
    }

private:
    HttpResult sendMessage(const QJsonObject &message, const QJsonObject &extra = {}, const QString &to = {})
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), to.isEmpty() ? m_customer : to}});
        body.insert(QStringLiteral("message"), message);
        return m_client->postJson(QStringLiteral("/me/messages"), body, m_token);
    }
    HttpResult sendText(const QString &text, const QJsonObject &extra = {})
    {
        return sendMessage({{QStringLiteral("text"), text}}, extra);
    }
    HttpResult sendTo(const QString &to, const QString &text)
    {
        return sendMessage({{QStringLiteral("text"), text}}, {}, to);
    }
    void advance(qint64 seconds)
    {
        m_client->control(QStringLiteral("clock/advance"), {{QStringLiteral("seconds"), seconds}});
    }

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TestSandboxSend)
#include "tst_sandboxsend.moc"
