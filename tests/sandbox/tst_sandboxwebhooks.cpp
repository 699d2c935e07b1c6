// Webhook subscriptions against the sandbox: Meta's verification handshake against a callback
// served by this test, then delivery of customer events and echoes, with the signature checked
// here independently of the sandbox's own signing code.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/world.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

namespace {

const QString kVerifyToken = QStringLiteral("meaty hamhock&=");
// graph.facebook.com's app token: the Meta app's pair (App settings > Basic), not the Instagram
// one.
const QString kAppToken = QStringLiteral("2000000000000002|sandbox-meta-app-secret");
const QString kInstagramPair = QStringLiteral("1000000000000001|sandbox-app-secret");

struct Delivery {
    QByteArray body;
    QByteArray signature;
};

} // namespace

class TestSandboxWebhooks : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_posts.clear();
        m_handshakes = 0;
        m_challengeOverride.clear();
        m_failNextPosts = 0;
        m_callback = std::make_unique<QHttpServer>();
        m_callback->route(QStringLiteral("/hook"), [this](const QHttpServerRequest &request) {
            if (request.method() == QHttpServerRequest::Method::Get) {
                ++m_handshakes;
                const QUrlQuery q = request.query();
                if (q.queryItemValue(QStringLiteral("hub.mode")) != QLatin1String("subscribe")
                    || q.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded) != kVerifyToken)
                    return QHttpServerResponse("text/plain", "forbidden", QHttpServerResponse::StatusCode::Forbidden);
                const QByteArray challenge = m_challengeOverride.isEmpty()
                    ? q.queryItemValue(QStringLiteral("hub.challenge")).toUtf8()
                    : m_challengeOverride;
                return QHttpServerResponse("text/plain", challenge);
            }
            if (m_failNextPosts > 0) {
                --m_failNextPosts;
                return QHttpServerResponse("text/plain", "busy", QHttpServerResponse::StatusCode::InternalServerError);
            }
            m_posts.append({request.body(), request.value("x-hub-signature-256")});
            return QHttpServerResponse("text/plain", "EVENT_RECEIVED");
        });
        const quint16 port = m_callback->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_callbackUrl = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);

        SandboxOptions options;
        options.customers = 3;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<Sandbox>(options);
        const auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_sandbox->delivery().setRetryBackoff(50, 200);
        m_client = std::make_unique<SandboxTestClient>(*url);
        m_token = m_sandbox->issueToken(true);
        m_customer = m_sandbox->world().customers().first().profile.igsid;
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
        m_callback.reset();
    }

    void handshakeWithWrongVerifyTokenIsRefused()
    {
        const HttpResult refused = subscribe(QStringLiteral("not the token"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.graphCode(), 2200);
        QCOMPARE(m_handshakes, 1);
        QVERIFY(
            m_client
                ->get(QStringLiteral("/2000000000000002/subscriptions?access_token=") + kAppToken)
                .json()
                .value(QStringLiteral("data"))
                .toArray()
                .isEmpty());
    }

    void handshakeWithWrongChallengeIsRefused()
    {
        m_challengeOverride = "12345";
        const HttpResult refused = subscribe(kVerifyToken);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.graphCode(), 2201);
    }

    void unreachableCallbackIsRefused()
    {
        const HttpResult refused
            = m_client->postForm(QStringLiteral("/v25.0/2000000000000002/subscriptions"),
                { { QStringLiteral("object"), QStringLiteral("instagram") },
                    { QStringLiteral("callback_url"), QStringLiteral("http://127.0.0.1:1/hook") },
                    { QStringLiteral("fields"), QStringLiteral("messages") },
                    { QStringLiteral("verify_token"), kVerifyToken },
                    { QStringLiteral("access_token"), kAppToken } });
        QCOMPARE(refused.graphCode(), 2200);
    }

    void subscriptionNeedsTheAppToken()
    {
        const HttpResult userToken
            = m_client->postForm(QStringLiteral("/2000000000000002/subscriptions"),
                { { QStringLiteral("object"), QStringLiteral("instagram") },
                    { QStringLiteral("callback_url"), m_callbackUrl },
                    { QStringLiteral("fields"), QStringLiteral("messages") },
                    { QStringLiteral("verify_token"), kVerifyToken },
                    { QStringLiteral("access_token"), m_token } });
        QCOMPARE(userToken.status, 400);
        QCOMPARE(userToken.graphCode(), 15);
        QCOMPARE(m_handshakes, 0);
        const HttpResult badObject
            = m_client->postForm(QStringLiteral("/2000000000000002/subscriptions"),
                { { QStringLiteral("object"), QStringLiteral("page") },
                    { QStringLiteral("callback_url"), m_callbackUrl },
                    { QStringLiteral("fields"), QStringLiteral("messages") },
                    { QStringLiteral("verify_token"), kVerifyToken },
                    { QStringLiteral("access_token"), kAppToken } });
        QCOMPARE(badObject.graphCode(), 100);
    }

    // The Instagram App ID/Secret is OAuth's pair: graph.facebook.com refuses it as an app token
    // (190, the error for an app token that does not validate) on either app id, and the Meta
    // app's token cannot reach the Instagram App ID's node.
    void instagramPairIsRefusedForTheAppSubscription()
    {
        for (const QString &appId :
            { QStringLiteral("2000000000000002"), QStringLiteral("1000000000000001") }) {
            const QString path = QStringLiteral("/v25.0/%1/subscriptions").arg(appId);
            const HttpResult post = m_client->postForm(path,
                { { QStringLiteral("object"), QStringLiteral("instagram") },
                    { QStringLiteral("callback_url"), m_callbackUrl },
                    { QStringLiteral("fields"), QStringLiteral("messages") },
                    { QStringLiteral("verify_token"), kVerifyToken },
                    { QStringLiteral("access_token"), kInstagramPair } });
            QCOMPARE(post.status, 400);
            QCOMPARE(post.graphCode(), 190);
            QCOMPARE(
                m_client->get(path + QStringLiteral("?access_token=") + kInstagramPair).graphCode(),
                190);
        }
        const HttpResult wrongNode
            = m_client->postForm(QStringLiteral("/1000000000000001/subscriptions"),
                { { QStringLiteral("object"), QStringLiteral("instagram") },
                    { QStringLiteral("callback_url"), m_callbackUrl },
                    { QStringLiteral("fields"), QStringLiteral("messages") },
                    { QStringLiteral("verify_token"), kVerifyToken },
                    { QStringLiteral("access_token"), kAppToken } });
        QCOMPARE(wrongNode.graphCode(), 100);
        QCOMPARE(m_handshakes, 0);
        QCOMPARE(subscribe(kVerifyToken).status, 200); // the Meta pair on its own id
        QCOMPARE(m_handshakes, 1);
    }

    void theSigningSecretCanBeSwitchedToTheInstagramOne()
    {
        QCOMPARE(m_client->get(QStringLiteral("/__sandbox/webhooks/signing"))
                     .json()
                     .value(QStringLiteral("secret"))
                     .toString(),
            QStringLiteral("meta"));
        QVERIFY(subscribe(kVerifyToken).status == 200);
        installOnAccount();
        inject(QStringLiteral("text"), QStringLiteral("signed with the meta secret"));
        QTRY_COMPARE_WITH_TIMEOUT(m_posts.size(), 1, 5000);
        verifySignature(m_posts.last());

        const HttpResult switched = m_client->control(QStringLiteral("webhooks/signing"),
            { { QStringLiteral("secret"), QStringLiteral("instagram") } });
        QCOMPARE(switched.status, 200);
        QCOMPARE(switched.json().value(QStringLiteral("secret")).toString(),
            QStringLiteral("instagram"));
        inject(QStringLiteral("text"), QStringLiteral("signed with the instagram secret"));
        QTRY_COMPARE_WITH_TIMEOUT(m_posts.size(), 2, 5000);
        verifySignature(m_posts.last(), "sandbox-app-secret");

        QCOMPARE(m_client
                     ->control(QStringLiteral("webhooks/signing"),
                         { { QStringLiteral("secret"), QStringLiteral("both") } })
                     .status,
            400);
        QCOMPARE(m_client->control(QStringLiteral("webhooks/signing"), {}).status, 400);
    }

    void eventsFlowOnlyOnceSubscribedAtBothLevels()
    {
        QCOMPARE(subscribe(kVerifyToken).json().value(QStringLiteral("success")).toBool(), true);
        const QJsonArray listed
            = m_client
                  ->get(QStringLiteral("/2000000000000002/subscriptions?access_token=") + kAppToken)
                  .json()
                  .value(QStringLiteral("data"))
                  .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[QStringLiteral("callback_url")].toString(), m_callbackUrl);

        // The account has not installed the app yet: nothing is delivered, neither now nor once
        // it has: the first delivery (which it would have been in, or come before) holds only
        // the message written after the install.
        inject(QStringLiteral("text"), QStringLiteral("before install"));

        installOnAccount();
        const QString mid = inject(QStringLiteral("text"), QStringLiteral("after install"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_posts.isEmpty(), 5000);
        const Delivery d = m_posts.first();
        QCOMPARE(
            QJsonDocument::fromJson(d.body)[QStringLiteral("entry")][0][QStringLiteral("messaging")]
                .toArray()
                .size(),
            1);
        verifySignature(d);
        const QJsonObject envelope = QJsonDocument::fromJson(d.body).object();
        QCOMPARE(envelope.value(QStringLiteral("object")).toString(), QStringLiteral("instagram"));
        const QJsonObject entry = envelope.value(QStringLiteral("entry")).toArray().first().toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), QStringLiteral("17841400000000001"));
        const QJsonObject item = entry.value(QStringLiteral("messaging")).toArray().first().toObject();
        QCOMPARE(item[QStringLiteral("sender")][QStringLiteral("id")].toString(), m_customer);
        QCOMPARE(item[QStringLiteral("recipient")][QStringLiteral("id")].toString(), QStringLiteral("17841400000000001"));
        QCOMPARE(item[QStringLiteral("message")][QStringLiteral("mid")].toString(), mid);
        QCOMPARE(item[QStringLiteral("message")][QStringLiteral("text")].toString(), QStringLiteral("after install"));
    }

    void sentMessagesComeBackAsEchoes()
    {
        QVERIFY(subscribe(kVerifyToken).status == 200);
        installOnAccount();
        inject(QStringLiteral("text"), QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(itemCount(), 1, 5000);
        const HttpResult sent = m_client->postJson(
            QStringLiteral("/me/messages"),
            {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
             {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Hello from the shop")}}}},
            m_token);
        QCOMPARE(sent.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(itemCount(), 2, 5000);
        const QJsonObject echo = allItems().last();
        QCOMPARE(echo[QStringLiteral("sender")][QStringLiteral("id")].toString(), QStringLiteral("17841400000000001"));
        QCOMPARE(echo[QStringLiteral("recipient")][QStringLiteral("id")].toString(), m_customer);
        QCOMPARE(echo[QStringLiteral("message")][QStringLiteral("is_echo")].toBool(), true);
        QCOMPARE(echo[QStringLiteral("message")][QStringLiteral("mid")].toString(), sent.json().value(QStringLiteral("message_id")).toString());
    }

    // instagram-api.md §2.7: no webhook for reactions the business makes (only the message echo).
    void businessReactionsAreNotEchoed()
    {
        QVERIFY(subscribe(kVerifyToken).status == 200);
        installOnAccount();
        inject(QStringLiteral("text"), QStringLiteral("love it"));
        QTRY_COMPARE_WITH_TIMEOUT(itemCount(), 1, 5000);
        const QString mid = m_sandbox->world().latestMid(m_customer, true);
        for (const QString &action : {QStringLiteral("react"), QStringLiteral("unreact")}) {
            QJsonObject payload{{QStringLiteral("message_id"), mid}};
            if (action == QLatin1String("react"))
                payload.insert(QStringLiteral("reaction"), QStringLiteral("love"));
            const HttpResult r = m_client->postJson(QStringLiteral("/me/messages"),
                                                    {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                                                     {QStringLiteral("sender_action"), action},
                                                     {QStringLiteral("payload"), payload}},
                                                    m_token);
            QCOMPARE(r.status, 200);
        }
        // A message sent afterwards is echoed: had the reactions been delivered, they came first.
        QCOMPARE(m_client->postJson(QStringLiteral("/me/messages"),
                                    {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                                     {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("thanks")}}}},
                                    m_token)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(itemCount(), 2, 5000);
        QTest::qWait(100);
        QCOMPARE(itemCount(), 2);
        QVERIFY(allItems().last()[QStringLiteral("message")][QStringLiteral("is_echo")].toBool());
    }

    void everyEventKindIsDelivered()
    {
        QVERIFY(subscribe(kVerifyToken, QStringLiteral("messages,message_reactions,messaging_seen,message_edit,messaging_postbacks,messaging_referral")).status == 200);
        installOnAccount();
        m_client->postJson(QStringLiteral("/me/messages"),
                           {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                            {QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT")},
                            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}}},
                           m_token);
        const QStringList kinds{QStringLiteral("text"), QStringLiteral("image"), QStringLiteral("video"), QStringLiteral("audio"),
                                QStringLiteral("file"), QStringLiteral("share"), QStringLiteral("story_mention"), QStringLiteral("reel"),
                                QStringLiteral("reply"), QStringLiteral("story_reply"), QStringLiteral("reaction"),
                                QStringLiteral("unreaction"), QStringLiteral("read"), QStringLiteral("edit"), QStringLiteral("unsend"),
                                QStringLiteral("postback"), QStringLiteral("referral"), QStringLiteral("quick_reply")};
        for (const QString &kind : kinds) {
            const HttpResult r = m_client->control(QStringLiteral("events"),
                                                   {{QStringLiteral("kind"), kind}, {QStringLiteral("customer"), m_customer},
                                                    {QStringLiteral("text"), QStringLiteral("t")}});
            QVERIFY2(r.status == 200, qPrintable(kind + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
        // The echo (if the window allowed it) plus one item per kind.
        QTRY_VERIFY_WITH_TIMEOUT(itemCount() >= kinds.size(), 5000);
        QStringList keys;
        for (const QJsonObject &item : allItems()) {
            for (const QString &k : {QStringLiteral("message"), QStringLiteral("reaction"), QStringLiteral("read"),
                                     QStringLiteral("message_edit"), QStringLiteral("postback"), QStringLiteral("referral")}) {
                if (item.contains(k))
                    keys.append(k);
            }
        }
        for (const char *k : {"message", "reaction", "read", "message_edit", "postback", "referral"})
            QVERIFY2(keys.contains(QLatin1String(k)), k);
        QCOMPARE(m_client->control(QStringLiteral("events"), {{QStringLiteral("kind"), QStringLiteral("dance")},
                                                               {QStringLiteral("customer"), m_customer}}).status, 400);
        QCOMPARE(m_client->control(QStringLiteral("events"), {{QStringLiteral("kind"), QStringLiteral("text")},
                                                               {QStringLiteral("customer"), QStringLiteral("0")}}).status, 400);
    }

    // A customer's reaction as Instagram sends it: a name and its emoji, a name only, or an emoji
    // only (instagram-api.md §2.7); the control API can produce each shape.
    void reactionsCarryANameAnEmojiOrBoth_data()
    {
        QTest::addColumn<QJsonObject>("spec");
        QTest::addColumn<QJsonObject>("expected"); // the reaction object without mid and action
        QTest::newRow("default: love with its emoji")
            << QJsonObject {}
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("love") },
                   { QStringLiteral("emoji"), QStringLiteral("❤️") } };
        QTest::newRow("name and its emoji")
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("wow") } }
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("wow") },
                   { QStringLiteral("emoji"), QStringLiteral("😮") } };
        QTest::newRow("name only")
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("laugh") },
                   { QStringLiteral("emoji"), QString() } }
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("laugh") } };
        QTest::newRow("emoji only")
            << QJsonObject { { QStringLiteral("emoji"), QStringLiteral("🔥") } }
            << QJsonObject { { QStringLiteral("emoji"), QStringLiteral("🔥") } };
        QTest::newRow("other with an emoji")
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("other") },
                   { QStringLiteral("emoji"), QStringLiteral("🥰") } }
            << QJsonObject { { QStringLiteral("reaction"), QStringLiteral("other") },
                   { QStringLiteral("emoji"), QStringLiteral("🥰") } };
    }
    void reactionsCarryANameAnEmojiOrBoth()
    {
        QFETCH(QJsonObject, spec);
        QFETCH(QJsonObject, expected);
        QVERIFY(
            subscribe(kVerifyToken, QStringLiteral("messages,message_reactions")).status == 200);
        installOnAccount();
        const HttpResult sent = m_client->postJson(QStringLiteral("/me/messages"),
            { { QStringLiteral("recipient"), QJsonObject { { QStringLiteral("id"), m_customer } } },
                { QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT") },
                { QStringLiteral("message"),
                    QJsonObject { { QStringLiteral("text"), QStringLiteral("x") } } } },
            m_token);
        const QString businessMid = sent.json().value(QStringLiteral("message_id")).toString();
        QVERIFY(!businessMid.isEmpty());
        spec.insert(QStringLiteral("kind"), QStringLiteral("reaction"));
        spec.insert(QStringLiteral("customer"), m_customer);
        const HttpResult r = m_client->control(QStringLiteral("events"), spec);
        QVERIFY2(r.status == 200, r.body.constData());
        const auto hasReaction = [this] {
            const QList<QJsonObject> items = allItems();
            return std::any_of(items.cbegin(), items.cend(),
                [](const QJsonObject &i) { return i.contains(QStringLiteral("reaction")); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasReaction(), 5000);
        QJsonObject reaction;
        for (const QJsonObject &item : allItems())
            if (item.contains(QStringLiteral("reaction")))
                reaction = item.value(QStringLiteral("reaction")).toObject();
        QCOMPARE(reaction.take(QStringLiteral("mid")).toString(), businessMid);
        QCOMPARE(reaction.take(QStringLiteral("action")).toString(), QStringLiteral("react"));
        QCOMPARE(reaction, expected);
        // Neither a name nor an emoji: refused by the control API.
        QCOMPARE(m_client
                     ->control(QStringLiteral("events"),
                         { { QStringLiteral("kind"), QStringLiteral("reaction") },
                             { QStringLiteral("customer"), m_customer },
                             { QStringLiteral("reaction"), QString() },
                             { QStringLiteral("emoji"), QString() } })
                     .status,
            400);
    }

    void fieldsTheAppDidNotSubscribeToAreNotSent()
    {
        QVERIFY(subscribe(kVerifyToken, QStringLiteral("messages")).status == 200);
        installOnAccount();
        m_client->postJson(QStringLiteral("/me/messages"),
                           {{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m_customer}}},
                            {QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT")},
                            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}}},
                           m_token);
        inject(QStringLiteral("reaction"), {});
        inject(QStringLiteral("text"), QStringLiteral("after the reaction"));
        QTRY_VERIFY_WITH_TIMEOUT(!allItems().isEmpty()
                                     && allItems().last()[QStringLiteral("message")][QStringLiteral("text")].toString()
                                            == QLatin1String("after the reaction"),
                                 5000);
        for (const QJsonObject &item : allItems())
            QVERIFY(!item.contains(QStringLiteral("reaction")));
    }

    void failedDeliveriesAreRetriedUntil200()
    {
        QVERIFY(subscribe(kVerifyToken).status == 200);
        installOnAccount();
        m_failNextPosts = 2;
        const QString mid = inject(QStringLiteral("text"), QStringLiteral("retry me"));
        QTRY_COMPARE_WITH_TIMEOUT(m_posts.size(), 1, 5000);
        QCOMPARE(m_failNextPosts, 0);
        QCOMPARE(allItems().first()[QStringLiteral("message")][QStringLiteral("mid")].toString(), mid);
        verifySignature(m_posts.first());
    }

    void burstsAreBatched()
    {
        QVERIFY(subscribe(kVerifyToken).status == 200);
        installOnAccount();
        m_sandbox->delivery().setBatchWindowMs(200);
        for (int i = 0; i < 5; ++i)
            inject(QStringLiteral("text"), QStringLiteral("burst %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(itemCount(), 5, 5000);
        QVERIFY2(m_posts.size() < 5, "five events within the batch window should share POSTs");
        const QList<QJsonObject> items = allItems();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(items.at(i)[QStringLiteral("message")][QStringLiteral("text")].toString(), QStringLiteral("burst %1").arg(i));
    }

private:
    HttpResult subscribe(const QString &verifyToken, const QString &fields = QStringLiteral("messages,message_reactions,messaging_seen"))
    {
        return m_client->postForm(QStringLiteral("/v25.0/2000000000000002/subscriptions"),
            { { QStringLiteral("object"), QStringLiteral("instagram") },
                { QStringLiteral("callback_url"), m_callbackUrl },
                { QStringLiteral("fields"), fields },
                { QStringLiteral("include_values"), QStringLiteral("true") },
                { QStringLiteral("verify_token"), verifyToken },
                { QStringLiteral("access_token"), kAppToken } });
    }
    void installOnAccount()
    {
        const HttpResult r = m_client->postRaw(
            QStringLiteral("/me/subscribed_apps?subscribed_fields=messages,message_reactions,messaging_seen,message_edit"), {}, {}, m_token);
        QVERIFY(r.status == 200);
    }
    QString inject(const QString &kind, const QString &text)
    {
        const HttpResult r = m_client->control(QStringLiteral("events"), {{QStringLiteral("kind"), kind},
                                                                          {QStringLiteral("customer"), m_customer},
                                                                          {QStringLiteral("text"), text}});
        return r.json().value(QStringLiteral("mid")).toString();
    }
    // By default deliveries are signed with the Meta app secret (App settings > Basic).
    static void verifySignature(
        const Delivery &d, const QByteArray &secret = "sandbox-meta-app-secret")
    {
        const QByteArray expected = "sha256="
            + QMessageAuthenticationCode::hash(d.body, secret, QCryptographicHash::Sha256).toHex();
        QCOMPARE(d.signature, expected);
    }
    QList<QJsonObject> allItems() const
    {
        QList<QJsonObject> items;
        for (const Delivery &d : m_posts) {
            for (const QJsonValue &entry : QJsonDocument::fromJson(d.body).object().value(QStringLiteral("entry")).toArray()) {
                for (const QJsonValue &item : entry[QStringLiteral("messaging")].toArray())
                    items.append(item.toObject());
            }
        }
        return items;
    }
    int itemCount() const { return int(allItems().size()); }

    std::unique_ptr<QHttpServer> m_callback;
    QString m_callbackUrl;
    QList<Delivery> m_posts;
    int m_handshakes = 0;
    QByteArray m_challengeOverride;
    int m_failNextPosts = 0;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TestSandboxWebhooks)
#include "tst_sandboxwebhooks.moc"
