// Issue 10: the commands the documentation gives a new user at least start. Every
// `./inlet.sh X` in README.md and docs/ is a command inlet.sh knows (and lists in its help), and
// bench/run.sh (`./inlet.sh bench`) runs only the benchmark executables (build/bench also holds
// CMake's bench_*_autogen directories, which used to end the run) and keeps going after a failing
// one. Nothing here builds or runs a real benchmark: CI stays fast.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(INLET_SOURCE_DIR)).filePath(relative);
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run bash(const QStringList &arguments,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("bash"), arguments);
    Run run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool writeScript(const QString &path, const QByteArray &body, bool executable = true)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n" + body + '\n');
    file.close();
    QFileDevice::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        permissions |= QFile::ExeOwner;
    return file.setPermissions(permissions);
}

} // namespace

class TestCommands : public QObject {
    Q_OBJECT
private slots:
    void scriptsParse()
    {
        for (const char *script : { "inlet.sh", "bench/run.sh", ".ci/run" }) {
            const Run run = bash({ QStringLiteral("-n"), sourcePath(QLatin1String(script)) });
            QVERIFY2(run.exitCode == 0,
                qPrintable(QLatin1String(script) + QLatin1String(": ") + run.err));
        }
    }

    void documentedCommandsAreKnown()
    {
        // The commands inlet.sh dispatches: the labels of its `case "$cmd"` block.
        const QString script = readText(sourcePath(QStringLiteral("inlet.sh")));
        const qsizetype start = script.indexOf(QStringLiteral("case \"$cmd\" in"));
        const qsizetype end = script.indexOf(QStringLiteral("\nesac"), start);
        QVERIFY(start >= 0 && end > start);
        QSet<QString> known;
        static const QRegularExpression label(
            QStringLiteral("^\\s+([a-z][a-z|-]*)\\)"), QRegularExpression::MultilineOption);
        for (auto it = label.globalMatch(script.mid(start, end - start)); it.hasNext();) {
            for (const QString &name : it.next().captured(1).split(QLatin1Char('|')))
                known.insert(name);
        }
        // What its help (the comment at the top) lists.
        QSet<QString> helped;
        static const QRegularExpression helpLine(
            QStringLiteral("^#\\s+\\./inlet\\.sh ([a-z][a-z-]*)"),
            QRegularExpression::MultilineOption);
        for (auto it = helpLine.globalMatch(script); it.hasNext();)
            helped.insert(it.next().captured(1));

        // Every `./inlet.sh X` the README and docs/ give.
        QStringList docs { sourcePath(QStringLiteral("README.md")) };
        QDirIterator markdown(sourcePath(QStringLiteral("docs")), { QStringLiteral("*.md") },
            QDir::Files, QDirIterator::Subdirectories);
        while (markdown.hasNext())
            docs.append(markdown.next());
        static const QRegularExpression mention(QStringLiteral("\\./inlet\\.sh ([a-z][a-z-]*)"));
        QSet<QString> documented;
        for (const QString &doc : docs) {
            for (auto it = mention.globalMatch(readText(doc)); it.hasNext();) {
                const QString command = it.next().captured(1);
                documented.insert(command);
                QVERIFY2(known.contains(command),
                    qPrintable(
                        QStringLiteral("%1 documents `./inlet.sh %2`, which inlet.sh does not know")
                            .arg(QDir(QStringLiteral(INLET_SOURCE_DIR)).relativeFilePath(doc),
                                command)));
                QVERIFY2(helped.contains(command),
                    qPrintable(QStringLiteral("`./inlet.sh %1` is missing from inlet.sh's help")
                                   .arg(command)));
            }
        }
        // The README's own list (the two commands and the others), so a parse that finds nothing
        // fails.
        for (const char *command :
            { "demo", "test", "asan", "bench", "sandbox", "package", "package-check" })
            QVERIFY2(documented.contains(QLatin1String(command)), command);

        // An unknown command prints the help and fails; `help` prints it and succeeds.
        const Run help = bash({ sourcePath(QStringLiteral("inlet.sh")), QStringLiteral("help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("./inlet.sh demo")));
        QVERIFY(bash({ sourcePath(QStringLiteral("inlet.sh")), QStringLiteral("no-such-command") })
                    .exitCode
            != 0);
    }

    // bench/run.sh over a build dir laid out as CMake leaves it: an executable benchmark, an
    // autogen directory, a file that is not executable, and a benchmark that fails.
    void benchRunsOnlyExecutablesAndKeepsGoing()
    {
        QTemporaryDir build;
        QVERIFY(build.isValid());
        QDir bench(build.path());
        QVERIFY(bench.mkpath(QStringLiteral("bench/bench_store_autogen/include")));
        QVERIFY(bench.cd(QStringLiteral("bench")));
        QVERIFY(writeScript(bench.filePath(QStringLiteral("bench_a")), "echo \"ran a $*\""));
        QVERIFY(writeScript(bench.filePath(QStringLiteral("bench_b")), "echo 'ran b'; exit 3"));
        QVERIFY(writeScript(bench.filePath(QStringLiteral("bench_c")), "echo 'ran c'"));
        QVERIFY(writeScript(
            bench.filePath(QStringLiteral("bench_notes.txt")), "echo 'ran notes'", false));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INLET_BUILD_DIR"), build.path());
        const QString runSh = sourcePath(QStringLiteral("bench/run.sh"));

        const Run list = bash({ runSh, QStringLiteral("--list") }, env);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
            (QStringList { bench.filePath(QStringLiteral("bench_a")),
                bench.filePath(QStringLiteral("bench_b")),
                bench.filePath(QStringLiteral("bench_c")) }));

        const Run run = bash({ runSh, QStringLiteral("--runs"), QStringLiteral("1") }, env);
        QVERIFY2(run.out.contains(QStringLiteral("ran a --runs 1")), qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QStringLiteral("ran b")));
        QVERIFY2(run.out.contains(QStringLiteral("ran c")), "a failing benchmark ended the run");
        QVERIFY(!run.out.contains(QStringLiteral("ran notes")));
        QCOMPARE(run.exitCode, 1); // and the failure is reported
        QVERIFY(run.err.contains(QStringLiteral("bench_b (exit 3)")));
    }

    // The real build: what `./inlet.sh bench` would run are the built benchmark executables.
    void benchListsTheBuiltBenchmarks()
    {
        const QDir bench(QStringLiteral(INLET_BINARY_DIR "/bench"));
        if (!bench.exists())
            QSKIP("no benchmarks in this build");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INLET_BUILD_DIR"), QStringLiteral(INLET_BINARY_DIR));
        const Run list
            = bash({ sourcePath(QStringLiteral("bench/run.sh")), QStringLiteral("--list") }, env);
        QCOMPARE(list.exitCode, 0);
        QStringList listed;
        for (const QString &path : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QFileInfo info(path);
            QVERIFY2(info.isFile() && info.isExecutable(), qPrintable(path));
            listed.append(info.fileName());
        }
        for (const QFileInfo &source :
            QDir(sourcePath(QStringLiteral("bench")))
                .entryInfoList({ QStringLiteral("bench_*.cpp") }, QDir::Files)) {
            if (bench.exists(source.baseName()))
                QVERIFY2(listed.contains(source.baseName()), qPrintable(source.baseName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
