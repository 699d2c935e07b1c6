#include "app/shell/sandboxcontroller.h"
#include "sandbox/sandboxoptions.h"
#include "support/sandboxarguments.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cstring>

using namespace inlet::app;

namespace {

QStringList quiet()
{
    inlet::sandbox::SandboxOptions options;
    options.customers = 1;
    options.eventsPerMinute = 0;
    return inlet::test::sandboxArguments(options);
}

// Whether something accepts connections on 127.0.0.1:port.
bool answers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

// `tst_sandboxcontroller --as-app DIR`: a stand-in for the app, in its own process. It starts the
// sandbox through SandboxController, prints "<base url> <sandbox pid>" and waits to be killed.
int runAsApp(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QSettings settings(QDir(QString::fromLocal8Bit(argv[2])).filePath(QStringLiteral("inlet.ini")),
        QSettings::IniFormat);
    SandboxController controller(nullptr, quiet());
    controller.keepInProfile(QString::fromLocal8Bit(argv[2]), &settings);
    QObject::connect(&controller, &SandboxController::ready, &app, [&controller](const QUrl &url) {
        QTextStream(stdout) << url.toString() << ' ' << controller.processId() << Qt::endl;
    });
    QObject::connect(&controller, &SandboxController::failed, &app, [](const QString &message) {
        QTextStream(stderr) << message << Qt::endl;
        QCoreApplication::exit(1);
    });
    controller.ensureStarted();
    return QCoreApplication::exec();
}

} // namespace

// The app's sandbox is the inlet-sandbox executable in a child process (the app does not link the
// sandbox): found in a documented order, its port kept in the profile (a free one when the kept
// one is taken), its state file in the data, and it never outlives the app, killed or not.
class TestSandboxController : public QObject {
    Q_OBJECT
private slots:
    void keepsItsPortAndFallsBackWhenTaken()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
        quint16 first = 0;
        QElapsedTimer quitting;
        {
            SandboxController controller(nullptr, quiet());
            controller.keepInProfile(dir.path(), &settings);
            QSignalSpy ready(&controller, &SandboxController::ready);
            controller.ensureStarted();
            QVERIFY(ready.wait(10000));
            first = quint16(controller.baseUrl().port());
            QVERIFY(controller.processId() > 0);
            QVERIFY(controller.processId() != QCoreApplication::applicationPid());
            QCOMPARE(settings.value(QStringLiteral("sandbox/port")).toUInt(), uint(first));
            QCOMPARE(controller.stateFile(), SandboxController::stateFilePath(dir.path()));
            quitting.start();
        }
        // Quitting stopped it, through the end of its stdin (a kill would come only after 5 s).
        QVERIFY2(quitting.elapsed() < 4000, qPrintable(QString::number(quitting.elapsed())));
        QVERIFY(!answers(first));
        {
            SandboxController controller(nullptr, quiet());
            controller.keepInProfile(dir.path(), &settings);
            QSignalSpy ready(&controller, &SandboxController::ready);
            controller.ensureStarted();
            QVERIFY(ready.wait(10000));
            QCOMPARE(quint16(controller.baseUrl().port()), first);
        }
        QTcpServer squatter; // another program took the port while Inlet was closed
        QVERIFY(squatter.listen(QHostAddress::LocalHost, first));
        {
            SandboxController controller(nullptr, quiet());
            controller.keepInProfile(dir.path(), &settings);
            QSignalSpy ready(&controller, &SandboxController::ready);
            QSignalSpy failed(&controller, &SandboxController::failed);
            controller.ensureStarted();
            QVERIFY(ready.wait(10000));
            QCOMPARE(failed.count(), 0);
            const quint16 other = quint16(controller.baseUrl().port());
            QVERIFY(other != first);
            QCOMPARE(settings.value(QStringLiteral("sandbox/port")).toUInt(), uint(other));
        }
    }

    // A killed (or crashed) app cannot stop its child: the sandbox notices that the pipe on its
    // stdin closed and stops by itself.
    void doesNotOutliveAKilledApp()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("--as-app"), dir.path() });
        QVERIFY(app.waitForStarted(5000));
        QVERIFY(QTest::qWaitFor([&app] { return app.canReadLine(); }, 15000));
        const QStringList line = QString::fromUtf8(app.readLine()).trimmed().split(u' ');
        QCOMPARE(line.size(), 2);
        const QUrl base(line.first());
        QVERIFY(base.port() > 0);
        QVERIFY(line.last().toLongLong() > 0);
        QVERIFY(answers(quint16(base.port())));

        app.kill(); // SIGKILL: no destructor runs in the app
        QVERIFY(app.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!answers(quint16(base.port())), 10000);
    }

    // $INLET_SANDBOX, else beside the app's executable, else the build tree's src/sandbox (from
    // build/src/app or build/tests).
    void findsTheExecutableInTheDocumentedOrder()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const auto makeProgram = [&root](const QString &relative) {
            const QString path = root.filePath(relative);
            QDir().mkpath(QFileInfo(path).path());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write("#!/bin/sh\n");
            file.close();
            file.setPermissions(file.permissions() | QFile::ExeOwner);
            return QFileInfo(path).absoluteFilePath();
        };
        const QString appDir = root.filePath(QStringLiteral("build/src/app"));
        const QString testsDir = root.filePath(QStringLiteral("build/tests"));
        QDir().mkpath(appDir);
        QDir().mkpath(testsDir);

        QStringList looked;
        QVERIFY(SandboxController::findExecutable({}, appDir, &looked).isEmpty());
        QCOMPARE(looked.size(), 3);
        QVERIFY(looked.first().endsWith(QStringLiteral("inlet-sandbox")));

        const QString built = makeProgram(QStringLiteral("build/src/sandbox/inlet-sandbox"));
        QCOMPARE(SandboxController::findExecutable({}, appDir), built);
        QCOMPARE(SandboxController::findExecutable({}, testsDir), built);

        const QString beside = makeProgram(QStringLiteral("build/src/app/inlet-sandbox"));
        QCOMPARE(SandboxController::findExecutable({}, appDir), beside);

        const QString chosen = makeProgram(QStringLiteral("elsewhere/my-sandbox"));
        QCOMPARE(SandboxController::findExecutable(chosen, appDir), chosen);
        // A wrong override is not silently replaced by another program.
        QVERIFY(SandboxController::findExecutable(
            root.filePath(QStringLiteral("nope")), appDir, &looked)
                    .isEmpty());
        QCOMPARE(looked, QStringList { root.filePath(QStringLiteral("nope")) });
    }

    void missingExecutableFailsWithAReason()
    {
        qputenv("INLET_SANDBOX", "/nonexistent/inlet-sandbox");
        SandboxController controller(nullptr, quiet());
        QSignalSpy failed(&controller, &SandboxController::failed);
        QSignalSpy ready(&controller, &SandboxController::ready);
        controller.ensureStarted();
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        qunsetenv("INLET_SANDBOX");
        QVERIFY(failed.first().first().toString().contains(
            QStringLiteral("/nonexistent/inlet-sandbox")));
        QCOMPARE(ready.count(), 0);
        QVERIFY(!controller.isRunning());
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--as-app") == 0)
        return runAsApp(argc, argv);
    QApplication app(argc, argv);
    TestSandboxController test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandboxcontroller.moc"
