// Issue 14: the fake Instagram is not part of the shipped app. The built `inlet` (build/src/app)
// needs no libQt6HttpServer and holds no code of the sandbox (inlet::sandbox); the app runs the
// separate inlet-sandbox executable for its demo. The same checks against inlet-sandbox must find
// both, so a check that sees nothing cannot pass by accident. check-deb.sh checks the installed
// /usr/bin/inlet the same way. Nor does it need Qt WebEngine: the login window is inlet-login's.
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {

QString binary(const QString &relative)
{
    return QStringLiteral(INLET_BINARY_DIR "/") + relative;
}

// stdout of a tool, or a null string when it could not run.
QString run(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The shared libraries a binary names in its NEEDED entries.
QStringList needed(const QString &path)
{
    static const QRegularExpression entry(QStringLiteral("\\(NEEDED\\).*\\[(.+)\\]"));
    QStringList libraries;
    for (const auto &match :
        entry.globalMatch(run(QStringLiteral("readelf"), { QStringLiteral("-d"), path })))
        libraries << match.captured(1);
    return libraries;
}

// Symbols (demangled) of the sandbox's namespace: those nm lists, and the names the binary
// carries even when stripped (typeinfo names, moc's class names).
int sandboxSymbols(const QString &path)
{
    int count = 0;
    const QString symbols = run(QStringLiteral("nm"), { QStringLiteral("-C"), path });
    count += int(symbols.count(QStringLiteral("inlet::sandbox::")));
    const QString strings = run(QStringLiteral("strings"), { QStringLiteral("-a"), path });
    count += int(strings.count(QStringLiteral("inlet::sandbox::")));
    count += int(strings.count(QStringLiteral("N5inlet7sandbox")));
    return count;
}

} // namespace

class TestShippedBinary : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (const char *tool : { "readelf", "nm", "strings" }) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("needs %1 (binutils)").arg(QLatin1String(tool))));
        }
        if (!QFileInfo::exists(binary(QStringLiteral("src/app/inlet"))))
            QSKIP("the app is not built (INLET_BUILD_APP off)");
    }

    void sandboxHasTheFake()
    {
        const QString sandbox = binary(QStringLiteral("src/sandbox/inlet-sandbox"));
        QVERIFY(needed(sandbox).join(u' ').contains(QStringLiteral("libQt6HttpServer")));
        QVERIFY(sandboxSymbols(sandbox) > 0);
    }

    void appHasNoHttpServerAndNoSandbox()
    {
        const QString app = binary(QStringLiteral("src/app/inlet"));
        const QStringList libraries = needed(app);
        QVERIFY2(
            libraries.join(u' ').contains(QStringLiteral("libQt6Core")), "readelf read nothing");
        for (const QString &library : libraries)
            QVERIFY2(!library.contains(QStringLiteral("HttpServer")), qPrintable(library));
        QCOMPARE(sandboxSymbols(app), 0);
    }

    // Issue 14 §7: Qt WebEngine (Chromium) is the login window's process's alone (inlet-login):
    // the app itself needs none of its libraries, so it never loads them.
    void onlyTheLoginWindowNeedsWebEngine()
    {
        const QStringList login = needed(binary(QStringLiteral("src/app/inlet-login")));
        QVERIFY2(login.join(u' ').contains(QStringLiteral("libQt6WebEngineWidgets")),
            qPrintable(login.join(u' ')));
        const QStringList app = needed(binary(QStringLiteral("src/app/inlet")));
        QVERIFY2(app.join(u' ').contains(QStringLiteral("libQt6Widgets")), "readelf read nothing");
        for (const QString &library : app)
            QVERIFY2(!library.contains(QStringLiteral("WebEngine")), qPrintable(library));
    }
};

QTEST_GUILESS_MAIN(TestShippedBinary)
#include "tst_shippedbinary.moc"
