// Label chips: the labels of a row resolved by name (deleted ones left out), text readable on
// each colour, and the chips painted whole when they have room, cut to the room when not, in the
// label's colour.
#include "app/inbox/labelchips.h"
#include "support/pixels.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace inlet;
using namespace inlet::app;
using inlet::test::pixelsOf;

class TestLabelChips : public QObject {
    Q_OBJECT

private:
    const QList<Label> m_all { { 2, QStringLiteral("Invoice"), QStringLiteral("#fbc02d") },
        { 1, QStringLiteral("VIP"), QStringLiteral("#1976d2") } };

private slots:
    void resolvedByNameWithoutDeletedOnes()
    {
        const QList<Label> shown = labelchips::resolve({ 1, 99, 2 }, m_all);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(0).name, QStringLiteral("Invoice"));
        QCOMPARE(shown.at(1).name, QStringLiteral("VIP"));
        QVERIFY(labelchips::resolve({}, m_all).isEmpty());
    }

    void readableInk()
    {
        QCOMPARE(labelchips::inkOn(QColor(QStringLiteral("#fbc02d"))), QColor(Qt::black));
        QCOMPARE(labelchips::inkOn(QColor(QStringLiteral("#1976d2"))), QColor(Qt::white));
        QCOMPARE(labelchips::inkOn(QColor(QStringLiteral("#d32f2f"))), QColor(Qt::white));
    }

    void paintedWholeOrCutToTheRoom()
    {
        QFont font;
        font.setPixelSize(12);
        const int whole = labelchips::width(m_all, font);
        QVERIFY(whole > 0);
        QCOMPARE(labelchips::width(m_all, font, 30), 30);

        QImage image(400, 30, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            QCOMPARE(labelchips::paint(&painter, image.rect(), m_all, font, false), whole);
        }
        QVERIFY(pixelsOf(image, QColor(QStringLiteral("#fbc02d"))) > 50);
        QVERIFY(pixelsOf(image, QColor(QStringLiteral("#1976d2"))) > 50);

        // Room for the first only: the second is cut or left out, never past the room.
        const int first = labelchips::width({ m_all.constFirst() }, font);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            const int used = labelchips::paint(
                &painter, QRect(400 - first - 10, 0, first + 10, 30), m_all, font, true);
            QVERIFY(used <= first + 10);
            QVERIFY(used >= first);
        }
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < 400 - first - 10; ++x)
                QCOMPARE(image.pixelColor(x, y).rgb(), QColor(Qt::white).rgb()); // right-aligned
    }
};

QTEST_MAIN(TestLabelChips)
#include "tst_labelchips.moc"
