#include "app/shell/welcomepage.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The German translation is built into the app and complete.
class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void germanIsEmbeddedAndUsed()
    {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("inlet"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        inlet::app::WelcomePage page;
        QCOMPARE(page.sandboxButton()->text(), QStringLiteral("Sandbox ausprobieren"));
        QCOMPARE(page.connectButton()->text(), QStringLiteral("Instagram-Konto verbinden"));
        QCOMPARE(QCoreApplication::translate("inlet::app::MainWindow",
                                             "Inlet — %n account(s) need sign-in", nullptr, 2),
                 QStringLiteral("Inlet — 2 Konten müssen sich anmelden"));
        QCoreApplication::removeTranslator(&german);
    }

    // Every message in the committed .ts has a finished translation.
    void germanIsComplete()
    {
        QFile file(inlet::test::sourceDir() + QStringLiteral("/translations/inlet_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList untranslated;
        QString source;
        while (!xml.atEnd() && !xml.hasError()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    continue;
                ++messages;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    untranslated << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" line %1").arg(xml.lineNumber())));
        QVERIFY(messages > 50);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
