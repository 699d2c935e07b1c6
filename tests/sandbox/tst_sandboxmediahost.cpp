// The sandbox's media host (PUT/GET /media/<name>) and the Send API's checks of attachment URLs:
// fetched like Instagram does, refused with 100/2018047 when unreachable or of the wrong type.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxmedia.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"

#include <QJsonArray>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

class TestSandboxMediaHost : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        SandboxOptions options;
        options.customers = 2;
        options.eventsPerMinute = 0;
        m_sandbox = std::make_unique<Sandbox>(options);
        const auto url = m_sandbox->start();
        QVERIFY(url.has_value());
        m_client = std::make_unique<SandboxTestClient>(*url);
        m_token = m_sandbox->issueToken(true);
        m_customer = m_sandbox->world().customers().first().profile.igsid;
        QVERIFY(m_sandbox
                    ->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                        { QStringLiteral("customer"), m_customer },
                        { QStringLiteral("text"), QStringLiteral("hello") } })
                    .has_value());
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void putThenGetServesTheSameBytesAndType()
    {
        const QByteArray png = sandboxMedia(QStringLiteral("latte.png"))->data;
        const HttpResult put
            = putMedia(QStringLiteral("a1b2.png"), png, "image/png", QStringLiteral("any-token"));
        QCOMPARE(put.status, 201);
        QCOMPARE(put.json().value(QStringLiteral("url")).toString(),
            m_client->url(QStringLiteral("/media/a1b2.png")).toString());
        const HttpResult get = m_client->get(QStringLiteral("/media/a1b2.png"));
        QCOMPARE(get.status, 200);
        QCOMPARE(get.contentType, QByteArray("image/png"));
        QCOMPARE(get.body, png);
        // Listed by the control API; a second PUT replaces.
        QCOMPARE(putMedia(QStringLiteral("a1b2.png"), "x", "image/png").status, 200);
        const QJsonArray uploads = m_client->get(QStringLiteral("/__sandbox/uploads"))
                                       .json()
                                       .value(QStringLiteral("data"))
                                       .toArray();
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(uploads.first().toObject().value(QStringLiteral("size")).toInteger(), 1);
    }

    void unknownNamesAndBadNames()
    {
        QCOMPARE(m_client->get(QStringLiteral("/media/nothing.png")).status, 404);
        QCOMPARE(putMedia(QStringLiteral(".hidden"), "x", "image/png").status, 400);
    }

    void tooLargeIs413WithAReason()
    {
        QCOMPARE(
            m_client->control(QStringLiteral("uploads"), { { QStringLiteral("max_bytes"), 100 } })
                .status,
            200);
        const HttpResult put
            = putMedia(QStringLiteral("big.png"), QByteArray(101, 'x'), "image/png");
        QCOMPARE(put.status, 413);
        QVERIFY(put.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("100 bytes")));
        QCOMPARE(m_client->get(QStringLiteral("/media/big.png")).status, 404);
    }

    void mediaFaultsHitOnlyTheMediaHost()
    {
        QCOMPARE(m_client
                     ->control(QStringLiteral("uploads/faults"),
                         { { QStringLiteral("count"), 1 }, { QStringLiteral("http_status"), 503 } })
                     .status,
            200);
        QCOMPARE(sendText().status, 200); // Graph untouched
        QCOMPARE(putMedia(QStringLiteral("f.png"), "x", "image/png").status, 503);
        QCOMPARE(putMedia(QStringLiteral("f.png"), "x", "image/png").status, 201);
    }

    void sentAttachmentIsFetchedAndServedFromTheCdn()
    {
        const QByteArray png = sandboxMedia(QStringLiteral("latte.png"))->data;
        QCOMPARE(putMedia(QStringLiteral("c0ffee.png"), png, "image/png").status, 201);
        const QString url = m_client->url(QStringLiteral("/media/c0ffee.png")).toString();
        const HttpResult sent = sendAttachment(QStringLiteral("image"), url);
        QCOMPARE(sent.status, 200);
        const WorldMessage *stored = m_sandbox->world().message(
            sent.json().value(QStringLiteral("message_id")).toString());
        QVERIFY(stored);
        const QString cdn
            = stored->attachments.first()[QLatin1String("payload")][QLatin1String("url")]
                  .toString();
        QVERIFY2(cdn.contains(QStringLiteral("/cdn/")), qPrintable(cdn));
        const HttpResult copy = m_client->getUrl(QUrl(cdn));
        QCOMPARE(copy.status, 200);
        QCOMPARE(copy.body, png);
        // The sent log keeps the URL the client gave.
        const QJsonObject record = m_sandbox->sentMessages().last();
        QCOMPARE(record[QLatin1String("message")][QLatin1String("attachment")]
                       [QLatin1String("payload")][QLatin1String("url")]
                           .toString(),
            url);
    }

    void wrongTypeOrUnreachableIs2018047()
    {
        QCOMPARE(putMedia(QStringLiteral("doc.pdf"), sandboxMedia(QStringLiteral("menu.pdf"))->data,
                     "application/pdf")
                     .status,
            201);
        const HttpResult wrong = sendAttachment(
            QStringLiteral("image"), m_client->url(QStringLiteral("/media/doc.pdf")).toString());
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.graphCode(), 100);
        QCOMPARE(wrong.graphSubcode(), 2018047);
        const HttpResult missing = sendAttachment(
            QStringLiteral("image"), m_client->url(QStringLiteral("/media/none.png")).toString());
        QCOMPARE(missing.graphSubcode(), 2018047);
        // Another server on loopback that is not there: fetched, fails.
        const HttpResult unreachable
            = sendAttachment(QStringLiteral("image"), QStringLiteral("http://127.0.0.1:1/a.png"));
        QCOMPARE(unreachable.graphSubcode(), 2018047);
        QCOMPARE(m_sandbox->sentMessages().size(), 0);
    }

    void imageOverTheLimitIs2018109()
    {
        QByteArray big = sandboxMedia(QStringLiteral("latte.png"))->data;
        big.append(QByteArray(8'000'001, '\0'));
        QCOMPARE(putMedia(QStringLiteral("huge.png"), big, "image/png").status, 201);
        const HttpResult sent = sendAttachment(
            QStringLiteral("image"), m_client->url(QStringLiteral("/media/huge.png")).toString());
        QCOMPARE(sent.graphSubcode(), 2018109);
    }

private:
    HttpResult putMedia(const QString &name, const QByteArray &body, const QByteArray &type,
        const QString &bearer = {})
    {
        return m_client->run(QByteArrayLiteral("PUT"),
            m_client->url(QStringLiteral("/media/") + name), body, type, bearer);
    }
    HttpResult sendAttachment(const QString &type, const QString &url)
    {
        const QJsonObject attachment { { QStringLiteral("type"), type },
            { QStringLiteral("payload"), QJsonObject { { QStringLiteral("url"), url } } } };
        return send(QJsonObject { { QStringLiteral("attachment"), attachment } });
    }
    HttpResult sendText()
    {
        return send(QJsonObject { { QStringLiteral("text"), QStringLiteral("hi") } });
    }
    HttpResult send(const QJsonObject &message)
    {
        const QJsonObject body { { QStringLiteral("recipient"),
                                     QJsonObject { { QStringLiteral("id"), m_customer } } },
            { QStringLiteral("message"), message } };
        return m_client->postJson(QStringLiteral("/me/messages"), body, m_token);
    }

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
    QString m_token;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TestSandboxMediaHost)
#include "tst_sandboxmediahost.moc"
