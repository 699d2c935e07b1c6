// Outbox against the in-process sandbox over loopback and a real Store in a temporary dir.
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/outbox.h"
#include "outbox/senderactions.h"
#include "outbox/sendpolicy.h"
#include "outbox/storeoutboxstorage.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

class TestOutbox : public QObject
{
    Q_OBJECT

    // One "app run": store, graph client, outbox over the same data dir.
    struct App {
        std::unique_ptr<Store> store;
        std::unique_ptr<GraphClient> client;
        std::unique_ptr<StoreOutboxStorage> storage;
        std::unique_ptr<GraphOutboxTransport> transport;
        std::unique_ptr<Outbox> outbox;
        std::unique_ptr<StoreReader> reader;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    QUrl m_base;
    QString m_token;
    QString m_business;
    QStringList m_customers;
    QNetworkAccessManager m_nam;

    std::unique_ptr<App> startApp(int backoffBaseMs = 40)
    {
        auto app = std::make_unique<App>();
        auto store = Store::open(m_dir->path());
        if (!store) {
            qWarning() << store.error().message;
            return nullptr;
        }
        app->store = std::move(*store);
        app->client = std::make_unique<GraphClient>(InstagramHosts::allAt(m_base));
        app->storage = std::make_unique<StoreOutboxStorage>(app->store.get());
        const QString token = m_token;
        app->transport = std::make_unique<GraphOutboxTransport>(
            app->client.get(), [token](const QString &) { return QtFuture::makeReadyFuture(Result<QString>(token)); });
        app->transport->setMaxSuggestedDelayMs(50);
        app->outbox = std::make_unique<Outbox>(app->storage.get(), app->transport.get());
        OutboxOptions options;
        options.backoffBaseMs = backoffBaseMs;
        options.backoffMaxMs = 400;
        app->outbox->setOptions(options);
        app->reader = std::move(*StoreReader::open(app->store->databasePath()));
        return app;
    }

    static void stopApp(std::unique_ptr<App> &app)
    {
        // Order of a shutdown: the sender first, then what it uses.
        app->outbox.reset();
        app->transport.reset();
        app->storage.reset();
        app->reader.reset();
        app->client.reset();
        app->store.reset();
        app.reset();
    }

    QJsonObject control(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    // The customer writes: opens the 24 h window.
    void customerWrites(const QString &igsid, const QString &text = QStringLiteral("hello?"))
    {
        const auto mid = m_sandbox->injectEvent(
            {{QStringLiteral("kind"), QStringLiteral("text")}, {QStringLiteral("customer"), igsid}, {QStringLiteral("text"), text}});
        QVERIFY2(mid.has_value(), mid ? "" : qPrintable(mid.error().message));
    }

    QList<QJsonObject> sentTexts(const QString &igsid = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &s : m_sandbox->sentMessages()) {
            if (s.contains(QStringLiteral("message")) && (igsid.isEmpty() || s.value(QStringLiteral("recipient_id")).toString() == igsid)) {
                out.append(s);
            }
        }
        return out;
    }

    static QString textOf(const QJsonObject &sent)
    {
        return sent.value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString();
    }

    std::optional<StoredMessage> row(App &app, qint64 id)
    {
        auto m = app.reader->message(id);
        return m ? *m : std::nullopt;
    }

    OutgoingMessage text(const QString &igsid, const QString &body) const
    {
        OutgoingMessage m;
        m.accountId = m_business;
        m.customerId = igsid;
        m.text = body;
        return m;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        sandbox::SandboxOptions options;
        options.customers = 4;
        options.eventsPerMinute = 0;
        options.seed = 7;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        auto base = m_sandbox->start();
        QVERIFY2(base.has_value(), base ? "" : qPrintable(base.error().message));
        m_base = *base;
        m_token = m_sandbox->issueToken();
        m_business = options.businessId;
        m_customers.clear();
        for (const auto &c : m_sandbox->world().customers()) {
            m_customers.append(c.profile.igsid);
        }
        QVERIFY(m_customers.size() >= 2);
    }

    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void sendIsStoredFirstThenSentWithMid()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        QVERIFY(app);
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        const auto id = awaitResult(
            app->outbox->send(text(m_customers[0], QStringLiteral("Your order ships today ☕"))));
        QVERIFY(id.has_value());
        QTRY_COMPARE(sent.size(), 1);
        const auto stored = row(*app, *id);
        QVERIFY(stored);
        QCOMPARE(stored->state, MessageState::Sent);
        const auto onSandbox = sentTexts(m_customers[0]);
        QCOMPARE(onSandbox.size(), 1);
        QCOMPARE(textOf(onSandbox[0]), QStringLiteral("Your order ships today ☕"));
        QCOMPARE(stored->mid, onSandbox[0].value(QStringLiteral("message_id")).toString());
        QCOMPARE(sent[0][1].toString(), stored->mid);
    }

    void attachmentByUrlAndReplyAreSent()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        OutgoingMessage image;
        image.accountId = m_business;
        image.customerId = m_customers[0];
        image.attachmentType = QStringLiteral("image");
        image.attachmentUrl = m_base.toString() + QStringLiteral("/__sandbox/media/latte.png");
        const auto imageId = awaitResult(app->outbox->send(image));
        QVERIFY(imageId.has_value());
        const QString repliedMid = m_sandbox->world().latestMid(m_customers[0], true);
        OutgoingMessage reply = text(m_customers[0], QStringLiteral("About that:"));
        reply.replyToMid = repliedMid;
        QVERIFY(awaitResult(app->outbox->send(reply)).has_value());
        QTRY_COMPARE(sent.size(), 2);
        const auto onSandbox = sentTexts(m_customers[0]);
        QCOMPARE(onSandbox.size(), 2);
        const QJsonObject attachment = onSandbox[0].value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject();
        QCOMPARE(attachment.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        QCOMPARE(attachment.value(QStringLiteral("payload")).toObject().value(QStringLiteral("url")).toString(), image.attachmentUrl);
        // The quoted reply reached Instagram in the shape it takes (reply_to beside recipient;
        // the sandbox refuses it inside message, as Graph does) and is stored as a reply there.
        QCOMPARE(onSandbox[1]
                     .value(QStringLiteral("reply_to"))
                     .toObject()
                     .value(QStringLiteral("mid"))
                     .toString(),
            repliedMid);
        QVERIFY(!onSandbox[1]
                     .value(QStringLiteral("message"))
                     .toObject()
                     .contains(QStringLiteral("reply_to")));
        QCOMPARE(m_sandbox->world()
                     .message(onSandbox[1].value(QStringLiteral("message_id")).toString())
                     ->replyToMid,
            repliedMid);
        const auto stored = row(*app, *imageId);
        QCOMPARE(stored->state, MessageState::Sent);
        QCOMPARE(stored->attachments.size(), 1);
        QCOMPARE(stored->attachments[0].url, image.attachmentUrl);
    }

    void echoOfASentMessageIsNotDoubled()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        const auto id
            = awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("echo me"))));
        QTRY_COMPARE(sent.size(), 1);
        const QString mid = sent[0][1].toString();
        InboundEvent echo;
        echo.kind = InboundEvent::Kind::Message;
        echo.accountId = m_business;
        echo.customerId = m_customers[0];
        echo.outgoing = true;
        echo.mid = mid;
        echo.text = QStringLiteral("echo me");
        echo.timestampMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(awaitResult(app->store->applyEvents({ echo })).has_value());
        const auto byMid = app->reader->messageByMid(m_business, mid);
        QVERIFY(byMid && *byMid);
        QCOMPARE((*byMid)->id, *id);
        const auto conv = app->reader->conversationFor(m_business, m_customers[0]);
        const auto messages = app->reader->newestMessages((*conv)->id, 100);
        QCOMPARE(std::count_if(messages->cbegin(), messages->cend(),
                               [](const StoredMessage &m) { return m.text == QStringLiteral("echo me"); }),
                 1);
    }

    void orderIsKeptPerConversation()
    {
        customerWrites(m_customers[0]);
        customerWrites(m_customers[1]);
        auto app = startApp();
        app->outbox->start();
        // Slow answers and a failure in the middle: order must hold anyway.
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("latency_ms"), 20}, {QStringLiteral("count"), 6}});
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        for (int i = 1; i <= 5; ++i) {
            QVERIFY(
                awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("a%1").arg(i))))
                    .has_value());
            QVERIFY(
                awaitResult(app->outbox->send(text(m_customers[1], QStringLiteral("b%1").arg(i))))
                    .has_value());
            if (i == 2) {
                control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 503}});
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 10, 10000);
        QStringList a, b;
        for (const QJsonObject &s : sentTexts(m_customers[0])) a.append(textOf(s));
        for (const QJsonObject &s : sentTexts(m_customers[1])) b.append(textOf(s));
        QCOMPARE(a, (QStringList{"a1", "a2", "a3", "a4", "a5"}));
        QCOMPARE(b, (QStringList{"b1", "b2", "b3", "b4", "b5"}));
    }

    void serverErrorsAreRetriedThenSentOnce()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        app->outbox->start();
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 3}, {QStringLiteral("http_status"), 503}});
        QSignalSpy states(app->outbox.get(), &Outbox::stateChanged);
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        const auto id
            = awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("retry me"))));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
        const auto stored = row(*app, *id);
        QCOMPARE(stored->state, MessageState::Sent);
        int requeued = 0;
        for (const auto &s : states) {
            requeued += (s[1].value<MessageState>() == MessageState::Queued && !s[2].toString().isEmpty());
        }
        QVERIFY2(requeued >= 1, "a failed attempt went back to the queue");
    }

    // No answer at all (offline) is not counted against maxAttempts: the reply waits and goes
    // once Instagram answers, instead of failing after a long outage.
    void offlineDoesNotUseUpAttempts()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        OutboxOptions options;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 40;
        options.maxAttempts = 2;
        app->outbox->setOptions(options);
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QSignalSpy failed(app->outbox.get(), &Outbox::failed);
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("drop"), 5}});
        const auto id
            = awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("Back soon"))));
        QVERIFY(id.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 15000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
        QCOMPARE(row(*app, *id)->state, MessageState::Sent);
    }

    // wake() (the connection is back) sends a message waiting for a long backoff at once.
    void wakeSendsWaitingMessagesNow()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        OutboxOptions options;
        options.backoffBaseMs = 10 * 60 * 1000;
        options.backoffMaxMs = 10 * 60 * 1000;
        app->outbox->setOptions(options);
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QSignalSpy changed(app->outbox.get(), &Outbox::stateChanged);
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 503}});
        const auto id
            = awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("Still there?"))));
        QVERIFY(id.has_value());
        // Waiting for its retry time (minutes away).
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            return args.at(1).value<MessageState>() == MessageState::Queued;
        }));
        QTest::qWait(200);
        QCOMPARE(sent.size(), 0);
        app->outbox->wake();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 5000);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
    }

    void rateLimitIsRetried()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        app->outbox->start();
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 2}, {QStringLiteral("graph_code"), 613}});
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QVERIFY(awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("slow down"))))
                    .has_value());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
    }

    void queuedMessageSurvivesRestartAndIsSentOnce()
    {
        customerWrites(m_customers[0]);
        qint64 id = 0;
        {
            auto app = startApp(1500);
            app->outbox->start();
            // Instagram unreachable for the first try: the retry time is persisted.
            control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 1}, {QStringLiteral("http_status"), 503}});
            QSignalSpy states(app->outbox.get(), &Outbox::stateChanged);
            const auto queued = awaitResult(
                app->outbox->send(text(m_customers[0], QStringLiteral("after restart"))));
            QVERIFY(queued.has_value());
            id = *queued;
            QTRY_VERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &s) {
                return s[1].value<MessageState>() == MessageState::Queued && !s[2].toString().isEmpty();
            }));
            QCOMPARE(row(*app, id)->state, MessageState::Queued);
            QVERIFY(row(*app, id)->nextAttemptMs > 0);
            stopApp(app); // the app goes away with the message still queued
        }
        QCOMPARE(sentTexts(m_customers[0]).size(), 0);
        auto app = startApp();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        app->outbox->start();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QCOMPARE(sent[0][0].toLongLong(), id);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
        QTest::qWait(100);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
    }

    void inFlightMessageAlreadyOnInstagramIsNotResent()
    {
        customerWrites(m_customers[0]);
        qint64 id = 0;
        QString mid;
        {
            auto app = startApp();
            // The app wrote the row, marked it Sending, the request went out ... and the app died
            // before the answer was stored.
            const auto queued = awaitResult(app->store->enqueueOutgoing(
                m_business, m_customers[0], QStringLiteral("in flight")));
            QVERIFY(queued.has_value());
            id = *queued;
            QVERIFY(awaitResult(app->store->markSending(id)).has_value());
            const auto r = awaitResult(app->client->sendMessage(AccessToken { m_token, m_business },
                QJsonObject { { QStringLiteral("recipient"),
                                  QJsonObject { { QStringLiteral("id"), m_customers[0] } } },
                    { QStringLiteral("message"),
                        QJsonObject {
                            { QStringLiteral("text"), QStringLiteral("in flight") } } } }));
            QVERIFY(r.has_value());
            mid = r->value(QStringLiteral("message_id")).toString();
            stopApp(app);
        }
        auto app = startApp();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        app->outbox->start();
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sent[0][1].toString(), mid);
        QCOMPARE(row(*app, id)->mid, mid);
        QCOMPARE(row(*app, id)->state, MessageState::Sent);
        QCOMPARE(sentTexts(m_customers[0]).size(), 1); // not sent a second time
    }

    void inFlightMessageWaitsWhileInstagramCannotBeAsked()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        const auto queued = awaitResult(
            app->store->enqueueOutgoing(m_business, m_customers[0], QStringLiteral("unsure")));
        QVERIFY(awaitResult(app->store->markSending(*queued)).has_value());
        const auto direct
            = awaitResult(app->client->sendMessage(AccessToken { m_token, m_business },
                QJsonObject { { QStringLiteral("recipient"),
                                  QJsonObject { { QStringLiteral("id"), m_customers[0] } } },
                    { QStringLiteral("message"),
                        QJsonObject { { QStringLiteral("text"), QStringLiteral("unsure") } } } }));
        QVERIFY(direct.has_value()); // it did reach Instagram before the app died
        // Instagram does not answer the reconciliation look-ups: never resend blindly.
        control("POST", QStringLiteral("/__sandbox/faults"), {{QStringLiteral("count"), 3}, {QStringLiteral("http_status"), 503}});
        QSignalSpy states(app->outbox.get(), &Outbox::stateChanged);
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        app->outbox->start();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QCOMPARE(sent[0][1].toString(), direct->value(QStringLiteral("message_id")).toString());
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
        QVERIFY(states.size() >= 2); // went back to the queue at least once while in doubt
        QCOMPARE(row(*app, *queued)->state, MessageState::Sent);
    }

    void inFlightMessageWithEchoInStoreIsMerged()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        const auto queued = awaitResult(
            app->store->enqueueOutgoing(m_business, m_customers[0], QStringLiteral("echoed")));
        const qint64 id = *queued;
        QVERIFY(awaitResult(app->store->markSending(id)).has_value());
        const auto r = awaitResult(app->client->sendMessage(AccessToken { m_token, m_business },
            QJsonObject { { QStringLiteral("recipient"),
                              QJsonObject { { QStringLiteral("id"), m_customers[0] } } },
                { QStringLiteral("message"),
                    QJsonObject { { QStringLiteral("text"), QStringLiteral("echoed") } } } }));
        const QString mid = r->value(QStringLiteral("message_id")).toString();
        InboundEvent echo;
        echo.kind = InboundEvent::Kind::Message;
        echo.accountId = m_business;
        echo.customerId = m_customers[0];
        echo.outgoing = true;
        echo.mid = mid;
        echo.text = QStringLiteral("echoed");
        echo.timestampMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(awaitResult(app->store->applyEvents({ echo }))
                    .has_value()); // stored as its own row for now

        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        app->outbox->start();
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sent[0][1].toString(), mid);
        const auto byMid = app->reader->messageByMid(m_business, mid);
        QCOMPARE((*byMid)->id, id); // the echo row merged into the outbox row
        QCOMPARE(sentTexts(m_customers[0]).size(), 1);
    }

    void inFlightMessageNotOnInstagramIsResent()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        // An identical text sent earlier by the outbox must not be taken for this one.
        app->outbox->start();
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QVERIFY(
            awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("ok")))).has_value());
        QTRY_COMPARE(sent.size(), 1);
        stopApp(app);

        app = startApp();
        const auto queued = awaitResult(
            app->store->enqueueOutgoing(m_business, m_customers[0], QStringLiteral("ok")));
        QVERIFY(awaitResult(app->store->markSending(*queued))
                    .has_value()); // died before the request left
        QSignalSpy sent2(app->outbox.get(), &Outbox::sent);
        app->outbox->start();
        QTRY_COMPARE(sent2.size(), 1);
        QCOMPARE(sentTexts(m_customers[0]).size(), 2);
        QVERIFY(sent2[0][1].toString() != sent[0][1].toString());
    }

    void windowClosedFailsWithReasonAndRetryWorksAfterCustomerWrites()
    {
        customerWrites(m_customers[0]);
        m_sandbox->clock().advanceSeconds(8 * 24 * 3600); // past 24 h and past 7 days
        auto app = startApp();
        app->outbox->start();
        QSignalSpy failed(app->outbox.get(), &Outbox::failed);
        const auto id
            = awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("too late"))));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(SendFailure::decode(failed[0][1].toString()).reason()
                == SendFailure::Reason::OutsideWindow,
            qPrintable(failed[0][1].toString()));
        QCOMPARE(row(*app, *id)->state, MessageState::Failed);
        QVERIFY(!row(*app, *id)->errorText.isEmpty());
        QCOMPARE(sentTexts().size(), 0);

        customerWrites(m_customers[0], QStringLiteral("are you there?"));
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QVERIFY(awaitResult(app->outbox->retry(*id)).has_value());
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(row(*app, *id)->state, MessageState::Sent);
        QCOMPARE(sentTexts().size(), 1);
    }

    void humanAgentTagReachesPastOneDay()
    {
        customerWrites(m_customers[0]);
        m_sandbox->clock().advanceSeconds(2 * 24 * 3600);
        auto app = startApp();
        app->outbox->start();
        QSignalSpy failed(app->outbox.get(), &Outbox::failed);
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QVERIFY(awaitResult(app->outbox->send(text(m_customers[0], QStringLiteral("standard"))))
                    .has_value());
        QTRY_COMPARE(failed.size(), 1);
        OutgoingMessage tagged = text(m_customers[0], QStringLiteral("from a human"));
        tagged.humanAgent = true;
        QVERIFY(awaitResult(app->outbox->send(tagged)).has_value());
        QTRY_COMPARE(sent.size(), 1);
        const auto onSandbox = sentTexts(m_customers[0]);
        QCOMPARE(onSandbox.size(), 1);
        QCOMPARE(onSandbox[0].value(QStringLiteral("tag")).toString(), QStringLiteral("HUMAN_AGENT"));
    }

    void unavailableUserFails()
    {
        customerWrites(m_customers[1]);
        m_sandbox->world().customer(m_customers[1])->unavailable = true;
        auto app = startApp();
        app->outbox->start();
        QSignalSpy failed(app->outbox.get(), &Outbox::failed);
        QVERIFY(awaitResult(app->outbox->send(text(m_customers[1], QStringLiteral("hello"))))
                    .has_value());
        QTRY_COMPARE(failed.size(), 1);
        const SendFailure failure = SendFailure::decode(failed[0][1].toString());
        QCOMPARE(failure.reason(), SendFailure::Reason::UserUnavailable);
        QCOMPARE(failure.error.code, 551);
        QCOMPARE(row(*app, failed[0][0].toLongLong())->errorText, failed[0][1].toString());
        // Remove is offered for failed messages.
        QVERIFY(awaitResult(app->outbox->remove(failed[0][0].toLongLong())).has_value());
        QVERIFY(!row(*app, failed[0][0].toLongLong()));
    }

    void tooLongTextIsRefusedBeforeStoring()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        app->outbox->start();
        // 500 characters but 1500 bytes: Instagram counts bytes.
        const auto refused
            = awaitResult(app->outbox->send(text(m_customers[0], QString(500, QChar(0x20AC)))));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().reason, Error::Reason::TextTooLong);
        QCOMPARE(refused.error().args,
            (QStringList { QStringLiteral("1500"), QString::number(sendpolicy::maxTextBytes) }));
        const auto counts = app->reader->counts();
        QCOMPARE(counts->pendingOutgoing, 0);
        // Exactly 1000 bytes is fine.
        QSignalSpy sent(app->outbox.get(), &Outbox::sent);
        QVERIFY(awaitResult(app->outbox->send(text(m_customers[0], QString(500, QChar(0xE9)))))
                    .has_value());
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sentTexts().size(), 1);
    }

    void senderActionsAreThrottled()
    {
        customerWrites(m_customers[0]);
        auto app = startApp();
        SenderActions actions(app->transport.get());
        actions.setMinIntervalMs(60'000);
        QSignalSpy done(&actions, &SenderActions::actionDone);
        QVERIFY(actions.typingOn(m_business, m_customers[0]));
        QVERIFY(!actions.typingOn(m_business, m_customers[0]));
        QVERIFY(actions.markSeen(m_business, m_customers[0]));
        QTRY_COMPARE(done.size(), 2);
        QVERIFY(done[0][2].toBool());
        int actionsOnSandbox = 0;
        for (const QJsonObject &s : m_sandbox->sentMessages()) {
            actionsOnSandbox += s.contains(QStringLiteral("sender_action"));
        }
        QCOMPARE(actionsOnSandbox, 2);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
