#include "app/shell/mainwindow.h"

#include "app/inbox/inboxwidget.h"
#include "app/login/signincontroller.h"
#include "app/settings/settingsdialog.h"
#include "app/shell/accountspanel.h"
#include "app/shell/accountsrail.h"
#include "app/shell/appresources.h"
#include "app/shell/errortext.h"
#include "app/shell/notifier.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/shortcutsdialog.h"
#include "app/shell/syncindicator.h"
#include "app/shell/theme.h"
#include "app/shell/welcomepage.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "outbox/httpmediauploader.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/signinflow.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>

namespace inlet::app {

MainWindow::MainWindow(const AccountServices &accounts, SignInController *signIn,
    SandboxController *sandbox, AvatarLoader *avatars, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_accounts(accounts.list)
    , m_signInFlow(accounts.signIn)
    , m_app(accounts.app)
    , m_signIn(signIn)
    , m_sandbox(sandbox)
    , m_avatars(avatars)
{
    initResources();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/inlet.svg")));

    m_ui->placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_inbox = m_ui->placeholder;
    m_ui->rail->setAvatarLoader(avatars);
    m_accountsPanel = new AccountsPanel(avatars, this);
    m_accountsDrawer = new AccountsDrawer(m_accountsPanel, m_ui->workspace);
    m_accountsDrawer->setLeftInset(m_ui->rail->maximumWidth());
    m_ui->rail->setStateText([this](const QString &id) {
        const AccountRow *row = m_accountsPanel->row(id);
        return row ? row->subscriptionText() : QString();
    });

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Status"));
    m_status->setTextFormat(Qt::PlainText); // may carry OAuth's error_description: foreign text
    statusBar()->addWidget(m_status, 1);
    m_sandboxBadge = new QLabel(tr("Sandbox"), this);
    m_sandboxBadge->setToolTip(tr("Connected to the local sandbox, not to Instagram"));
    m_sandboxBadge->hide();
    statusBar()->addPermanentWidget(m_sandboxBadge);
    m_sync = new SyncIndicator(this);
    statusBar()->addPermanentWidget(m_sync);
    connect(m_sync, &SyncIndicator::statusMessage, this, &MainWindow::showStatus);

    createMenus();

    WelcomePage *welcome = m_ui->welcome;
    connect(welcome, &WelcomePage::connectRequested, this, &MainWindow::connectAccount);
    connect(welcome, &WelcomePage::sandboxRequested, this, &MainWindow::trySandbox);
    connect(welcome, &WelcomePage::settingsRequested, this, &MainWindow::openSettings);
    connect(m_ui->rail, &AccountsRail::accountClicked, m_accountsDrawer, &AccountsDrawer::toggle);
    connect(m_ui->rail, &AccountsRail::connectRequested, this, &MainWindow::connectAccount);
    // An action in the list closes it first: what follows (a prompt, the login window) is about
    // the window, not the list.
    for (auto signal : { &AccountsPanel::reconnectRequested, &AccountsPanel::disconnectRequested })
        connect(m_accountsPanel, signal, m_accountsDrawer, &AccountsDrawer::dismiss);
    connect(m_accountsPanel, &AccountsPanel::connectRequested, m_accountsDrawer,
        &AccountsDrawer::dismiss);
    connect(m_accountsPanel, &AccountsPanel::connectRequested, this, &MainWindow::connectAccount);
    connect(m_accountsPanel, &AccountsPanel::reconnectRequested, this, &MainWindow::reconnect);
    connect(m_accountsPanel, &AccountsPanel::disconnectRequested, this,
            &MainWindow::disconnectAccount);

    connect(m_accounts, &AccountList::accountsChanged, this, &MainWindow::refreshAccounts);
    connect(m_app, &AppSetup::configChanged, this, &MainWindow::refreshAccounts);
    connect(m_signInFlow, &SignInFlow::signInBusyChanged, this, [this](bool busy) {
        m_ui->welcome->setBusy(busy);
        if (busy)
            showStatus(tr("Signing in…"));
    });
    connect(m_signInFlow, &SignInFlow::signedIn, this, [this](const Account &account) {
        m_ui->welcome->setNotice({});
        showStatus(tr("Connected @%1.").arg(account.username));
    });
    connect(m_signInFlow, &SignInFlow::signInFailed, this, &MainWindow::onSignInFailed);
    connect(m_accounts, &AccountList::accountNeedsSignIn, this, [this](const QString &id) {
        const auto account = m_accounts->account(id);
        showStatus(tr("@%1 needs to sign in again.").arg(account ? account->username : id));
    });
    connect(m_sandbox, &SandboxController::failed, this, [this](const QString &message) {
        disconnect(m_sandboxReady);
        m_ui->welcome->setBusy(false);
        const QString text = tr("The sandbox could not start: %1").arg(message);
        m_ui->welcome->setNotice(text);
        showStatus(text);
    });

    refreshAccounts();
}

MainWindow::~MainWindow() = default;

// The menus are in the form; here they get what a form cannot say: standard keys, the theme
// group and what each entry does.
void MainWindow::createMenus()
{
    connect(m_ui->connectAction, &QAction::triggered, this, &MainWindow::connectAccount);
    connect(m_ui->sandboxAction, &QAction::triggered, this, &MainWindow::trySandbox);
    m_ui->settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(m_ui->quitAction, &QAction::triggered, qApp, &QApplication::quit);

    auto *group = new QActionGroup(this);
    const std::pair<ThemeMode, QAction *> modes[] = {
        { ThemeMode::System, m_ui->themeSystemAction },
        { ThemeMode::Light, m_ui->themeLightAction },
        { ThemeMode::Dark, m_ui->themeDarkAction },
    };
    for (const auto &[mode, action] : modes) {
        action->setChecked(Theme::current() == mode);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode] {
            Theme::apply(mode);
            emit themeChosen(mode);
        });
    }

    connect(m_ui->accountsAction, &QAction::triggered, this, &MainWindow::showAccounts);
    connect(m_ui->shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_ui->metaAppHelpAction, &QAction::triggered, this,
        [] { QDesktopServices::openUrl(SettingsDialog::metaAppHelpUrl()); });
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Inlet"),
                           tr("<b>Inlet %1</b><p>Answer your business's Instagram Direct "
                              "Messages from the desktop.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

QMenu *MainWindow::fileMenu() const
{
    return m_ui->fileMenu;
}

QMenu *MainWindow::viewMenu() const
{
    return m_ui->viewMenu;
}

WelcomePage *MainWindow::welcomePage() const
{
    return m_ui->welcome;
}

AccountsRail *MainWindow::accountsRail() const
{
    return m_ui->rail;
}

void MainWindow::setInboxWidget(QWidget *inbox)
{
    if (QLayoutItem *old = m_ui->workspaceLayout->replaceWidget(m_inbox, inbox)) {
        old->widget()->deleteLater();
        delete old;
    }
    m_inbox = inbox;
    m_accountsDrawer->raise(); // over the inbox when open
}

void MainWindow::showAccounts()
{
    if (m_ui->pages->currentWidget() == m_ui->workspace)
        m_accountsDrawer->open();
}

void MainWindow::setUnreadByAccount(const QHash<QString, int> &unread)
{
    m_ui->rail->setUnread(unread);
}

bool MainWindow::isShowingWelcome() const
{
    return m_ui->pages->currentWidget() == m_ui->welcome;
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::showStatus(const QString &text)
{
    m_status->setText(text);
}

void MainWindow::setTeamMode(bool team)
{
    m_teamMode = team;
    for (QAction *action : { m_ui->connectAction, m_ui->sandboxAction })
        action->setVisible(!team);
    m_ui->rail->connectButton()->setVisible(!team);
    m_accountsPanel->connectButton()->setVisible(!team);
    // In team mode only an admin disconnects, through the team server (TeamDisconnectAction
    // shows the buttons again once it knows).
    m_accountsPanel->setDisconnectControl(
        team ? DisconnectControl::Hidden : DisconnectControl::Solo);
    if (team && m_settingsDialog)
        m_settingsDialog->close(); // opened for solo mode; reopened it leaves the apps out
    refreshAccounts();
}

void MainWindow::refreshAccounts()
{
    const QList<Account> accounts = m_accounts->accounts();
    m_accountsPanel->setAccounts(accounts);
    m_ui->rail->setAccounts(accounts);
    if (accounts.isEmpty())
        m_accountsDrawer->dismiss();
    // In team mode the inbox shows even before the team grants an account: nothing to sign in.
    m_ui->pages->setCurrentWidget(accounts.isEmpty() && !m_teamMode
            ? static_cast<QWidget *>(m_ui->welcome)
            : m_ui->workspace);
    m_sandboxBadge->setVisible(m_sandbox->isActive());
    m_waitingAccounts = 0;
    for (const Account &a : accounts)
        m_waitingAccounts += a.needsSignIn ? 1 : 0;
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString base = m_waitingAccounts
        ? tr("Inlet — %n account(s) need sign-in", nullptr, m_waitingAccounts)
        : tr("Inlet");
    setWindowTitle(Notifier::titleWithCount(base, m_unread));
}

void MainWindow::setUnreadCount(int unread)
{
    m_unread = unread;
    updateTitle();
}

void MainWindow::addMenu(QMenu *menu)
{
    menu->setParent(this, menu->windowFlags());
    menuBar()->insertMenu(m_ui->helpMenu->menuAction(), menu);
}

// Modeless, like the settings dialog: no nested event loop.
void MainWindow::showShortcuts()
{
    if (!m_shortcutsDialog) {
        auto *dialog = new ShortcutsDialog(
            InboxWidget::shortcutDescriptions() + shortcutDescriptions(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_shortcutsDialog = dialog;
    }
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
}

QList<std::pair<QString, QString>> MainWindow::shortcutDescriptions()
{
    return { { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A).toString(QKeySequence::NativeText),
        tr("All accounts: their state, Reconnect, Disconnect, Connect another") } };
}

void MainWindow::connectAccount()
{
    if (m_teamMode)
        return; // the team's server owns the accounts (a shortcut may still reach here)
    if (!m_app->config().isComplete()) {
        m_ui->welcome->setNotice(
            tr("First enter your Meta app's Instagram App ID and App Secret."));
        openSettings();
        return;
    }
    startSignIn();
}

void MainWindow::startSignIn()
{
    m_signIn->start(this);
}

void MainWindow::trySandbox()
{
    if (m_teamMode)
        return;
    m_ui->welcome->setBusy(true);
    showStatus(tr("Starting the sandbox…"));
    // Ready: the child process runs and the accounts point at it, its app secrets stored.
    disconnect(m_sandboxReady);
    m_sandboxReady = connect(m_sandbox, &SandboxController::ready, this, &MainWindow::startSignIn,
        Qt::SingleShotConnection);
    m_sandbox->ensureStarted();
}

void MainWindow::reconnect(const QString &accountId)
{
    qCInfo(lcApp) << "reconnecting" << accountId;
    showStatus(tr("Sign in again as this account to reconnect it."));
    startSignIn();
}

void MainWindow::openSettings()
{
    // The dialog only learns whether a secret is stored; it never shows it.
    onDone(m_app->hasAppSecret(), this,
        [this](const Result<bool> &known) { runSettingsDialog(known && *known); });
}

void MainWindow::runSettingsDialog(bool hasSecret)
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        return;
    }
    // open(), not exec(): no nested event loop; the dialog deletes itself when closed.
    auto *dialog = new SettingsDialog(m_app->config(), hasSecret, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTeamMode(m_teamMode);
    m_settingsDialog = dialog;
    if (m_vault) {
        onDone(m_vault->read(HttpMediaUploader::mediaTokenKey()), dialog,
            [dialog](const Result<QString> &token) {
                dialog->setHasMediaToken(token && !token->isEmpty());
            });
    }
    onDone(m_app->hasMetaAppSecret(), dialog,
        [dialog](const Result<bool> &known) { dialog->setHasMetaSecret(known && *known); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto token = dialog->newMediaToken(); token && m_vault) {
            onDone(m_vault->write(HttpMediaUploader::mediaTokenKey(), *token), this,
                [this](const Status &stored) {
                    if (!stored)
                        warnLater(tr("Media host token not saved"), errorText(stored.error()));
                });
        }
        m_app->setConfig(dialog->config());
        if (const auto secret = dialog->newSecret()) {
            onDone(m_app->storeAppSecret(*secret), this, [this](const Status &stored) {
                if (!stored) {
                    warnLater(tr("App Secret not saved"), errorText(stored.error()));
                    return;
                }
                showStatus(tr("The App Secret is in the keychain."));
            });
        }
        if (const auto secret = dialog->newMetaSecret()) {
            onDone(m_app->storeMetaAppSecret(*secret), this, [this](const Status &stored) {
                if (!stored) {
                    warnLater(tr("Meta App Secret not saved"), errorText(stored.error()));
                    return;
                }
                showStatus(tr("The Meta App Secret is in the keychain."));
            });
        }
        m_ui->welcome->setNotice({});
    });
    dialog->open();
}

std::optional<bool> MainWindow::askDeleteMessages(const Account &account)
{
    if (m_disconnectPrompt)
        return m_disconnectPrompt(account);
    QMessageBox box(QMessageBox::Question, tr("Disconnect @%1").arg(account.username),
                    tr("Disconnect @%1 from Inlet? Its access token is deleted from the keychain. "
                       "What should happen to its stored conversations?")
                        .arg(account.username),
                    QMessageBox::Cancel, this);
    QPushButton *keep = box.addButton(tr("Keep messages"), QMessageBox::AcceptRole);
    QPushButton *remove = box.addButton(tr("Delete messages"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return false;
    if (box.clickedButton() == remove)
        return true;
    return std::nullopt;
}

void MainWindow::disconnectAccount(const QString &accountId)
{
    if (m_teamMode)
        return; // the team server disconnects it (TeamDisconnectAction); never only here
    const auto account = m_accounts->account(accountId);
    if (!account)
        return;
    const std::optional<bool> deleteMessages = askDeleteMessages(*account);
    if (!deleteMessages)
        return;
    const QString username = account->username;
    onDone(m_accounts->disconnectAccount(accountId, *deleteMessages), this,
        [this, username](const Status &done) {
            if (!done) {
                warnLater(tr("Could not disconnect"), errorText(done.error()));
                return;
            }
            showStatus(tr("@%1 was disconnected.").arg(username));
        });
}

void MainWindow::onSignInFailed(const Error &error)
{
    m_ui->welcome->setBusy(false);
    if (error.kind == Error::Kind::Cancelled) {
        showStatus(tr("Sign-in cancelled."));
        return;
    }
    showStatus(tr("Sign-in failed: %1").arg(errorText(error)));
    m_ui->welcome->setNotice(tr("Sign-in failed: %1").arg(errorText(error)));

    // No keyring (or a locked one) while storing a fresh token: offer this session only.
    if (m_signInFlow->hasPendingSignIn()
        && (TokenVault::isNoBackend(error) || TokenVault::isLocked(error))) {
        QMetaObject::invokeMethod(this, [this, error] { offerSessionOnlyTokens(error); },
                                  Qt::QueuedConnection);
    }
}

void MainWindow::offerSessionOnlyTokens(const Error &error)
{
    const auto answer = QMessageBox::question(this, tr("No keyring"),
        tr("%1\n\nKeep the token for this session only? You will have to sign in again "
           "next time.")
            .arg(errorText(error)));
    if (answer == QMessageBox::Yes) {
        m_signInFlow->useSessionOnlyTokens();
        m_signInFlow->resumePendingSignIn();
    }
}

// Message boxes run their own event loop: never inside a future's continuation or a signal
// emitted from one, so they are queued.
void MainWindow::warnLater(const QString &title, const QString &text)
{
    QMetaObject::invokeMethod(
        this, [this, title, text] { QMessageBox::warning(this, title, text); },
        Qt::QueuedConnection);
}

} // namespace inlet::app
