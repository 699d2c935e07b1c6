#include "app/inbox/failuretext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace inlet;
using inlet::app::failureText;
using inlet::app::mediaRefusalText;
using inlet::app::refusalText;

// The core stores kinds and codes (SendFailure); these are the sentences the manager reads.
class TestFailureText : public QObject {
    Q_OBJECT
private slots:
    void everyReasonHasItsOwnSentence()
    {
        const QList<SendFailure> failures {
            { SendFailure::Stage::Send, graph(10, 2534022) },
            { SendFailure::Stage::Send, graph(551, 0) },
            { SendFailure::Stage::Send, graph(190, 0) },
            { SendFailure::Stage::Send, graph(4, 0) },
            { SendFailure::Stage::Send, Error::make(Error::Kind::Network, {}) },
            { SendFailure::Stage::Send, Error::make(Error::Kind::Keychain, {}) },
            { SendFailure::Stage::Send, graph(100, 0) },
            { SendFailure::Stage::Upload, Error::make(Error::Kind::Http, {}, 0, 0, 403) },
            { SendFailure::Stage::File, Error::make(Error::Kind::Invalid, {}) },
        };
        QSet<QString> texts;
        for (const SendFailure &f : failures) {
            const QString text = failureText(f.encode());
            QVERIFY2(!text.isEmpty() && !text.startsWith(QLatin1Char('{')), qPrintable(text));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), failures.size());
        QVERIFY(failureText(SendFailure { SendFailure::Stage::Send, graph(10, 2534022) })
                    .contains(QStringLiteral("24 hours")));
    }

    void detailAndAttemptsAreKept()
    {
        SendFailure refused { SendFailure::Stage::Send,
            Error::make(
                Error::Kind::Graph, QStringLiteral("(#100) Invalid parameter"), 100, 0, 400),
            12 };
        const QString text = failureText(refused.encode());
        QVERIFY2(text.contains(QStringLiteral("(#100) Invalid parameter")), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Not sent after 12 attempts.")), qPrintable(text));
    }

    void olderSentencesShowAsTheyAre()
    {
        QCOMPARE(failureText(QStringLiteral("Outside the messaging window")),
            QStringLiteral("Outside the messaging window"));
        QCOMPARE(failureText(QString()), QString());
    }

    // The point of storing codes: the reason reads in the UI's language, whatever it was stored in.
    void wordedInTheUiLanguage()
    {
        const QString stored = SendFailure { SendFailure::Stage::Send, graph(551, 0) }.encode();
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("inlet"),
            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString text = failureText(stored);
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(text.contains(QStringLiteral("nicht erreichbar")), qPrintable(text));
    }

    // The core's reasons (Error::Reason) read as their own sentence, on a stored failure and at
    // once.
    void coreReasonsAreWorded()
    {
        Error refused = Error::because(Error::Kind::Http, Error::Reason::UploadRefused,
            QStringLiteral("Payload Too Large"), { QStringLiteral("413") });
        refused.httpStatus = 413;
        const QString upload
            = failureText(SendFailure { SendFailure::Stage::Upload, refused }.encode());
        QCOMPARE(upload,
            QStringLiteral("The media host refused the file (HTTP 413). The file is too large for "
                           "it. (Payload Too Large)"));
        const Error tooLong = Error::because(Error::Kind::Invalid, Error::Reason::TextTooLong,
            QStringLiteral("log words"), { QStringLiteral("1200"), QStringLiteral("1000") });
        QCOMPARE(refusalText(tooLong),
            QStringLiteral("The text is too long: 1200 bytes, Instagram allows 1000."));
        const Error full = Error::make(
            Error::Kind::Storage, QStringLiteral("cannot insert: the disk is full"), 13);
        QCOMPARE(refusalText(full),
            QStringLiteral(
                "Not saved: the message could not be written to disk. (The disk is full, "
                "or the data reached its size limit.)"));
    }

    // MediaPolicy's refusals: a reason and its parameters from the core, the sentence from here.
    void mediaRefusalsAreWorded_data()
    {
        QTest::addColumn<MediaRefusal>("refusal");
        QTest::addColumn<QString>("text");
        QTest::newRow("missing") << refusal(MediaRefusal::Reason::Missing, "gone.png")
                                 << "The file gone.png no longer exists.";
        QTest::newRow("unreadable") << refusal(MediaRefusal::Reason::Unreadable, "locked.png")
                                    << "The file locked.png cannot be read.";
        QTest::newRow("empty") << refusal(MediaRefusal::Reason::Empty, "empty.png")
                               << "The file empty.png is empty.";
        QTest::newRow("no media host")
            << refusal(MediaRefusal::Reason::NoMediaHost, "latte.png")
            << "Attachments from a file need a media host: Instagram only takes media by public "
               "URL. Set one up in Settings.";
        MediaRefusal text = refusal(MediaRefusal::Reason::Unsupported, "notes.txt");
        text.mimeType = QStringLiteral("text/plain");
        QTest::newRow("unsupported")
            << text
            << "Instagram takes images (PNG, JPEG, GIF), videos (MP4, OGG, AVI, MOV, WEBM), audio "
               "(AAC, M4A, WAV) and PDF files; notes.txt is "
                + comment("text/plain") + ".";
        MediaRefusal fake = namedLikeAnImage(MediaRefusal::Reason::NotAsNamed, "fake.png");
        fake.namedMimeType = QStringLiteral("image/png");
        QTest::newRow("not as named")
            << fake
            << "fake.png is named like an image (.png) but its content is not "
                + comment("image/png") + ".";
        MediaRefusal pdf = namedLikeAnImage(MediaRefusal::Reason::NameMismatch, "holiday.jpg");
        pdf.type = QStringLiteral("file");
        pdf.mimeType = QStringLiteral("application/pdf");
        QTest::newRow("name mismatch")
            << pdf
            << "holiday.jpg is named like an image (.jpg) but contains a PDF ("
                + comment("application/pdf") + "). Rename it or pick another file.";
        const qint64 mb = 1'000'000;
        QTest::newRow("image too large") << tooLarge("image", 8 * mb,
            11'200'000) << "Instagram takes images up to 8 MB; this one is 11.2 MB.";
        QTest::newRow("video too large") << tooLarge("video", 25 * mb,
            25 * mb + 1) << "Instagram takes videos up to 25 MB; this one is 25.0 MB.";
        QTest::newRow("audio too large") << tooLarge("audio", 25 * mb,
            30 * mb) << "Instagram takes audio files up to 25 MB; this one is 30.0 MB.";
        QTest::newRow("pdf too large") << tooLarge("file", 25 * mb,
            26'500'000) << "Instagram takes PDF files up to 25 MB; this one is 26.5 MB.";
    }
    void mediaRefusalsAreWorded()
    {
        QFETCH(MediaRefusal, refusal);
        QFETCH(QString, text);
        QCOMPARE(mediaRefusalText(refusal), text);
        // Said at once (the composer, Outbox::send's refusal) ...
        QCOMPARE(refusalText(refusal.error()), text);
        // ... and on a message that failed later, from the store.
        const QString stored
            = failureText(SendFailure { SendFailure::Stage::File, refusal.error() }.encode());
        QVERIFY2(stored.contains(text) && !stored.contains(QLatin1Char('{')), qPrintable(stored));
    }

    void sizesReadInTheUiLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString text = mediaRefusalText(tooLarge("image", 8'000'000, 11'200'000));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(text.contains(QStringLiteral("8 MB")) && text.contains(QStringLiteral("11,2 MB")),
            qPrintable(text));
    }

    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

private:
    static MediaRefusal refusal(MediaRefusal::Reason reason, const char *fileName)
    {
        MediaRefusal r;
        r.reason = reason;
        r.fileName = QString::fromLatin1(fileName);
        return r;
    }

    static MediaRefusal namedLikeAnImage(MediaRefusal::Reason reason, const char *fileName)
    {
        MediaRefusal r = refusal(reason, fileName);
        r.namedType = QStringLiteral("image");
        r.suffix = QLatin1Char('.') + QFileInfo(r.fileName).suffix();
        return r;
    }

    static MediaRefusal tooLarge(const char *type, qint64 limit, qint64 size)
    {
        MediaRefusal r = refusal(MediaRefusal::Reason::TooLarge, "big");
        r.type = QString::fromLatin1(type);
        r.limitBytes = limit;
        r.sizeBytes = size;
        return r;
    }

    static QString comment(const char *mimeType)
    {
        return QMimeDatabase().mimeTypeForName(QString::fromLatin1(mimeType)).comment();
    }

    static Error graph(int code, int subcode)
    {
        return Error::make(Error::Kind::Graph, {}, code, subcode, 400);
    }
};

QTEST_MAIN(TestFailureText)
#include "tst_failuretext.moc"
