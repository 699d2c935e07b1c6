#include "core/graph/graphtestutil.h"
#include "graph/grapherror.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QThread>

using namespace inlet;
using inlet::test::await;

// GraphClient over real loopback HTTP against the in-process sandbox.
class TestGraphClient : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::LogCapture> m_logs;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<test::SandboxControl> m_control;
    std::unique_ptr<GraphClient> m_client;
    QString m_token;
    QStringList m_secrets; // must never show up in a log line
    const QString m_account = QStringLiteral("17841400000000001");

    AccessToken auth() const { return AccessToken{m_token, m_account}; }

private slots:
    void initTestCase()
    {
        m_logs = std::make_unique<test::LogCapture>();
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 8;
        options.businessId = m_account;
        options.appSecret = QStringLiteral("sandbox+secret&x=1"); // '+' and '&' must survive encoding
        options.metaAppSecret = QStringLiteral("meta+secret&y=2");
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        QVERIFY2(base, base ? "" : qPrintable(base.error().message));
        m_control = std::make_unique<test::SandboxControl>(*base);
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(*base));
        m_client->setTransferTimeout(std::chrono::seconds(5));
        m_secrets << options.appSecret << options.metaAppSecret;

        // Sign in the way the app does, with the generic calls: consent -> code -> short -> long.
        QUrl authorize = m_client->hosts().authorizeEndpoint();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), options.appId);
        query.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1/callback"));
        query.addQueryItem(QStringLiteral("scope"),
                           QStringLiteral("instagram_business_basic,instagram_business_manage_messages"));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
        authorize.setQuery(query);
        const QString code = QUrlQuery(m_control->consent(authorize)).queryItemValue(QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        m_secrets << code;
        const auto shortLived = await(m_client->postForm(
            m_client->hosts().tokenEndpoint(),
            {{QStringLiteral("client_id"), options.appId},
             {QStringLiteral("client_secret"), options.appSecret},
             {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
             {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1/callback")},
             {QStringLiteral("code"), code}}));
        QVERIFY(shortLived);
        QVERIFY2(*shortLived, shortLived->has_value() ? "" : qPrintable(shortLived->error().message));
        const QJsonObject grant = unwrapData(**shortLived);
        const QString shortToken = grant.value(QLatin1String("access_token")).toString();
        QVERIFY(!shortToken.isEmpty());
        m_secrets << shortToken;
        // user_id arrives as a 17-digit number: it must keep every digit.
        QVERIFY(grant.value(QLatin1String("user_id")).isString());
        QCOMPARE(grant.value(QLatin1String("user_id")).toString().size(), 17);

        const auto longLived = await(m_client->exchangeLongLived(shortToken, options.appSecret));
        QVERIFY(longLived && *longLived);
        m_token = (*longLived)->token;
        QVERIFY((*longLived)->expiresIn > 59 * 24 * 3600);
        m_secrets << m_token;
    }

    void meReturnsTheBusinessAccount()
    {
        const auto me = await(m_client->me(auth()));
        QVERIFY(me && *me);
        QCOMPARE((*me)->value(QLatin1String("user_id")).toString(), m_account);
        QCOMPARE((*me)->value(QLatin1String("username")).toString(), QStringLiteral("inlet.coffee"));
    }

    void conversationsPageAndProfiles()
    {
        const auto page = await(m_client->conversations(auth(), {}, 3));
        QVERIFY(page && *page);
        const QJsonArray data = (*page)->value(QLatin1String("data")).toArray();
        QVERIFY(!data.isEmpty());
        QVERIFY(data.size() <= 3);
        const QString after = (*page)->value(QLatin1String("paging")).toObject()
                                  .value(QLatin1String("cursors")).toObject()
                                  .value(QLatin1String("after")).toString();
        QVERIFY(!after.isEmpty());
        const auto next = await(m_client->conversations(auth(), after, 3));
        QVERIFY(next && *next);
        const QJsonArray nextData = (*next)->value(QLatin1String("data")).toArray();
        QVERIFY(!nextData.isEmpty());
        QVERIFY(nextData.first().toObject().value(QLatin1String("id")) != data.first().toObject().value(QLatin1String("id")));

        const QString conversationId = data.first().toObject().value(QLatin1String("id")).toString();
        const auto messages = await(m_client->conversationMessages(auth(), conversationId));
        QVERIFY(messages && *messages);
        const QJsonArray mids = (*messages)->value(QLatin1String("messages")).toObject()
                                    .value(QLatin1String("data")).toArray();
        QVERIFY(!mids.isEmpty());
        const QString mid = mids.first().toObject().value(QLatin1String("id")).toString();
        const auto detail = await(m_client->message(auth(), mid));
        QVERIFY(detail && *detail);
        QCOMPARE((*detail)->value(QLatin1String("id")).toString(), mid);

        // The customer is whoever of from/to is not the business.
        QString igsid = (*detail)->value(QLatin1String("from")).toObject().value(QLatin1String("id")).toString();
        if (igsid == m_account)
            igsid = (*detail)->value(QLatin1String("to")).toObject().value(QLatin1String("data"))
                        .toArray().first().toObject().value(QLatin1String("id")).toString();
        const auto profile = await(m_client->userProfile(auth(), igsid));
        QVERIFY(profile && *profile);
        QCOMPARE((*profile)->value(QLatin1String("id")).toString(), igsid);
        QVERIFY((*profile)->contains(QLatin1String("follower_count")));
    }

    void sendToUnknownUserIsUnavailable()
    {
        const QJsonObject body{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1234")}}},
                               {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}}};
        const auto sent = await(m_client->sendMessage(auth(), body));
        QVERIFY(sent && !*sent);
        QCOMPARE((*sent).error().kind, Error::Kind::Graph);
        QVERIFY2(isUserUnavailable((*sent).error()), qPrintable(QString::number((*sent).error().code)));
    }

    void subscribeApp()
    {
        const auto subscribed = await(m_client->subscribeApp(
            auth(), {QStringLiteral("messages"), QStringLiteral("messaging_seen")}));
        QVERIFY(subscribed && *subscribed);
        QCOMPARE((*subscribed)->value(QLatin1String("success")).toBool(), true);
    }

    void appSubscriptionWithHandshake()
    {
        // Our own webhook endpoint, answering Meta's GET handshake when the verify token matches.
        QHttpServer callback;
        const QString verifyToken = QStringLiteral("verify+me&now");
        callback.route(QStringLiteral("/webhook"), [verifyToken](const QHttpServerRequest &request) {
            const QUrlQuery query = request.query();
            if (query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded) != verifyToken)
                return QHttpServerResponse(QHttpServerResponse::StatusCode::Forbidden);
            return QHttpServerResponse(query.queryItemValue(QStringLiteral("hub.challenge")).toUtf8());
        });
        const quint16 port = callback.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QUrl callbackUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port));
        const sandbox::SandboxOptions &options = m_sandbox->options();
        const QStringList fields{QStringLiteral("messages"), QStringLiteral("message_reactions")};

        // graph.facebook.com takes the Meta app's pair here, not the Instagram one.
        const auto ok = await(m_client->appSubscription(
            options.metaAppId, options.metaAppSecret, callbackUrl, verifyToken, fields));
        QVERIFY(ok);
        QVERIFY2(*ok, ok->has_value() ? "" : qPrintable(ok->error().message));
        QCOMPARE((*ok)->value(QLatin1String("success")).toBool(), true);

        const auto refused = await(m_client->appSubscription(options.metaAppId,
            options.metaAppSecret, callbackUrl, QStringLiteral("wrong"), fields));
        QVERIFY(refused && !*refused);
        QCOMPARE(refused->error().kind, Error::Kind::Graph);
        QCOMPARE(refused->error().code, 2200);

        const auto badSecret = await(m_client->appSubscription(
            options.metaAppId, QStringLiteral("nope"), callbackUrl, verifyToken, fields));
        QVERIFY(badSecret && !*badSecret);
        QCOMPARE(badSecret->error().kind, Error::Kind::Graph);
        const auto instagramPair = await(m_client->appSubscription(
            options.appId, options.appSecret, callbackUrl, verifyToken, fields));
        QVERIFY(instagramPair && !*instagramPair);
        QCOMPARE(instagramPair->error().code, 190);
        m_secrets << verifyToken;
    }

    void graphErrorsAreParsed()
    {
        const auto unknown = await(m_client->get(m_client->hosts().graphUrl(QStringLiteral("me/no_such_edge/x")), auth()));
        QVERIFY(unknown && !*unknown);
        QCOMPARE(unknown->error().kind, Error::Kind::Graph);
        QVERIFY(unknown->error().code != 0);
        QCOMPARE(unknown->error().httpStatus, 400);
        QVERIFY(!unknown->error().message.isEmpty());
    }

    void invalidTokenEmitsTokenInvalid()
    {
        QSignalSpy spy(m_client.get(), &GraphClient::tokenInvalid);
        const auto me = await(m_client->me(AccessToken{QStringLiteral("IGAAnot-a-token"), QStringLiteral("42")}));
        QVERIFY(me && !*me);
        QCOMPARE(me->error().code, 190);
        QVERIFY(isAuthInvalid(me->error()));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().toString(), QStringLiteral("42"));
        // Without an account (during sign-in) nobody is told.
        const auto anonymous = await(m_client->me(AccessToken{QStringLiteral("IGAAnope"), {}}));
        QVERIFY(anonymous && !*anonymous);
        QCOMPARE(spy.size(), 1);
    }

    // A call that still carried a token a refresh replaced (and Meta revoked) is sent again with
    // the current one: no tokenInvalid, the caller gets the answer. A refused current token is
    // still a sign-in problem.
    void callWithAReplacedTokenIsSentAgainWithTheCurrentOne()
    {
        GraphClient client(m_client->hosts());
        QString current = m_sandbox->issueToken(true);
        const QString replaced = m_sandbox->issueToken(true);
        m_control->call("POST", QStringLiteral("/__sandbox/tokens/revoke"), {{QStringLiteral("access_token"), replaced}});
        int asked = 0;
        client.setCurrentToken([&](const QString &accountId) {
            ++asked;
            return QtFuture::makeReadyFuture(accountId == m_account ? Result<QString>(current)
                                                                    : Result<QString>(QString()));
        });
        QSignalSpy invalid(&client, &GraphClient::tokenInvalid);
        const auto me = await(client.me(AccessToken{replaced, m_account}));
        QVERIFY(me && *me);
        QCOMPARE(asked, 1);
        QCOMPARE(invalid.size(), 0);

        // The current token itself refused: one look, no resend, tokenInvalid.
        m_control->call("POST", QStringLiteral("/__sandbox/tokens/revoke"), {{QStringLiteral("access_token"), current}});
        const auto refused = await(client.me(AccessToken{current, m_account}));
        QVERIFY(refused && !*refused);
        QCOMPARE(refused->error().code, 190);
        QCOMPARE(asked, 2);
        QCOMPARE(invalid.size(), 1);
    }

    void rateLimitFaultIsClassified()
    {
        m_control->fault({{QStringLiteral("count"), 1}, {QStringLiteral("graph_code"), 613}});
        const auto me = await(m_client->me(auth()));
        QVERIFY(me && !*me);
        QCOMPARE(me->error().code, 613);
        QVERIFY(isRateLimit(me->error()));
        QVERIFY(!isTransient(me->error()));
        QVERIFY(m_client->rateLimiter().suggestedDelay(m_account) >= std::chrono::seconds(59));
        QCOMPARE(m_client->rateLimiter().suggestedDelay(QStringLiteral("other")), std::chrono::milliseconds(0));
        // The next call goes through again.
        const auto again = await(m_client->me(auth()));
        QVERIFY(again && *again);
    }

    void serverErrorIsTransient()
    {
        m_control->fault({{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 503}});
        const auto me = await(m_client->me(auth()));
        QVERIFY(me && !*me);
        QCOMPARE(me->error().httpStatus, 503);
        QVERIFY(isTransient(me->error()));
    }

    void droppedConnectionIsNetwork()
    {
        // QNAM silently retries a dropped keep-alive request (twice), so drop more than that.
        m_control->fault({{QStringLiteral("drop"), 3}});
        const auto me = await(m_client->me(auth()));
        QVERIFY(me && !*me);
        QCOMPARE(me->error().kind, Error::Kind::Network);
        QVERIFY(isTransient(me->error()));
        m_control->clearFaults();
    }

    void closedPortIsNetwork()
    {
        GraphClient offline(InstagramHosts::allAt(test::closedPortUrl()));
        const auto me = await(offline.me(auth()));
        QVERIFY(me && !*me);
        QCOMPARE(me->error().kind, Error::Kind::Network);
    }

    void slowAnswerTimesOut()
    {
        m_control->fault({{QStringLiteral("count"), 1}, {QStringLiteral("latency_ms"), 1500}});
        m_client->setTransferTimeout(std::chrono::milliseconds(300));
        const auto me = await(m_client->me(auth()));
        m_client->setTransferTimeout(std::chrono::seconds(5));
        m_control->clearFaults();
        QVERIFY(me && !*me);
        QCOMPARE(me->error().kind, Error::Kind::Network);
        QVERIFY(me->error().message.contains(QStringLiteral("timed out")));
    }

    void callableFromAWorkerThread()
    {
        QFuture<Result<QJsonObject>> future;
        QThread *worker = QThread::create([&] { future = m_client->me(auth()); });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        const auto me = await(future);
        QVERIFY(me && *me);
        QCOMPARE((*me)->value(QLatin1String("user_id")).toString(), m_account);
    }

    void formEncodingEncodesEverything()
    {
        QCOMPARE(GraphClient::formEncode({{QStringLiteral("a b"), QStringLiteral("x+y&z=é")}}),
                 QByteArray("a%20b=x%2By%26z%3D%C3%A9"));
    }

    void noSecretInAnyLogLine()
    {
        QVERIFY(m_logs->lines().size() > 5); // debug logging was on, so the scan means something
        for (const QString &secret : std::as_const(m_secrets)) {
            QVERIFY(!secret.isEmpty());
            const QStringList leaks = m_logs->linesWith(secret);
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        }
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_control.reset();
        m_sandbox.reset();
        m_logs.reset();
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
