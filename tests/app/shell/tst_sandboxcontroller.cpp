#include "app/shell/sandboxcontroller.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet::app;

// The embedded sandbox kept in a profile: the port it got is saved and reused; a kept port that
// is taken meanwhile falls back to a free one (saved in its place); its state file is in the data.
class TestSandboxController : public QObject {
    Q_OBJECT
private:
    static inlet::sandbox::SandboxOptions quiet()
    {
        inlet::sandbox::SandboxOptions options;
        options.customers = 1;
        options.eventsPerMinute = 0;
        return options;
    }

private slots:
    void keepsItsPortAndFallsBackWhenTaken()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
        quint16 first = 0;
        {
            SandboxController controller(quiet());
            controller.keepInProfile(dir.path(), &settings);
            QSignalSpy ready(&controller, &SandboxController::ready);
            controller.ensureStarted();
            QVERIFY(ready.wait(10000));
            first = quint16(controller.baseUrl().port());
            QCOMPARE(settings.value(QStringLiteral("sandbox/port")).toUInt(), uint(first));
            QCOMPARE(controller.options().stateFile, SandboxController::stateFilePath(dir.path()));
        }
        {
            SandboxController controller(quiet());
            controller.keepInProfile(dir.path(), &settings);
            QSignalSpy ready(&controller, &SandboxController::ready);
            controller.ensureStarted();
            QVERIFY(ready.wait(10000));
            QCOMPARE(quint16(controller.baseUrl().port()), first);
        }
        QTcpServer squatter; // another program took the port while Inlet was closed
        QVERIFY(squatter.listen(QHostAddress::LocalHost, first));
        {
            SandboxController controller(quiet());
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
};

QTEST_MAIN(TestSandboxController)
#include "tst_sandboxcontroller.moc"
