// The window's shell pieces: unread count in the title, Help > Keyboard shortcuts, extra menus
// before Help, and the status bar's sync progress and failure message.
#include "app/login/signincontroller.h"
#include "app/shell/accountspanel.h"
#include "app/shell/accountsrail.h"
#include "app/shell/avatarloader.h"
#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/shortcutsdialog.h"
#include "app/shell/syncindicator.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/signinflow.h"
#include "store/store.h"

#include <QDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestMainWindowShell : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TokenVault> m_vault;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<TokenRefreshScheduler> m_scheduler;
    std::unique_ptr<AppSetup> m_app;
    std::unique_ptr<AccountList> m_accounts;
    std::unique_ptr<SignInFlow> m_flow;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AvatarLoader> m_avatars;
    std::unique_ptr<SandboxController> m_sandbox;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<MainWindow> m_window;

    QAction *findAction(QMenu *menu, const QString &text)
    {
        for (QAction *action : menu->actions())
            if (action->text() == text)
                return action;
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = Store::open(m_dir->path());
        QVERIFY(store);
        m_store = std::move(*store);
        m_vault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        m_vault->setSessionOnlyFallback(true);
        m_graph = std::make_unique<GraphClient>();
        m_scheduler = std::make_unique<TokenRefreshScheduler>(m_graph.get(), m_vault.get());
        m_app = std::make_unique<AppSetup>(m_vault.get(), m_graph.get());
        m_accounts = std::make_unique<AccountList>(
            m_store.get(), m_vault.get(), m_graph.get(), m_scheduler.get());
        m_flow = std::make_unique<SignInFlow>(
            m_app.get(), m_accounts.get(), m_vault.get(), m_graph.get());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_avatars = std::make_unique<AvatarLoader>(m_network.get());
        m_sandbox = std::make_unique<SandboxController>();
        m_signIn = std::make_unique<SignInController>(m_flow.get(), m_dir->path());
        m_window = std::make_unique<MainWindow>(
            MainWindow::AccountServices { m_accounts.get(), m_flow.get(), m_app.get() },
            m_signIn.get(), m_sandbox.get(), m_avatars.get());
        const QFuture<Status> loaded = m_accounts->load();
        QTRY_VERIFY(loaded.isFinished());
    }

    void cleanup()
    {
        m_window.reset();
        m_signIn.reset();
        m_sandbox.reset();
        m_avatars.reset();
        m_network.reset();
        m_flow.reset();
        m_accounts.reset();
        m_app.reset();
        m_scheduler.reset();
        m_graph.reset();
        m_vault.reset();
        m_store.reset();
        m_dir.reset();
    }

    // Team mode: what would sign in to Instagram is hidden (File > Connect and Try the sandbox,
    // the rail's and the accounts list's connect buttons, the welcome page), and Settings leaves
    // out the Instagram and Meta apps and the hosts; leaving team mode brings all of it back.
    void teamModeHidesWhatSignsInUntilItIsLeft()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->isShowingWelcome()); // no account yet
        QAction *connect = m_window->findChild<QAction *>(QStringLiteral("connectAction"));
        QAction *sandbox = m_window->findChild<QAction *>(QStringLiteral("sandboxAction"));
        QVERIFY(connect && sandbox);
        QVERIFY(connect->isVisible() && sandbox->isVisible());
        QVERIFY(m_window->accountsRail()->connectButton()->isVisibleTo(m_window->accountsRail()));

        m_window->setTeamMode(true);
        QVERIFY(m_window->isTeamMode());
        QVERIFY(!connect->isVisible());
        QVERIFY(!sandbox->isVisible());
        QVERIFY(!m_window->accountsRail()->connectButton()->isVisibleTo(m_window->accountsRail()));
        QVERIFY(
            !m_window->accountsPanel()->connectButton()->isVisibleTo(m_window->accountsPanel()));
        QVERIFY(!m_window->isShowingWelcome()); // the inbox, waiting for the team's accounts
        m_window->openSettings();
        QTRY_VERIFY(m_window->settingsDialog() != nullptr);
        QDialog *settings = m_window->settingsDialog();
        for (const char *box : { "appBox", "metaBox", "hostBox" }) {
            QWidget *widget = settings->findChild<QWidget *>(QLatin1String(box));
            QVERIFY2(widget && !widget->isVisibleTo(settings), box);
        }
        QWidget *media = settings->findChild<QWidget *>(QStringLiteral("mediaBox"));
        QVERIFY(media && media->isVisibleTo(settings));
        settings->close();
        QTRY_VERIFY(m_window->settingsDialog() == nullptr);

        m_window->setTeamMode(false);
        QVERIFY(connect->isVisible() && sandbox->isVisible());
        QVERIFY(m_window->accountsRail()->connectButton()->isVisibleTo(m_window->accountsRail()));
        QVERIFY(m_window->accountsPanel()->connectButton()->isVisibleTo(m_window->accountsPanel()));
        QVERIFY(m_window->isShowingWelcome());
        m_window->openSettings();
        QTRY_VERIFY(m_window->settingsDialog() != nullptr);
        QVERIFY(m_window->settingsDialog()
                    ->findChild<QWidget *>(QStringLiteral("appBox"))
                    ->isVisibleTo(m_window->settingsDialog()));
        m_window->settingsDialog()->close();
    }

    // Issue 12: an OAuth redirect's error_description is foreign text: the status bar shows its
    // tags as characters, never as rich text (an <img> there would load, a link could mislead).
    void signInErrorInStatusBarIsPlainText()
    {
        const QString description
            = QStringLiteral("<img src=\"https://evil.example/x.png\"><b>Pay here</b>");
        m_flow->abortSignIn(Error::make(Error::Kind::Auth, description));
        QVERIFY(m_window->statusText().contains(description));
        QLabel *status = nullptr;
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->text() == m_window->statusText())
                status = label;
        }
        QVERIFY(status);
        QCOMPARE(status->textFormat(), Qt::PlainText);
    }

    // The app runs the sandbox as a program of its own; without it, the welcome page says so.
    void missingSandboxProgramIsSaidOnTheWelcomePage()
    {
        const QString missing = m_dir->filePath(QStringLiteral("not-installed/inlet-sandbox"));
        qputenv("INLET_SANDBOX", missing.toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("INLET_SANDBOX"); });
        m_window->show();
        QVERIFY(m_window->isShowingWelcome());
        QPushButton *button = m_window->welcomePage()->sandboxButton();
        QTest::mouseClick(button, Qt::LeftButton);
        const auto notice = [this, &missing] {
            for (QLabel *label : m_window->welcomePage()->findChildren<QLabel *>()) {
                if (label->isVisible() && label->text().contains(missing))
                    return label->text();
            }
            return QString();
        };
        QTRY_VERIFY(!notice().isEmpty());
        QVERIFY(notice().contains(QStringLiteral("inlet-sandbox")));
        QVERIFY(m_window->statusText().contains(missing));
        QVERIFY(button->isEnabled()); // not stuck waiting
        QVERIFY(m_window->isShowingWelcome());
        QVERIFY(m_signIn->helper() == nullptr);
        QVERIFY(!m_sandbox->isRunning());
    }

    void unreadCountInTitle()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Inlet"));
        m_window->setUnreadCount(4);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Inlet (4)"));
        QCOMPARE(m_window->unreadCount(), 4);
        m_window->setUnreadCount(0);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Inlet"));
    }

    void keyboardShortcutsFromHelp()
    {
        const QList<QAction *> menus = m_window->menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QMenu *help = menus.last()->menu();
        QVERIFY(help);
        QAction *shortcuts = findAction(help, QStringLiteral("&Keyboard shortcuts"));
        QVERIFY(shortcuts);
        shortcuts->trigger();
        QTRY_VERIFY(m_window->shortcutsDialog() != nullptr);
        auto *dialog = qobject_cast<ShortcutsDialog *>(m_window->shortcutsDialog());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString ctrlK = QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText);
        bool found = false;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            found = found || dialog->table()->item(row, 0)->text() == ctrlK;
        QVERIFY(found);
        // Asking again shows the same dialog, not a second one.
        shortcuts->trigger();
        QCOMPARE(m_window->shortcutsDialog(), dialog);
    }

    void addedMenuGoesBeforeHelp()
    {
        auto *menu = new QMenu(QStringLiteral("&Extra"));
        m_window->addMenu(menu);
        const QList<QAction *> menus = m_window->menuBar()->actions();
        QCOMPARE(menus.at(menus.size() - 2)->menu(), menu);
        QCOMPARE(menu->parent(), m_window.get());
        QVERIFY(m_window->fileMenu());
    }

    void syncProgressAndFailureInStatusBar()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        SyncIndicator *sync = m_window->syncIndicator();
        QVERIFY(sync);
        QVERIFY(!sync->isVisible());
        sync->showProgress(QStringLiteral("a1"), 3, 9);
        QVERIFY(sync->isVisible());
        sync->showFinished(QStringLiteral("a1"), false, QStringLiteral("offline"));
        QVERIFY(!sync->isVisible());
        QVERIFY2(m_window->statusText().contains(QLatin1String("offline")), qPrintable(m_window->statusText()));
    }
};

QTEST_MAIN(TestMainWindowShell)
#include "tst_mainwindowshell.moc"
