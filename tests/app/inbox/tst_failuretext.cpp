#include "app/inbox/failuretext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace inlet;
using inlet::app::failureText;

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

private:
    static Error graph(int code, int subcode)
    {
        return Error::make(Error::Kind::Graph, {}, code, subcode, 400);
    }
};

QTEST_MAIN(TestFailureText)
#include "tst_failuretext.moc"
