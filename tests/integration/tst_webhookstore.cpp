// The webhook server wired to the real Store, over loopback: an acknowledged event is on disk,
// a redelivered batch changes nothing, a store that cannot write makes Meta retry (500).
#include "store/store.h"
#include "store/storereader.h"
#include "support/testsupport.h"
#include "webhook/signatureverifier.h"
#include "webhook/webhookserver.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

namespace {

const QByteArray kSecret = QByteArrayLiteral("integration-secret");
const QString kAccount = QStringLiteral("17841400000000001");

QByteArray fixture(const QString &name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWebhookStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager m_nam;

    bool startWith(const StoreOptions &options)
    {
        auto store = Store::open(m_dir.path(), options);
        if (!store) {
            qWarning("store: %s", qPrintable(store.error().message));
            return false;
        }
        m_store = std::move(*store);
        WebhookServerConfig config;
        config.appSecret = kSecret;
        Store *s = m_store.get();
        m_server = std::make_unique<WebhookServer>(
            config, [s](const QList<InboundEvent> &events) { return s->applyEvents(events); });
        return m_server->start().has_value();
    }

    int post(const QByteArray &body)
    {
        QNetworkRequest req(m_server->callbackUrl());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("X-Hub-Signature-256", SignatureVerifier::sign(body, kSecret));
        QNetworkReply *reply = m_nam.post(req, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !spy.wait(10000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    StoreCounts counts()
    {
        auto reader = StoreReader::open(m_store->databasePath());
        if (!reader)
            return {};
        return (*reader)->counts().value_or(StoreCounts{});
    }

private slots:
    void cleanup()
    {
        m_server.reset();
        m_store.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void acknowledgedMeansStored()
    {
        QVERIFY(startWith({}));
        QCOMPARE(post(fixture(QStringLiteral("text.json"))), 200);
        // No waiting: the 200 came after the commit, so a fresh reader sees the message.
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(reader.has_value());
        const QString mid = QStringLiteral(
            "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAxOjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1ODE4NzUxOTk3OTcyODI5MjozMjM4NzQ4MDk1NTU2NDIxMjIzNDE1NjY3NTg0NzY4NDA5NgZDZD");
        auto message = (*reader)->messageByMid(kAccount, mid);
        QVERIFY(message.has_value());
        QVERIFY(message->has_value());
        QCOMPARE((*message)->text, QStringLiteral("Hello \u00e4\u00f6\u00e5 \U0001F600"));
    }

    void everyFixtureAndRedeliveryChangesNothing()
    {
        QVERIFY(startWith({}));
        const QStringList files = QDir(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        auto postAll = [&] {
            for (const QString &name : files) {
                if (name == QLatin1String("not_instagram.json"))
                    continue;
                if (post(fixture(name)) != 200)
                    return false;
            }
            return true;
        };
        QVERIFY(postAll());
        const StoreCounts first = counts();
        QVERIFY(first.messages > 10);
        QVERIFY(first.unknownEvents >= 3); // optin, pass_thread_control, comments: kept raw
        QVERIFY(postAll()); // Meta redelivers everything
        const StoreCounts second = counts();
        QCOMPARE(second.messages, first.messages);
        QCOMPARE(second.conversations, first.conversations);
        QCOMPARE(second.unknownEvents, first.unknownEvents);
    }

    // One malformed entry among 1,000 valid ones: the 1,000 are stored, the bad one is kept raw
    // for inspection, and Meta gets its 200 (a 400 would make it redeliver the batch forever).
    void oneMalformedEntryDoesNotFailTheBatch()
    {
        QVERIFY(startWith({}));
        QByteArray body = R"({"object":"instagram","entry":[)";
        for (int i = 0; i < 1000; ++i) {
            body += QStringLiteral(R"({"id":"17841400000000001","time":1732900000,"messaging":[{"sender":{"id":"6%1"},)"
                                   R"("recipient":{"id":"17841400000000001"},"timestamp":%2,)"
                                   R"("message":{"mid":"mid.batch.%1","text":"n%1"}}]},)")
                        .arg(i)
                        .arg(1732900000000LL + i)
                        .toUtf8();
            if (i == 500)
                body += R"({"id":"17841400000000001","time":1732900000,"messaging":"not a list"},)";
        }
        body.chop(1);
        body += "]}";
        QCOMPARE(post(body), 200);
        const StoreCounts c = counts();
        QCOMPARE(c.messages, 1000);
        QCOMPARE(c.unknownEvents, 1);
        QCOMPARE(m_server->stats().eventsCommitted.load(), 1001);
    }

    void storeThatCannotWriteGets500()
    {
        StoreOptions options;
        options.maxPageCount = 40; // SQLITE_FULL soon after the schema
        QVERIFY(startWith(options));
        QByteArray big = R"({"object":"instagram","entry":[{"id":"17841400000000001","time":1,"messaging":[)";
        for (int i = 0; i < 300; ++i) {
            big += (i ? "," : "")
                + QStringLiteral(R"({"sender":{"id":"5%1"},"recipient":{"id":"17841400000000001"},"timestamp":%2,)"
                                 R"("message":{"mid":"mid.full.%1","text":"%3"}})")
                      .arg(i)
                      .arg(1732900000000LL + i)
                      .arg(QString(200, QLatin1Char('x')))
                      .toUtf8();
        }
        big += "]}]}";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("commit of 300 events failed")));
        QCOMPARE(post(big), 500);
        QCOMPARE(m_server->stats().commitFailures.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookStore)
#include "tst_webhookstore.moc"
