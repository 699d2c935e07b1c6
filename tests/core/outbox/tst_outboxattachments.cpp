// Outbox with attachments from a file, over the production wiring (OutboxService: Store,
// GraphClient, TokenVault, HttpMediaUploader) against the sandbox's media host and Send API:
// upload then send, cancel during the upload, retry after a failed upload, restart during the
// upload, and files or hosts that make the message fail with a reason.
#include "auth/tokenvault.h"
#include "core/outbox/mediatestfiles.h"
#include "graph/graphclient.h"
#include "outbox/httpmediauploader.h"
#include "outbox/mediarefusal.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "outbox/sendfailure.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxmedia.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/sendingfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

class TestOutboxAttachments : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_send.start(2, QStringLiteral("Can I see it?")));
        startService();
    }
    void cleanup() { m_send.stop(); }

    void uploadedThenSentWithThePublicUrl()
    {
        QSignalSpy progress(outbox(), &Outbox::uploadProgress);
        QSignalSpy sent(outbox(), &Outbox::sent);
        const auto id
            = awaitResult(outbox()->send(fromFile(demoFile(QStringLiteral("latte.png")))));
        QVERIFY2(id.has_value(), qPrintable(id ? QString() : id.error().message));
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.first().first().toLongLong(), *id);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1), progress.last().at(2)); // reached the total

        const QJsonObject attachment
            = lastSent()[QLatin1String("message")][QLatin1String("attachment")].toObject();
        QCOMPARE(attachment.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        const QString url = attachment[QLatin1String("payload")][QLatin1String("url")].toString();
        QVERIFY2(
            url.startsWith(m_send.base.toString() + QStringLiteral("/media/")), qPrintable(url));
        QCOMPARE(m_send.client->getUrl(QUrl(url)).body,
            sandbox::sandboxMedia(QStringLiteral("latte.png"))->data);

        const auto stored = row(*id);
        QCOMPARE(stored->state, MessageState::Sent);
        QCOMPARE(stored->attachments.size(), 1);
        QCOMPARE(stored->attachments.first().url, url);
        QCOMPARE(stored->attachments.first().payload.value(QStringLiteral("local_path")).toString(),
            m_send.dir->filePath(QStringLiteral("latte.png")));
    }

    void cancelDuringTheUploadRemovesTheMessage()
    {
        QSignalSpy cancelled(outbox(), &Outbox::cancelled);
        const auto id = awaitResult(outbox()->send(fromFile(bigVideo())));
        QVERIFY(id.has_value());
        connect(
            outbox(), &Outbox::uploadProgress, this,
            [this](qint64 localId) { outbox()->cancel(localId); }, Qt::SingleShotConnection);
        QVERIFY(cancelled.wait(10000));
        QCOMPARE(cancelled.first().first().toLongLong(), *id);
        QVERIFY(!row(*id));
        QCOMPARE(outbox()->pendingCount(), 0);
        QTest::qWait(200);
        QCOMPARE(uploads(), 0);
        QCOMPARE(m_send.sandbox->sentMessages().size(), 0);
    }

    void cancelIsRefusedOnceTheMessageIsWithInstagram()
    {
        QSignalSpy sent(outbox(), &Outbox::sent);
        const auto id
            = awaitResult(outbox()->send(fromFile(demoFile(QStringLiteral("latte.png")))));
        QVERIFY(id.has_value());
        std::optional<Status> refused;
        connect(outbox(), &Outbox::stateChanged, this, [&](qint64 localId, MessageState state) {
            if (state == MessageState::Sending)
                outbox()->cancel(localId).then([&](const Status &s) { refused = s; });
        });
        QVERIFY(sent.wait(10000));
        QTRY_VERIFY(refused.has_value());
        QVERIFY(!*refused);
        QCOMPARE(refused->error().kind, Error::Kind::Invalid);
    }

    void failedUploadIsRetriedWithBackoff()
    {
        QCOMPARE(m_send.client
                     ->control(QStringLiteral("uploads/faults"),
                         { { QStringLiteral("count"), 2 }, { QStringLiteral("http_status"), 503 } })
                     .status,
            200);
        QStringList reasons;
        connect(outbox(), &Outbox::stateChanged, this,
            [&](qint64, MessageState state, const QString &reason) {
                if (state == MessageState::Queued && !reason.isEmpty())
                    reasons.append(reason);
            });
        QSignalSpy sent(outbox(), &Outbox::sent);
        QVERIFY(awaitResult(outbox()->send(fromFile(demoFile(QStringLiteral("latte.png")))))
                    .has_value());
        QVERIFY(sent.wait(10000));
        QCOMPARE(reasons.size(), 2);
        const SendFailure first = SendFailure::decode(reasons.first());
        QCOMPARE(first.stage, SendFailure::Stage::Upload);
        QCOMPARE(first.error.reason, Error::Reason::UploadHttpError);
        QCOMPARE(first.error.args, QStringList { QStringLiteral("503") });
        QCOMPARE(m_send.sandbox->sentMessages().size(), 1);
        QCOMPARE(uploads(), 1);
    }

    void restartDuringTheUploadUploadsAgainAndSendsOnce()
    {
        const auto id = awaitResult(outbox()->send(fromFile(bigVideo())));
        QVERIFY(id.has_value());
        bool started = false;
        connect(
            outbox(), &Outbox::uploadProgress, this, [&] { started = true; },
            Qt::SingleShotConnection);
        QTRY_VERIFY(started);
        m_send.service.reset(); // the app stops mid-upload
        QCOMPARE(row(*id)->state, MessageState::Queued);
        QVERIFY(row(*id)->attachments.first().url.isEmpty());

        startService();
        QSignalSpy sent(outbox(), &Outbox::sent);
        QVERIFY(sent.wait(20000));
        QCOMPARE(sent.first().first().toLongLong(), *id);
        QCOMPARE(m_send.sandbox->sentMessages().size(), 1);
        QCOMPARE(
            lastSent()[QLatin1String("message")][QLatin1String("attachment")][QLatin1String("type")]
                .toString(),
            QStringLiteral("video"));
        QCOMPARE(row(*id)->state, MessageState::Sent);
    }

    void fileGoneBeforeItsTurnFailsWithTheReason()
    {
        m_send.service.reset();
        startService(false); // not started: the message waits in the store
        const QString path = demoFile(QStringLiteral("latte.png"));
        const auto id = awaitResult(outbox()->send(fromFile(path)));
        QVERIFY(id.has_value());
        QVERIFY(QFile::remove(path));
        QSignalSpy failed(outbox(), &Outbox::failed);
        outbox()->start();
        QVERIFY(failed.wait(10000));
        const SendFailure gone = SendFailure::decode(failed.first().at(1).toString());
        QCOMPARE(gone.reason(), SendFailure::Reason::File);
        const std::optional<MediaRefusal> refusal = MediaRefusal::of(gone.error);
        QVERIFY2(refusal, qPrintable(gone.error.message));
        QCOMPARE(refusal->reason, MediaRefusal::Reason::Missing);
        QCOMPARE(refusal->fileName, QStringLiteral("latte.png"));
        QCOMPARE(row(*id)->state, MessageState::Failed);
        QCOMPARE(m_send.sandbox->sentMessages().size(), 0);
    }

    void hostRefusalFailsAndRetryUploadsAgain()
    {
        QCOMPARE(m_send.client
                     ->control(QStringLiteral("uploads"), { { QStringLiteral("max_bytes"), 10 } })
                     .status,
            200);
        QSignalSpy failed(outbox(), &Outbox::failed);
        const auto id
            = awaitResult(outbox()->send(fromFile(demoFile(QStringLiteral("latte.png")))));
        QVERIFY(id.has_value());
        QVERIFY(failed.wait(10000));
        const SendFailure refused = SendFailure::decode(failed.first().at(1).toString());
        QVERIFY2(
            refused.reason() == SendFailure::Reason::MediaHost && refused.error.httpStatus == 413,
            qPrintable(failed.first().at(1).toString()));
        QCOMPARE(row(*id)->state, MessageState::Failed);

        QCOMPARE(m_send.client
                     ->control(
                         QStringLiteral("uploads"), { { QStringLiteral("max_bytes"), 25'000'000 } })
                     .status,
            200);
        QSignalSpy sent(outbox(), &Outbox::sent);
        QVERIFY(awaitResult(outbox()->retry(*id)).has_value());
        QVERIFY(sent.wait(10000));
        QCOMPARE(m_send.sandbox->sentMessages().size(), 1);
    }

    void refusedWithoutAMediaHostOrForABadFile()
    {
        const QString path = demoFile(QStringLiteral("latte.png"));
        m_send.service->mediaUploader()->setHost({}, {});
        auto refused = awaitResult(outbox()->send(fromFile(path)));
        QVERIFY(!refused);
        const std::optional<MediaRefusal> noHost = MediaRefusal::of(refused.error());
        QVERIFY(noHost && noHost->reason == MediaRefusal::Reason::NoMediaHost);
        QCOMPARE(noHost->fileName, QStringLiteral("latte.png"));

        m_send.service->mediaUploader()->setHost(media(), media());
        refused = awaitResult(outbox()->send(fromFile(
            test::writeFile(m_send.dir->filePath(QStringLiteral("notes.txt")), "plain text"))));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        const std::optional<MediaRefusal> notMedia = MediaRefusal::of(refused.error());
        QVERIFY(notMedia && notMedia->reason == MediaRefusal::Reason::Unsupported);
        QCOMPARE(outbox()->pendingCount(), 0);
    }

    // The composer's reply with a file and text: the file first with the reply_to, then the text
    // (queued only after the file's row, so the order holds), both delivered in that order.
    void replyWithFileAndTextSendsTheFileFirstWithTheReplyTo()
    {
        OutgoingMessage reply = fromFile(demoFile(QStringLiteral("latte.png")));
        reply.text = QStringLiteral("Here it is");
        reply.replyToMid = m_send.sandbox->world().latestMid(m_send.customer, true);
        QVERIFY(!reply.replyToMid.isEmpty());
        QSignalSpy sent(outbox(), &Outbox::sent);
        const QueuedReply queued = awaitReply(outbox()->sendReply(reply));
        QVERIFY2(!queued.error, qPrintable(queued.error ? queued.error->message : QString()));
        QCOMPARE(queued.localIds.size(), 2);
        QVERIFY(queued.localIds[0] < queued.localIds[1]);
        QVERIFY(QTest::qWaitFor([&] { return sent.size() == 2; }, 10000));
        QCOMPARE(sent.at(0).first().toLongLong(), queued.localIds[0]);

        const QList<QJsonObject> log = m_send.sandbox->sentMessages();
        QCOMPARE(log.size(), 2);
        QVERIFY(log[0][QLatin1String("message")].toObject().contains(QStringLiteral("attachment")));
        QCOMPARE(
            log[0][QLatin1String("reply_to")][QLatin1String("mid")].toString(), reply.replyToMid);
        QCOMPARE(log[1][QLatin1String("message")][QLatin1String("text")].toString(), reply.text);
        QVERIFY(!log[1].contains(QStringLiteral("reply_to")));
    }

    // Text alone keeps its reply_to; a refused file stores nothing, not even the text.
    void replyWithoutFileOrWithARefusedFile()
    {
        OutgoingMessage reply;
        reply.accountId = m_send.business;
        reply.customerId = m_send.customer;
        reply.text = QStringLiteral("Just text");
        reply.replyToMid = m_send.sandbox->world().latestMid(m_send.customer, true);
        QueuedReply queued = awaitReply(outbox()->sendReply(reply));
        QVERIFY(!queued.error);
        QCOMPARE(queued.localIds.size(), 1);
        QCOMPARE(row(queued.localIds[0])->replyToMid, reply.replyToMid);

        reply.attachmentPath
            = test::writeFile(m_send.dir->filePath(QStringLiteral("notes.txt")), "plain text");
        const int pendingBefore = outbox()->pendingCount();
        queued = awaitReply(outbox()->sendReply(reply));
        QVERIFY(queued.error);
        QCOMPARE(queued.error->kind, Error::Kind::Invalid);
        QVERIFY(queued.localIds.isEmpty());
        QCOMPARE(outbox()->pendingCount(), pendingBefore);
    }

private:
    static QueuedReply awaitReply(QFuture<QueuedReply> future)
    {
        return test::await(std::move(future))
            .value_or(QueuedReply {
                {}, Error::make(Error::Kind::Cancelled, QStringLiteral("timed out")) });
    }
    Outbox *outbox() const { return m_send.service->outbox(); }
    QUrl media() const { return m_send.mediaHost(); }
    void startService(bool start = true) { m_send.startService(start); }
    OutgoingMessage fromFile(const QString &path) const
    {
        OutgoingMessage m;
        m.accountId = m_send.business;
        m.customerId = m_send.customer;
        m.attachmentPath = path;
        return m;
    }
    QString demoFile(const QString &name) const
    {
        return test::writeDemoMedia(m_send.dir->path(), name);
    }
    QString bigVideo() const
    {
        return test::writeLargeVideo(
            m_send.dir->filePath(QStringLiteral("big.mp4")), 21 * 1024 * 1024);
    }
    std::optional<StoredMessage> row(qint64 id) const
    {
        auto reader = StoreReader::open(m_send.store->databasePath());
        if (!reader)
            return std::nullopt;
        auto m = (*reader)->message(id);
        return m ? *m : std::nullopt;
    }
    QJsonObject lastSent() const { return m_send.sandbox->sentMessages().last(); }
    int uploads() { return test::mediaHostUploads(*m_send.client); }

    test::SendingFixture m_send;
};

QTEST_GUILESS_MAIN(TestOutboxAttachments)
#include "tst_outboxattachments.moc"
