// What the installers ship agrees with the programs: every option of `inlet --help`,
// `inlet-sandbox --help` and `inlet-server --help` is in the man page (and no other), `--version`
// prints project(VERSION), and the AppStream metainfo and CHANGELOG.md name that version as the
// newest release.
#include "support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString binary(const QString &name)
{
    const QString dir = name == QLatin1String("inlet") ? QStringLiteral("/src/app/")
        : name == QLatin1String("inlet-server")        ? QStringLiteral("/src/server/")
                                                       : QStringLiteral("/src/sandbox/");
    return QStringLiteral(INLET_BINARY_DIR) + dir + name;
}

QString readSource(const QString &path)
{
    QFile file(inlet::test::sourceDir() + QLatin1Char('/') + path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Runs a program without any display (as on a server or in a terminal); its stdout, or a null
// string when it did not exit with 0.
QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
        env.remove(QLatin1String(name));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The long names in the option column of QCommandLineParser's help ("  -h, --help   Displays…").
QSet<QString> optionsInHelp(const QString &help)
{
    QSet<QString> options;
    static const QRegularExpression row(
        QStringLiteral("^ {2}(-\\S.*?)(?: {2,}|$)"), QRegularExpression::MultilineOption);
    static const QRegularExpression name(QStringLiteral("--[a-z0-9][a-z0-9-]*"));
    for (const auto &match : row.globalMatch(help)) {
        for (const auto &option : name.globalMatch(match.captured(1)))
            options.insert(option.captured());
    }
    return options;
}

// The long names of the tagged paragraphs (.TP) of the man page's OPTIONS section.
QSet<QString> optionsInManPage(const QString &roff)
{
    QSet<QString> options;
    const QStringList lines = roff.split(QLatin1Char('\n'));
    static const QRegularExpression name(QStringLiteral("--[a-z0-9][a-z0-9-]*"));
    bool inOptions = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QLatin1String(".SH ")))
            inOptions = lines[i] == QLatin1String(".SH OPTIONS");
        if (!inOptions || lines[i] != QLatin1String(".TP") || i + 1 == lines.size())
            continue;
        QString tag = lines[i + 1];
        tag.replace(QLatin1String("\\-"), QLatin1String("-"));
        for (const auto &option : name.globalMatch(tag))
            options.insert(option.captured());
    }
    return options;
}

// The data of the tests that run every shipped program.
void shippedPrograms()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("inlet") << QStringLiteral("inlet");
    QTest::newRow("inlet-sandbox") << QStringLiteral("inlet-sandbox");
    QTest::newRow("inlet-server") << QStringLiteral("inlet-server");
}

QString projectVersion()
{
    static const QRegularExpression version(QStringLiteral("project\\(inlet VERSION ([0-9.]+)"));
    return version.match(readSource(QStringLiteral("CMakeLists.txt"))).captured(1);
}

} // namespace

class TestManPages : public QObject {
    Q_OBJECT

private slots:
    void helpAndManPageListTheSameOptions_data() { shippedPrograms(); }

    void helpAndManPageListTheSameOptions()
    {
        QFETCH(QString, program);
        const QString help = run(binary(program), { QStringLiteral("--help") });
        QVERIFY2(!help.isEmpty(), "--help must work without a display");
        const QSet<QString> inHelp = optionsInHelp(help);
        QVERIFY2(inHelp.contains(QStringLiteral("--version")), qPrintable(help));
        QVERIFY(inHelp.size() >= 5);

        const QString roff = readSource(QStringLiteral("packaging/man/%1.1.in").arg(program));
        QVERIFY(!roff.isEmpty());
        const QSet<QString> inMan = optionsInManPage(roff);
        const QStringList missing = QStringList(QSet(inHelp).subtract(inMan).values());
        const QStringList extra = QStringList(QSet(inMan).subtract(inHelp).values());
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("not in the man page: ") + missing.join(QLatin1Char(' '))));
        QVERIFY2(extra.isEmpty(),
            qPrintable(QStringLiteral("not in --help: ") + extra.join(QLatin1Char(' '))));
    }

    // The parser itself: a man page lacking an option is caught.
    void aMissingOptionIsNoticed()
    {
        const QString help = QStringLiteral("Options:\n  -h, --help        Displays help.\n"
                                            "  --data-dir <dir>  Keep it in <dir>.\n");
        QCOMPARE(optionsInHelp(help),
            (QSet<QString> { QStringLiteral("--help"), QStringLiteral("--data-dir") }));
        const QString roff = QStringLiteral(".SH OPTIONS\n.TP\n.BR \\-h \", \" \\-\\-help\nHelp.\n"
                                            ".SH FILES\n.TP\n.I \\-\\-not\\-an\\-option\n");
        QCOMPARE(optionsInManPage(roff), QSet<QString> { QStringLiteral("--help") });
    }

    void versionIsTheProjectVersion_data() { shippedPrograms(); }

    void versionIsTheProjectVersion()
    {
        QFETCH(QString, program);
        const QString version = projectVersion();
        QVERIFY(!version.isEmpty());
        QCOMPARE(run(binary(program), { QStringLiteral("--version") }).trimmed(),
            program + QLatin1Char(' ') + version);
    }

    // docs/releasing.md: a version bump comes with its CHANGELOG.md entry and AppStream release.
    void releaseNotesNameTheProjectVersion()
    {
        const QString version = projectVersion();
        static const QRegularExpression changelog(
            QStringLiteral("^## \\[(\\d[^\\]]*)\\]"), QRegularExpression::MultilineOption);
        QCOMPARE(changelog.match(readSource(QStringLiteral("CHANGELOG.md"))).captured(1), version);
        static const QRegularExpression release(QStringLiteral("<release version=\"([^\"]+)\""));
        QCOMPARE(release.match(readSource(QStringLiteral("resources/app.inlet.Inlet.metainfo.xml")))
                     .captured(1),
            version);
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
