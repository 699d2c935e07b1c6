#pragma once

// The real inlet-server executable for a test (header only): serving processes (one or several,
// killed with SIGKILL by their destructor if still running) and its administration commands, on
// a PgCluster's team database with the sandbox as Instagram.
#include "sandbox/sandboxtestclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QUrl>

#include <memory>

namespace inlet::teamtest {

inline QString serverBinary()
{
    return QStringLiteral(INLET_BINARY_DIR "/src/server/inlet-server");
}

// One inlet-server process.
struct ServerProcess {
    QProcess process;
    QUrl webhook;
    QByteArray log; // its stderr so far

    ~ServerProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    void sigkill()
    {
        process.kill();
        process.waitForFinished(5000);
    }
};

// How the tests start inlet-server: on the cluster's port and database, with a credentials
// directory, the sandbox as every Instagram host, short polls and a short send lease, and no
// catch-up (it would read the sandbox's whole demo world and use up the faults a test sets for
// its own calls) unless `extra` asks for one (--catch-up-s N: the last value counts).
struct ServerLauncher {
    int dbPort = 0;
    QString dbName;
    QString credentialsDir;
    QUrl sandboxUrl;
    int workers = 0;
    QString binary = serverBinary(); // another build's, to compare (the benchmarks' --server)

    QStringList connectionArguments() const
    {
        return { QStringLiteral("--db-port"), QString::number(dbPort), QStringLiteral("--db-name"),
            dbName, QStringLiteral("--credentials-dir"), credentialsDir };
    }

    // Starts a serving process and waits for its "webhook: URL" line; null when it did not start.
    std::unique_ptr<ServerProcess> start(const QStringList &extra = {})
    {
        auto server = std::make_unique<ServerProcess>();
        server->process.setProgram(binary);
        server->process.setArguments(connectionArguments()
            + QStringList { QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--graph-base"), sandboxUrl.toString(), QStringLiteral("--poll-ms"),
                QStringLiteral("200"), QStringLiteral("--send-lease-ms"), QStringLiteral("300"),
                QStringLiteral("--worker-id"), QStringLiteral("test-worker-%1").arg(++workers),
                QStringLiteral("--catch-up-s"), QStringLiteral("0") }
            + extra);
        server->process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&server->process, &QProcess::readyReadStandardError, &server->process,
            [s = server.get()] { s->log += s->process.readAllStandardError(); });
        server->process.start();
        if (!server->process.waitForStarted(10000))
            return nullptr;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 20000
            && server->process.state() == QProcess::Running) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            server->process.waitForReadyRead(50);
            out += server->process.readAllStandardOutput();
        }
        if (!out.startsWith("webhook: ")) {
            qWarning("inlet-server did not start: %s %s", out.constData(), server->log.constData());
            return nullptr;
        }
        server->webhook = QUrl(QString::fromUtf8(out.mid(9).trimmed()));
        return server;
    }

    // Runs an administration command with `stdinData`; its exit status (-1: crashed).
    int admin(const QStringList &command, const QByteArray &stdinData, QByteArray *out) const
    {
        QProcess p;
        p.start(serverBinary(), connectionArguments() + command);
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        if (out)
            *out = p.readAllStandardOutput();
        if (p.exitCode() != 0)
            qWarning("admin %s: %s", qPrintable(command.join(QLatin1Char(' '))),
                p.readAllStandardError().constData());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // The credentials directory a test's server reads: the database password, the Meta app's
    // secret, the webhook verify token ("verify-me") and, when given, the Instagram app's secret.
    static bool writeCredentials(const QString &dir, const QByteArray &dbPassword,
        const QByteArray &metaAppSecret, const QByteArray &instagramAppSecret = {})
    {
        return writeSecret(dir + QStringLiteral("/db-password"), dbPassword)
            && writeSecret(dir + QStringLiteral("/meta-app-secret"), metaAppSecret)
            && writeSecret(dir + QStringLiteral("/webhook-verify-token"), "verify-me")
            && (instagramAppSecret.isEmpty()
                || writeSecret(dir + QStringLiteral("/instagram-app-secret"), instagramAppSecret));
    }
    // A secret file as the server wants one (mode 600).
    static bool writeSecret(const QString &path, const QByteArray &value)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return f.write(value + '\n') > 0;
    }
};

// Points the sandbox's Meta app callback at `webhook` as Meta's dashboard would (verify token
// "verify-me", the sandbox's Meta app): the answer's HTTP status.
inline int pointAppCallbackAt(test::SandboxTestClient &client, const QUrl &webhook,
    const QByteArray &metaAppSecret = "sandbox-meta-app-secret")
{
    const QString metaApp = QStringLiteral("2000000000000002");
    return client
        .postForm(QStringLiteral("/%1/subscriptions").arg(metaApp),
            { { QStringLiteral("object"), QStringLiteral("instagram") },
                { QStringLiteral("callback_url"), webhook.toString() },
                { QStringLiteral("fields"), QStringLiteral("messages") },
                { QStringLiteral("verify_token"), QStringLiteral("verify-me") },
                { QStringLiteral("access_token"),
                    metaApp + QLatin1Char('|') + QString::fromUtf8(metaAppSecret) } })
        .status;
}

} // namespace inlet::teamtest
