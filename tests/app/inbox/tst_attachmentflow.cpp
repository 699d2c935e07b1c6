// Attachments end to end in the inbox window, over the production outbox wiring (OutboxService:
// Store, GraphClient, HttpMediaUploader) against the in-process sandbox's media host and Send API:
// attach a PNG, send it with text, the bubble shows the upload's progress then Sent, the sandbox
// got the attachment then the text; Cancel during an upload removes the bubble; refused files say
// why; a click on the thumbnail opens the image viewer; without a media host the paperclip
// explains and links to Settings.
#include "app/inbox/attachmentchip.h"
#include "app/inbox/attachmentwiring.h"
#include "app/inbox/composer.h"
#include "app/inbox/imageviewer.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messageview.h"
#include "auth/tokenvault.h"
#include "core/outbox/mediatestfiles.h"
#include "graph/graphclient.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/httpmediauploader.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxmedia.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "support/await.h"
#include "support/sendinginbox.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::app;

class TestAttachmentFlow : public QObject {
    Q_OBJECT

private:
    test::SendingFixture m_send;
    std::unique_ptr<InboxWidget> m_widget;
    bool m_mediaHost = true;

    MessageListModel *messages() const { return m_widget->messages(); }
    QModelIndex lastRow() const { return messages()->index(messages()->rowCount() - 1); }

    // The layout of a row as the view draws it, and a click at a point of it (row coordinates).
    MessageLayout layoutOf(const QModelIndex &index) const
    {
        MessageView *view = m_widget->messageView();
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        return delegate->layoutFor(index, view->visualRect(index).width(), view->font());
    }
    void clickInRow(const QModelIndex &index, QPoint pos)
    {
        MessageView *view = m_widget->messageView();
        view->scrollTo(index);
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {}, view->visualRect(index).topLeft() + pos);
    }

    // Random pixels: a PNG of a few MB, so the upload reports progress more than once.
    QString noisyPng(int side) const
    {
        QImage image(side, side, QImage::Format_RGB32);
        auto *rng = QRandomGenerator::global();
        for (int y = 0; y < side; ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < side; ++x)
                line[x] = rng->generate() | 0xff000000u;
        }
        const QString path = m_send.dir->filePath(QStringLiteral("photo.png"));
        image.save(path);
        return path;
    }
    // INLET_SHOT_DIR=/tmp/x: keep pictures of what the test sees (for a person to look at).
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("INLET_SHOT_DIR");
        if (!dir.isEmpty())
            widget->grab().save(QDir(dir).filePath(name));
    }
    // The media host answers the next upload only after `ms` (so the test sees it in progress).
    void slowNextUpload(int ms)
    {
        QCOMPARE(m_send.client
                     ->control(QStringLiteral("uploads/faults"),
                         { { QStringLiteral("count"), 1 }, { QStringLiteral("latency_ms"), ms } })
                     .status,
            200);
    }

private slots:
    void init()
    {
        // The customer writes (opens the messaging window on the sandbox's side too).
        QVERIFY(m_send.start(1, QStringLiteral("Can I see it?")));
        QVERIFY(m_send.seedConversation(QStringLiteral("Can I see it?")));
        m_send.startService();

        InboxServices services;
        services.mediaHostReady = [this] { return m_mediaHost; };
        m_widget = test::openSeededInbox(m_send, services, QSize(1200, 800));
        QVERIFY(m_widget);
    }

    void cleanup()
    {
        m_widget.reset();
        m_send.stop();
        m_mediaHost = true;
    }

    void imageUploadsWithProgressThenSendsBeforeTheText()
    {
        const QString png = noisyPng(900);
        QVERIFY(QFileInfo(png).size() > 1'000'000);
        slowNextUpload(700);
        Composer *composer = m_widget->composer();
        QVERIFY(composer->attachFile(png));
        QVERIFY(composer->attachmentChip()->isVisible());
        QTest::keyClicks(composer->editor(), QStringLiteral("Here it is"));

        QList<double> seen;
        const auto watch = connect(
            messages(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &from) {
                const double p = from.data(MessageListModel::UploadProgressRole).toDouble();
                if (p >= 0)
                    seen.append(p);
            });
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QVERIFY(!composer->hasAttachment());
        QVERIFY(composer->text().isEmpty());

        // The attachment's bubble: the picture from the local file, a bar while it uploads.
        // (The text's message is stored right after the file's, and waits for it.)
        QTRY_VERIFY(messages()->rowCount() >= 2);
        const QModelIndex attached = messages()->index(1);
        const qint64 id = attached.data(MessageListModel::IdRole).toLongLong();
        const QVariantMap attachment
            = attached.data(MessageListModel::AttachmentsRole).toList().value(0).toMap();
        QCOMPARE(attachment.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        QCOMPARE(attachment.value(QStringLiteral("localPath")).toString(), png);
        QTRY_VERIFY(messages()
                        ->index(messages()->rowOfMessage(id))
                        .data(MessageListModel::UploadProgressRole)
                        .toDouble()
            >= 0);
        const MessageLayout uploading = layoutOf(messages()->index(messages()->rowOfMessage(id)));
        QVERIFY(uploading.progressRect.isValid());
        QVERIFY(uploading.cancelRect.isValid());
        shoot(m_widget.get(), QStringLiteral("attachment-uploading.png"));
        QVERIFY(m_send.sandbox->sentMessages().isEmpty()); // the text waits for the file

        // Then Sent: no bar; the sandbox got the image (by the media host's URL), then the text.
        QTRY_COMPARE_WITH_TIMEOUT(messages()
                                      ->index(messages()->rowOfMessage(id))
                                      .data(MessageListModel::StateRole)
                                      .toInt(),
            int(MessageState::Sent), 15000);
        QCOMPARE(messages()
                     ->index(messages()->rowOfMessage(id))
                     .data(MessageListModel::UploadProgressRole)
                     .toDouble(),
            -1.0);
        QTRY_COMPARE_WITH_TIMEOUT(m_send.sandbox->sentMessages().size(), 2, 15000);
        disconnect(watch);
        QVERIFY(!seen.isEmpty());
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QCOMPARE(seen.last(), 1.0);
        const QJsonObject first
            = m_send.sandbox->sentMessages().at(0).value(QStringLiteral("message")).toObject();
        const QJsonObject media = first.value(QStringLiteral("attachment")).toObject();
        QCOMPARE(media.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        const QString url = media.value(QStringLiteral("payload"))
                                .toObject()
                                .value(QStringLiteral("url"))
                                .toString();
        QVERIFY2(
            url.startsWith(m_send.base.toString() + QStringLiteral("/media/")), qPrintable(url));
        QFile original(png);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(m_send.client->getUrl(QUrl(url)).body, original.readAll());
        QCOMPARE(m_send.sandbox->sentMessages()
                     .at(1)
                     .value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("Here it is"));
        QTRY_COMPARE(messages()->rowCount(), 3);

        // A click on the thumbnail opens the viewer with the full picture.
        const QModelIndex sent = messages()->index(messages()->rowOfMessage(id));
        const MessageLayout done = layoutOf(sent);
        QVERIFY(!done.progressRect.isValid() && !done.cancelRect.isValid());
        QVERIFY(!m_widget->attachments()->imageViewer());
        clickInRow(sent, done.attachments.first().rect.center());
        QTRY_VERIFY(m_widget->attachments()->imageViewer()
            && m_widget->attachments()->imageViewer()->isVisible());
        ImageViewer *viewer = m_widget->attachments()->imageViewer();
        QCOMPARE(viewer->source(), png);
        QTRY_VERIFY(viewer->isLoaded());
        QCOMPARE(viewer->imageSize(), QSize(900, 900));
        shoot(viewer, QStringLiteral("image-viewer.png"));
        QVERIFY(viewer->openButton()->isEnabled()); // it has a public URL now
        viewer->close();
    }

    void cancelDuringTheUploadRemovesTheBubble()
    {
        slowNextUpload(5000);
        Composer *composer = m_widget->composer();
        QVERIFY(composer->attachFile(
            test::writeLargeVideo(m_send.dir->filePath(QStringLiteral("big.mp4")), 20'000'000)));
        QCOMPARE(composer->attachmentInfo().type, QStringLiteral("video"));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(messages()->rowCount(), 2);
        QTRY_VERIFY(lastRow().data(MessageListModel::UploadProgressRole).toDouble() >= 0);
        const MessageLayout l = layoutOf(lastRow());
        QVERIFY(l.cancelRect.isValid());
        QCOMPARE(l.attachments.first().title, QStringLiteral("big.mp4"));

        QSignalSpy cancelled(m_send.service->outbox(), &Outbox::cancelled);
        clickInRow(lastRow(), l.cancelRect.center());
        QVERIFY(cancelled.wait(5000));
        QTRY_COMPARE(messages()->rowCount(), 1);
        QCOMPARE(m_send.service->outbox()->pendingCount(), 0);
        // A text sent after it is the first and only message Instagram gets.
        QTest::keyClicks(composer->editor(), QStringLiteral("never mind"));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_send.sandbox->sentMessages().size(), 1, 15000);
        QCOMPARE(m_send.sandbox->sentMessages()
                     .first()
                     .value(QStringLiteral("message"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("never mind"));
    }

    void refusedFilesShowTheReason()
    {
        Composer *composer = m_widget->composer();
        QFile small(noisyPng(64));
        QVERIFY(small.open(QIODevice::ReadOnly));
        const QString huge = test::writeFile(m_send.dir->filePath(QStringLiteral("huge.png")),
            small.readAll() + QByteArray(9'000'000, '\0'));
        QVERIFY(!composer->attachFile(huge));
        QVERIFY(composer->noticeLabel()->isVisible());
        QVERIFY2(composer->noticeLabel()->text().contains(QStringLiteral("8 MB")),
            qPrintable(composer->noticeLabel()->text()));

        const QString exe = m_send.dir->filePath(QStringLiteral("setup.exe"));
        test::writeFile(exe, QByteArray("MZ\x90\x00", 4) + QByteArray(2048, '\0'));
        QVERIFY(!composer->attachFile(exe));
        QVERIFY(composer->noticeLabel()->text().contains(QStringLiteral("setup.exe")));
        QVERIFY(!composer->hasAttachment());
        QVERIFY(!composer->sendButton()->isEnabled());
        QCOMPARE(messages()->rowCount(), 1);
    }

    void withoutAMediaHostThePaperclipLinksToSettings()
    {
        m_mediaHost = false;
        m_widget->refreshAttachmentsAvailable();
        Composer *composer = m_widget->composer();
        QTest::mouseClick(composer->attachButton(), Qt::LeftButton);
        QVERIFY(composer->noticeLabel()->text().contains(QStringLiteral("media host")));
        QVERIFY(composer->settingsLink()->isVisible());
        QSignalSpy settings(m_widget.get(), &InboxWidget::settingsRequested);
        emit composer->settingsLink()->linkActivated(QStringLiteral("settings"));
        QCOMPARE(settings.size(), 1);

        m_mediaHost = true; // set up in Settings
        m_widget->refreshAttachmentsAvailable();
        QVERIFY(!composer->settingsLink()->isVisible());
    }
};

QTEST_MAIN(TestAttachmentFlow)
#include "tst_attachmentflow.moc"
