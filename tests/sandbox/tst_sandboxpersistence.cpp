// The sandbox's state file: a second sandbox on the same file accepts the tokens the first one
// issued (and keeps refusing revoked and unknown ones), keeps its clock and message id counter, and
// the file holds no token or secret in clear.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/tokenstore.h"
#include "sandbox/world.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

class TestSandboxPersistence : public QObject {
    Q_OBJECT

private:
    SandboxOptions options() const
    {
        SandboxOptions o;
        o.customers = 3;
        o.eventsPerMinute = 0;
        o.stateFile = m_dir.filePath(QStringLiteral("sandbox/state.json"));
        return o;
    }

    // A started sandbox and a client for it (QVERIFY needs a void function).
    void start(const SandboxOptions &o)
    {
        m_client.reset();
        m_sandbox.reset(); // the earlier run saves as it goes
        m_sandbox = std::make_unique<Sandbox>(o);
        const auto url = m_sandbox->start();
        QVERIFY2(url.has_value(), "sandbox did not start");
        m_client = std::make_unique<SandboxTestClient>(*url);
    }

    int meStatus(const QString &token)
    {
        return m_client->get(QStringLiteral("/v23.0/me?fields=user_id"), token).status;
    }

    QString injectText(const QString &text)
    {
        const QString customer = m_sandbox->world().customers().first().profile.igsid;
        const HttpResult r = m_client->control(QStringLiteral("events"),
            { { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer }, { QStringLiteral("text"), text } });
        return r.json().value(QStringLiteral("mid")).toString();
    }

    QByteArray stateBytes() const
    {
        QFile file(options().stateFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
        QFile::remove(options().stateFile);
    }

    void tokensSurviveARestart()
    {
        start(options());
        const QString kept = m_sandbox->issueToken(true);
        const QString revoked = m_sandbox->issueToken(true);
        QCOMPARE(m_client
                     ->control(QStringLiteral("tokens/revoke"),
                         { { QStringLiteral("access_token"), revoked } })
                     .status,
            200);
        QCOMPARE(meStatus(kept), 200);

        start(options()); // port 0: another port, which the tokens do not care about
        QCOMPARE(meStatus(kept), 200);
        const HttpResult refused
            = m_client->get(QStringLiteral("/v23.0/me?fields=user_id"), revoked);
        QCOMPARE(refused.graphCode(), 190);
        QCOMPARE(refused.graphSubcode(), 467);
        const HttpResult unknown = m_client->get(QStringLiteral("/v23.0/me?fields=user_id"),
            QStringLiteral("IGAA") + QString(156, QLatin1Char('x')));
        QCOMPARE(unknown.graphCode(), 190);

        // A token issued by the second run is kept as well, beside the first.
        const QString later = m_sandbox->issueToken(true);
        start(options());
        QCOMPARE(meStatus(kept), 200);
        QCOMPARE(meStatus(later), 200);
    }

    void tokenIssuedThroughOAuthSurvives()
    {
        // The path the app takes: consent, code exchange, long-lived exchange.
        SandboxOptions o = options();
        start(o);
        const QString redirect = QStringLiteral("https://inlet.example/oauth/callback");
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), o.appId);
        query.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        query.addQueryItem(QStringLiteral("scope"),
            QStringLiteral("instagram_business_basic,instagram_business_manage_messages"));
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        const HttpResult allow = m_client->get(
            QStringLiteral("/oauth/authorize/allow?") + query.toString(QUrl::FullyEncoded));
        QCOMPARE(allow.status, 302);
        QString code
            = QUrlQuery(QUrl::fromEncoded(allow.location)).queryItemValue(QStringLiteral("code"));
        const HttpResult exchanged = m_client->postForm(QStringLiteral("/oauth/access_token"),
            { { QStringLiteral("client_id"), o.appId },
                { QStringLiteral("client_secret"), o.appSecret },
                { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                { QStringLiteral("redirect_uri"), redirect }, { QStringLiteral("code"), code } });
        const QString shortLived
            = exchanged.json().value(QStringLiteral("access_token")).toString();
        QVERIFY2(!shortLived.isEmpty(), exchanged.body.constData());
        const HttpResult longLived = m_client->get(QStringLiteral(
            "/access_token?grant_type=ig_exchange_token&client_secret=%1&access_token=%2")
                                                       .arg(o.appSecret, shortLived));
        const QString token = longLived.json().value(QStringLiteral("access_token")).toString();
        QVERIFY2(!token.isEmpty(), longLived.body.constData());

        start(o);
        QCOMPARE(meStatus(token), 200);
        // Still a long-lived token of the same age: refreshing it is refused under 24 h, then
        // works.
        const QString refresh
            = QStringLiteral("/refresh_access_token?grant_type=ig_refresh_token&access_token=")
            + token;
        QCOMPARE(m_client->get(refresh).graphCode(), 100);
        QCOMPARE(m_client
                     ->control(QStringLiteral("clock/advance"),
                         { { QStringLiteral("seconds"), 25 * 3600 } })
                     .status,
            200);
        QCOMPARE(m_client->get(refresh).status, 200);
    }

    void clockAndMidCounterSurvive()
    {
        start(options());
        QCOMPARE(m_client
                     ->control(QStringLiteral("clock/advance"),
                         { { QStringLiteral("seconds"), 3 * 86400 } })
                     .status,
            200);
        const QString first = injectText(QStringLiteral("first run"));
        QVERIFY(!first.isEmpty());

        start(options());
        const qint64 offset = m_client->get(QStringLiteral("/__sandbox/clock"))
                                  .json()
                                  .value(QStringLiteral("offset_seconds"))
                                  .toInteger();
        QCOMPARE(offset, 3 * 86400);
        // The app stored `first`; the next run must not hand out the same id for another message.
        const QString second = injectText(QStringLiteral("second run"));
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
    }

    void fileHoldsNoTokenOrSecretInClear()
    {
        SandboxOptions o = options();
        o.appSecret = QStringLiteral("a-secret-that-must-not-be-written");
        start(o);
        const QString token = m_sandbox->issueToken(true);
        m_sandbox.reset(); // flushes a save still pending
        const QByteArray bytes = stateBytes();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(token.toUtf8()));
        QVERIFY(!bytes.contains(token.left(24).toUtf8()));
        QVERIFY(!bytes.contains(o.appSecret.toUtf8()));
        QVERIFY(bytes.contains(TokenStore::digest(token)));
        QCOMPARE(
            QFile::permissions(o.stateFile) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    }

    void anotherAppGetsNoTokens()
    {
        start(options());
        const QString token = m_sandbox->issueToken(true);
        SandboxOptions other = options();
        other.appSecret = QStringLiteral("another-secret");
        start(other);
        QCOMPARE(m_client->get(QStringLiteral("/v23.0/me?fields=user_id"), token).graphCode(), 190);
        // Once the other app's sandbox saved (here: a token of its own), the file is the other
        // app's; back with the first app, its token is gone.
        m_sandbox->issueToken(true);
        start(options());
        QCOMPARE(m_client->get(QStringLiteral("/v23.0/me?fields=user_id"), token).graphCode(), 190);
    }

    void unreadableFileStartsAfresh()
    {
        QDir().mkpath(QFileInfo(options().stateFile).absolutePath());
        QFile file(options().stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not readable")));
        start(options());
        const QString token = m_sandbox->issueToken(true);
        QCOMPARE(meStatus(token), 200);
        start(options());
        QCOMPARE(meStatus(token), 200);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

QTEST_GUILESS_MAIN(TestSandboxPersistence)
#include "tst_sandboxpersistence.moc"
