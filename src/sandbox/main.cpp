// inlet-sandbox: the local stand-in for Instagram, as a process. The first line on stdout is the
// base URL; logs go to stderr. SIGTERM / SIGINT stop it cleanly, and so does the end of stdin
// with --exit-with-stdin (how the app ties it to its own life: app/shell/sandboxcontroller.h).
#include "common/logging.h"
#include "common/quitonsignal.h"
#include "sandbox/sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#include <thread>
#else
#include <QSocketNotifier>

#include <unistd.h>
#endif

namespace {

// Quits the event loop when stdin reaches its end: the parent closed the pipe, or died (the
// kernel closes its end then, even after SIGKILL or a crash). Whatever arrives on stdin is read
// and ignored.
void exitWithStdin(QCoreApplication *app)
{
#ifdef Q_OS_WIN
    std::thread([app] {
        char buffer[256];
        while (_read(0, buffer, sizeof buffer) > 0) { }
        QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
    }).detach();
#else
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app, notifier] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            notifier->setEnabled(false);
            app->quit();
        }
    });
#endif
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inlet-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INLET_VERSION)); // project(VERSION)

    using inlet::sandbox::SandboxOptions;
    SandboxOptions options;
    QCommandLineParser parser;
    // Keep in sync with packaging/man/inlet-sandbox.1 (tests/packaging/tst_manpages.cpp checks).
    parser.setApplicationDescription(QStringLiteral(
        "A local stand-in for Instagram's Login, Graph and webhooks, on 127.0.0.1 only.\n\n"
        "The first line on stdout is the base URL; logs go to stderr. SIGTERM or SIGINT stop it.\n"
        "Control API and endpoints: /usr/share/doc/inlet/sandbox.md or docs/sandbox.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0: a free one)."),
                                  QStringLiteral("N"), QString::number(options.port));
    const QCommandLineOption appId(QStringLiteral("app-id"),
        QStringLiteral("Instagram App ID (OAuth)."), QStringLiteral("ID"), options.appId);
    const QCommandLineOption appSecret(QStringLiteral("app-secret"),
        QStringLiteral("Instagram App Secret (OAuth)."), QStringLiteral("S"), options.appSecret);
    const QCommandLineOption metaAppId(QStringLiteral("meta-app-id"),
        QStringLiteral("Meta app's App ID (app token for /{app-id}/subscriptions)."),
        QStringLiteral("ID"), options.metaAppId);
    const QCommandLineOption metaAppSecret(QStringLiteral("meta-app-secret"),
        QStringLiteral("Meta app's App Secret (app token, webhook signatures)."),
        QStringLiteral("S"), options.metaAppSecret);
    const QCommandLineOption businessId(QStringLiteral("business-id"),
                                        QStringLiteral("IG user id of the sandbox business account."),
                                        QStringLiteral("IG_USER_ID"), options.businessId);
    const QCommandLineOption customers(QStringLiteral("customers"), QStringLiteral("Number of simulated customers."),
                                       QStringLiteral("N"), QString::number(options.customers));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Simulated customer events per minute (0: off)."),
                                  QStringLiteral("EVENTS_PER_MIN"), QString::number(options.eventsPerMinute));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the demo world."), QStringLiteral("N"),
                                  QString::number(options.seed));
    const QCommandLineOption stateFile(QStringLiteral("state-file"),
                                       QStringLiteral("Keep issued tokens (by hash), clock and ids in FILE across restarts."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption withStdin(QStringLiteral("exit-with-stdin"),
        QStringLiteral("Stop when stdin closes (a parent process that ends closes it)."));
    parser.addOptions({ port, appId, appSecret, metaAppId, metaAppSecret, businessId, customers,
        rate, seed, stateFile, withStdin });
    parser.process(app);

    bool ok = true;
    auto number = [&](const QCommandLineOption &option, auto convert) {
        bool valid = false;
        const auto value = convert(parser.value(option), &valid);
        if (!valid) {
            QTextStream(stderr) << "inlet-sandbox: invalid value for --" << option.names().first() << '\n';
            ok = false;
        }
        return value;
    };
    options.port = number(port, [](const QString &s, bool *v) { return s.toUShort(v); });
    options.customers = number(customers, [](const QString &s, bool *v) { return s.toInt(v); });
    options.eventsPerMinute = number(rate, [](const QString &s, bool *v) { return s.toDouble(v); });
    options.seed = number(seed, [](const QString &s, bool *v) { return s.toUInt(v); });
    options.appId = parser.value(appId);
    options.appSecret = parser.value(appSecret);
    options.metaAppId = parser.value(metaAppId);
    options.metaAppSecret = parser.value(metaAppSecret);
    options.businessId = parser.value(businessId);
    options.stateFile = parser.value(stateFile);
    if (!ok || options.customers < 0 || options.eventsPerMinute < 0)
        return 2;

    if (!inlet::quitOnTerminationSignals("inlet-sandbox")) {
        std::perror("socketpair");
        return 1;
    }

    if (parser.isSet(withStdin))
        exitWithStdin(&app);

    inlet::sandbox::Sandbox sandbox(options);
    const auto url = sandbox.start();
    if (!url) {
        QTextStream(stderr) << url.error().message << '\n';
        return 1;
    }
    {
        QTextStream out(stdout);
        out << url->toString() << '\n';
        out.flush();
    }
    std::fflush(stdout);
    return app.exec();
}
