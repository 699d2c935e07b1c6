#include "store/textfold.h"

#include <QTest>

using namespace inlet;

// Folding and matching for the quick switcher: case and accents ignored, word starts ranked.
class TestTextFold : public QObject {
    Q_OBJECT
private slots:
    void foldsCaseAndAccents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("ascii") << QStringLiteral("Mark SMITH") << QStringLiteral("mark smith");
        QTest::newRow("acute") << QStringLiteral("José") << QStringLiteral("jose");
        QTest::newRow("diaeresis") << QStringLiteral("ZOË Jürgen") << QStringLiteral("zoe jurgen");
        QTest::newRow("cedilla") << QStringLiteral("Françoise") << QStringLiteral("francoise");
        QTest::newRow("composed-vs-decomposed")
            << QStringLiteral("E\u0301lodie") << QStringLiteral("elodie");
        QTest::newRow("emoji kept") << QStringLiteral("Ana 🌸") << QStringLiteral("ana 🌸");
        QTest::newRow("empty") << QString() << QString();
    }
    void foldsCaseAndAccents()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(textfold::fold(text), folded);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<int>("expected");
        const int none = int(textfold::Match::None);
        const int sub = int(textfold::Match::Substring);
        const int prefix = int(textfold::Match::Prefix);
        QTest::newRow("start") << QStringLiteral("José García") << QStringLiteral("jos") << prefix;
        QTest::newRow("word start")
            << QStringLiteral("José García") << QStringLiteral("garc") << prefix;
        QTest::newRow("accent in text")
            << QStringLiteral("José García") << QStringLiteral("garcia") << prefix;
        QTest::newRow("inside") << QStringLiteral("José García") << QStringLiteral("arc") << sub;
        QTest::newRow("username part")
            << QStringLiteral("shop.anna_92") << QStringLiteral("anna") << prefix;
        QTest::newRow("later word start wins")
            << QStringLiteral("Hannah Annan") << QStringLiteral("ann") << prefix;
        QTest::newRow("no") << QStringLiteral("Mark Smith") << QStringLiteral("zoe") << none;
        QTest::newRow("empty text") << QString() << QStringLiteral("a") << none;
    }
    void matches()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        QFETCH(int, expected);
        QCOMPARE(int(textfold::match(text, textfold::fold(needle))), expected);
    }
};

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
