// Instagram Login against the sandbox over real HTTP: consent page, Allow/Deny redirects, code
// exchange and its errors, long-lived exchange, refresh rules, expiry and revocation.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

namespace {

const QString kRedirect = QStringLiteral("https://inlet.example/oauth/callback");
const QString kScope = QStringLiteral("instagram_business_basic,instagram_business_manage_messages");

} // namespace

class TestSandboxOAuth : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        SandboxOptions options;
        options.customers = 5;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<Sandbox>(options);
        const auto url = m_sandbox->start();
        QVERIFY2(url.has_value(), "sandbox did not start");
        m_client = std::make_unique<SandboxTestClient>(*url);
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void authorizePageHasAllowAndDenyLinks()
    {
        const HttpResult page = m_client->get(authorizeQuery(QStringLiteral("s t&ate")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.contentType.startsWith("text/html"));
        QVERIFY(page.body.contains("inlet.coffee"));
        QVERIFY(page.body.contains("id=\"allow\""));
        QVERIFY(page.body.contains("id=\"deny\""));
    }

    void allowRedirectsWithCodeStateAndHashUnderscore()
    {
        const HttpResult allow = m_client->get(link(QStringLiteral("allow"), QStringLiteral("s t&ate")));
        QCOMPARE(allow.status, 302);
        const QUrl target = QUrl::fromEncoded(allow.location);
        QCOMPARE(target.scheme(), QStringLiteral("https"));
        QCOMPARE(target.host(), QStringLiteral("inlet.example"));
        QCOMPARE(target.path(), QStringLiteral("/oauth/callback"));
        QCOMPARE(target.fragment(), QStringLiteral("_"));
        const QUrlQuery query(target);
        QVERIFY(!query.queryItemValue(QStringLiteral("code")).isEmpty());
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("s t&ate"));
    }

    void denyRedirectsWithDocumentedErrorParameters()
    {
        const HttpResult deny = m_client->get(link(QStringLiteral("deny"), QStringLiteral("abc")));
        QCOMPARE(deny.status, 302);
        QVERIFY2(deny.location.contains("error=access_denied&error_reason=user_denied"
                                        "&error_description=The+user+denied+your+request"),
                 deny.location.constData());
        QVERIFY(!deny.location.contains("code="));
        QVERIFY(deny.location.contains("state=abc"));
    }

    void authorizeRejectsInvalidRequests_data()
    {
        QTest::addColumn<QString>("query");
        const QString base = QStringLiteral("/oauth/authorize?response_type=code");
        const QString redirect = QStringLiteral("&redirect_uri=") + QString::fromUtf8(QUrl::toPercentEncoding(kRedirect));
        QTest::newRow("wrong client_id") << base + QStringLiteral("&client_id=42&scope=") + kScope + redirect;
        QTest::newRow("missing scope basic")
            << base + QStringLiteral("&client_id=1000000000000001&scope=instagram_business_manage_messages") + redirect;
        QTest::newRow("unknown scope") << base + QStringLiteral("&client_id=1000000000000001&scope=instagram_business_basic,bogus") + redirect;
        QTest::newRow("custom scheme redirect")
            << base + QStringLiteral("&client_id=1000000000000001&scope=") + kScope + QStringLiteral("&redirect_uri=inlet%3A%2F%2Fcb");
        QTest::newRow("plain http, not loopback")
            << base + QStringLiteral("&client_id=1000000000000001&scope=") + kScope
                   + QStringLiteral("&redirect_uri=http%3A%2F%2Fevil.example%2Fcb");
        QTest::newRow("response_type token")
            << QStringLiteral("/oauth/authorize?response_type=token&client_id=1000000000000001&scope=") + kScope + redirect;
    }
    void authorizeRejectsInvalidRequests()
    {
        QFETCH(QString, query);
        const HttpResult page = m_client->get(query);
        QCOMPARE(page.status, 400);
        QVERIFY(page.contentType.startsWith("text/html"));
        QVERIFY(!page.body.contains("id=\"allow\""));
    }

    void loopbackAndRegisteredRedirectsAreAccepted()
    {
        QCOMPARE(m_client->get(authorizeQuery({}, QStringLiteral("http://127.0.0.1:5555/cb"))).status, 200);
        QCOMPARE(m_client->get(authorizeQuery({}, QStringLiteral("inlet://oauth"))).status, 400);
        QCOMPARE(m_client->control(QStringLiteral("redirect_uris"), {{QStringLiteral("redirect_uri"), QStringLiteral("inlet://oauth")}}).status, 200);
        QCOMPARE(m_client->get(authorizeQuery({}, QStringLiteral("inlet://oauth"))).status, 200);
    }

    void fullSequenceCodeShortLongRefresh()
    {
        const QString code = consentCode();
        const HttpResult exchange = exchangeCode(code);
        QCOMPARE(exchange.status, 200);
        // Flat shape, user_id a JSON number that must survive as 17 digits.
        QVERIFY2(QRegularExpression(QStringLiteral("\"user_id\":2\\d{16}[,}]")).match(QString::fromUtf8(exchange.body)).hasMatch(),
                 exchange.body.constData());
        const QString shortToken = exchange.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(shortToken.startsWith(QStringLiteral("IGAA")));
        QCOMPARE(exchange.json().value(QStringLiteral("permissions")).toArray().size(), 2);

        const HttpResult longLived = m_client->get(QStringLiteral("/access_token?grant_type=ig_exchange_token&client_secret=sandbox-app-secret&access_token=") + shortToken);
        QCOMPARE(longLived.status, 200);
        const QString longToken = longLived.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!longToken.isEmpty());
        QVERIFY(longToken != shortToken);
        QCOMPARE(longLived.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(longLived.json().value(QStringLiteral("expires_in")).toInteger(), 5184000);

        // /me works with the header and reports the IG_ID under user_id.
        const HttpResult me = m_client->get(QStringLiteral("/v25.0/me?fields=user_id,username"), longToken);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("user_id")).toString(), QStringLiteral("17841400000000001"));

        // Refresh: refused under 24 h, then a new token once the clock moved.
        const QString refreshPath = QStringLiteral("/refresh_access_token?grant_type=ig_refresh_token&access_token=") + longToken;
        const HttpResult early = m_client->get(refreshPath);
        QCOMPARE(early.status, 400);
        QCOMPARE(early.graphCode(), 100);
        advance(25 * 3600);
        const HttpResult refreshed = m_client->get(refreshPath);
        QCOMPARE(refreshed.status, 200);
        const QString newToken = refreshed.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!newToken.isEmpty());
        QVERIFY(newToken != longToken);
        QCOMPARE(m_client->get(QStringLiteral("/me?fields=user_id"), newToken).status, 200);
    }

    // Meta may revoke the token a refresh replaces; POST /__sandbox/quirks
    // {"revoke_on_refresh":true} makes the sandbox do so (by default the old one stays valid).
    void refreshCanRevokeTheOldToken()
    {
        const QString first = m_sandbox->issueToken(true);
        advance(25 * 3600);
        const auto refresh = [&](const QString &token) {
            return m_client
                ->get(QStringLiteral(
                          "/refresh_access_token?grant_type=ig_refresh_token&access_token=")
                    + token)
                .json()
                .value(QStringLiteral("access_token"))
                .toString();
        };
        const QString second = refresh(first);
        QVERIFY(!second.isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/me"), first).status, 200);

        QCOMPARE(m_client
                     ->control(QStringLiteral("quirks"),
                         { { QStringLiteral("revoke_on_refresh"), QStringLiteral("yes") } })
                     .status,
            400);
        const HttpResult on = m_client->control(
            QStringLiteral("quirks"), { { QStringLiteral("revoke_on_refresh"), true } });
        QCOMPARE(on.json().value(QStringLiteral("revoke_on_refresh")).toBool(), true);
        advance(25 * 3600);
        const QString third = refresh(second);
        QVERIFY(!third.isEmpty());
        const HttpResult revoked = m_client->get(QStringLiteral("/me"), second);
        QCOMPARE(revoked.graphCode(), 190);
        QCOMPARE(revoked.graphSubcode(), 467);
        QCOMPARE(m_client->get(QStringLiteral("/me"), third).status, 200);
    }

    void shortLivedTokenExpiresAfterAnHour()
    {
        const QString shortToken = exchangeCode(consentCode()).json().value(QStringLiteral("access_token")).toString();
        QCOMPARE(m_client->get(QStringLiteral("/me"), shortToken).status, 200);
        advance(3601);
        const HttpResult expired = m_client->get(QStringLiteral("/me"), shortToken);
        QCOMPARE(expired.status, 400);
        QCOMPARE(expired.graphCode(), 190);
        QCOMPARE(expired.graphSubcode(), 463);
        QCOMPARE(expired.graphError().value(QStringLiteral("type")).toString(), QStringLiteral("OAuthException"));
        QVERIFY(!expired.graphError().value(QStringLiteral("fbtrace_id")).toString().isEmpty());
    }

    void longLivedTokenExpiresAfterSixtyDays()
    {
        const QString token = m_sandbox->issueToken(true);
        advance(59LL * 24 * 3600);
        QCOMPARE(m_client->get(QStringLiteral("/me"), token).status, 200);
        advance(2LL * 24 * 3600);
        const HttpResult expired = m_client->get(QStringLiteral("/me"), token);
        QCOMPARE(expired.graphCode(), 190);
        QCOMPARE(expired.graphSubcode(), 463);
        // An expired token cannot be refreshed either.
        QCOMPARE(m_client->get(QStringLiteral("/refresh_access_token?grant_type=ig_refresh_token&access_token=") + token).graphCode(), 190);
    }

    void revokedAndExpiredThroughControl()
    {
        const QString a = m_sandbox->issueToken(true);
        const QString b = m_sandbox->issueToken(true);
        QCOMPARE(m_client->control(QStringLiteral("tokens/revoke"), {{QStringLiteral("access_token"), a}}).json().value(QStringLiteral("affected")).toInt(), 1);
        const HttpResult revoked = m_client->get(QStringLiteral("/me?access_token=") + a);
        QCOMPARE(revoked.status, 400);
        QCOMPARE(revoked.graphCode(), 190);
        QCOMPARE(revoked.graphSubcode(), 467);
        QCOMPARE(m_client->get(QStringLiteral("/me"), b).status, 200);
        QCOMPARE(m_client->control(QStringLiteral("tokens/expire"), {{QStringLiteral("all"), true}}).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/me"), b).graphSubcode(), 463);
        QCOMPARE(m_client->get(QStringLiteral("/me"), QStringLiteral("IGAAnonsense")).graphCode(), 190);
    }

    void reusedCodeIsRefused()
    {
        const QString code = consentCode();
        QCOMPARE(exchangeCode(code).status, 200);
        const HttpResult again = exchangeCode(code);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.json().value(QStringLiteral("error_type")).toString(), QStringLiteral("OAuthException"));
        QCOMPARE(again.json().value(QStringLiteral("code")).toInt(), 400);
        QCOMPARE(again.json().value(QStringLiteral("error_message")).toString(),
                 QStringLiteral("Matching code was not found or was already used"));
    }

    void codeWithHashUnderscoreIsAccepted()
    {
        QCOMPARE(exchangeCode(consentCode() + QStringLiteral("#_")).status, 200);
    }

    void codeExpiresAfterAnHour()
    {
        const QString code = consentCode();
        advance(3601);
        const HttpResult late = exchangeCode(code);
        QCOMPARE(late.status, 400);
        QVERIFY(late.json().contains(QStringLiteral("error_message")));
    }

    void exchangeErrors_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("wrong secret") << QStringLiteral("client_secret") << QStringLiteral("nope");
        QTest::newRow("wrong client") << QStringLiteral("client_id") << QStringLiteral("999");
        QTest::newRow("wrong grant") << QStringLiteral("grant_type") << QStringLiteral("password");
        QTest::newRow("other redirect") << QStringLiteral("redirect_uri") << QStringLiteral("https://other.example/cb");
        QTest::newRow("missing code") << QStringLiteral("code") << QString();
    }
    void exchangeErrors()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QString code = consentCode();
        QList<QPair<QString, QString>> form = exchangeForm(code);
        for (auto &pair : form) {
            if (pair.first == field)
                pair.second = value;
        }
        const HttpResult refused = m_client->postForm(QStringLiteral("/oauth/access_token"), form);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QStringLiteral("error_type")).toString(), QStringLiteral("OAuthException"));
        QVERIFY(!refused.json().value(QStringLiteral("error_message")).toString().isEmpty());
    }

    void longLivedExchangeNeedsTheSecret()
    {
        const QString shortToken = exchangeCode(consentCode()).json().value(QStringLiteral("access_token")).toString();
        const HttpResult wrong = m_client->get(QStringLiteral("/access_token?grant_type=ig_exchange_token&client_secret=bad&access_token=") + shortToken);
        QCOMPARE(wrong.status, 400);
        QVERIFY(wrong.graphCode() != 0);
        QCOMPARE(m_client->get(QStringLiteral("/access_token?grant_type=ig_exchange_token&client_secret=sandbox-app-secret&access_token=bogus")).graphCode(), 190);
    }

    // OAuth takes the Instagram pair only: the Meta app's App ID/Secret is refused at every step.
    void metaAppPairIsRefusedByOAuth()
    {
        QUrlQuery q(authorizeQuery(QStringLiteral("s")).section(QLatin1Char('?'), 1));
        q.removeQueryItem(QStringLiteral("client_id"));
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("2000000000000002"));
        QCOMPARE(m_client->get(QStringLiteral("/oauth/authorize?") + q.toString(QUrl::FullyEncoded))
                     .status,
            400);
        QCOMPARE(m_client
                     ->control(QStringLiteral("consent"),
                         { { QStringLiteral("client_id"), QStringLiteral("2000000000000002") },
                             { QStringLiteral("redirect_uri"), kRedirect },
                             { QStringLiteral("scope"), kScope } })
                     .status,
            400);

        const QString code = consentCode();
        auto form = exchangeForm(code);
        form[0].second = QStringLiteral("2000000000000002");
        form[1].second = QStringLiteral("sandbox-meta-app-secret");
        QCOMPARE(m_client->postForm(QStringLiteral("/oauth/access_token"), form).status, 400);
        form = exchangeForm(code);
        form[1].second = QStringLiteral("sandbox-meta-app-secret"); // Instagram id, Meta secret
        const HttpResult mixed = m_client->postForm(QStringLiteral("/oauth/access_token"), form);
        QCOMPARE(mixed.status, 400);
        QCOMPARE(mixed.json().value(QStringLiteral("error_message")).toString(),
            QStringLiteral("Error validating client secret."));

        const QString shortToken
            = exchangeCode(consentCode()).json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!shortToken.isEmpty());
        const HttpResult longLived
            = m_client->get(QStringLiteral("/access_token?grant_type=ig_exchange_token&client_"
                                           "secret=sandbox-meta-app-secret&access_token=")
                + shortToken);
        QCOMPARE(longLived.status, 400);
        QVERIFY(longLived.graphCode() != 0);
    }

    void headlessConsentAndAppCredentials()
    {
        const HttpResult app = m_client->get(QStringLiteral("/__sandbox/app"));
        QCOMPARE(app.json().value(QStringLiteral("app_id")).toString(), QStringLiteral("1000000000000001"));
        QCOMPARE(app.json().value(QStringLiteral("app_secret")).toString(),
            QStringLiteral("sandbox-app-secret"));
        QCOMPARE(app.json().value(QStringLiteral("meta_app_id")).toString(),
            QStringLiteral("2000000000000002"));
        QCOMPARE(app.json().value(QStringLiteral("meta_app_secret")).toString(),
            QStringLiteral("sandbox-meta-app-secret"));
        const HttpResult consent = m_client->control(
            QStringLiteral("consent"), {{QStringLiteral("client_id"), QStringLiteral("1000000000000001")},
                                        {QStringLiteral("redirect_uri"), kRedirect},
                                        {QStringLiteral("scope"), kScope},
                                        {QStringLiteral("state"), QStringLiteral("st")}});
        QCOMPARE(consent.status, 200);
        const QString redirect = consent.json().value(QStringLiteral("redirect")).toString();
        QVERIFY(redirect.startsWith(kRedirect + QStringLiteral("?code=")));
        QVERIFY(redirect.endsWith(QStringLiteral("&state=st#_")));
        QCOMPARE(m_client->control(QStringLiteral("consent"), {{QStringLiteral("client_id"), QStringLiteral("1")}}).status, 400);
    }

    void logsNeverContainSecrets()
    {
        static QStringList captured;
        captured.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) {
            captured.append(msg);
        });
        const QString code = consentCode();
        const QString shortToken = exchangeCode(code).json().value(QStringLiteral("access_token")).toString();
        const QString longToken = m_client->get(QStringLiteral("/access_token?grant_type=ig_exchange_token&client_secret=sandbox-app-secret&access_token=") + shortToken)
                                      .json().value(QStringLiteral("access_token")).toString();
        m_client->get(QStringLiteral("/me?access_token=") + longToken);
        m_client->control(QStringLiteral("tokens/revoke"), {{QStringLiteral("access_token"), longToken}});
        m_client->postForm(QStringLiteral("/2000000000000002/subscriptions"),
            { { QStringLiteral("object"), QStringLiteral("instagram") },
                { QStringLiteral("callback_url"), QStringLiteral("http://127.0.0.1:1/hook") },
                { QStringLiteral("fields"), QStringLiteral("messages") },
                { QStringLiteral("verify_token"), QStringLiteral("verify-secret-123") },
                { QStringLiteral("access_token"),
                    QStringLiteral("2000000000000002|sandbox-meta-app-secret") } });
        qInstallMessageHandler(previous);
        QVERIFY(!code.isEmpty() && !shortToken.isEmpty() && !longToken.isEmpty());
        QVERIFY(captured.size() > 3); // the sandbox did log
        for (const QString &line : std::as_const(captured)) {
            for (const QString &secret :
                { code, shortToken, longToken, QStringLiteral("sandbox-app-secret"),
                    QStringLiteral("sandbox-meta-app-secret"),
                    QStringLiteral("verify-secret-123") })
                QVERIFY2(!line.contains(secret), qPrintable(line));
        }
    }

private:
    QString authorizeQuery(const QString &state, const QString &redirect = kRedirect) const
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("1000000000000001"));
        q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(redirect)));
        q.addQueryItem(QStringLiteral("scope"), kScope);
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        if (!state.isEmpty())
            q.addQueryItem(QStringLiteral("state"), QString::fromUtf8(QUrl::toPercentEncoding(state)));
        return QStringLiteral("/oauth/authorize?") + q.toString(QUrl::FullyEncoded);
    }
    // The href of the page's Allow or Deny link.
    QString link(const QString &id, const QString &state)
    {
        const HttpResult page = m_client->get(authorizeQuery(state));
        const auto match = QRegularExpression(QStringLiteral("id=\"%1\" href=\"([^\"]+)\"").arg(id)).match(QString::fromUtf8(page.body));
        if (!match.hasMatch())
            return QStringLiteral("/missing-link");
        QString href = match.captured(1);
        href.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        return href;
    }
    QString consentCode()
    {
        const HttpResult allow = m_client->get(link(QStringLiteral("allow"), QStringLiteral("x")));
        return QUrlQuery(QUrl::fromEncoded(allow.location)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }
    QList<QPair<QString, QString>> exchangeForm(const QString &code) const
    {
        return {{QStringLiteral("client_id"), QStringLiteral("1000000000000001")},
                {QStringLiteral("client_secret"), QStringLiteral("sandbox-app-secret")},
                {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("redirect_uri"), kRedirect},
                {QStringLiteral("code"), code}};
    }
    HttpResult exchangeCode(const QString &code)
    {
        return m_client->postForm(QStringLiteral("/oauth/access_token"), exchangeForm(code));
    }
    void advance(qint64 seconds)
    {
        m_client->control(QStringLiteral("clock/advance"), {{QStringLiteral("seconds"), seconds}});
    }

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "tst_sandboxoauth.moc"
