#include "auth/oauthflow.h"
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace inlet;
using inlet::test::await;

// The sign-in flow end to end against the sandbox, plus the redirect parsing rules.
class TestOAuthFlow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::LogCapture> m_logs;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<test::SandboxControl> m_control;
    std::unique_ptr<GraphClient> m_client;
    OAuthConfig m_config;
    QStringList m_secrets;

    std::unique_ptr<OAuthFlow> newFlow(OAuthConfig config = {})
    {
        if (config.appId.isEmpty())
            config = m_config;
        return std::make_unique<OAuthFlow>(m_client.get(), config);
    }

    // A redirect URL carrying `code` for the given flow's state, in one of Instagram's shapes.
    QUrl redirectWith(const OAuthFlow &flow, const QString &rawQuery)
    {
        QString text = m_config.redirectUri + QLatin1Char('?') + rawQuery;
        text.replace(QStringLiteral("STATE"), flow.state());
        return QUrl::fromEncoded(text.toUtf8());
    }

    // The Allow and Deny links of the consent page served at the flow's authorize URL.
    std::pair<QUrl, QUrl> consentLinks(const OAuthFlow &flow)
    {
        const test::SandboxControl::Raw page = m_control->fetch(flow.authorizeUrl());
        if (page.status != 200)
            return {};
        static const QRegularExpression link(
            QStringLiteral(R"re(href="([^"]*authorize/(allow|deny)[^"]*)")re"));
        QUrl allow;
        QUrl deny;
        for (auto it = link.globalMatch(QString::fromUtf8(page.body)); it.hasNext();) {
            const auto match = it.next();
            QString href = match.captured(1);
            href.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
            const QUrl url = flow.authorizeUrl().resolved(QUrl::fromEncoded(href.toUtf8()));
            (match.captured(2) == QLatin1String("allow") ? allow : deny) = url;
        }
        return {allow, deny};
    }

private slots:
    void initTestCase()
    {
        m_logs = std::make_unique<test::LogCapture>();
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 4;
        options.appSecret = QStringLiteral("s3cr+t/with=odd&chars");
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        QVERIFY(base);
        m_control = std::make_unique<test::SandboxControl>(*base);
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(*base));
        m_client->setTransferTimeout(std::chrono::seconds(5));
        m_config = OAuthConfig{options.appId, options.appSecret,
                               QStringLiteral("https://inlet.invalid/oauth/callback")};
        m_secrets << options.appSecret;
    }

    void authorizeUrlCarriesEverything()
    {
        const auto flow = newFlow();
        const QUrl url = flow->authorizeUrl();
        QCOMPARE(url.path(), QStringLiteral("/oauth/authorize"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), m_config.appId);
        QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), m_config.redirectUri);
        QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("instagram_business_basic,instagram_business_manage_messages"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), flow->state());
        QCOMPARE(flow->state().size(), 43); // 32 random bytes, base64url without padding
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(flow->state()).hasMatch());
        // Every attempt gets its own state.
        QSet<QString> states;
        for (int i = 0; i < 20; ++i)
            states.insert(newFlow()->state());
        QCOMPARE(states.size(), 20);
    }

    // Connecting another account (issue 10): force_reauth=true, so that the login view's
    // remembered Instagram session cannot silently connect the same account again.
    void forceReauthOnlyForAnotherAccount()
    {
        const auto first = newFlow();
        QVERIFY(!QUrlQuery(first->authorizeUrl()).hasQueryItem(QStringLiteral("force_reauth")));
        OAuthConfig anotherConfig = m_config;
        anotherConfig.forceReauth = true;
        const auto another = newFlow(anotherConfig);
        const QUrlQuery query(another->authorizeUrl());
        QCOMPARE(query.queryItemValue(QStringLiteral("force_reauth")), QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), another->state());

        // The sandbox remembers the session of an Allow and offers to continue with it...
        const QUrl granted = m_control->consent(first->authorizeUrl());
        QVERIFY(first->handleRedirect(granted));
        const auto remembered = m_control->fetch(newFlow()->authorizeUrl());
        QCOMPARE(remembered.status, 200);
        QVERIFY(remembered.body.contains("id=\"session\""));
        // ...but force_reauth asks for the login again, and its Allow still yields a code.
        const auto forced = m_control->fetch(another->authorizeUrl());
        QCOMPARE(forced.status, 200);
        QVERIFY(forced.body.contains("id=\"login\""));
        QVERIFY(!forced.body.contains("id=\"session\""));
        const auto [allow, deny] = consentLinks(*another);
        QVERIFY(QUrlQuery(allow).hasQueryItem(QStringLiteral("force_reauth")));
        const auto allowed = m_control->fetch(allow);
        QCOMPARE(allowed.status, 302);
        const Result<QString> code = another->handleRedirect(allowed.location);
        QVERIFY2(code, code ? "" : qPrintable(code.error().message));
        m_secrets << *code;
    }

    void allowEndToEnd()
    {
        const auto flow = newFlow();
        const QUrl redirect = m_control->consent(flow->authorizeUrl());
        QVERIFY(flow->isRedirect(redirect));
        QVERIFY(!flow->isRedirect(QUrl(QStringLiteral("https://www.instagram.com/accounts/login/"))));
        const Result<QString> code = flow->handleRedirect(redirect);
        QVERIFY2(code, code ? "" : qPrintable(code.error().message));
        QVERIFY(!code->contains(QLatin1Char('#')));
        m_secrets << *code;

        const auto result = await(flow->signIn(*code));
        QVERIFY(result);
        QVERIFY2(*result, result->has_value() ? "" : qPrintable(result->error().message));
        const SignInResult &signIn = **result;
        QCOMPARE(signIn.account.id, m_sandbox->options().businessId);
        QCOMPARE(signIn.account.username, m_sandbox->options().businessUsername);
        QVERIFY(!signIn.account.name.isEmpty());
        QVERIFY(!signIn.account.profilePictureUrl.isEmpty());
        QVERIFY(!signIn.longLivedToken.isEmpty());
        m_secrets << signIn.longLivedToken;
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(signIn.expiresAt);
        QVERIFY2(days >= 59 && days <= 60, qPrintable(QString::number(days)));
        QCOMPARE(signIn.account.tokenExpiresAt, signIn.expiresAt);
        QVERIFY(signIn.account.tokenIssuedAt.isValid());

        // The long-lived token works.
        const auto me = await(m_client->me(AccessToken{signIn.longLivedToken, signIn.account.id}));
        QVERIFY(me && *me);

        // The code was single use.
        const auto reused = await(flow->exchangeCode(*code));
        QVERIFY(reused && !*reused);
        QCOMPARE(reused->error().kind, Error::Kind::Auth);
        QCOMPARE(reused->error().code, 400);
        QVERIFY(reused->error().message.contains(QStringLiteral("already used")));
    }

    void consentPageAllowAndDenyLinks()
    {
        // The HTML consent page the login view shows, its links followed like a browser would.
        const auto flow = newFlow();
        const auto [allow, deny] = consentLinks(*flow);
        QVERIFY2(allow.isValid() && deny.isValid(), "no Allow/Deny links on the consent page");

        const auto denied = m_control->fetch(deny);
        QCOMPARE(denied.status, 302);
        QVERIFY(flow->isRedirect(denied.location));
        const Result<QString> deniedCode = flow->handleRedirect(denied.location);
        QVERIFY(!deniedCode);
        QCOMPARE(deniedCode.error().kind, Error::Kind::Auth);
        QCOMPARE(deniedCode.error().reason, Error::Reason::SignInDenied);

        // A new attempt, allowed this time: the redirect keeps Instagram's "#_".
        const auto second = newFlow();
        const auto allowed = m_control->fetch(consentLinks(*second).first);
        QCOMPARE(allowed.status, 302);
        QCOMPARE(allowed.location.fragment(), QStringLiteral("_"));
        const Result<QString> code = second->handleRedirect(allowed.location);
        QVERIFY2(code, code ? "" : qPrintable(code.error().message));
        m_secrets << *code;
        const auto result = await(second->signIn(*code));
        QVERIFY(result && *result);
        m_secrets << (*result)->longLivedToken;
    }

    void wrongStateIsRefused()
    {
        const auto flow = newFlow();
        QUrl authorize = flow->authorizeUrl();
        QUrlQuery query(authorize);
        query.removeAllQueryItems(QStringLiteral("state"));
        QString forged = flow->state();
        forged[0] = forged[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        query.addQueryItem(QStringLiteral("state"), forged);
        authorize.setQuery(query);
        const QUrl redirect = m_control->consent(authorize);
        QVERIFY(redirect.isValid());
        const Result<QString> code = flow->handleRedirect(redirect);
        QVERIFY(!code);
        QCOMPARE(code.error().kind, Error::Kind::Auth);
        QVERIFY(code.error().message.contains(QStringLiteral("state")));
        // A missing state too.
        const auto other = newFlow();
        QVERIFY(!other->handleRedirect(redirectWith(*other, QStringLiteral("code=abc"))));
    }

    void stateIsSingleUse()
    {
        const auto flow = newFlow();
        const QUrl redirect = redirectWith(*flow, QStringLiteral("code=abc&state=STATE#_"));
        QCOMPARE(flow->handleRedirect(redirect).value_or(QString()), QStringLiteral("abc"));
        const Result<QString> again = flow->handleRedirect(redirect);
        QVERIFY(!again);
        QCOMPARE(again.error().reason, Error::Reason::SignInUsed);
        // Spent even when the first use failed.
        const auto failed = newFlow();
        QVERIFY(!failed->handleRedirect(redirectWith(*failed, QStringLiteral("code=abc&state=wrong"))));
        QVERIFY(!failed->handleRedirect(redirectWith(*failed, QStringLiteral("code=abc&state=STATE"))));
    }

    void fragmentMarkerIsStripped_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("fragment") << QStringLiteral("code=AQBx-y_z&state=STATE#_");
        QTest::newRow("encoded in code") << QStringLiteral("state=STATE&code=AQBx-y_z%23_");
        QTest::newRow("double-encoded in code") << QStringLiteral("state=STATE&code=AQBx-y_z%2523_");
        QTest::newRow("encoded after state") << QStringLiteral("code=AQBx-y_z&state=STATE%23_");
        QTest::newRow("none") << QStringLiteral("code=AQBx-y_z&state=STATE");
    }

    void fragmentMarkerIsStripped()
    {
        QFETCH(QString, query);
        const auto flow = newFlow();
        const Result<QString> code = flow->handleRedirect(redirectWith(*flow, query));
        QVERIFY2(code, code ? "" : qPrintable(code.error().message));
        QCOMPARE(*code, QStringLiteral("AQBx-y_z"));
        QCOMPARE(OAuthFlow::stripFragmentMarker(QStringLiteral("abc#_")), QStringLiteral("abc"));
        QCOMPARE(OAuthFlow::stripFragmentMarker(QStringLiteral("abc")), QStringLiteral("abc"));
    }

    void otherOAuthErrors()
    {
        const auto flow = newFlow();
        const Result<QString> code = flow->handleRedirect(redirectWith(
            *flow, QStringLiteral("error=invalid_scope&error_reason=bad&error_description=Bad+scope&state=STATE")));
        QVERIFY(!code);
        QCOMPARE(code.error().kind, Error::Kind::Auth);
        // Instagram's error code for the app to word, its description as the detail.
        QCOMPARE(code.error().reason, Error::Reason::SignInRefused);
        QCOMPARE(code.error().args, QStringList { QStringLiteral("invalid_scope") });
        QCOMPARE(code.error().message, QStringLiteral("Bad scope"));
        const auto empty = newFlow();
        QVERIFY(!empty->handleRedirect(redirectWith(*empty, QStringLiteral("state=STATE"))));
    }

    void wrongSecretIsRefused()
    {
        OAuthConfig config = m_config;
        config.appSecret = QStringLiteral("not-the-secret");
        const auto flow = newFlow(config);
        const QUrl redirect = m_control->consent(flow->authorizeUrl());
        const Result<QString> code = flow->handleRedirect(redirect);
        QVERIFY(code);
        const auto result = await(flow->signIn(*code));
        QVERIFY(result && !*result);
        QCOMPARE(result->error().kind, Error::Kind::Auth);
        QVERIFY(result->error().message.contains(QStringLiteral("secret")));
    }

    void networkFailureDuringExchange()
    {
        const auto flow = newFlow();
        const Result<QString> code = flow->handleRedirect(m_control->consent(flow->authorizeUrl()));
        QVERIFY(code);
        // QNAM silently retries a dropped keep-alive request (twice), so drop more than that.
        m_control->fault({{QStringLiteral("drop"), 3}});
        const auto dropped = await(flow->signIn(*code));
        m_control->clearFaults();
        QVERIFY(dropped && !*dropped);
        QCOMPARE(dropped->error().kind, Error::Kind::Network);

        // A stopped server: nothing listens any more.
        GraphClient offline(InstagramHosts::allAt(test::closedPortUrl()));
        OAuthFlow offlineFlow(&offline, m_config);
        const auto refused = await(offlineFlow.signIn(QStringLiteral("whatever")));
        QVERIFY(refused && !*refused);
        QCOMPARE(refused->error().kind, Error::Kind::Network);
    }

    void messagesPermissionMustBeGranted()
    {
        const auto flow = newFlow();
        const QUrlQuery query(flow->authorizeUrl());
        const QJsonObject reply = m_control->call(
            "POST", QStringLiteral("/__sandbox/consent"),
            {{QStringLiteral("client_id"), m_config.appId},
             {QStringLiteral("redirect_uri"), m_config.redirectUri},
             {QStringLiteral("scope"), query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)},
             {QStringLiteral("state"), flow->state()},
             {QStringLiteral("grant"), QJsonArray{QStringLiteral("instagram_business_basic")}}});
        const Result<QString> code = flow->handleRedirect(
            QUrl::fromEncoded(reply.value(QLatin1String("redirect")).toString().toUtf8()));
        QVERIFY(code);
        const auto result = await(flow->signIn(*code));
        QVERIFY(result && !*result);
        QCOMPARE(result->error().kind, Error::Kind::Auth);
        QVERIFY(result->error().message.contains(QStringLiteral("manage messages")));
    }

    void codeExchangeShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("documented data[] + CSV")
            << QByteArray(R"({"data":[{"access_token":"EAAC","user_id":"1020","permissions":"instagram_business_basic,instagram_business_manage_messages"}]})")
            << true;
        QTest::newRow("flat + array")
            << QByteArray(R"({"access_token":"EAAC","user_id":"1020","permissions":["instagram_business_basic","instagram_business_manage_messages"]})")
            << true;
        QTest::newRow("messages unticked")
            << QByteArray(R"({"access_token":"EAAC","user_id":"1020","permissions":["instagram_business_basic"]})")
            << false;
        QTest::newRow("no token") << QByteArray(R"({"data":[{"user_id":"1020"}]})") << false;
    }

    void codeExchangeShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        const auto parsed = OAuthFlow::parseCodeExchange(QJsonDocument::fromJson(body).object());
        QCOMPARE(bool(parsed), ok);
        if (ok) {
            QCOMPARE(parsed->token, QStringLiteral("EAAC"));
            QCOMPARE(parsed->userId, QStringLiteral("1020"));
            QCOMPARE(parsed->permissions.size(), 2);
        }
    }

    void meShapes()
    {
        const auto flat = OAuthFlow::parseMe(QJsonDocument::fromJson(
            R"({"user_id":"17841400000000001","username":"u","id":"99"})").object());
        QVERIFY(flat);
        QCOMPARE(flat->id, QStringLiteral("17841400000000001"));
        const auto wrapped = OAuthFlow::parseMe(QJsonDocument::fromJson(
            R"({"data":[{"user_id":"17841400000000002","username":"v"}]})").object());
        QVERIFY(wrapped);
        QCOMPARE(wrapped->id, QStringLiteral("17841400000000002"));
        QCOMPARE(wrapped->username, QStringLiteral("v"));
        QVERIFY(!OAuthFlow::parseMe(QJsonDocument::fromJson(R"({"id":"99"})").object()));
    }

    void constantTimeCompare()
    {
        QVERIFY(OAuthFlow::constantTimeEquals("abc", "abc"));
        QVERIFY(!OAuthFlow::constantTimeEquals("abc", "abd"));
        QVERIFY(!OAuthFlow::constantTimeEquals("abc", "abcd"));
        QVERIFY(OAuthFlow::constantTimeEquals({}, {}));
    }

    void noSecretInAnyLogLine()
    {
        QVERIFY(m_logs->lines().size() > 5);
        for (const QString &secret : std::as_const(m_secrets)) {
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

QTEST_GUILESS_MAIN(TestOAuthFlow)
#include "tst_oauthflow.moc"
