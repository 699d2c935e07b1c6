// The composer's attachment: the paperclip (accessible, explains and links to Settings when there
// is no media host), a file checked at once with MediaPolicy (refusals say why and attach
// nothing), the chip with thumbnail, name, size and ×, pasted images, dropped files, and Send
// allowed with an attachment and no text.
#include "app/inbox/attachmentchip.h"
#include "app/inbox/composer.h"
#include "app/inbox/imagecache.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using namespace inlet::app;

class TestComposerAttachment : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    static void writeBytes(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QImage image(120, 80, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(file(QStringLiteral("photo.png"))));
        // An executable: refused by type.
        writeBytes(file(QStringLiteral("setup.exe")),
            QByteArray("MZ\x90\x00\x03\x00\x00\x00", 8) + QByteArray(4096, '\0'));
        // A valid PNG header followed by 9 MB: an image over Instagram's 8 MB.
        QFile small(file(QStringLiteral("photo.png")));
        QVERIFY(small.open(QIODevice::ReadOnly));
        writeBytes(file(QStringLiteral("huge.png")), small.readAll() + QByteArray(9'000'000, '\0'));
    }

    void paperclipAttachesAndShowsAChip()
    {
        ImageCache images;
        Composer composer;
        composer.setImageCache(&images);
        composer.resize(600, 240);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QCOMPARE(composer.attachButton()->accessibleName(), QStringLiteral("Attach a file"));
        QVERIFY(!composer.attachButton()->toolTip().isEmpty());
        QVERIFY(!composer.sendButton()->isEnabled()); // nothing to send yet
        QVERIFY(!composer.attachmentChip()->isVisible());

        QVERIFY(composer.attachFile(file(QStringLiteral("photo.png"))));
        QVERIFY(composer.hasAttachment());
        QCOMPARE(composer.attachmentInfo().type, QStringLiteral("image"));
        QCOMPARE(composer.attachmentInfo().mimeType, QStringLiteral("image/png"));
        QVERIFY(composer.attachmentChip()->isVisible());
        QCOMPARE(composer.attachmentChip()->nameLabel()->text(), QStringLiteral("photo.png"));
        QVERIFY(!composer.attachmentChip()->sizeLabel()->text().isEmpty());
        QVERIFY(!composer.noticeLabel()->isVisible());
        // The thumbnail arrives from the image cache's worker.
        QTRY_VERIFY(!composer.attachmentChip()->thumbnailLabel()->pixmap().isNull());

        // An attachment alone can be sent: the text is optional.
        QVERIFY(composer.sendButton()->isEnabled());
        QSignalSpy send(&composer, &Composer::sendRequested);
        composer.sendButton()->click();
        QCOMPARE(send.size(), 1);
        QCOMPARE(send.first().first().toString(), QString());

        // × removes it.
        composer.attachmentChip()->removeButton()->click();
        QVERIFY(!composer.hasAttachment());
        QVERIFY(!composer.attachmentChip()->isVisible());
        QVERIFY(!composer.sendButton()->isEnabled());

        // clear() (after sending, or another conversation) drops it too.
        QVERIFY(composer.attachFile(file(QStringLiteral("photo.png"))));
        composer.clear();
        QVERIFY(!composer.hasAttachment());
    }

    void refusedFilesSayWhy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exe") << "setup.exe"
                             << "setup.exe";
        QTest::newRow("9 MB png") << "huge.png"
                                  << "8 MB";
        QTest::newRow("missing") << "nothere.jpg"
                                 << "nothere.jpg";
    }

    void refusedFilesSayWhy()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QVERIFY(!composer.attachFile(file(name)));
        QVERIFY(!composer.hasAttachment());
        QVERIFY(!composer.attachmentChip()->isVisible());
        QVERIFY(composer.noticeLabel()->isVisible());
        QVERIFY2(composer.noticeLabel()->text().contains(reason),
            qPrintable(composer.noticeLabel()->text()));
        QVERIFY(!composer.settingsLink()->isVisible());
        // A good file afterwards clears the reason.
        QVERIFY(composer.attachFile(file(QStringLiteral("photo.png"))));
        QVERIFY(!composer.noticeLabel()->isVisible());
    }

    void withoutAMediaHostThePaperclipExplains()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.setAttachmentsAvailable(false, QStringLiteral("Attachments need a media host."));
        QVERIFY(composer.attachButton()->isEnabled()); // it still explains
        QCOMPARE(
            composer.attachButton()->toolTip(), QStringLiteral("Attachments need a media host."));
        composer.attachButton()->click(); // no file dialog: the explanation and a link instead
        QVERIFY(composer.noticeLabel()->isVisible());
        QCOMPARE(composer.noticeLabel()->text(), QStringLiteral("Attachments need a media host."));
        QVERIFY(composer.settingsLink()->isVisible());
        QSignalSpy settings(&composer, &Composer::settingsRequested);
        emit composer.settingsLink()->linkActivated(QStringLiteral("settings"));
        QCOMPARE(settings.size(), 1);
        QVERIFY(!composer.attachFile(file(QStringLiteral("photo.png"))));
        QVERIFY(!composer.hasAttachment());

        // Set up meanwhile: the explanation goes, attaching works.
        composer.setAttachmentsAvailable(true);
        QVERIFY(!composer.settingsLink()->isVisible());
        QVERIFY(!composer.noticeLabel()->isVisible());
        QVERIFY(composer.attachFile(file(QStringLiteral("photo.png"))));
    }

    void pastedImagesAndDroppedFilesAttach()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));

        // A picture on the clipboard: saved as a PNG in the cache directory, then attached.
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::yellow);
        auto *picture = new QMimeData;
        picture->setImageData(image);
        QApplication::clipboard()->setMimeData(picture); // the clipboard owns it
        composer.editor()->paste();
        QVERIFY(composer.hasAttachment());
        const QString pasted = composer.attachmentPath();
        QVERIFY(pasted.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
        QCOMPARE(QImage(pasted).size(), QSize(64, 48));
        QVERIFY(composer.text().isEmpty());
        QFile::remove(pasted);

        // Text stays text.
        composer.clear();
        QApplication::clipboard()->setText(QStringLiteral("hello"));
        composer.editor()->paste();
        QCOMPARE(composer.text(), QStringLiteral("hello"));
        QVERIFY(!composer.hasAttachment());

        // A file copied in a file manager (a drop goes the same way).
        auto *files = new QMimeData;
        files->setUrls({ QUrl::fromLocalFile(file(QStringLiteral("photo.png"))) });
        QApplication::clipboard()->setMimeData(files);
        composer.editor()->paste();
        QCOMPARE(composer.attachmentPath(), file(QStringLiteral("photo.png")));
        QCOMPARE(composer.text(), QStringLiteral("hello")); // the text is kept
    }
};

QTEST_MAIN(TestComposerAttachment)
#include "tst_composerattachment.moc"
