// inlet-server end to end: the real executable (one or two processes) on a real PostgreSQL
// (PgCluster) with the real sandbox over loopback HTTP. Webhooks are durable before the 200, a
// bad signature stores nothing, an agent's reply is sent exactly once (also by two servers at
// once, and when a server is SIGKILLed between the Send API's answer and its commit), a server
// SIGKILLed during ingest loses nothing it acknowledged, and the admin commands set up a cluster
// (bootstrap) and manage agents.
#include "outbox/reactionqueue.h"
#include "outbox/sendfailure.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"
#include "support/await.h"
#include "support/inletserverprocess.h"
#include "support/sandboxfixture.h"
#include "support/teamdb.h"
#include "support/teamreplica.h"
#include "team/teamactiontransport.h"
#include "webhook/signatureverifier.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kBusiness = QStringLiteral("17841400000000001");
const QByteArray kMetaSecret = "sandbox-meta-app-secret";
const QString kAlice = QStringLiteral("alice");
const QString kAlicePassword = QStringLiteral("alice-pw-1");

QByteArray messagingBody(const QList<std::pair<QString, QString>> &midsAndTexts,
    const QString &customer = QStringLiteral("7000000000000001"))
{
    QJsonArray messaging;
    qint64 ts = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[mid, text] : midsAndTexts) {
        messaging.append(QJsonObject {
            { QStringLiteral("sender"), QJsonObject { { QStringLiteral("id"), customer } } },
            { QStringLiteral("recipient"), QJsonObject { { QStringLiteral("id"), kBusiness } } },
            { QStringLiteral("timestamp"), ts++ },
            { QStringLiteral("message"),
                QJsonObject { { QStringLiteral("mid"), mid }, { QStringLiteral("text"), text } } },
        });
    }
    const QJsonObject envelope { { QStringLiteral("object"), QStringLiteral("instagram") },
        { QStringLiteral("entry"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), kBusiness },
                { QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch() },
                { QStringLiteral("messaging"), messaging } } } } };
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

} // namespace

class TstInletServer : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<test::SandboxTestClient> m_client;
    QUrl m_sandboxUrl;
    QTemporaryDir m_credentials;
    qint64 m_account = 0;
    QSqlDatabase m_alice;
    QString m_customer;

    ServerLauncher m_launcher;

    std::unique_ptr<ServerProcess> startServer(const QStringList &extra = {})
    {
        return m_launcher.start(extra);
    }

    static test::HttpResult post(const QUrl &url, const QByteArray &body, const QByteArray &secret)
    {
        return test::postSignedWebhook(url, body, secret);
    }

    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_db.serverValue(sql, values);
    }

    // A row of the agent's outbox, written as the agent's own PostgreSQL role through
    // inlet.enqueue; its id, -1 when refused.
    qint64 enqueueRow(const QString &kind, const QString &body)
    {
        auto id = team::sql::scalar(m_alice,
            QStringLiteral("SELECT inlet.enqueue(?::uuid, ?, ?, ?, ?::jsonb)"),
            { QUuid::createUuid().toString(QUuid::WithoutBraces), kBusiness, m_customer, kind,
                body });
        return id && id->isValid() ? id->toLongLong() : -1;
    }
    // The agent's reply.
    qint64 enqueue(const QString &text)
    {
        return enqueueRow(QStringLiteral("text"),
            QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("text"), text } })
                                  .toJson(QJsonDocument::Compact)));
    }
    // What the business sent with `action` (sender_action), oldest first.
    QList<QJsonObject> sentActions(const QString &action)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &sent : m_sandbox->sentMessages()) {
            if (sent.value(QStringLiteral("sender_action")).toString() == action)
                out.append(sent);
        }
        return out;
    }

    // The sandbox delivers to `server` as Meta would: the app's callback and the account's
    // subscription (instagram-api.md §2.1).
    bool deliverTo(const ServerProcess &server)
    {
        if (pointAppCallbackAt(*m_client, server.webhook) != 200)
            return false;
        const QString token = scalar(
            QStringLiteral("SELECT value FROM inlet.secrets WHERE name = 'instagram_token'"));
        return m_client
                   ->postRaw(QStringLiteral("/me/subscribed_apps?subscribed_fields=messages"), {},
                       "application/x-www-form-urlencoded", token)
                   .status
            == 200;
    }

    // Stores `body` on the sandbox's stand-in for a media host (PUT /media/<name>), as a desktop's
    // outbox uploads an attachment before it hands the public URL to the team; its URL.
    QUrl uploadToMediaHost(const QString &name, const QByteArray &body, const QByteArray &type)
    {
        const QUrl url(m_sandboxUrl.toString() + QStringLiteral("/media/") + name);
        QNetworkAccessManager nam;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        QNetworkReply *reply = nam.put(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status >= 200 && status < 300 ? url : QUrl();
    }

    int sentCount(const QString &text)
    {
        int n = 0;
        for (const QJsonObject &sent : m_sandbox->sentMessages()) {
            if (sent.value(QStringLiteral("message")).toObject().value(QStringLiteral("text"))
                == text)
                ++n;
        }
        return n;
    }

    int runAdmin(const QStringList &command, const QByteArray &stdinData, QByteArray *out)
    {
        return m_launcher.admin(command, stdinData, out);
    }

    static bool writeSecret(const QString &path, const QByteArray &value)
    {
        return ServerLauncher::writeSecret(path, value);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(false), qPrintable(m_db.error())); // the server migrates
        QVERIFY(m_credentials.isValid());
        QVERIFY(ServerLauncher::writeCredentials(
            m_credentials.path(), kServerPassword.toUtf8(), kMetaSecret));

        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_sandboxUrl = *url;
        m_launcher = { m_db.cluster.port(), kDatabase, m_credentials.path(), m_sandboxUrl };
        m_client = std::make_unique<test::SandboxTestClient>(m_sandboxUrl);
        m_customer = m_sandbox->world().customers().first().profile.igsid;

        // Administration through the real commands: the account with its token (stdin), an agent.
        QByteArray out;
        const QString token = m_sandbox->issueToken(true);
        QCOMPARE(runAdmin({ QStringLiteral("account"), QStringLiteral("add"), kBusiness,
                              QStringLiteral("inlet.coffee") },
                     token.toUtf8() + '\n', &out),
            0);
        QCOMPARE(scalar(QStringLiteral("SELECT max(version) FROM inlet.schema_migrations")),
            QString::number(team::schema::currentVersion()));
        m_account = scalar(
            QStringLiteral("SELECT id FROM inlet.accounts WHERE ig_user_id = ?"), { kBusiness })
                        .toLongLong();
        QVERIFY(m_account > 0);
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("add"), kAlice,
                              QStringLiteral("Alice A.") },
                     kAlicePassword.toUtf8() + '\n', &out),
            0);
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("grant"), kAlice, kBusiness },
                     {}, &out),
            0);
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("list") }, {}, &out), 0);
        QCOMPARE(out.trimmed(), QStringLiteral("alice\tAlice A.\t%1").arg(m_account).toUtf8());
        m_alice = m_db.connect(kAlice, kAlicePassword);
        QVERIFY2(m_alice.isOpen(), qPrintable(m_db.error()));
    }

    void signedWebhookIsInPostgresBeforeThe200()
    {
        auto server = startServer();
        QVERIFY(server);
        const QByteArray body = messagingBody(
            { { QStringLiteral("mid.durable.1"), QStringLiteral("Are you open on Sunday?") } });
        const auto answer = post(server->webhook, body, kMetaSecret);
        QVERIFY2(answer.status == 200, server->log.constData());
        // Read at once, without waiting: the 200 came after COMMIT.
        QCOMPARE(scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"),
                     { QStringLiteral("mid.durable.1") }),
            QStringLiteral("Are you open on Sunday?"));
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT count(*) FROM inlet.change_log l JOIN inlet.messages m "
                            "ON l.entity = 'messages' AND l.entity_id = m.id WHERE m.mid = ?"),
                     { QStringLiteral("mid.durable.1") }),
            QStringLiteral("1"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.contacts WHERE igsid = ?"),
                     { QStringLiteral("7000000000000001") }),
            QStringLiteral("1"));
        // Delivered again (Meta retries): stored once.
        QCOMPARE(post(server->webhook, body, kMetaSecret).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = ?"),
                     { QStringLiteral("mid.durable.1") }),
            QStringLiteral("1"));
    }

    // A 50-event POST is one transaction: its new customer, conversation, 50 messages and the
    // conversation moved on wake a listener once (team schema 9), with the transaction's first
    // change; a replica woken reads everything after what it applied.
    void fiftyEventPostNotifiesOnce()
    {
        auto server = startServer();
        QVERIFY(server);
        QSqlDatabase listener = m_db.connect(kAlice, kAlicePassword);
        QVERIFY(listener.isOpen());
        QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("inlet_changes")));
        QList<std::pair<qint64, qint64>> wakes; // (seq, account)
        QObject scope;
        connect(listener.driver(), &QSqlDriver::notification, &scope,
            [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                const QStringList parts = payload.toString().split(QLatin1Char(' '));
                if (parts.size() == 2)
                    wakes.append({ parts.at(0).toLongLong(), parts.at(1).toLongLong() });
            });
        const qint64 before
            = scalar(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM inlet.change_log"))
                  .toLongLong();
        QList<std::pair<QString, QString>> items;
        for (int i = 0; i < 50; ++i)
            items.append({ QStringLiteral("mid.notify.%1").arg(i), QStringLiteral("n %1").arg(i) });
        QCOMPARE(post(server->webhook, messagingBody(items, QStringLiteral("7000000000000050")),
                     kMetaSecret)
                     .status,
            200);
        const QStringList range
            = scalar(QStringLiteral("SELECT min(l.seq) || ' ' || max(l.seq) || ' ' || count(*) "
                                    "FROM inlet.change_log l JOIN inlet.messages m ON l.entity = "
                                    "'messages' AND l.entity_id = m.id WHERE m.mid LIKE "
                                    "'mid.notify.%'"))
                  .split(QLatin1Char(' '));
        QCOMPARE(range.size(), 3);
        QCOMPARE(range.at(2), QStringLiteral("50"));
        const qint64 last = range.at(1).toLongLong();
        const qint64 first = scalar(
            QStringLiteral("SELECT min(seq) FROM inlet.change_log WHERE seq > ?"), { before })
                                 .toLongLong();
        QVERIFY(first < range.at(0).toLongLong()); // the contact and the conversation first
        auto ours = [&] {
            QList<std::pair<qint64, qint64>> out;
            for (const auto &w : std::as_const(wakes)) {
                if (w.first > before && w.first <= last)
                    out.append(w);
            }
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!ours().isEmpty(), 10000);
        QTest::qWait(500); // no more come
        QCOMPARE(ours().size(), 1);
        QCOMPARE(ours().constFirst(), (std::pair<qint64, qint64> { first, m_account }));
        listener.driver()->unsubscribeFromNotification(QStringLiteral("inlet_changes"));
    }

    void badSignatureStoresNothing()
    {
        auto server = startServer();
        QVERIFY(server);
        const QByteArray body = messagingBody(
            { { QStringLiteral("mid.forged.1"), QStringLiteral("send me the tokens") } });
        QCOMPARE(post(server->webhook, body, "not-the-secret").status, 403);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = ?"),
                     { QStringLiteral("mid.forged.1") }),
            QStringLiteral("0"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.webhook_events")),
            QStringLiteral("0"));
    }

    void customerMessageThenReplySentExactlyOnce()
    {
        auto server = startServer();
        QVERIFY(server);
        QVERIFY(deliverTo(*server));
        auto mid = m_sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), m_customer },
            { QStringLiteral("text"), QStringLiteral("Do you ship to Lyon?") } });
        QVERIFY(mid.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"), { *mid }),
            QStringLiteral("Do you ship to Lyon?"), 15000);

        const QString reply = QStringLiteral("Yes, in two days.");
        const qint64 row = enqueue(reply);
        QVERIFY(row > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sent"), 15000);
        QCOMPARE(sentCount(reply), 1);
        const QString sentMid
            = m_sandbox->sentMessages().constLast().value(QStringLiteral("message_id")).toString();
        QCOMPARE(
            scalar(QStringLiteral("SELECT m.mid || ' ' || m.sent_by FROM inlet.outbox o "
                                  "JOIN inlet.messages m ON m.id = o.message_id WHERE o.id = ?"),
                { row }),
            sentMid + QStringLiteral(" alice"));
        // The echo webhook (same mid) arrives and is not a second message.
        QTest::qWait(500);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid = ?"),
                     { sentMid }),
            QStringLiteral("1"));
        QCOMPARE(sentCount(reply), 1);
    }

    // An agent's attachment: the desktop uploaded the file to its media host and wrote the public
    // URL in the team's outbox (TeamOutbox's body); the server sends it once by URL, Instagram
    // fetches it, and the stored message carries it for every replica. (In the conversation
    // customerMessageThenReplySentExactlyOnce started.)
    void agentAttachmentIsSentOnceByUrl()
    {
        auto server = startServer();
        QVERIFY(server);
        QVERIFY(deliverTo(*server));
        // A 1x1 PNG.
        const QByteArray png
            = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNka"
                                     "PhfDwAEhwGAyXZx1QAAAABJRU5ErkJggg==");
        const QUrl url = uploadToMediaHost(QStringLiteral("team-reply.png"), png, "image/png");
        QVERIFY(url.isValid());

        const qint64 row = enqueueRow(QStringLiteral("attachment"),
            QString::fromUtf8(QJsonDocument(
                QJsonObject { { QStringLiteral("attachment_type"), QStringLiteral("image") },
                    { QStringLiteral("attachment_url"), url.toString() } })
                                  .toJson(QJsonDocument::Compact)));
        QVERIFY(row > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sent"), 15000);
        int sentWithIt = 0;
        for (const QJsonObject &sent : m_sandbox->sentMessages()) {
            const QJsonObject attachment = sent.value(QStringLiteral("message"))
                                               .toObject()
                                               .value(QStringLiteral("attachment"))
                                               .toObject();
            if (attachment.value(QStringLiteral("payload")).toObject().value(QStringLiteral("url"))
                == url.toString()) {
                ++sentWithIt;
                QCOMPARE(
                    attachment.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
            }
        }
        QCOMPARE(sentWithIt, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT (m.meta->'attachments'->0->>'type') || ' ' || "
                                       "(m.meta->'attachments'->0->>'url') || ' ' || m.sent_by "
                                       "FROM inlet.outbox o JOIN inlet.messages m ON "
                                       "m.id = o.message_id WHERE o.id = ?"),
                     { row }),
            QStringLiteral("image ") + url.toString() + QStringLiteral(" alice"));
    }

    // A contact the ingest creates is queued in the same transaction; the server fetches its
    // profile (instagram-api.md §5) and the name reaches the replicas through the change log. A
    // customer Instagram has no profile for keeps its scoped id and is asked for again later.
    void newCustomersGetTheirProfile()
    {
        auto server = startServer();
        QVERIFY(server);
        const sandbox::DemoCustomer customer = m_sandbox->world().customers().at(1).profile;
        const QString unknown = QStringLiteral("7000000000000077");
        QCOMPARE(post(server->webhook,
                     messagingBody({ { QStringLiteral("mid.profile.1"), QStringLiteral("Hi!") } },
                         customer.igsid),
                     kMetaSecret)
                     .status,
            200);
        QCOMPARE(post(server->webhook,
                     messagingBody(
                         { { QStringLiteral("mid.profile.2"), QStringLiteral("Hello") } }, unknown),
                     kMetaSecret)
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT name || '|' || username FROM inlet.contacts "
                                  "WHERE igsid = ?"),
                { customer.igsid }),
            customer.name + QLatin1Char('|') + customer.username, 15000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.profile_fetches f JOIN "
                                       "inlet.contacts c ON c.id = f.contact_id WHERE c.igsid = ?"),
                     { customer.igsid }),
            QStringLiteral("0"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) > 0 FROM inlet.change_log l JOIN "
                                       "inlet.contacts c ON l.entity = 'contacts' AND "
                                       "l.entity_id = c.id WHERE c.igsid = ? AND "
                                       "l.row_data->>'name' = ?"),
                     { customer.igsid, customer.name }),
            QStringLiteral("true"));
        // Refused by Instagram: tried once, due again later, the contact unnamed.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT f.attempts || ' ' || (f.due_ms > ?) FROM "
                                  "inlet.profile_fetches f JOIN inlet.contacts c ON "
                                  "c.id = f.contact_id WHERE c.igsid = ?"),
                { QDateTime::currentMSecsSinceEpoch() + 30'000, unknown }),
            QStringLiteral("1 true"), 15000);
        QCOMPARE(
            scalar(QStringLiteral("SELECT name FROM inlet.contacts WHERE igsid = ?"), { unknown }),
            QString());
    }

    // A profile older than a day is fetched again when its customer writes (the picture's URL
    // expires, names change), not while the customer is silent.
    void staleProfilesAreFetchedAgainWhenTheCustomerWrites()
    {
        auto server = startServer();
        QVERIFY(server);
        const sandbox::DemoCustomer writer = m_sandbox->world().customers().at(2).profile;
        const sandbox::DemoCustomer silent = m_sandbox->world().customers().at(3).profile;
        for (const auto &c : { writer, silent })
            QCOMPARE(post(server->webhook,
                         messagingBody(
                             { { QStringLiteral("mid.stale.") + c.igsid, QStringLiteral("Hi") } },
                             c.igsid),
                         kMetaSecret)
                         .status,
                200);
        for (const auto &c : { writer, silent })
            QTRY_COMPARE_WITH_TIMEOUT(
                scalar(
                    QStringLiteral("SELECT name FROM inlet.contacts WHERE igsid = ?"), { c.igsid }),
                c.name, 15000);
        // Both fetched two days ago, under names Instagram no longer gives; both wrote before.
        const qint64 twoDaysAgo = QDateTime::currentMSecsSinceEpoch() - 2 * 86'400'000LL;
        for (const auto &c : { writer, silent }) {
            QVERIFY(team::sql::exec(m_db.server,
                QStringLiteral("UPDATE inlet.contacts SET name = 'Old name', fetched_ms = ? "
                               "WHERE igsid = ?"),
                { twoDaysAgo, c.igsid }));
            QVERIFY(team::sql::exec(m_db.server,
                QStringLiteral("UPDATE inlet.conversations v SET last_customer_message_ms = ? "
                               "FROM inlet.contacts c WHERE c.id = v.contact_id AND c.igsid = ?"),
                { twoDaysAgo - 60'000, c.igsid }));
        }
        QCOMPARE(
            post(server->webhook,
                messagingBody({ { QStringLiteral("mid.stale.again"), QStringLiteral("Me again") } },
                    writer.igsid),
                kMetaSecret)
                .status,
            200);
        // Checked every 10 polls (200 ms here).
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT name FROM inlet.contacts WHERE igsid = ?"),
                { writer.igsid }),
            writer.name, 20000);
        QCOMPARE(scalar(QStringLiteral("SELECT name FROM inlet.contacts WHERE igsid = ?"),
                     { silent.igsid }),
            QStringLiteral("Old name"));
    }

    // An agent's reaction and mark_seen, written as the agent, are sent once by the server with
    // the core's sender actions, and what they changed goes into the change log for every
    // replica: the business's reaction in the message's meta, the conversation's seen time.
    void agentReactionAndMarkSeenAreSentOnce()
    {
        auto server = startServer();
        QVERIFY(server);
        const QString mid = scalar(
            QStringLiteral("SELECT mid FROM inlet.messages WHERE text = 'Do you ship to Lyon?'"));
        QVERIFY2(!mid.isEmpty() && !mid.startsWith(QLatin1String("<error")), qPrintable(mid));
        const QString reactionBody
            = QStringLiteral("{\"action\": \"react\", \"mid\": \"%1\", \"reaction\": \"love\"}")
                  .arg(mid);
        const qint64 react = enqueueRow(QStringLiteral("reaction"), reactionBody);
        const qint64 seen = enqueueRow(QStringLiteral("mark_seen"), QStringLiteral("{}"));
        QVERIFY(react > 0 && seen > 0);
        for (qint64 id : { react, seen }) {
            QTRY_COMPARE_WITH_TIMEOUT(
                scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { id }),
                QStringLiteral("sent"), 15000);
        }
        const auto reactions = sentActions(QStringLiteral("react"));
        QCOMPARE(reactions.size(), 1);
        QCOMPARE(reactions.first().value(QStringLiteral("payload")).toObject(),
            (QJsonObject { { QStringLiteral("message_id"), mid },
                { QStringLiteral("reaction"), QStringLiteral("love") } }));
        QCOMPARE(sentActions(QStringLiteral("mark_seen")).size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT meta->'business_reaction'->>'reaction' || ' ' || "
                                       "(meta->'business_reaction'->>'by') FROM inlet.messages "
                                       "WHERE mid = ?"),
                     { mid }),
            QStringLiteral("love alice"));
        QVERIFY(scalar(QStringLiteral("SELECT business_seen_ms FROM inlet.conversations c JOIN "
                                      "inlet.contacts k ON k.id = c.contact_id WHERE k.igsid = ?"),
                    { m_customer })
                    .toLongLong()
            > 0);
        // In the log, readable by the agents' replicas (the message row after the reaction).
        QCOMPARE(scalar(QStringLiteral("SELECT row_data->'meta'->'business_reaction'->>'reaction' "
                                       "FROM inlet.change_log WHERE entity = 'messages' AND "
                                       "row_data->>'mid' = ? ORDER BY seq DESC LIMIT 1"),
                     { mid }),
            QStringLiteral("love"));
        // Taken back.
        const qint64 unreact = enqueueRow(QStringLiteral("reaction"),
            QStringLiteral("{\"action\": \"unreact\", \"mid\": \"%1\"}").arg(mid));
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { unreact }),
            QStringLiteral("sent"), 15000);
        QCOMPARE(sentActions(QStringLiteral("unreact")).size(), 1);
        QCOMPARE(sentActions(QStringLiteral("react")).size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT meta->'business_reaction'->>'removed' FROM "
                                       "inlet.messages WHERE mid = ?"),
                     { mid }),
            QStringLiteral("true"));
    }

    // A desktop's reactions in team mode (ReactionQueue over TeamActionTransport, a replica of
    // the team database): one the server sends is done for the queue once the server recorded it;
    // one Instagram refuses (a message it does not know) comes back failed through the change
    // log, and the desktop takes the reaction off the bubble and lists the failure, as the solo
    // path does when its own Send API call fails.
    void failedReactionIsRolledBackOnTheDesktop()
    {
        auto server = startServer();
        QVERIFY(server);
        QCOMPARE(post(server->webhook,
                     messagingBody({ { QStringLiteral("mid.unknown.to.instagram"),
                                       QStringLiteral("A message Instagram lost") } },
                         m_customer),
                     kMetaSecret)
                     .status,
            200);
        AgentReplica replica;
        QVERIFY(replica.open(m_db.agentConnection(kAlice, kAlicePassword)));
        const QString localOf = QStringLiteral("SELECT id FROM messages WHERE text = ?");
        QTRY_VERIFY_WITH_TIMEOUT(
            !replica.column(localOf, { QStringLiteral("A message Instagram lost") }).isEmpty(),
            15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !replica.column(localOf, { QStringLiteral("Do you ship to Lyon?") }).isEmpty(), 15000);
        const qint64 lost = replica.column(localOf, { QStringLiteral("A message Instagram lost") })
                                .value(0)
                                .toLongLong();
        const qint64 lyon = replica.column(localOf, { QStringLiteral("Do you ship to Lyon?") })
                                .value(0)
                                .toLongLong();
        team::TeamActionTransport transport(replica.follower.get());
        ReactionQueue queue(replica.store.get(), &transport);
        queue.start();
        QSignalSpy sent(&queue, &ReactionQueue::sent);
        QSignalSpy failed(&queue, &ReactionQueue::failed);
        const QString business = QStringLiteral("SELECT reaction FROM reactions WHERE message_id = "
                                                "? AND removed = 0 AND reactor_id = ?");

        // Sent by the server: the queue is done when the row is.
        QVERIFY(test::awaitResult(queue.react(lyon, QStringLiteral("love"))));
        QCOMPARE(
            replica.column(business, { lyon, kBusiness }), QStringList { QStringLiteral("love") });
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 1, 15000);
        QCOMPARE(queue.pendingCount(), 0);
        QCOMPARE(
            replica.column(business, { lyon, kBusiness }), QStringList { QStringLiteral("love") });

        // Refused by Instagram: the row fails, the reaction is taken off, the failure listed.
        const int reactsBefore = int(sentActions(QStringLiteral("react")).size());
        QVERIFY(test::awaitResult(queue.react(lost, QStringLiteral("love"))));
        QCOMPARE(
            replica.column(business, { lost, kBusiness }), QStringList { QStringLiteral("love") });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
        QCOMPARE(failed.first().at(1).toLongLong(), lost);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.outbox WHERE kind = "
                                       "'reaction' AND state = 'failed' AND body->>'mid' = ?"),
                     { QStringLiteral("mid.unknown.to.instagram") }),
            QStringLiteral("1"));
        QCOMPARE(sentActions(QStringLiteral("react")).size(), reactsBefore);
        QTRY_COMPARE_WITH_TIMEOUT(
            replica.column(business, { lost, kBusiness }), QStringList {}, 15000);
        const auto failures = queue.failedReactions(kBusiness, m_customer);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().messageId, lost);
        QCOMPARE(SendFailure::decode(failures.first().errorText).error.code, 100);
        QCOMPARE(queue.pendingCount(), 0);
        QCOMPARE(sent.count(), 1);
        // The reaction that was sent is untouched.
        QCOMPARE(
            replica.column(business, { lyon, kBusiness }), QStringList { QStringLiteral("love") });
        // The tests below count the outbox's unsent rows.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("DELETE FROM inlet.outbox WHERE state = 'failed' AND body->>'mid' = ?"),
            { QStringLiteral("mid.unknown.to.instagram") }));
    }

    void twoServersStoreOnceAndSendOnce()
    {
        auto first = startServer();
        auto second = startServer();
        QVERIFY(first && second);
        // Every delivery goes to BOTH servers, as retries through a load balancer may.
        QNetworkAccessManager nam;
        int answered = 0;
        int ok = 0;
        const int batches = 30;
        for (int i = 0; i < batches; ++i) {
            const QByteArray body = messagingBody(
                { { QStringLiteral("mid.two.%1.a").arg(i), QStringLiteral("two %1 a").arg(i) },
                    { QStringLiteral("mid.two.%1.b").arg(i), QStringLiteral("two %1 b").arg(i) } },
                QStringLiteral("71000000000000%1").arg(i % 5));
            for (const QUrl &url : { first->webhook, second->webhook }) {
                QNetworkRequest request(url);
                request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
                request.setRawHeader(
                    "X-Hub-Signature-256", SignatureVerifier::sign(body, kMetaSecret));
                QNetworkReply *reply = nam.post(request, body);
                connect(reply, &QNetworkReply::finished, this, [reply, &answered, &ok] {
                    ++answered;
                    ok += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
                    reply->deleteLater();
                });
            }
        }
        // Meanwhile the agent queues replies, which both servers drain.
        QStringList replies;
        for (int i = 0; i < 24; ++i) {
            replies.append(QStringLiteral("Reply number %1").arg(i));
            QVERIFY(enqueue(replies.constLast()) > 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2 * batches, 30000);
        QCOMPARE(ok, 2 * batches);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM inlet.messages WHERE mid LIKE 'mid.two.%'")),
            QString::number(2 * batches));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(DISTINCT entity_id) || ' ' || count(*) "
                                  "FROM inlet.change_log l JOIN inlet.messages m ON "
                                  "l.entity = 'messages' AND l.entity_id = m.id AND l.op = 'I' "
                                  "WHERE m.mid LIKE 'mid.two.%'")),
            QStringLiteral("%1 %1").arg(2 * batches));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM inlet.outbox "
                                                        "WHERE state <> 'sent'")),
            QStringLiteral("0"), 30000);
        for (const QString &text : std::as_const(replies))
            QCOMPARE(sentCount(text), 1);
        // Both took part (claims are disjoint; with 24 rows and 200 ms polls both get some).
        qInfo("claims: %s",
            qPrintable(TeamDb::column(m_db.server,
                QStringLiteral("SELECT claimed_by || '=' || count(*) FROM inlet.outbox "
                               "WHERE body->>'text' LIKE 'Reply number %' GROUP BY claimed_by"))
                           .join(QLatin1Char(' '))));
    }

    void killedDuringIngestLosesNothingAcknowledged()
    {
        auto server = startServer();
        QVERIFY(server);
        QNetworkAccessManager nam;
        QStringList acknowledged;
        int finished = 0;
        const int total = 300;
        for (int i = 0; i < total; ++i) {
            const QString mid = QStringLiteral("mid.kill.%1").arg(i);
            const QByteArray body = messagingBody({ { mid, QStringLiteral("kill %1").arg(i) } },
                QStringLiteral("72000000000000%1").arg(i % 7));
            QNetworkRequest request(server->webhook);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("X-Hub-Signature-256", SignatureVerifier::sign(body, kMetaSecret));
            QNetworkReply *reply = nam.post(request, body);
            connect(reply, &QNetworkReply::finished, this, [reply, mid, &acknowledged, &finished] {
                ++finished;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    acknowledged.append(mid);
                reply->deleteLater();
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 40, 20000);
        server->sigkill();
        QTRY_COMPARE_WITH_TIMEOUT(finished, total, 20000);
        QVERIFY2(acknowledged.size() < total, "the kill came too late to test anything");
        const QStringList stored = TeamDb::column(m_db.server,
            QStringLiteral("SELECT mid FROM inlet.messages WHERE mid LIKE 'mid.kill.%'"));
        for (const QString &mid : std::as_const(acknowledged))
            QVERIFY2(stored.contains(mid), qPrintable(mid + QStringLiteral(" acknowledged, lost")));
        qInfo("%lld of %d acknowledged before SIGKILL, %lld stored", qlonglong(acknowledged.size()),
            total, qlonglong(stored.size()));
    }

    void killedBetweenSendAndCommitDoesNotSendTwice()
    {
        // The delay below is the sandbox's next answer, whatever the call: no profile fetch for
        // an earlier test's customers may take it instead of the Send API (it did, under load).
        QCOMPARE(scalar(QStringLiteral("WITH d AS (DELETE FROM inlet.profile_fetches RETURNING 1) "
                                       "SELECT count(*) >= 0 FROM d")),
            QStringLiteral("true"));
        auto server = startServer();
        QVERIFY(server);
        // The Send API processes the message, then answers 4 s late: the server is killed while
        // Instagram has the message and the database does not know it.
        QCOMPARE(m_client
                     ->control(QStringLiteral("faults"),
                         { { QStringLiteral("latency_ms"), 4000 }, { QStringLiteral("count"), 1 } })
                     .status,
            200);
        const QString reply = QStringLiteral("Sent while the server died");
        const qint64 row = enqueue(reply);
        QVERIFY(row > 0);
        QTRY_COMPARE_WITH_TIMEOUT(sentCount(reply), 1, 15000);
        server->sigkill();
        QCOMPARE(scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sending"));

        auto next = startServer();
        QVERIFY(next);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sent"), 20000);
        QCOMPARE(sentCount(reply), 1);
        QTRY_VERIFY2_WITH_TIMEOUT(
            next->log.contains("had reached Instagram already"), next->log.constData(), 5000);
        QCOMPARE(scalar(QStringLiteral("SELECT m.sent_by FROM inlet.outbox o JOIN inlet.messages m "
                                       "ON m.id = o.message_id WHERE o.id = ?"),
                     { row }),
            kAlice);
    }

    void tokenRefreshRunsOnceUnderItsLock()
    {
        const QString before = scalar(
            QStringLiteral("SELECT value FROM inlet.secrets WHERE name = 'instagram_token'"));
        // Instagram refreshes only tokens older than 24 hours.
        QCOMPARE(m_client
                     ->control(QStringLiteral("clock/advance"),
                         { { QStringLiteral("seconds"), 2 * 86400 } })
                     .status,
            200);
        // Due now (the servers of the tests above ran it, refused: the token was too young).
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("DELETE FROM inlet.server_jobs")));
        auto first = startServer({ QStringLiteral("--job-interval-s"), QStringLiteral("3600") });
        auto second = startServer({ QStringLiteral("--job-interval-s"), QStringLiteral("3600") });
        QVERIFY(first && second);
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT last_result FROM inlet.server_jobs WHERE name = "
                                  "'token-refresh'"))
                == QLatin1String("refreshed: 1"),
            15000);
        const QString after = scalar(
            QStringLiteral("SELECT value FROM inlet.secrets WHERE name = 'instagram_token'"));
        QVERIFY(after != before);
        QTest::qWait(1500);
        const int runs = int(first->log.count("job \"token-refresh\" starts")
            + second->log.count("job \"token-refresh\" starts"));
        QCOMPARE(runs, 1);
        // The new token works for sending.
        const QString reply = QStringLiteral("Sent with the refreshed token");
        (void)m_sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), m_customer },
            { QStringLiteral("text"), QStringLiteral("hello again") } });
        const qint64 row = enqueue(reply);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sent"), 15000);
    }

    void subscriptionSwitchedOffIsTurnedOnAgain()
    {
        const QString token = scalar(
            QStringLiteral("SELECT value FROM inlet.secrets WHERE name = 'instagram_token'"));
        QCOMPARE(m_client->del(QStringLiteral("/me/subscribed_apps"), token).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/me/subscribed_apps"), token)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral("DELETE FROM inlet.server_jobs")));
        auto first = startServer();
        auto second = startServer();
        QVERIFY(first && second);
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT last_result FROM inlet.server_jobs "
                                                        "WHERE name = 'subscription-check'")),
            QStringLiteral("re-subscribed: 1"), 15000);
        const QJsonArray apps = m_client->get(QStringLiteral("/me/subscribed_apps"), token)
                                    .json()
                                    .value(QStringLiteral("data"))
                                    .toArray();
        QCOMPARE(apps.size(), 1);
        QVERIFY(apps.first()
                    .toObject()
                    .value(QStringLiteral("subscribed_fields"))
                    .toArray()
                    .contains(QStringLiteral("message_edit")));
        QTest::qWait(1000);
        QCOMPARE(int(first->log.count("job \"subscription-check\" starts")
                     + second->log.count("job \"subscription-check\" starts")),
            1);
    }

    void adminCommandsRemoveAgents()
    {
        QByteArray out;
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("bob") },
                     "bob-pw\n", &out),
            0);
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("revoke"), kAlice, kBusiness },
                     {}, &out),
            0);
        QCOMPARE(
            runAdmin({ QStringLiteral("agent"), QStringLiteral("remove"), QStringLiteral("bob") },
                {}, &out),
            0);
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("list") }, {}, &out), 0);
        QCOMPARE(out, QByteArray("alice\tAlice A.\t\n"));
        // No password on stdin: refused, nothing created.
        QCOMPARE(
            runAdmin({ QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("carol") },
                {}, &out),
            2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'carol'")),
            QStringLiteral("0"));
    }

    // Rows an agent may write but the server cannot send fail alone; the server goes on.
    void hostileOutboxRowsFailOnlyThemselves()
    {
        QByteArray out; // adminCommandsRemoveAgents revoked it
        QCOMPARE(runAdmin({ QStringLiteral("agent"), QStringLiteral("grant"), kAlice, kBusiness },
                     {}, &out),
            0);
        auto server = startServer();
        QVERIFY(server);
        (void)m_sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), m_customer },
            { QStringLiteral("text"), QStringLiteral("still there?") } });
        // Not JSON objects: refused by inlet.enqueue already, the server never sees them.
        QCOMPARE(enqueueRow(QStringLiteral("text"), QStringLiteral("\"just a string\"")), -1);
        QCOMPARE(enqueueRow(QStringLiteral("text"), QStringLiteral("[1, 2, 3]")), -1);
        QCOMPARE(enqueueRow(QStringLiteral("rm -rf"), QStringLiteral("{}")), -1);
        const QList<std::pair<QString, QString>> rows {
            { QStringLiteral("text"), QStringLiteral("{\"text\": 42}") },
            { QStringLiteral("text"),
                QStringLiteral("{\"text\": \"%1\"}").arg(QString(1001, QLatin1Char('x'))) },
            { QStringLiteral("attachment"),
                QStringLiteral(
                    "{\"attachment_type\": \"image\", \"attachment_url\": \"ftp://x\"}") },
            { QStringLiteral("reaction"), QStringLiteral("{}") },
            { QStringLiteral("reaction"),
                QStringLiteral("{\"action\": \"react\", \"mid\": \"no.such.mid\", "
                               "\"reaction\": \"love\"}") },
            { QStringLiteral("reaction"),
                QStringLiteral("{\"action\": \"react\", \"mid\": {\"a\": 1}, \"reaction\": 7}") },
            { QStringLiteral("reaction"),
                QStringLiteral("{\"action\": \"explode\", \"mid\": \"x\"}") },
        };
        QList<qint64> hostile;
        for (const auto &[kind, body] : rows) {
            const qint64 id = enqueueRow(kind, body);
            QVERIFY2(id > 0, qPrintable(body));
            hostile.append(id);
        }
        const qint64 good = enqueue(QStringLiteral("A normal reply after the odd ones"));
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { good }),
            QStringLiteral("sent"), 15000);
        for (qint64 id : std::as_const(hostile)) {
            QTRY_COMPARE_WITH_TIMEOUT(
                scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { id }),
                QStringLiteral("failed"), 5000);
        }
        QCOMPARE(server->process.state(), QProcess::Running);
        QCOMPARE(sentCount(QStringLiteral("just a string")), 0);
    }

    void agentsCannotReadTheServersTables()
    {
        for (const QString &table :
            { QStringLiteral("webhook_events"), QStringLiteral("server_jobs"),
                QStringLiteral("secrets"), QStringLiteral("profile_fetches") }) {
            auto read = team::sql::scalar(
                m_alice, QStringLiteral("SELECT count(*) FROM inlet.%1").arg(table));
            QVERIFY2(!read, qPrintable(table));
            QCOMPARE(team::sql::sqlState(read.error()),
                QString::fromLatin1(team::sql::InsufficientPrivilege));
        }
    }

    // PostgreSQL restarted under a running server: the next webhook is stored (the ingest
    // connection is made again) and the next reply sent (so is the sender's).
    void databaseRestartedUnderTheServer()
    {
        auto server = startServer();
        QVERIFY(server);
        QVERIFY2(m_db.cluster.restart(), qPrintable(m_db.cluster.errorString()));
        m_db.server.close();
        QVERIFY(m_db.server.open());
        m_alice.close();
        QVERIFY(m_alice.open());
        const QByteArray body = messagingBody(
            { { QStringLiteral("mid.restart.1"), QStringLiteral("after the restart") } });
        const auto answer = post(server->webhook, body, kMetaSecret);
        QVERIFY2(answer.status == 200, server->log.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"),
                     { QStringLiteral("mid.restart.1") }),
            QStringLiteral("after the restart"));
        const qint64 row = enqueue(QStringLiteral("Sent after the database restarted"));
        QVERIFY(row > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM inlet.outbox WHERE id = ?"), { row }),
            QStringLiteral("sent"), 15000);
        QCOMPARE(sentCount(QStringLiteral("Sent after the database restarted")), 1);
    }

    // `bootstrap` on a fresh cluster, as its superuser (password file): the roles, the database
    // and the schema, after which inlet_server connects with the password given on stdin. Without
    // a password on stdin nothing is created.
    void bootstrapCommandSetsUpAFreshCluster()
    {
        test::PgCluster cluster;
        QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
        QTemporaryDir dir;
        const QString adminFile = dir.filePath(QStringLiteral("admin-password"));
        QVERIFY(writeSecret(adminFile, cluster.superuserPassword().toUtf8()));
        const QString serverFile = dir.filePath(QStringLiteral("server-password"));
        const QByteArray serverPassword = "boot-Secret-1";
        QVERIFY(writeSecret(serverFile, serverPassword));
        const QString database = QStringLiteral("inlet_boot");
        auto run = [&](const QStringList &args, const QByteArray &in, QByteArray *out) {
            QProcess p;
            p.start(serverBinary(),
                QStringList { QStringLiteral("--db-port"), QString::number(cluster.port()),
                    QStringLiteral("--db-name"), database }
                    + args);
            p.write(in);
            p.closeWriteChannel();
            p.waitForFinished(60000);
            *out = p.readAllStandardOutput() + p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        const QStringList asAdmin { QStringLiteral("--db-user"), cluster.superuser(),
            QStringLiteral("--db-password-file"), adminFile, QStringLiteral("bootstrap") };
        QByteArray out;
        QCOMPARE(run(asAdmin, {}, &out), 2);
        QVERIFY2(out.contains("stdin"), out.constData());
        {
            QSqlDatabase admin = cluster.connectAsSuperuser();
            QVERIFY(admin.isOpen());
            QCOMPARE(team::sql::scalar(admin,
                         QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"),
                         { database })
                         ->toInt(),
                0);
            test::PgCluster::closeConnection(admin.connectionName());
        }

        QCOMPARE(run(asAdmin, serverPassword + '\n', &out), 0);
        QVERIFY2(out.contains("is set up"), out.constData());
        QVERIFY(!out.contains(serverPassword));
        // inlet_server connects with that password and finds the current schema.
        QCOMPARE(run({ QStringLiteral("--db-password-file"), serverFile, QStringLiteral("agent"),
                         QStringLiteral("add"), QStringLiteral("dora") },
                     "dora-pw\n", &out),
            0);
        {
            QSqlDatabase server = cluster.connect(
                QStringLiteral("inlet_server"), QString::fromUtf8(serverPassword), database);
            QVERIFY2(server.isOpen(), qPrintable(server.lastError().text()));
            QCOMPARE(team::sql::scalar(
                         server, QStringLiteral("SELECT max(version) FROM inlet.schema_migrations"))
                         ->toInt(),
                team::schema::currentVersion());
            test::PgCluster::closeConnection(server.connectionName());
        }
        // Run again: what exists is kept, and it says that the password was not changed.
        QCOMPARE(run(asAdmin, "another-password\n", &out), 0);
        QVERIFY2(out.contains("left as it was"), out.constData());
    }

    void passwordFileReadableByOthersIsRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("db-password"));
        QVERIFY(writeSecret(file, kServerPassword.toUtf8()));
        QFile(file).setPermissions(
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QProcess p;
        p.start(serverBinary(),
            { QStringLiteral("--db-port"), QString::number(m_db.cluster.port()),
                QStringLiteral("--db-name"), kDatabase, QStringLiteral("--db-password-file"), file,
                QStringLiteral("agent"), QStringLiteral("list") });
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("chmod 600"), err.constData());
        QVERIFY(!err.contains(kServerPassword.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TstInletServer)
#include "tst_inletserver.moc"
