// Start-up benchmark: the REAL app (src/app/inlet) on a 1,000,000-message database.
//   1. process start -> first paint of the inbox's conversation list with rows (N runs, page cache
//      warm; then N runs with the page cache dropped before each, when /proc/sys/vm/drop_caches
//      is writable, i.e. as root)
//   2. resident memory with the inbox and its first (largest) conversation open, web view not
//   loaded
//   3. the web view's cost: a login window on about:blank (its own process, inlet-login), the
//      app's RSS delta and the RSS/PSS of every process below the app, and the same once the
//      window has closed
//   4. a sandbox sign-in (`inlet --sandbox-demo` on a fresh profile, Allow pressed through
//      Chromium's DevTools): PSS of the app and every process below it (but the sandbox) with the
//      consent page shown, and 3 s after the sign-in (when the login window's process has gone)
// The app measures itself through its INLET_BENCH_STARTUP hook (src/app/shell/startupprobe.h);
// this program builds the database, starts the app, reads the hook's lines and prints the table.
//
//   bench_startup [--runs N] [--app PATH] [--no-cold] [--sign-in-only] [data dir]
//   (data dir default: $INLET_BENCH_DIR or <tmp>/inlet-bench-startup, built once, about 60 s)
// The app runs on $QT_QPA_PLATFORM (offscreen when unset); for X11: xvfb-run -a env
// QT_QPA_PLATFORM=xcb bench_startup.
#include "app/shell/processtree.h"
#include "benchdatabase.h"
#include "support/devtools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace inlet;

namespace {

using Fields = QHash<QString, QString>;

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Run {
    bool ok = false;
    double spawnToPaintMs = 0; // measured from just before fork/exec here
    QHash<QString, Fields> stages; // "inbox-painted" -> {"rows": "100", ...}
    QString errors;
};

// One app run with INLET_BENCH_STARTUP=mode; the hook's "inlet-bench stage=X k=v ..." lines parsed.
Run runApp(const QString &app, const QString &dataDir, const QString &mode)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("INLET_BENCH_STARTUP"), mode);
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Chromium refuses to start as root inside its sandbox (the web view step; CI runs as root).
    if (geteuid() == 0 && !env.contains(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX")))
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    Run run;
    const qint64 t0 = monotonicNs();
    process.start(app, { QStringLiteral("--data-dir"), dataDir });
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        run.errors = QString::fromUtf8(process.readAllStandardError()).right(2000);
        return run;
    }
    const QList<QByteArray> lines = process.readAllStandardError().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("inlet-bench "))
            continue;
        Fields fields;
        for (const QByteArray &pair : line.mid(12).split(' ')) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0)
                fields.insert(
                    QString::fromUtf8(pair.left(eq)), QString::fromUtf8(pair.mid(eq + 1)));
        }
        run.stages.insert(fields.value(QStringLiteral("stage")), fields);
    }
    const Fields painted = run.stages.value(QStringLiteral("inbox-painted"));
    run.ok = !painted.isEmpty();
    run.spawnToPaintMs = (painted.value(QStringLiteral("monotonic-ns")).toLongLong() - t0) / 1e6;
    return run;
}

double number(const Run &run, const char *stage, const char *key)
{
    return run.stages.value(QString::fromLatin1(stage)).value(QString::fromLatin1(key)).toDouble();
}

bool dropPageCache()
{
    sync();
    QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
    return drop.open(QIODevice::WriteOnly) && drop.write("3\n") == 2;
}

struct Stats {
    double min = 0, p50 = 0, p90 = 0, max = 0;
};

Stats stats(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(q * double(v.size() - 1) + 0.5)));
    };
    return { v.first(), at(0.5), at(0.9), v.last() };
}

void row(const char *what, int n, const Stats &s, const char *unit, const char *goal)
{
    std::printf("| %-52s | %3d | %8.1f | %8.1f | %8.1f | %8.1f | %-3s | %-9s |\n", what, n, s.min,
        s.p50, s.p90, s.max, unit, goal);
}

// "1.20 0.90 0.75": the 1, 5 and 15 minute load averages, printed with the figures.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

// Runs the app `runs` times; prints the start-up rows; returns the runs.
QList<Run> startups(const QString &app, const QString &dataDir, int runs, bool cold)
{
    QList<Run> out;
    for (int i = 0; i < runs; ++i) {
        if (cold && !dropPageCache())
            return out;
        Run run = runApp(app, dataDir, QStringLiteral("1"));
        if (!run.ok) {
            std::fprintf(stderr, "bench_startup: the app did not report a painted inbox:\n%s\n",
                qPrintable(run.errors));
            std::exit(1);
        }
        out.append(run);
    }
    QList<double> spawn, exec, init, open, rss, hwm, pss;
    for (const Run &r : std::as_const(out)) {
        spawn.append(r.spawnToPaintMs);
        exec.append(number(r, "inbox-painted", "since-exec-ms"));
        init.append(number(r, "inbox-painted", "since-static-init-ms"));
        open.append(number(r, "conversation-painted", "open-ms"));
        rss.append(number(r, "memory", "rss-kb") / 1024);
        hwm.append(number(r, "memory", "hwm-kb") / 1024);
        pss.append(number(r, "memory", "pss-kb") / 1024);
    }
    const int n = int(out.size());
    const char *cache = cold ? "cold cache" : "warm cache";
    const QByteArray title = QByteArray("start -> painted inbox, ") + cache;
    row(title.constData(), n, stats(spawn), "ms", "< 500");
    row("  (the same from the kernel's start time, 10 ms ticks)", n, stats(exec), "ms", "");
    row("  (of which main()'s static init -> painted inbox)", n, stats(init), "ms", "");
    // The whole window's work on a click (bench_ui times the message view alone against its goal).
    const QByteArray openTitle = QByteArray("open the first conversation -> painted, ") + cache;
    row(openTitle.constData(), n, stats(open), "ms", "");
    if (!cold) {
        row("RSS, inbox + conversation open, 1 s later", n, stats(rss), "MB", "< 150");
        row("  peak RSS (VmHWM)", n, stats(hwm), "MB", "");
        row("  PSS", n, stats(pss), "MB", "");
    }
    return out;
}

void webView(const QString &app, const QString &dataDir, int runs)
{
    QList<double> open, appRss, appDelta, childRss, childPss, total, closed;
    QString kinds;
    for (int i = 0; i < runs; ++i) {
        const Run r = runApp(app, dataDir, QStringLiteral("webview"));
        if (r.stages.value(QStringLiteral("webview-memory")).isEmpty()) {
            std::fprintf(
                stderr, "bench_startup: the web view run failed:\n%s\n", qPrintable(r.errors));
            return;
        }
        open.append(number(r, "webview-loaded", "open-ms"));
        appRss.append(number(r, "webview-memory", "rss-kb") / 1024);
        appDelta.append(number(r, "webview-memory", "rss-delta-kb") / 1024);
        childRss.append(number(r, "webview-memory", "children-rss-kb") / 1024);
        childPss.append(number(r, "webview-memory", "children-pss-kb") / 1024);
        total.append(
            (number(r, "webview-memory", "pss-kb") + number(r, "webview-memory", "children-pss-kb"))
            / 1024);
        closed.append((number(r, "webview-closed-memory", "pss-kb")
                          + number(r, "webview-closed-memory", "children-pss-kb"))
            / 1024);
        kinds = r.stages.value(QStringLiteral("webview-memory"))
                    .value(QStringLiteral("children-pss"));
    }
    const int n = int(runs);
    row("web view: open login window -> about:blank loaded", n, stats(open), "ms", "");
    row("web view: app RSS with the login window open", n, stats(appRss), "MB", "");
    row("web view: app RSS delta (opening the login window)", n, stats(appDelta), "MB", "");
    row("web view: processes below the app, RSS sum", n, stats(childRss), "MB", "");
    row("web view: processes below the app, PSS sum", n, stats(childPss), "MB", "");
    row("web view: app + processes below it, PSS", n, stats(total), "MB", "");
    row("web view closed, 1 s later: app + below, PSS", n, stats(closed), "MB", "");
    std::printf("(children of the last run, type:PSS: %s)\n", qPrintable(kinds));
}

// PSS in MB of `pid` and of every process below it but the sandbox (inlet-sandbox, the fake
// Instagram, is not the app's cost); `kinds` gets name:PSS of each process below it.
double treePssMb(qint64 pid, QString *kinds)
{
    const auto pssKb = [](const QString &p) {
        return double(app::processtree::kb(QStringLiteral("/proc/%1/smaps_rollup").arg(p), "Pss"));
    };
    double kb = pssKb(QString::number(pid));
    QStringList parts;
    for (const QString &child : app::processtree::descendants(pid)) {
        const QString kind = app::processtree::kind(child);
        if (kind == QLatin1String("inlet-sandbox"))
            continue;
        const double childKb = pssKb(child);
        kb += childKb;
        parts << QStringLiteral("%1:%2MB").arg(kind).arg(childKb / 1024, 0, 'f', 0);
    }
    if (kinds)
        *kinds = parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(','));
    return kb / 1024;
}

// `inlet --sandbox-demo` on a fresh profile: the consent page, Allow, signed in.
void signIn(const QString &app, int runs)
{
    QList<double> open, after;
    QString openKinds, afterKinds;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir profile;
        const quint16 devTools = test::useDevToolsPort(); // the login window inherits it
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(app,
            { QStringLiteral("--sandbox-demo"), QStringLiteral("--session-only-secrets"),
                QStringLiteral("--data-dir"), profile.path() });
        const auto consent = [&] {
            return !test::devToolsPage(devTools, QStringLiteral("/oauth/authorize")).isEmpty();
        };
        bool ok = process.waitForStarted() && QTest::qWaitFor(consent, 60'000);
        if (ok) {
            QTest::qWait(1000);
            open.append(treePssMb(process.processId(), &openKinds));
            ok = test::allowInLoginWindow(devTools, 15'000)
                && QTest::qWaitFor([&] { return !consent(); }, 30'000);
        }
        if (ok) {
            QTest::qWait(3000); // the code exchange, the window's process ends, the backfill starts
            after.append(treePssMb(process.processId(), &afterKinds));
        }
        process.terminate();
        if (!process.waitForFinished(10'000))
            process.kill();
        process.waitForFinished();
        if (!ok) {
            std::fprintf(stderr, "bench_startup: the sandbox sign-in did not go through\n");
            return;
        }
    }
    row("sign-in: consent page shown, app + children, PSS", runs, stats(open), "MB", "");
    row("sign-in: 3 s after it, app + children, PSS", runs, stats(after), "MB", "");
    std::printf("(below the app, but the sandbox, in the last run: consent %s; after %s)\n",
        qPrintable(openKinds), qPrintable(afterKinds));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 15;
    bool cold = true;
    bool signInOnly = false;
    QString appPath
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../src/app/inlet"));
    QString dir = qEnvironmentVariable("INLET_BENCH_DIR");
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--runs") && !args.isEmpty())
            runs = std::max(1, args.takeFirst().toInt());
        else if (a == QLatin1String("--app") && !args.isEmpty())
            appPath = args.takeFirst();
        else if (a == QLatin1String("--no-cold"))
            cold = false;
        else if (a == QLatin1String("--sign-in-only"))
            signInOnly = true;
        else
            dir = a;
    }
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("inlet-bench-startup"));
    if (!QFileInfo(appPath).isExecutable()) {
        std::fprintf(stderr,
            "bench_startup: no app at %s (build the 'inlet' target or pass --app)\n",
            qPrintable(appPath));
        return 1;
    }
    if (signInOnly) { // needs no database: the app before and after a change, quickly
        std::printf("app %s, load average %s\n", qPrintable(QFileInfo(appPath).canonicalFilePath()),
            qPrintable(loadAverage()));
        signIn(appPath, runs);
        return 0;
    }
    const QString path = Database::pathInDataDir(dir);
    if (bench::existingMessages(path) != 1'000'000) {
        std::printf("building the benchmark database in %s ...\n", qPrintable(dir));
        bench::BigDatabaseOptions options;
        options.skewed = true;
        bench::buildBigDatabase(dir, options);
    }
    const QByteArray platform = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        ? QByteArray("offscreen")
        : qgetenv("QT_QPA_PLATFORM");
    std::printf("app %s, platform %s, database %s (%.0f MB), load average %s\n",
        qPrintable(QFileInfo(appPath).canonicalFilePath()), platform.constData(), qPrintable(path),
        QFileInfo(path).size() / 1048576.0, qPrintable(loadAverage()));

    std::printf("\n| %-52s | %3s | %8s | %8s | %8s | %8s | %-3s | %-9s |\n", "measure", "n", "min",
        "p50", "p90", "max", "", "goal");
    std::printf("|%s|-----|----------|----------|----------|----------|-----|-----------|\n",
        QByteArray(54, '-').constData());
    (void)runApp(
        appPath, dir, QStringLiteral("1")); // warms the page cache, creates the profile files
    startups(appPath, dir, runs, false);
    if (cold) {
        if (dropPageCache())
            startups(appPath, dir, runs, true);
        else
            std::printf("| (cold cache: not measured, /proc/sys/vm/drop_caches is not writable: "
                        "run as root) |\n");
    }
    webView(appPath, dir, 3);
    signIn(appPath, 3);
    std::printf("load average at the end: %s\n", qPrintable(loadAverage()));
    return 0;
}
