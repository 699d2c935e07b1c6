// Issue 10: `./inlet.sh demo` as root (a fresh container, VM or CI box) must start, show the
// sandbox's consent page and sign in. Chromium refuses to start as root with its sandbox on, and
// used to take the whole app down as soon as the login view was created; the other app tests
// never saw it, since they ran with QTWEBENGINE_DISABLE_SANDBOX=1 set for them.
//
// So this test runs the real executable (build/src/app/inlet) as a child process the way the README
// launches it: `inlet --sandbox-demo`, in its own D-Bus session with an unlocked, throw-away
// gnome-keyring (what inlet.sh's with_keyring does), WITHOUT QTWEBENGINE_DISABLE_SANDBOX or
// QTWEBENGINE_CHROMIUM_FLAGS. It presses Allow on the consent page through Chromium's remote
// debugging protocol (QTWEBENGINE_REMOTE_DEBUGGING), as a person would click it, and waits until
// the data dir's inlet.sqlite holds the account and its first conversations.
#include "app/login/chromiumsandbox.h"
#include "integration/e2esupport.h"
#include "store/guithread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace inlet;

namespace {

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// The web socket of the page whose URL contains `urlPart`, from Chromium's DevTools list.
QString devToolsPage(QNetworkAccessManager &network, quint16 port, const QString &urlPart)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(port)));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = network.get(request);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 3000);
    const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
    delete reply;
    for (const QJsonValue &target : targets) {
        const QJsonObject t = target.toObject();
        if (t.value(QStringLiteral("type")).toString() == QLatin1String("page")
            && t.value(QStringLiteral("url")).toString().contains(urlPart))
            return t.value(QStringLiteral("webSocketDebuggerUrl")).toString();
    }
    return {};
}

// Runtime.evaluate of `expression` in that page; its value, or an invalid variant.
QVariant evaluate(const QString &socketUrl, const QString &expression)
{
    QWebSocket socket;
    QVariant value;
    bool answered = false;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &message) {
        const QJsonObject reply = QJsonDocument::fromJson(message.toUtf8()).object();
        if (reply.value(QStringLiteral("id")).toInt() != 1)
            return;
        answered = true;
        value = reply.value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("value"))
                    .toVariant();
    });
    socket.open(QUrl(socketUrl));
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    const QJsonObject call { { QStringLiteral("id"), 1 },
        { QStringLiteral("method"), QStringLiteral("Runtime.evaluate") },
        { QStringLiteral("params"),
            QJsonObject { { QStringLiteral("expression"), expression } } } };
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
    (void)QTest::qWaitFor([&] { return answered; }, 5000);
    socket.close();
    return value;
}

} // namespace

class TestRootDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!app::runsAsRoot())
            QSKIP("runs only as root: it checks that the demo starts for root, where Chromium "
                  "refuses its sandbox (CI and fresh containers run as root; as a normal user "
                  "Chromium keeps its sandbox and tst_sandboxdemo covers the demo)");
        for (const char *tool : { "dbus-run-session", "gnome-keyring-daemon" }) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(
                    QStringLiteral("needs %1 (./inlet.sh installs it)").arg(QLatin1String(tool))));
        }
    }

    void demoStartsAsRootAndSignsIn()
    {
        QTemporaryDir dir;
        QTemporaryDir home;
        QVERIFY(dir.isValid() && home.isValid());
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral("runtime")));
        QVERIFY(QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const quint16 devTools = freePort();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"));
        env.remove(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("inlet.*.debug=false"));
        // Under ./inlet.sh asan the child's web view needs what asanwebengine.h gives the tests.
        if (env.contains(QStringLiteral("ASAN_OPTIONS")))
            env.insert(QStringLiteral("ASAN_OPTIONS"),
                env.value(QStringLiteral("ASAN_OPTIONS"))
                    + QStringLiteral(":new_delete_type_mismatch=0"));
        env.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"),
            QStringLiteral("127.0.0.1:%1").arg(devTools));

        // inlet.sh's with_keyring; the shell says its pid, which exec hands to inlet.
        QProcess process;
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("dbus-run-session"),
            { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo | gnome-keyring-daemon --unlock --components=secrets "
                               ">/dev/null && echo \"inlet pid $$\" && exec \"$@\""),
                QStringLiteral("sh"), test::inletBinary(), QStringLiteral("--sandbox-demo"),
                QStringLiteral("--data-dir"), dir.path() });
        QVERIFY(process.waitForStarted(10000));
        QByteArray output;
        qint64 pid = 0;
        const auto drain = [&] {
            output += process.readAll();
            if (pid == 0) {
                static const QRegularExpression line(QStringLiteral("inlet pid (\\d+)"));
                pid = line.match(QString::fromUtf8(output)).captured(1).toLongLong();
            }
        };
        const auto stop = qScopeGuard([&] {
            if (pid > 0)
                ::kill(pid_t(pid), SIGTERM);
            if (!process.waitForFinished(15000)) {
                if (pid > 0)
                    ::kill(pid_t(pid), SIGKILL);
                process.kill();
                process.waitForFinished(5000);
            }
        });
        const auto alive = [&] {
            drain();
            return process.state() != QProcess::NotRunning;
        };
        // Called on failure only. QTest cuts long messages: the end of the app's output, where
        // it died, goes to the log.
        const auto explain = [&](const char *what) {
            qWarning("inlet's output (end):\n%s", output.right(4000).constData());
            return QStringLiteral("%1; inlet %2")
                .arg(QLatin1String(what),
                    alive() ? QStringLiteral("still running")
                            : QStringLiteral("ended (dbus-run-session exit code %1)")
                                  .arg(process.exitCode()));
        };

        // The consent page in the login view: Chromium started as root.
        QNetworkAccessManager network;
        QString page;
        const bool consent = QTest::qWaitFor(
            [&] {
                if (!alive())
                    return true;
                page = devToolsPage(network, devTools, QStringLiteral("/oauth/authorize"));
                return !page.isEmpty();
            },
            40000);
        if (!consent || !alive() || page.isEmpty())
            QFAIL(qPrintable(explain("no consent page")));
        QCOMPARE(output.count("the login view runs without Chromium's sandbox"), 1);

        // Allow, as a click on the page: a moment after the answer, since the navigation it
        // starts can swallow the answer to a click made inside the call.
        const QString click = QStringLiteral(
            "(function(){var a=document.getElementById('allow');if(!a)return false;"
            "setTimeout(function(){a.click();},100);return true;})()");
        if (!QTest::qWaitFor([&] { return alive() && evaluate(page, click).toBool(); }, 15000))
            QFAIL(qPrintable(explain("Allow could not be pressed")));

        // Signed in: the account and the backfill's first conversations are on disk.
        // (The app runs in its own process; this test's main thread is still declared the GUI
        // thread, so its own reads run under an allowance.)
        std::unique_ptr<StoreReader> reader;
        const bool filled = QTest::qWaitFor(
            [&] {
                if (!alive())
                    return true;
                return guithread::allowed([&] {
                    if (!reader && QFile::exists(dir.filePath(QStringLiteral("inlet.sqlite"))))
                        reader = test::openReader(dir.path());
                    return reader && !reader->accounts().value_or(QList<Account>()).isEmpty()
                        && !reader->inbox(InboxQuery {})
                                .value_or(QList<StoredConversation>())
                                .isEmpty();
                });
            },
            40000);
        if (!filled || !alive())
            QFAIL(qPrintable(explain("not signed in: no account or conversation stored")));
        QCOMPARE(guithread::allowed([&] { return reader->accounts(); })->first().id,
            QStringLiteral("17841400000000001"));
    }
};

QTEST_MAIN(TestRootDemo)
#include "tst_rootdemo.moc"
