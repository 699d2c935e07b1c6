// The inlet-sandbox executable: base URL first on stdout, options applied, clean stop on SIGTERM;
// and SandboxHost running a sandbox on its own thread.
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxtestclient.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

class TestSandboxCli : public QObject {
    Q_OBJECT

private slots:
    void printsBaseUrlFirstAndStopsOnSigterm()
    {
        QProcess process;
        process.setProgram(QStringLiteral(INLET_BINARY_DIR) + QStringLiteral("/src/sandbox/inlet-sandbox"));
        process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--customers"), QStringLiteral("7"),
                              QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--app-id"), QStringLiteral("4242"),
                              QStringLiteral("--business-id"), QStringLiteral("17841400000000777"), QStringLiteral("--seed"), QStringLiteral("9")});
        process.start();
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        const QString first = QString::fromUtf8(process.readLine()).trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+$")).match(first).hasMatch(), qPrintable(first));

        SandboxTestClient client{QUrl(first)};
        const HttpResult state = client.get(QStringLiteral("/__sandbox/state"));
        QCOMPARE(state.status, 200);
        QCOMPARE(state.json().value(QStringLiteral("customers")).toInt(), 7);
        const HttpResult app = client.get(QStringLiteral("/__sandbox/app"));
        QCOMPARE(app.json().value(QStringLiteral("app_id")).toString(), QStringLiteral("4242"));
        QCOMPARE(app.json().value(QStringLiteral("business_id")).toString(), QStringLiteral("17841400000000777"));

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        // Logs never went to stdout.
        QVERIFY(process.readAllStandardOutput().trimmed().isEmpty());
    }

    // --exit-with-stdin: the end of stdin is a clean stop (the app's pipe closes when the app ends,
    // even killed); the state file is written on the way out.
    void exitWithStdinStopsCleanlyWhenStdinCloses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        QProcess process;
        process.setProgram(
            QStringLiteral(INLET_BINARY_DIR) + QStringLiteral("/src/sandbox/inlet-sandbox"));
        process.setArguments({ QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--state-file"),
            stateFile, QStringLiteral("--exit-with-stdin") });
        process.start();
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        SandboxTestClient client { QUrl(QString::fromUtf8(process.readLine()).trimmed()) };
        process.write("anything on stdin is ignored\n");
        QVERIFY(process.waitForBytesWritten(5000));
        QCOMPARE(client.get(QStringLiteral("/__sandbox/state")).status, 200); // still running
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(stateFile));
    }

    // --state-file: a token issued by one run of the executable is still valid in the next one.
    void stateFileKeepsTokensAcrossRestarts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        QString token;
        for (int run = 0; run < 2; ++run) {
            QProcess process;
            process.setProgram(QStringLiteral(INLET_BINARY_DIR) + QStringLiteral("/src/sandbox/inlet-sandbox"));
            process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--rate"), QStringLiteral("0"),
                                  QStringLiteral("--state-file"), stateFile});
            process.start();
            QVERIFY(process.waitForStarted(5000));
            QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
            SandboxTestClient client{QUrl(QString::fromUtf8(process.readLine()).trimmed())};
            if (run == 0) {
                const QJsonObject app = client.get(QStringLiteral("/__sandbox/app")).json();
                const QString redirect = QStringLiteral("http://127.0.0.1:5000/cb");
                const HttpResult consent = client.postJson(
                    QStringLiteral("/__sandbox/consent"),
                    {{QStringLiteral("client_id"), app.value(QStringLiteral("app_id"))},
                     {QStringLiteral("redirect_uri"), redirect},
                     {QStringLiteral("scope"), QStringLiteral("instagram_business_basic,instagram_business_manage_messages")},
                     {QStringLiteral("state"), QStringLiteral("s")}});
                QCOMPARE(consent.status, 200);
                const HttpResult exchanged = client.postForm(
                    QStringLiteral("/oauth/access_token"),
                    {{QStringLiteral("client_id"), app.value(QStringLiteral("app_id")).toString()},
                     {QStringLiteral("client_secret"), app.value(QStringLiteral("app_secret")).toString()},
                     {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("redirect_uri"), redirect},
                     {QStringLiteral("code"), consent.json().value(QStringLiteral("code")).toString()}});
                QCOMPARE(exchanged.status, 200);
                token = exchanged.json().value(QStringLiteral("access_token")).toString();
                QVERIFY(!token.isEmpty());
            }
            QCOMPARE(client.get(QStringLiteral("/me?fields=user_id,username"), token).status, 200);
            ::kill(pid_t(process.processId()), SIGTERM);
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(process.exitCode(), 0);
            QFile file(stateFile);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains(token.toUtf8())); // by hash only
        }
    }

    void invalidOptionIsRefused()
    {
        QProcess process;
        process.start(QStringLiteral(INLET_BINARY_DIR) + QStringLiteral("/src/sandbox/inlet-sandbox"),
                      {QStringLiteral("--port"), QStringLiteral("notaport")});
        QVERIFY(process.waitForFinished(10000));
        QVERIFY(process.exitCode() != 0);
    }

    void hostRunsTheSandboxOnItsOwnThread()
    {
        SandboxHost host;
        QSignalSpy started(&host, &SandboxHost::started);
        SandboxOptions options;
        options.customers = 3;
        options.eventsPerMinute = 0;
        host.start(options);
        QVERIFY(started.wait(10000));
        const QUrl url = started.first().first().toUrl();
        QCOMPARE(host.baseUrl(), url);
        SandboxTestClient client{url};
        QCOMPARE(client.get(QStringLiteral("/__sandbox/state")).json().value(QStringLiteral("customers")).toInt(), 3);
        host.stop();
        QVERIFY(!host.isRunning());
        QCOMPARE(client.get(QStringLiteral("/__sandbox/state")).status, 0);
    }

    void hostReportsABusyPort()
    {
        SandboxHost first;
        QSignalSpy started(&first, &SandboxHost::started);
        SandboxOptions options;
        options.customers = 1;
        options.eventsPerMinute = 0;
        first.start(options);
        QVERIFY(started.wait(10000));
        SandboxHost second;
        QSignalSpy failed(&second, &SandboxHost::failed);
        options.port = quint16(first.baseUrl().port());
        second.start(options);
        QVERIFY(failed.wait(10000));
    }

    void simulatedCustomersAct()
    {
        SandboxHost host;
        QSignalSpy started(&host, &SandboxHost::started);
        SandboxOptions options;
        options.customers = 5;
        options.eventsPerMinute = 0;
        host.start(options);
        QVERIFY(started.wait(10000));
        SandboxTestClient client{host.baseUrl()};
        const int before = client.get(QStringLiteral("/__sandbox/state")).json().value(QStringLiteral("messages")).toInt();
        QCOMPARE(client.control(QStringLiteral("simulator"), {{QStringLiteral("rate"), 3000}}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(client.get(QStringLiteral("/__sandbox/simulator")).json().value(QStringLiteral("actions")).toInt() >= 10, 10000);
        client.control(QStringLiteral("simulator"), {{QStringLiteral("rate"), 0}});
        const int after = client.get(QStringLiteral("/__sandbox/state")).json().value(QStringLiteral("messages")).toInt();
        QVERIFY(after != before);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
