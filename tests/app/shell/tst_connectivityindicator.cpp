// The offline notice in the status bar against real loopback HTTP: a GraphClient pointed at a
// closed port goes offline ("can't reach Instagram / the sandbox (retrying in N s)"), Retry now
// asks for a retry, the sandbox started on that port clears it; the composer says a reply sent
// while offline waits in the queue.
#include "app/inbox/composer.h"
#include "app/inbox/inboxwidget.h"
#include "app/shell/connectivityindicator.h"
#include "app/shell/syncindicator.h"
#include "app/shell/theme.h"
#include "graph/connectivity.h"
#include "graph/graphclient.h"
#include "models/storeinboxsource.h"
#include "sandbox/sandbox.h"
#include "store/store.h"

#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using namespace inlet::app;

namespace {

QUrl closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace

class TestConnectivityIndicator : public QObject {
    Q_OBJECT
private slots:
    void textNamesInstagramOrTheSandbox()
    {
        QCOMPARE(ConnectivityIndicator::offlineText(false, 20),
            QStringLiteral("Offline: can't reach Instagram (retrying in 20 s)"));
        QCOMPARE(ConnectivityIndicator::offlineText(true, 5),
            QStringLiteral("Offline: can't reach the sandbox (retrying in 5 s)"));
        QCOMPARE(ConnectivityIndicator::offlineText(false, -1),
            QStringLiteral("Offline: can't reach Instagram (retrying…)"));
    }

    void showsWhileOfflineAndClearsWhenTheSandboxAnswers()
    {
        const QUrl base = closedPort();
        GraphClient graph(InstagramHosts::allAt(base));
        graph.setTransferTimeout(std::chrono::seconds(3));
        Connectivity connectivity(&graph);
        connectivity.setRetryDelays({ 20'000 });

        QMainWindow window;
        window.setCentralWidget(new QLabel(QStringLiteral("Inbox")));
        auto *indicator = new ConnectivityIndicator(&window);
        auto *sync = new SyncIndicator(&window);
        window.statusBar()->addPermanentWidget(indicator);
        window.statusBar()->addPermanentWidget(sync);
        window.statusBar()->showMessage(QStringLiteral("Sync failed: Connection refused"));
        indicator->setConnectivity(&connectivity);
        window.resize(900, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!indicator->isVisible());

        // A Graph call that gets no answer: offline, with the countdown to the next probe.
        auto call = graph.get(graph.hosts().graphUrl(QStringLiteral("me")), {});
        QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), 10'000);
        QTRY_VERIFY(indicator->isVisible());
        QVERIFY2(indicator->label()->text().startsWith(
                     QStringLiteral("Offline: can't reach Instagram (retrying in ")),
            qPrintable(indicator->label()->text()));
        // The countdown to the 20 s probe: a loaded machine may already be a few seconds in, and
        // a coarse QTimer may fire up to 5 % late (it then reads 21 s).
        const QRegularExpressionMatch seconds
            = QRegularExpression(QStringLiteral("retrying in (\\d+) s")).match(indicator->label()->text());
        QVERIFY2(seconds.hasMatch(), qPrintable(indicator->label()->text()));
        QVERIFY2(seconds.captured(1).toInt() >= 1 && seconds.captured(1).toInt() <= 21, qPrintable(indicator->label()->text()));
        QVERIFY(indicator->toolTip().contains(QString::number(base.port())));
        indicator->setSandbox(true);
        QVERIFY(indicator->label()->text().contains(QStringLiteral("the sandbox")));

        Theme::initialize();
        Theme::apply(ThemeMode::Light);
        QTest::qWait(50);
        const QString path = QStringLiteral(INLET_BINARY_DIR "/offline-indicator.png");
        QVERIFY(window.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));

        // Retry now while nobody listens: asked for, still offline.
        QSignalSpy retry(indicator, &ConnectivityIndicator::retryRequested);
        connect(indicator, &ConnectivityIndicator::retryRequested, &connectivity,
            &Connectivity::retryNow);
        QTest::mouseClick(indicator->retryButton(), Qt::LeftButton);
        QCOMPARE(retry.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(connectivity.msUntilRetry() > 0, 10'000);
        QVERIFY(indicator->isVisible());

        // The sandbox comes up on that port; Retry now clears the notice.
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 1;
        options.port = quint16(base.port());
        sandbox::Sandbox box(options);
        QVERIFY(box.start().has_value());
        QTest::mouseClick(indicator->retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!indicator->isVisible(), 10'000);
        QVERIFY(connectivity.isOnline());
    }

    // A timeout has no words of the system's (the core's log line is not shown): the tooltip says
    // it in the app's; a refused connection keeps the system's words.
    void tooltipSaysWhyInTheAppsWordsOrTheSystems()
    {
        const QUrl base = closedPort();
        GraphClient graph(InstagramHosts::allAt(base));
        Connectivity connectivity(&graph);
        connectivity.setRetryDelays({ 60'000 });
        ConnectivityIndicator indicator;
        indicator.setConnectivity(&connectivity);
        connectivity.observe(base, false, QString());
        QTRY_VERIFY2(indicator.toolTip().startsWith(QStringLiteral("No answer in time from ")),
            qPrintable(indicator.toolTip()));
        connectivity.observe(base, false, QStringLiteral("Connection refused"));
        QTRY_VERIFY2(indicator.toolTip().endsWith(QStringLiteral(": Connection refused")),
            qPrintable(indicator.toolTip()));
    }

    void composerSaysTheReplyWaits()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.setOffline(true);
        QVERIFY(!composer.noticeLabel()->isVisible()); // nothing sent yet: no notice
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("We'll check your order"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1); // offline does not stop sending: the outbox queues it
        composer.clear();
        QVERIFY(composer.noticeLabel()->isVisible());
        QCOMPARE(composer.noticeLabel()->text(),
            QStringLiteral("Offline: your message will be sent when the connection is back."));
        composer.setOffline(false);
        QVERIFY(!composer.noticeLabel()->isVisible());
    }

    void inboxComposerFollowsTheConnection()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.path());
        QVERIFY(store.has_value());
        const QUrl base = closedPort();
        GraphClient graph(InstagramHosts::allAt(base));
        Connectivity connectivity(&graph);
        InboxServices services;
        services.store = store->get();
        services.source = std::make_shared<StoreInboxSource>((*store)->readers());
        services.connectivity = &connectivity;
        InboxWidget inbox(services);
        QVERIFY(!inbox.composer()->isOffline());
        connectivity.observe(base, false, QStringLiteral("Connection refused"));
        QVERIFY(inbox.composer()->isOffline());
        connectivity.observe(base, true, {});
        QVERIFY(!inbox.composer()->isOffline());
    }
};

QTEST_MAIN(TestConnectivityIndicator)
#include "tst_connectivityindicator.moc"
