#include "auth/tokenvault.h"
#include "core/graph/graphtestutil.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

using namespace inlet;
using inlet::test::await;

// TokenVault against a real gnome-keyring. Run inside a D-Bus session with an unlocked keyring:
//   HOME=$(mktemp -d) dbus-run-session -- sh -c 'echo | gnome-keyring-daemon --unlock
//     --components=secrets >/dev/null && ctest -R tst_tokenvault'      (one line)
// The "no keyring" and "locked keyring" cases run this executable again as a child process
// (INLET_VAULT_CHILD set) in an environment without a usable keyring.
class TestTokenVault : public QObject {
    Q_OBJECT
private:
    QString m_service;
    const QString m_child = qEnvironmentVariable("INLET_VAULT_CHILD");

    bool inChild() const { return !m_child.isEmpty(); }

    // Runs one test function of this executable in a child process; returns its exit code.
    int runChild(const QString &function, const QString &mode, const QStringList &wrapper,
                 QProcessEnvironment environment, QByteArray *output)
    {
        environment.insert(QStringLiteral("INLET_VAULT_CHILD"), mode);
        environment.insert(QStringLiteral("INLET_VAULT_SERVICE"), m_service);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments = wrapper;
        arguments << QCoreApplication::applicationFilePath() << function;
        const QString program = arguments.takeFirst();
        process.start(program, arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }

private slots:
    void initTestCase()
    {
        m_service = qEnvironmentVariable("INLET_VAULT_SERVICE");
        if (m_service.isEmpty())
            m_service = QStringLiteral("inlet-test-%1").arg(QRandomGenerator::system()->generate());
        if (!inChild() && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with an unlocked gnome-keyring (see the comment above)");
    }

    void roundTrip()
    {
        if (inChild())
            QSKIP("parent only");
        TokenVault vault(m_service);
        const QString key = TokenVault::accountKey(QStringLiteral("17841400000000001"));
        QCOMPARE(key, QStringLiteral("account/17841400000000001"));
        const auto written = await(vault.write(key, QStringLiteral("IGAAfirst+token/=")));
        QVERIFY(written);
        QVERIFY2(*written, written->has_value() ? "" : qPrintable(written->error().message));
        auto read = await(vault.read(key));
        QVERIFY(read && *read);
        QCOMPARE(**read, QStringLiteral("IGAAfirst+token/="));
        // Overwrite.
        QVERIFY(await(vault.write(key, QStringLiteral("IGAAsecond")))->has_value());
        read = await(vault.read(key));
        QCOMPARE(read->value_or(QString()), QStringLiteral("IGAAsecond"));
        // Another vault object (another run of the app) sees it too.
        TokenVault again(m_service);
        QCOMPARE(await(again.read(key))->value_or(QString()), QStringLiteral("IGAAsecond"));
    }

    void removeAndNotFound()
    {
        if (inChild())
            QSKIP("parent only");
        TokenVault vault(m_service);
        const QString key = TokenVault::appSecretKey(QStringLiteral("1000000000000001"));
        QVERIFY(await(vault.write(key, QStringLiteral("app-secret")))->has_value());
        QVERIFY(await(vault.remove(key))->has_value());
        const auto read = await(vault.read(key));
        QVERIFY(read && !*read);
        QCOMPARE(read->error().kind, Error::Kind::Keychain);
        QVERIFY(TokenVault::isNotFound(read->error()));
        QVERIFY(read->error().message.contains(QStringLiteral("locked")));
        // Removing what is not there is fine.
        QVERIFY(await(vault.remove(key))->has_value());
        const auto never = await(vault.read(QStringLiteral("account/never-written")));
        QVERIFY(never && !*never && TokenVault::isNotFound(never->error()));
    }

    void jobsRunInCallOrder()
    {
        if (inChild())
            QSKIP("parent only");
        TokenVault vault(m_service);
        const QString key = TokenVault::accountKey(QStringLiteral("order"));
        // All queued at once, none awaited in between.
        auto write = vault.write(key, QStringLiteral("one"));
        auto read = vault.read(key);
        auto remove = vault.remove(key);
        auto readAgain = vault.read(key);
        QVERIFY(!write.isFinished()); // asynchronous: nothing ran inside the call
        QVERIFY(await(write)->has_value());
        QCOMPARE(await(read)->value_or(QString()), QStringLiteral("one"));
        QVERIFY(await(remove)->has_value());
        QVERIFY(TokenVault::isNotFound(await(readAgain)->error()));
    }

    void sessionOnlyKeepsSecretsInMemory()
    {
        if (inChild())
            QSKIP("parent only");
        TokenVault vault(m_service);
        vault.setSessionOnlyFallback(true);
        const QString key = TokenVault::accountKey(QStringLiteral("memory"));
        QVERIFY(await(vault.write(key, QStringLiteral("IGAAmem")))->has_value());
        QCOMPARE(await(vault.read(key))->value_or(QString()), QStringLiteral("IGAAmem"));
        // The keyring was not touched.
        TokenVault keyring(m_service);
        QVERIFY(TokenVault::isNotFound(await(keyring.read(key))->error()));
        // Switching the mode off forgets the secrets.
        vault.setSessionOnlyFallback(false);
        vault.setSessionOnlyFallback(true);
        QVERIFY(TokenVault::isNotFound(await(vault.read(key))->error()));
    }

    void noKeyring()
    {
        if (inChild())
            QSKIP("parent only");
        // A D-Bus address where nothing listens: no secret service at all.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/inlet-test-bus"));
        QByteArray output;
        const int code = runChild(QStringLiteral("childNoKeyring"), QStringLiteral("nobackend"), {},
                                  environment, &output);
        QVERIFY2(code == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestTokenVault::childNoKeyring()"), output.constData());
    }

    void childNoKeyring()
    {
        if (m_child != QLatin1String("nobackend"))
            QSKIP("runs as a child of noKeyring()");
        TokenVault vault(m_service);
        const QString key = TokenVault::accountKey(QStringLiteral("nobackend"));
        const auto written = await(vault.write(key, QStringLiteral("IGAAx")));
        QVERIFY(written && !*written);
        QVERIFY2(TokenVault::isNoBackend(written->error()), qPrintable(written->error().message));
        const auto read = await(vault.read(key));
        QVERIFY(read && !*read);
        QVERIFY(TokenVault::isNoBackend(read->error()));
        // The manager chooses to keep the token for this session only.
        vault.setSessionOnlyFallback(true);
        QVERIFY(await(vault.write(key, QStringLiteral("IGAAx")))->has_value());
        QCOMPARE(await(vault.read(key))->value_or(QString()), QStringLiteral("IGAAx"));
    }

    void lockedKeyring()
    {
        if (inChild())
            QSKIP("parent only");
        const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        if (dbusRunSession.isEmpty())
            QSKIP("dbus-run-session is not installed");
        // Make sure the login keyring exists on disk (earlier tests wrote to it), then open a new
        // D-Bus session on the same HOME without unlocking it: the keyring is there but locked.
        TokenVault vault(m_service);
        const QString key = TokenVault::accountKey(QStringLiteral("locked"));
        QVERIFY(await(vault.write(key, QStringLiteral("IGAAlocked")))->has_value());

        // The child's keyring daemon needs its own runtime dir: with the parent's, it finds the
        // parent's daemon there ("discover_other_daemon"), hands over and never appears on the
        // child's bus, and every call times out instead of meeting a locked keyring.
        QTemporaryDir runtimeDir;
        QVERIFY(runtimeDir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
        QByteArray output;
        const int code = runChild(QStringLiteral("childLockedKeyring"), QStringLiteral("locked"),
                                  {dbusRunSession, QStringLiteral("--")}, env, &output);
        QVERIFY(await(vault.remove(key))->has_value());
        QVERIFY2(code == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestTokenVault::childLockedKeyring()"), output.constData());
    }

    void childLockedKeyring()
    {
        if (m_child != QLatin1String("locked"))
            QSKIP("runs as a child of lockedKeyring()");
        TokenVault vault(m_service);
        const QString key = TokenVault::accountKey(QStringLiteral("locked"));
        // A locked keyring reads like a missing entry...
        const auto read = await(vault.read(key), 30000);
        QVERIFY(read && !*read);
        QVERIFY2(TokenVault::isNotFound(read->error()), qPrintable(read->error().message));
        QVERIFY(read->error().message.contains(QStringLiteral("locked")));
        // ...and refuses writes with a distinct error the UI turns into "unlock or sign in".
        const auto written = await(vault.write(key, QStringLiteral("IGAAother")), 30000);
        QVERIFY(written && !*written);
        QVERIFY2(TokenVault::isLocked(written->error()), qPrintable(written->error().message));
        QVERIFY(written->error().message.contains(QStringLiteral("unlock")));
    }
};

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_tokenvault.moc"
