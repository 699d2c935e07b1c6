// Customer-controlled images: only https (or the sandbox's loopback http) is downloaded, never a
// local path named by a URL; a download has a byte cap enforced while reading.
#include "app/inbox/imagecache.h"
#include "support/endlessserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace inlet;
using namespace inlet::app;

class TestImageCache : public QObject {
    Q_OBJECT
private slots:
    void fetchableSchemes()
    {
        QVERIFY(ImageCache::isFetchable(
            QUrl(QStringLiteral("https://scontent.cdninstagram.com/a.jpg"))));
        QVERIFY(ImageCache::isFetchable(QUrl(QStringLiteral("http://127.0.0.1:8080/media/a.png"))));
        QVERIFY(ImageCache::isFetchable(QUrl(QStringLiteral("http://localhost:8080/a.png"))));
        QVERIFY(!ImageCache::isFetchable(QUrl(QStringLiteral("http://example.com/a.png"))));
        QVERIFY(!ImageCache::isFetchable(QUrl(QStringLiteral("file:///etc/passwd"))));
        QVERIFY(!ImageCache::isFetchable(QUrl(QStringLiteral("smb://host/share/a.png"))));
        QVERIFY(!ImageCache::isFetchable(QUrl(QStringLiteral("/etc/passwd"))));
    }

    // A file: URL (what a signed webhook payload could carry) is refused, even when the file
    // exists and is an image.
    void fileUrlIsNeverRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.png"));
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(path));
        ImageCache images;
        for (const QString &source :
            { QUrl::fromLocalFile(path).toString(), QStringLiteral("file:///etc/passwd") }) {
            QVERIFY(images.thumbnail(source, QSize(16, 16)).isNull());
            QTRY_VERIFY(images.hasFailed(source, QSize(16, 16))); // its load ended, refused
            QVERIFY(images.thumbnail(source, QSize(16, 16)).isNull());
        }
        QCOMPARE(images.pendingCount(), 0);
        // The same file as a plain path (a file the user picked) still loads.
        QSignalSpy ready(&images, &ImageCache::ready);
        images.thumbnail(path, QSize(16, 16));
        QTRY_VERIFY(!images.thumbnail(path, QSize(16, 16)).isNull());
    }

    // A server that sends an image header and then bytes without end: the download is aborted at
    // the cap while reading, not buffered whole.
    void endlessBodyIsCutOff()
    {
        test::EndlessServer server;
        ImageCache images;
        const QString url = server.url(QStringLiteral("/endless.png")).toString();
        QSignalSpy ready(&images, &ImageCache::ready);
        QVERIFY(images.thumbnail(url, QSize(64, 64)).isNull());
        QVERIFY(ready.wait(30'000));
        QVERIFY(images.hasFailed(url, QSize(64, 64)));
        QVERIFY2(server.sent() < 60'000'000, qPrintable(QString::number(server.sent())));
    }
};

QTEST_MAIN(TestImageCache)
#include "tst_imagecache.moc"
