// Avatars: the coloured disc with the initial when there is no picture (the same colour in the
// inbox row and the contact panel), the picture clipped round, sharp at a device pixel ratio of 2.
#include "app/inbox/avatarpainter.h"
#include "app/inbox/contactpanel.h"
#include "app/inbox/imagecache.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestAvatarPainter : public QObject {
    Q_OBJECT
private:
    static bool near(const QColor &a, const QColor &b, int tolerance = 12)
    {
        return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
            && qAbs(a.blue() - b.blue()) <= tolerance;
    }

private slots:
    void colourIsStableAndPerCustomer()
    {
        const QColor a = AvatarPainter::discColor(QStringLiteral("6000000000001"));
        QCOMPARE(AvatarPainter::discColor(QStringLiteral("6000000000001")), a);
        QVERIFY(AvatarPainter::discColor(QStringLiteral("6000000000002")) != a);
        QCOMPARE(a.saturation(), 90);
        QCOMPARE(a.value(), 200);
    }

    void initial()
    {
        QCOMPARE(AvatarPainter::initial(QStringLiteral("zoë")), QStringLiteral("Z"));
        QCOMPARE(AvatarPainter::initial(QStringLiteral("  élodie")), QStringLiteral("É"));
        QCOMPARE(AvatarPainter::initial(QStringLiteral("🌸 Flowers")), QStringLiteral("🌸"));
        QCOMPARE(AvatarPainter::initial(QString()), QString());
        QCOMPARE(AvatarPainter::initial(QStringLiteral("@ana.b")), QStringLiteral("A")); // a username as name
    }

    void discWithoutPictureAtTwiceTheDensity()
    {
        const QString customer = QStringLiteral("6000000000042");
        const QPixmap avatar
            = AvatarPainter::render(40, 2.0, QPixmap(), customer, QStringLiteral("Mia"));
        QCOMPARE(avatar.size(), QSize(80, 80));
        QCOMPARE(avatar.devicePixelRatio(), 2.0);
        const QImage image = avatar.toImage();
        QCOMPARE(image.pixelColor(1, 1).alpha(), 0); // outside the circle
        QVERIFY(near(image.pixelColor(12, 40), AvatarPainter::discColor(customer)));
        // The letter is drawn in white somewhere in the middle.
        bool white = false;
        for (int x = 28; x < 52 && !white; ++x)
            for (int y = 28; y < 52 && !white; ++y)
                white = image.pixelColor(x, y).lightness() > 240;
        QVERIFY(white);
    }

    void pictureClippedRound()
    {
        QPixmap picture(120, 60); // not square: it covers the circle, centred
        picture.fill(QColor(200, 20, 20));
        picture.setDevicePixelRatio(2.0);
        const QImage image
            = AvatarPainter::render(40, 2.0, picture, {}, QStringLiteral("X")).toImage();
        QCOMPARE(image.pixelColor(1, 1).alpha(), 0);
        QCOMPARE(image.pixelColor(78, 78).alpha(), 0);
        QVERIFY(near(image.pixelColor(40, 40), QColor(200, 20, 20)));
        QVERIFY(near(image.pixelColor(40, 4), QColor(200, 20, 20))); // top of the circle is covered
    }

    void contactPanelShowsTheDiscWithoutAFile()
    {
        ImageCache images;
        ContactPanel panel(&images);
        ConversationRow row;
        row.id = 1;
        row.customerId = QStringLiteral("6000000000042");
        row.name = QStringLiteral("Mia Novak");
        row.username = QStringLiteral("mia");
        row.avatarPath = QStringLiteral("/nonexistent/avatar.jpg");
        panel.setConversation(row, QStringLiteral("The Shop"));
        panel.resize(240, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(images.pendingCount() == 0);
        const QImage shot = panel.avatar()->grab().toImage();
        const qreal dpr = shot.devicePixelRatio();
        const QColor inside = shot.pixelColor(QPoint(int(16 * dpr), int(48 * dpr)));
        QVERIFY2(near(inside, AvatarPainter::discColor(row.customerId)),
            qPrintable(inside.name() + QStringLiteral(" vs ")
                + AvatarPainter::discColor(row.customerId).name()));
        QCOMPARE(panel.avatar()->accessibleName(), QStringLiteral("Picture of Mia Novak"));
    }

    void contactPanelShowsThePictureRound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("avatar.png"));
        QImage picture(300, 300, QImage::Format_RGB32);
        picture.fill(QColor(20, 160, 40));
        QVERIFY(picture.save(path));
        ImageCache images;
        ContactPanel panel(&images);
        ConversationRow row;
        row.customerId = QStringLiteral("6000000000043");
        row.name = QStringLiteral("Liam");
        row.avatarPath = path;
        panel.setConversation(row, {});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.avatar()->grab(); // asks the cache
        QTRY_VERIFY(images.pendingCount() == 0);
        const QImage shot = panel.avatar()->grab().toImage();
        const qreal dpr = shot.devicePixelRatio();
        QVERIFY(near(shot.pixelColor(QPoint(int(48 * dpr), int(48 * dpr))), QColor(20, 160, 40)));
        // The corner is not the picture: it is clipped round.
        QVERIFY(!near(shot.pixelColor(QPoint(1, 1)), QColor(20, 160, 40)));
    }
};

QTEST_MAIN(TestAvatarPainter)
#include "tst_avatarpainter.moc"
