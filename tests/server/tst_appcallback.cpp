// inlet-server registers its public callback URL as the Meta app's webhook callback (POST
// /{meta-app-id}/subscriptions with the app token), at start and at each job interval, as the solo
// desktop does: a real inlet-server on a real PostgreSQL (PgCluster), the sandbox as Meta (its
// handshake reaches the server's webhook; its control API tells what was registered). A wrong
// Meta App Secret is a logged error, retried, and neither the webhook nor the accounts' own
// subscriptions depend on it; the app token never appears in the server's output.
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/subscriptionkeeper.h"
#include "support/sandboxfixture.h"
#include "support/teamserverfixture.h"
#include "webhook/signatureverifier.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kMetaAppId = QStringLiteral("2000000000000002"); // the sandbox's Meta app
const QString kBusiness = TeamServerFixture::kBusiness;
const QString kPassword = QStringLiteral("agent-pw-7");

// A port nobody listens on now, for a server whose public URL must name it before it starts.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QUrl callbackAt(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/instagram").arg(port));
}

} // namespace

class TstAppCallback : public QObject {
    Q_OBJECT

private:
    TeamServerFixture m_team;
    QTemporaryDir m_wrongCredentials; // the same, but a wrong Meta App Secret

    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_team.db.serverValue(sql, values);
    }
    QJsonObject sandboxSubscriptions() const
    {
        return m_team.client->get(QStringLiteral("/__sandbox/state"))
            .json()
            .value(QStringLiteral("subscriptions"))
            .toObject();
    }
    QString registeredCallback() const
    {
        return sandboxSubscriptions().value(QStringLiteral("callback_url")).toString();
    }
    // A server on a port its --public-url names, registering with `credentialsDir`'s secrets.
    std::unique_ptr<ServerProcess> startRegistering(
        const QString &credentialsDir, const QStringList &extra = {})
    {
        const quint16 port = freePort();
        if (port == 0)
            return nullptr;
        ServerLauncher launcher = m_team.launcher;
        launcher.credentialsDir = credentialsDir;
        return launcher.start(QStringList { QStringLiteral("--port"), QString::number(port),
                                  QStringLiteral("--public-url"), callbackAt(port).toString(),
                                  QStringLiteral("--meta-app-id"), kMetaAppId }
            + extra);
    }
    // Everything the server wrote; the app token and the Meta App Secret must be in none of it.
    static QByteArray output(ServerProcess &server)
    {
        server.log += server.process.readAllStandardError();
        return server.log + server.process.readAllStandardOutput();
    }
    static void verifyNoSecret(const QByteArray &output, const QByteArray &secret)
    {
        QVERIFY2(!output.contains(secret), output.constData());
        QVERIFY2(!output.contains(kMetaAppId.toUtf8() + '|'), output.constData());
        QVERIFY2(!output.contains(kMetaAppId.toUtf8() + "%7C"), output.constData());
    }
    static test::HttpResult post(const QUrl &url, const QByteArray &body, const QByteArray &secret)
    {
        return test::postSignedWebhook(url, body, secret);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(m_team.setUp({}, {}, kPassword, false), qPrintable(m_team.error));
        QVERIFY(m_wrongCredentials.isValid());
        QVERIFY(ServerLauncher::writeCredentials(m_wrongCredentials.path(),
            kServerPassword.toUtf8(), "not-the-meta-app-secret", TeamServerFixture::kAppSecret));
        // The business account with its token, through the real command (token: stdin).
        QByteArray out;
        QCOMPARE(m_team.launcher.admin({ QStringLiteral("account"), QStringLiteral("add"),
                                           kBusiness, QStringLiteral("inlet.coffee") },
                     m_team.instagram->issueToken(true).toUtf8() + '\n', &out),
            0);
    }

    // Each test starts without a callback at the sandbox and with the account unsubscribed.
    void init()
    {
        auto &subs = m_team.instagram->world().subscriptions();
        subs.callbackUrl.clear();
        subs.verifyToken.clear();
        subs.appFields.clear();
        subs.accountFields.clear();
    }

    // At start the server registers its public URL, the core's fields and its verify token (the
    // sandbox's handshake reached its webhook); with the account subscribed, a customer's message
    // then reaches PostgreSQL through that callback.
    void registersItsCallbackAtStart()
    {
        auto server = startRegistering(m_team.credentials.path());
        QVERIFY(server);
        const QUrl expected = callbackAt(server->webhook.port());
        QCOMPARE(server->webhook, expected);
        QTRY_COMPARE_WITH_TIMEOUT(registeredCallback(), expected.toString(), 15000);
        const QJsonObject subs = sandboxSubscriptions();
        QStringList fields;
        for (const QJsonValue &f : subs.value(QStringLiteral("app_fields")).toArray())
            fields.append(f.toString());
        QCOMPARE(fields, SubscriptionKeeper::webhookFields());
        QCOMPARE(
            subs.value(QStringLiteral("verify_token")).toString(), QStringLiteral("verify-me"));
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(QStringLiteral(
                       "SELECT last_result FROM inlet.server_jobs WHERE name = 'app-callback'"))
                .startsWith(QStringLiteral("registered ")),
            5000);

        const QString token = scalar(
            QStringLiteral("SELECT value FROM inlet.secrets WHERE name = 'instagram_token'"));
        QCOMPARE(m_team.client
                     ->postRaw(QStringLiteral("/me/subscribed_apps?subscribed_fields=messages"), {},
                         "application/x-www-form-urlencoded", token)
                     .status,
            200);
        const QString customer = m_team.instagram->world().customers().first().profile.igsid;
        auto mid
            = m_team.instagram->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer },
                { QStringLiteral("text"), QStringLiteral("Registered by the server?") } });
        QVERIFY(mid.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"), { *mid }),
            QStringLiteral("Registered by the server?"), 15000);
        verifyNoSecret(output(*server), TeamServerFixture::kMetaSecret);
    }

    // Removed at Meta's side (or changed in the dashboard), the callback is registered again at
    // the next job interval.
    void registersItAgainEveryInterval()
    {
        auto server = startRegistering(
            m_team.credentials.path(), { QStringLiteral("--job-interval-s"), QStringLiteral("1") });
        QVERIFY(server);
        const QString expected = callbackAt(server->webhook.port()).toString();
        QTRY_COMPARE_WITH_TIMEOUT(registeredCallback(), expected, 15000);
        init(); // gone at the sandbox (read at once: the next run may come any time now)
        QVERIFY(m_team.instagram->world().subscriptions().callbackUrl.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(registeredCallback(), expected, 15000);
        verifyNoSecret(output(*server), TeamServerFixture::kMetaSecret);
    }

    // A wrong Meta App Secret: Graph's error is logged (without the secret or the app token) and
    // the registration tried again at the next run; nothing is registered; the webhook still
    // takes events signed with the Instagram App Secret, and the account's own subscription is
    // still kept up.
    void wrongSecretIsLoggedAndTheServerGoesOn()
    {
        auto server = startRegistering(
            m_wrongCredentials.path(), { QStringLiteral("--job-interval-s"), QStringLiteral("1") });
        QVERIFY(server);
        QTRY_VERIFY2_WITH_TIMEOUT(output(*server).count("app-level webhook registration of") >= 2,
            server->log.constData(), 15000);
        QVERIFY2(
            server->log.contains("Invalid OAuth access token signature"), server->log.constData());
        QCOMPARE(registeredCallback(), QString());
        QVERIFY(scalar(
            QStringLiteral("SELECT last_result FROM inlet.server_jobs WHERE name = 'app-callback'"))
                    .startsWith(QStringLiteral("failed: ")));

        // The account's subscription, which the sandbox lost in init(), is made again.
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_team.instagram->world().subscriptions().accountFields.isEmpty(), 15000);

        // The webhook serves: an event signed with the (right) Instagram App Secret is stored.
        const QJsonObject envelope { { QStringLiteral("object"), QStringLiteral("instagram") },
            { QStringLiteral("entry"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), kBusiness },
                    { QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch() },
                    { QStringLiteral("messaging"),
                        QJsonArray { QJsonObject {
                            { QStringLiteral("sender"),
                                QJsonObject { { QStringLiteral("id"),
                                    QStringLiteral("7000000000000009") } } },
                            { QStringLiteral("recipient"),
                                QJsonObject { { QStringLiteral("id"), kBusiness } } },
                            { QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch() },
                            { QStringLiteral("message"),
                                QJsonObject {
                                    { QStringLiteral("mid"), QStringLiteral("mid.appcallback.1") },
                                    { QStringLiteral("text"), QStringLiteral("Still open?") } } },
                        } } } } } } };
        const QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
        QCOMPARE(post(server->webhook, body, TeamServerFixture::kAppSecret).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"),
                     { QStringLiteral("mid.appcallback.1") }),
            QStringLiteral("Still open?"));
        verifyNoSecret(output(*server), "not-the-meta-app-secret");
    }

    // Without a Meta App ID it says once that the callback is left to Meta's dashboard, registers
    // nothing, and serves.
    void withoutMetaAppIdItIsLeftToTheDashboard()
    {
        const quint16 port = freePort();
        QVERIFY(port != 0);
        auto server = m_team.launcher.start({ QStringLiteral("--port"), QString::number(port),
            QStringLiteral("--public-url"), callbackAt(port).toString(),
            QStringLiteral("--job-interval-s"), QStringLiteral("1") });
        QVERIFY(server);
        QTRY_VERIFY_WITH_TIMEOUT(
            output(*server).contains("job \"subscription-check\" starts"), 15000);
        QTest::qWait(1500); // more ticks: still said once
        const QByteArray log = output(*server);
        QCOMPARE(log.count("left to Meta's dashboard"), 1);
        QVERIFY2(log.contains("the Meta App ID (--meta-app-id)"), log.constData());
        QVERIFY2(!log.contains("app-callback"), log.constData());
        QCOMPARE(registeredCallback(), QString());
    }

    // A --public-url that is not an http(s) URL is refused before anything starts.
    void badPublicUrlIsRefused()
    {
        QProcess p;
        p.start(serverBinary(),
            m_team.launcher.connectionArguments()
                + QStringList { QStringLiteral("--public-url"), QStringLiteral("ftp://x/y") });
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--public-url"));
    }
};

QTEST_GUILESS_MAIN(TstAppCallback)
#include "tst_appcallback.moc"
