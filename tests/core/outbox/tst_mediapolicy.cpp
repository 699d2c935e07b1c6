// MediaPolicy: which local files Instagram takes as attachments (type by content, size limits,
// names that contradict the content), with reasons a manager can act on.
#include "core/outbox/mediatestfiles.h"
#include "outbox/mediapolicy.h"
#include "sandbox/sandboxmedia.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

class TestMediaPolicy : public QObject {
    Q_OBJECT
private slots:
    void typesByContent_data()
    {
        QTest::addColumn<QString>("demo");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("mime");
        QTest::newRow("png") << "latte.png"
                             << "latte.png"
                             << "image"
                             << "image/png";
        QTest::newRow("mp4") << "clip.mp4"
                             << "clip.mp4"
                             << "video"
                             << "video/mp4";
        QTest::newRow("wav") << "voice-note.wav"
                             << "note.wav"
                             << "audio"
                             << "audio/x-wav";
        QTest::newRow("pdf") << "menu.pdf"
                             << "menu.pdf"
                             << "file"
                             << "application/pdf";
        QTest::newRow("no extension") << "latte.png"
                                      << "photo"
                                      << "image"
                                      << "image/png";
    }
    void typesByContent()
    {
        QFETCH(QString, demo);
        QFETCH(QString, fileName);
        QFETCH(QString, type);
        QFETCH(QString, mime);
        const QString path = write(fileName, sandbox::sandboxMedia(demo)->data);
        const Result<MediaInfo> info = MediaPolicy::inspect(path);
        QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().message));
        QCOMPARE(info->type, type);
        QCOMPARE(info->mimeType, mime);
        QCOMPARE(info->size, QFileInfo(path).size());
        QVERIFY(!info->suffix.isEmpty());
    }

    void imageOverEightMegabytesIsRefusedWithTheSizes()
    {
        QByteArray big = sandbox::sandboxMedia(QStringLiteral("latte.png"))->data;
        big.append(QByteArray(11'200'000 - big.size(), '\0'));
        const Result<MediaInfo> info = MediaPolicy::inspect(write(QStringLiteral("big.png"), big));
        QVERIFY(!info);
        QCOMPARE(info.error().kind, Error::Kind::Invalid);
        QCOMPARE(info.error().message,
            QStringLiteral("Instagram takes images up to 8 MB; this one is 11.2 MB."));
    }

    void videoUpToTwentyFiveMegabytes()
    {
        QByteArray clip = sandbox::sandboxMedia(QStringLiteral("clip.mp4"))->data;
        clip.append(QByteArray(20'000'000 - clip.size(), '\0'));
        QVERIFY(MediaPolicy::inspect(write(QStringLiteral("ok.mp4"), clip)).has_value());
        clip.append(QByteArray(5'000'001, '\0'));
        const Result<MediaInfo> info
            = MediaPolicy::inspect(write(QStringLiteral("long.mp4"), clip));
        QVERIFY(!info);
        QVERIFY(
            info.error().message.startsWith(QStringLiteral("Instagram takes videos up to 25 MB")));
    }

    void nameThatContradictsTheContentIsRefused()
    {
        // A PDF named like a picture: Instagram would refuse it after the upload (2018047).
        const Result<MediaInfo> info = MediaPolicy::inspect(write(QStringLiteral("holiday.jpg"),
            sandbox::sandboxMedia(QStringLiteral("menu.pdf"))->data));
        QVERIFY(!info);
        QVERIFY2(info.error().message.contains(
                     QStringLiteral("named like an image (.jpg) but contains a PDF")),
            qPrintable(info.error().message));
        // The same kind under another name is fine: a PNG named .jpg is still an image.
        const Result<MediaInfo> png = MediaPolicy::inspect(write(
            QStringLiteral("photo.jpg"), sandbox::sandboxMedia(QStringLiteral("latte.png"))->data));
        QVERIFY(png.has_value());
        QCOMPARE(png->suffix, QStringLiteral("png"));
    }

    void otherFilesAreRefused()
    {
        Result<MediaInfo> text
            = MediaPolicy::inspect(write(QStringLiteral("notes.txt"), "just some text\n"));
        QVERIFY(!text);
        QVERIFY(text.error().message.startsWith(
            QStringLiteral("Instagram takes images (PNG, JPEG, GIF)")));
        Result<MediaInfo> fake
            = MediaPolicy::inspect(write(QStringLiteral("fake.png"), "not a picture at all"));
        QVERIFY(!fake);
        QVERIFY(fake.error().message.contains(QStringLiteral("its content is not")));
        QVERIFY(!MediaPolicy::inspect(write(QStringLiteral("empty.png"), {})));
        const Result<MediaInfo> gone
            = MediaPolicy::inspect(m_dir.filePath(QStringLiteral("gone.png")));
        QVERIFY(!gone);
        QCOMPARE(gone.error().message, QStringLiteral("The file gone.png no longer exists."));
    }

private:
    QString write(const QString &name, const QByteArray &data)
    {
        return test::writeFile(m_dir.filePath(name), data);
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMediaPolicy)
#include "tst_mediapolicy.moc"
