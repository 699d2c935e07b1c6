// MediaPolicy: which local files Instagram takes as attachments (type by content, size limits,
// names that contradict the content), refused with a reason and its parameters (MediaRefusal) that
// the app words.
#include "core/outbox/mediatestfiles.h"
#include "outbox/mediapolicy.h"
#include "outbox/mediarefusal.h"
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
        QCOMPARE(info.error().code, 100); // what Instagram would answer after the upload
        QCOMPARE(info.error().subcode, 2018109);
        const std::optional<MediaRefusal> r = refusal(info);
        QVERIFY(r);
        QCOMPARE(r->reason, MediaRefusal::Reason::TooLarge);
        QCOMPARE(r->fileName, QStringLiteral("big.png"));
        QCOMPARE(r->type, QStringLiteral("image"));
        QCOMPARE(r->limitBytes, qint64(8'000'000));
        QCOMPARE(r->sizeBytes, qint64(11'200'000));
    }

    void videoUpToTwentyFiveMegabytes()
    {
        QByteArray clip = sandbox::sandboxMedia(QStringLiteral("clip.mp4"))->data;
        clip.append(QByteArray(20'000'000 - clip.size(), '\0'));
        QVERIFY(MediaPolicy::inspect(write(QStringLiteral("ok.mp4"), clip)).has_value());
        clip.append(QByteArray(5'000'001, '\0'));
        const std::optional<MediaRefusal> r
            = refusal(MediaPolicy::inspect(write(QStringLiteral("long.mp4"), clip)));
        QVERIFY(r);
        QCOMPARE(r->reason, MediaRefusal::Reason::TooLarge);
        QCOMPARE(r->type, QStringLiteral("video"));
        QCOMPARE(r->limitBytes, qint64(25'000'000));
        QCOMPARE(r->sizeBytes, qint64(25'000'001));
    }

    void nameThatContradictsTheContentIsRefused()
    {
        // A PDF named like a picture: Instagram would refuse it after the upload (2018047).
        const std::optional<MediaRefusal> r
            = refusal(MediaPolicy::inspect(write(QStringLiteral("holiday.jpg"),
                sandbox::sandboxMedia(QStringLiteral("menu.pdf"))->data)));
        QVERIFY(r);
        QCOMPARE(r->reason, MediaRefusal::Reason::NameMismatch);
        QCOMPARE(r->fileName, QStringLiteral("holiday.jpg"));
        QCOMPARE(r->namedType, QStringLiteral("image"));
        QCOMPARE(r->suffix, QStringLiteral(".jpg"));
        QCOMPARE(r->type, QStringLiteral("file"));
        QCOMPARE(r->mimeType, QStringLiteral("application/pdf"));
        // The same kind under another name is fine: a PNG named .jpg is still an image.
        const Result<MediaInfo> png = MediaPolicy::inspect(write(
            QStringLiteral("photo.jpg"), sandbox::sandboxMedia(QStringLiteral("latte.png"))->data));
        QVERIFY(png.has_value());
        QCOMPARE(png->suffix, QStringLiteral("png"));
    }

    void otherFilesAreRefused()
    {
        const std::optional<MediaRefusal> text
            = refusal(MediaPolicy::inspect(write(QStringLiteral("notes.txt"), "just some text\n")));
        QVERIFY(text);
        QCOMPARE(text->reason, MediaRefusal::Reason::Unsupported);
        QCOMPARE(text->fileName, QStringLiteral("notes.txt"));
        QCOMPARE(text->mimeType, QStringLiteral("text/plain"));
        QVERIFY(text->type.isEmpty());

        const std::optional<MediaRefusal> fake = refusal(
            MediaPolicy::inspect(write(QStringLiteral("fake.png"), "not a picture at all")));
        QVERIFY(fake);
        QCOMPARE(fake->reason, MediaRefusal::Reason::NotAsNamed);
        QCOMPARE(fake->namedType, QStringLiteral("image"));
        QCOMPARE(fake->namedMimeType, QStringLiteral("image/png"));
        QCOMPARE(fake->suffix, QStringLiteral(".png"));

        const std::optional<MediaRefusal> empty
            = refusal(MediaPolicy::inspect(write(QStringLiteral("empty.png"), {})));
        QVERIFY(empty);
        QCOMPARE(empty->reason, MediaRefusal::Reason::Empty);
        QCOMPARE(empty->fileName, QStringLiteral("empty.png"));

        const std::optional<MediaRefusal> gone
            = refusal(MediaPolicy::inspect(m_dir.filePath(QStringLiteral("gone.png"))));
        QVERIFY(gone);
        QCOMPARE(gone->reason, MediaRefusal::Reason::Missing);
        QCOMPARE(gone->fileName, QStringLiteral("gone.png"));

        const std::optional<MediaRefusal> folder = refusal(MediaPolicy::inspect(m_dir.path()));
        QVERIFY(folder);
        QCOMPARE(folder->reason, MediaRefusal::Reason::Unreadable);
    }

    // The refusal survives wherever the Error goes (a stored SendFailure keeps its message); any
    // other error, or an older version's sentence, is not taken for one.
    void refusalTravelsInTheError()
    {
        MediaRefusal r;
        r.reason = MediaRefusal::Reason::NameMismatch;
        r.fileName = QStringLiteral("\"odd\" {name}.jpg");
        r.type = QStringLiteral("file");
        r.namedType = QStringLiteral("image");
        r.suffix = QStringLiteral(".jpg");
        r.mimeType = QStringLiteral("application/pdf");
        r.namedMimeType = QStringLiteral("image/jpeg");
        r.sizeBytes = 5'000'000'000; // beyond 32 bits
        QVERIFY(MediaRefusal::of(r.error()) == r);
        QVERIFY(!r.error().message.contains(QStringLiteral("named like")));

        QVERIFY(!MediaRefusal::of(Error::make(
            Error::Kind::Invalid, QStringLiteral("The file gone.png no longer exists."))));
        QVERIFY(!MediaRefusal::of(Error::make(Error::Kind::Invalid, QStringLiteral("{\"v\":1}"))));
        Error other = r.error();
        other.kind = Error::Kind::Http;
        QVERIFY(!MediaRefusal::of(other));
    }

private:
    // The refusal of a file MediaPolicy refused; nothing when it took the file or said otherwise.
    static std::optional<MediaRefusal> refusal(const Result<MediaInfo> &info)
    {
        return info ? std::nullopt : MediaRefusal::of(info.error());
    }

    QString write(const QString &name, const QByteArray &data)
    {
        return test::writeFile(m_dir.filePath(name), data);
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMediaPolicy)
#include "tst_mediapolicy.moc"
