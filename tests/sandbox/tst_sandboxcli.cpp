// The inlet-sandbox executable: base URL first on stdout, options applied, clean stop on SIGTERM;
// and SandboxHost running a sandbox on its own thread.
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxtestclient.h"

#include <QProcess>
#include <QSignalSpy>
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
