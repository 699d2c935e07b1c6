// The bubble of an attachment the manager sends: the thumbnail from the local file at once, a
// progress bar with the percentage while it uploads, Cancel hit-tested like Retry/Delete, file
// cards with name and size, and clicks: images to the in-app viewer, other files outside.
#include "../../core/models/fakeinboxsource.h"
#include "app/inbox/imagecache.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messagelayout.h"
#include "models/messagelistmodel.h"
#include "support/messagemodelwait.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestAttachmentBubble : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeInboxSource> m_source = std::make_shared<test::FakeInboxSource>();
    QTemporaryDir m_dir;
    static constexpr int kWidth = 600;

    MessageRow outgoing(
        qint64 id, const QString &type, const QString &localPath, MessageState state)
    {
        MessageRow m;
        m.id = id;
        m.conversationId = 1;
        m.outgoing = true;
        m.createdMs = 1'780'000'000'000 + id * 60'000;
        m.state = state;
        m.attachments = { { type, {}, {}, localPath } };
        return m;
    }

    static QStyleOptionViewItem option(const QSize &size)
    {
        QStyleOptionViewItem o;
        o.rect = QRect(QPoint(0, 0), size);
        o.font = QApplication::font();
        o.palette = QApplication::palette();
        return o;
    }

    // A left click released at `pos` (row coordinates) on `index`.
    static bool click(
        MessageDelegate &delegate, MessageListModel &model, const QModelIndex &index, QPoint pos)
    {
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(pos), QPointF(pos), Qt::LeftButton,
            Qt::NoButton, Qt::NoModifier);
        return delegate.editorEvent(&release, &model, option(QSize(kWidth, 400)), index);
    }

    QString photo() const { return m_dir.filePath(QStringLiteral("photo.png")); }
    QString video() const { return m_dir.filePath(QStringLiteral("clip.mp4")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(Qt::darkMagenta);
        QVERIFY(image.save(photo()));
        QFile clip(video());
        QVERIFY(clip.open(QIODevice::WriteOnly));
        clip.write(QByteArray(1'500'000, 'x'));
        clip.close();
        m_source->putMessage(outgoing(1, QStringLiteral("image"), photo(), MessageState::Queued));
        m_source->putMessage(outgoing(2, QStringLiteral("video"), video(), MessageState::Queued));
        auto sent = outgoing(3, QStringLiteral("image"), photo(), MessageState::Sent);
        sent.mid = QStringLiteral("mid.3");
        sent.attachments.first().url = QStringLiteral("https://cdn.example.com/photo.png");
        m_source->putMessage(sent);
        auto theirs = outgoing(4, QStringLiteral("file"), {}, MessageState::Received);
        theirs.outgoing = false;
        theirs.attachments.first().url = QStringLiteral("https://cdn.example.com/menu.pdf");
        m_source->putMessage(theirs);
    }

    void uploadingImageHasABarAndCancel()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        ImageCache images;
        MessageDelegate delegate(&images);
        const int row = model.rowOfMessage(1);
        QVERIFY(row >= 0);

        // Queued, upload not started: Cancel already, no bar yet.
        const MessageLayout queued
            = delegate.layoutFor(model.index(row), kWidth, QApplication::font());
        QVERIFY(!queued.progressRect.isValid());
        QVERIFY(queued.cancelRect.isValid());
        QVERIFY(queued.meta.contains(QStringLiteral("Queued")));

        // Uploading: a thin bar inside the bubble, under the thumbnail; the meta says so.
        model.setUploadProgress(1, 420, 1000);
        const QModelIndex index = model.index(row);
        const MessageLayout &l = delegate.layoutFor(index, kWidth, QApplication::font());
        QCOMPARE(l.attachments.size(), 1);
        QVERIFY(l.attachments.first().isImage);
        QVERIFY(l.progressRect.isValid());
        QVERIFY(l.bubble.contains(l.progressRect));
        QVERIFY(l.progressRect.top() > l.attachments.first().rect.bottom());
        QCOMPARE(l.uploadProgress, 0.42);
        QCOMPARE(MessageLayoutEngine::percentText(l.uploadProgress), QStringLiteral("42 %"));
        QVERIFY(l.meta.contains(QStringLiteral("Uploading")));
        QVERIFY(l.cancelRect.isValid());
        QVERIFY(!l.cancelRect.intersects(l.bubble));
        QVERIFY(!l.cancelRect.intersects(l.metaRect));
        QVERIFY(l.size.height() > l.cancelRect.bottom());
        QVERIFY(!l.failed && !l.retryRect.isValid());

        // Cancel is hit-tested; the thumbnail opens the viewer on the LOCAL file.
        QSignalSpy cancel(&delegate, &MessageDelegate::cancelRequested);
        QSignalSpy image(&delegate, &MessageDelegate::imageActivated);
        QSignalSpy external(&delegate, &MessageDelegate::attachmentActivated);
        QVERIFY(click(delegate, model, index, l.cancelRect.center()));
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.first().first().toLongLong(), 1);
        QVERIFY(click(delegate, model, index, l.attachments.first().rect.center()));
        QCOMPARE(image.size(), 1);
        QCOMPARE(image.first().first().toString(), photo());
        QVERIFY(!click(delegate, model, index, l.progressRect.center())); // the bar: nothing
        QCOMPARE(external.size(), 0);
        QCOMPARE(cancel.size(), 1);

        // The thumbnail comes from the local file (off the GUI thread) and is painted.
        QImage canvas(l.size, QImage::Format_ARGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        QSignalSpy ready(&images, &ImageCache::ready);
        delegate.paint(&painter, option(l.size), index);
        QVERIFY(ready.wait(5000));
        delegate.paint(&painter, option(l.size), index);
        painter.end();
        const QPoint middle = l.attachments.first().rect.center();
        QCOMPARE(canvas.pixelColor(middle), QColor(Qt::darkMagenta));
    }

    void sendingDropsTheBarAndCancel()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        model.setUploadProgress(1, 1000, 1000);
        m_source->putMessage(outgoing(1, QStringLiteral("image"), photo(), MessageState::Sending));
        model.applyChange({ 1 });
        QVERIFY(test::messagesSettled(model));
        const MessageLayout &l
            = delegate.layoutFor(model.index(model.rowOfMessage(1)), kWidth, QApplication::font());
        QVERIFY(!l.progressRect.isValid());
        QVERIFY(!l.cancelRect.isValid()); // on its way to Instagram: too late to cancel
        QVERIFY(l.meta.contains(QStringLiteral("Sending")));
        m_source->putMessage(outgoing(1, QStringLiteral("image"), photo(), MessageState::Queued));
    }

    void videoIsACardWithNameAndSize()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        model.setUploadProgress(2, 3, 4);
        const QModelIndex index = model.index(model.rowOfMessage(2));
        const MessageLayout &l = delegate.layoutFor(index, kWidth, QApplication::font());
        QCOMPARE(l.attachments.size(), 1);
        const auto &card = l.attachments.first();
        QVERIFY(!card.isImage);
        QCOMPARE(card.title, QStringLiteral("clip.mp4"));
        QCOMPARE(card.detail, QLocale().formattedDataSize(1'500'000));
        QVERIFY(l.progressRect.isValid() && l.progressRect.top() > card.rect.bottom());
        QCOMPARE(MessageLayoutEngine::percentText(l.uploadProgress), QStringLiteral("75 %"));

        // Before it has a public URL, a click opens the local file outside the app.
        QSignalSpy external(&delegate, &MessageDelegate::attachmentActivated);
        QSignalSpy image(&delegate, &MessageDelegate::imageActivated);
        QVERIFY(click(delegate, model, index, card.rect.center()));
        QCOMPARE(external.size(), 1);
        QCOMPARE(external.first().first().toUrl(), QUrl::fromLocalFile(video()));
        QCOMPARE(image.size(), 0);

        QImage canvas(l.size, QImage::Format_ARGB32);
        QPainter painter(&canvas);
        delegate.paint(&painter, option(l.size), index);
    }

    void sentImageAndCustomerFile()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        QSignalSpy external(&delegate, &MessageDelegate::attachmentActivated);
        QSignalSpy image(&delegate, &MessageDelegate::imageActivated);

        // Sent: no bar, no Cancel; the viewer gets the local copy and the public URL.
        const QModelIndex sent = model.index(model.rowOfMessage(3));
        const MessageLayout sentLayout = delegate.layoutFor(sent, kWidth, QApplication::font());
        QVERIFY(!sentLayout.progressRect.isValid() && !sentLayout.cancelRect.isValid());
        QVERIFY(click(delegate, model, sent, sentLayout.attachments.first().rect.center()));
        QCOMPARE(image.size(), 1);
        QCOMPARE(image.first().at(0).toString(), photo());
        QCOMPARE(
            image.first().at(1).toUrl(), QUrl(QStringLiteral("https://cdn.example.com/photo.png")));

        // The customer's file card still opens its URL outside the app.
        const QModelIndex theirs = model.index(model.rowOfMessage(4));
        const MessageLayout &card = delegate.layoutFor(theirs, kWidth, QApplication::font());
        QVERIFY(!card.cancelRect.isValid());
        QVERIFY(click(delegate, model, theirs, card.attachments.first().rect.center()));
        QCOMPARE(external.size(), 1);
        QCOMPARE(external.first().first().toUrl(),
            QUrl(QStringLiteral("https://cdn.example.com/menu.pdf")));
    }
};

QTEST_MAIN(TestAttachmentBubble)
#include "tst_attachmentbubble.moc"
