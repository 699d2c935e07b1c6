// The one definition of reactions shared by the queue, the models and the React menu: what a
// business may send (only "love", by name) and how a customer's reaction is shown.
#include "model/reactions.h"

#include <QTest>

using namespace inlet;

class TestReactions : public QObject {
    Q_OBJECT

private slots:
    void onlyLoveCanBeSent()
    {
        QCOMPARE(reactions::sendableName(QStringLiteral("love")), QStringLiteral("love"));
        QCOMPARE(reactions::sendableName(QStringLiteral("❤️")), QStringLiteral("love"));
        QCOMPARE(reactions::sendableName(QStringLiteral("❤")),
            QStringLiteral("love")); // no variation selector
        for (const QString &refused : { QStringLiteral("like"), QStringLiteral("laugh"),
                 QStringLiteral("😂"), QStringLiteral("👍"), QStringLiteral("other"), QString() })
            QVERIFY2(reactions::sendableName(refused).isEmpty(), qPrintable(refused));
    }

    void theMenuListsInstagramsReactionsWithLoveSendable()
    {
        const QList<reactions::Choice> choices = reactions::businessChoices();
        QCOMPARE(choices.size(), 6);
        QCOMPARE(choices.first().name, QStringLiteral("love"));
        QCOMPARE(choices.first().emoji, QStringLiteral("❤️"));
        QVERIFY(choices.first().sendable);
        for (qsizetype i = 1; i < choices.size(); ++i) {
            QVERIFY2(!choices.at(i).sendable, qPrintable(choices.at(i).name));
            QVERIFY(!choices.at(i).emoji.isEmpty());
        }
    }

    void display_data()
    {
        QTest::addColumn<QString>("reaction");
        QTest::addColumn<QString>("emoji");
        QTest::addColumn<QString>("shown");
        QTest::newRow("love") << QStringLiteral("love") << QString() << QStringLiteral("❤️");
        QTest::newRow("like") << QStringLiteral("like") << QString() << QStringLiteral("👍");
        QTest::newRow("laugh") << QStringLiteral("laugh") << QString() << QStringLiteral("😂");
        QTest::newRow("wow") << QStringLiteral("wow") << QString() << QStringLiteral("😮");
        QTest::newRow("sad") << QStringLiteral("sad") << QString() << QStringLiteral("😢");
        QTest::newRow("angry") << QStringLiteral("angry") << QString() << QStringLiteral("😡");
        QTest::newRow("emoji wins")
            << QStringLiteral("love") << QStringLiteral("😍") << QStringLiteral("😍");
        QTest::newRow("emoji only") << QString() << QStringLiteral("🔥") << QStringLiteral("🔥");
        QTest::newRow("other with emoji")
            << QStringLiteral("other") << QStringLiteral("🥰") << QStringLiteral("🥰");
        QTest::newRow("emoji as the name")
            << QStringLiteral("🙏") << QString() << QStringLiteral("🙏");
        QTest::newRow("other alone") << QStringLiteral("other") << QString() << QStringLiteral("❔");
        QTest::newRow("unknown word")
            << QStringLiteral("sparkle") << QString() << QStringLiteral("❔");
    }
    void display()
    {
        QFETCH(QString, reaction);
        QFETCH(QString, emoji);
        QFETCH(QString, shown);
        QCOMPARE(reactions::display(reaction, emoji), shown);
    }
};

QTEST_GUILESS_MAIN(TestReactions)
#include "tst_reactions.moc"
