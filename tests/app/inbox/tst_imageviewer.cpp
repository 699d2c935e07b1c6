// The in-app image viewer: loads the full image off the GUI thread (local file or http URL),
// fits it to the window, zooms with +/-, Ctrl+wheel and the 100 % / Fit buttons, saves a copy,
// offers "Open in browser" only for a web address, and Esc closes it.
#include "app/inbox/imagecache.h"
#include "app/inbox/imageviewer.h"

#include <QBuffer>
#include <QFile>
#include <QHttpServer>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace inlet::app;

class TestImageViewer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString photo() const { return m_dir.filePath(QStringLiteral("big.png")); }

    static QPushButton *button(QWidget &parent, const QString &text)
    {
        for (QPushButton *b : parent.findChildren<QPushButton *>()) {
            if (b->text() == text)
                return b;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QImage image(1600, 1200, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QVERIFY(image.save(photo()));
    }

    void localImageFitsZoomsAndSaves()
    {
        ImageCache images;
        ImageViewer viewer(&images);
        viewer.resize(800, 600);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.showImage(photo());
        QVERIFY(!viewer.isLoaded()); // decoded on a worker thread, not here
        QVERIFY(viewer.statusLabel()->isVisible());
        QTRY_VERIFY(viewer.isLoaded());
        QCOMPARE(viewer.imageSize(), QSize(1600, 1200));
        QVERIFY(!viewer.statusLabel()->isVisible());
        QVERIFY(viewer.windowTitle().contains(QStringLiteral("big.png")));
        QVERIFY(!viewer.openButton()->isEnabled()); // no web address for a local file

        // Fitted: the whole image is visible.
        QVERIFY(viewer.isFitted());
        QVERIFY(viewer.zoom() < 0.5);
        QScrollArea *scroll = viewer.findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY(viewer.imageSize().width() * viewer.zoom() <= scroll->viewport()->width());
        QVERIFY(viewer.imageSize().height() * viewer.zoom() <= scroll->viewport()->height());

        // 100 %, then + and - keys, then Ctrl+wheel, then Fit again.
        button(viewer, QStringLiteral("100 %"))->click();
        QCOMPARE(viewer.zoom(), 1.0);
        QVERIFY(!viewer.isFitted());
        QTest::keyClick(&viewer, Qt::Key_Plus);
        QCOMPARE(viewer.zoom(), ImageViewer::kZoomStep);
        QTest::keyClick(&viewer, Qt::Key_Minus);
        QTest::keyClick(&viewer, Qt::Key_Minus);
        QCOMPARE(viewer.zoom(), 1.0 / ImageViewer::kZoomStep);
        QWidget *canvas = scroll->widget();
        const QPointF at(10, 10);
        QWheelEvent wheel(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
            Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QCOMPARE(viewer.zoom(), ImageViewer::kZoomStep);
        QCOMPARE(canvas->size(), (QSizeF(1600, 1200) * viewer.zoom()).toSize());
        for (int i = 0; i < 40; ++i)
            viewer.zoomIn();
        QCOMPARE(viewer.zoom(), ImageViewer::kMaxZoom);
        button(viewer, QStringLiteral("Fit"))->click();
        QVERIFY(viewer.isFitted());
        QVERIFY(viewer.zoom() < 0.5);

        // Save as: the original file's bytes.
        const QString copy = m_dir.filePath(QStringLiteral("copy.png"));
        QVERIFY(viewer.saveTo(copy));
        QFile a(photo()), b(copy);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());

        // Esc closes.
        QTest::keyClick(&viewer, Qt::Key_Escape);
        QVERIFY(!viewer.isVisible());
    }

    void webImageLoadsAndOffersTheBrowser()
    {
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QHttpServer server;
        server.route(QStringLiteral("/cdn/pic.png"),
            [png] { return QHttpServerResponse(QByteArrayLiteral("image/png"), png); });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/cdn/pic.png").arg(port));

        ImageCache images;
        ImageViewer viewer(&images);
        viewer.resize(800, 600);
        viewer.show();
        viewer.showImage(url.toString(), url);
        QVERIFY(viewer.openButton()->isEnabled());
        QTRY_VERIFY(viewer.isLoaded());
        QCOMPARE(viewer.imageSize(), QSize(300, 200));
        const QString saved = m_dir.filePath(QStringLiteral("web.png"));
        QVERIFY(viewer.saveTo(saved));
        QCOMPARE(QImage(saved).size(), QSize(300, 200));

        // A dead address says so instead of waiting forever.
        const QUrl missing(QStringLiteral("http://127.0.0.1:%1/cdn/none.png").arg(port));
        viewer.showImage(missing.toString(), missing);
        QTRY_VERIFY(viewer.hasFailed());
        QVERIFY(!viewer.isLoaded());
        QVERIFY(viewer.statusLabel()->isVisible());
        QVERIFY(!viewer.saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
