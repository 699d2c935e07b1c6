#pragma once

#include "app/shell/theme.h"
#include "common/result.h"
#include "model/types.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QMenu;

namespace inlet {
class AccountList;
class AppSetup;
class SignInFlow;
class TokenVault;
}

namespace inlet::app {

class AccountsDrawer;
class AccountsPanel;
class AccountsRail;
class AvatarLoader;
class SandboxController;
class SignInController;
class SyncIndicator;
class WelcomePage;

namespace Ui {
class MainWindow;
}

// The app's window: the welcome screen until an account is connected, then the accounts rail (one
// avatar per account with its unread badge) beside the inbox (embedded with setInboxWidget), with
// a status bar for sign-in and sync news. The full accounts list (the accounts panel, with the
// actions) opens as a drawer over the inbox from an avatar, View > Accounts or Ctrl+Shift+A.
// It only reacts and delegates: sign-in to SignInController, account state to AccountList, the
// Meta app's set-up (Settings) to AppSetup.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Asked before a disconnect: nullopt = cancel, true = delete the stored messages.
    using DisconnectPrompt = std::function<std::optional<bool>(const Account &account)>;

    // The core's account services the window uses (CoreServices hands out each).
    struct AccountServices {
        AccountList *list = nullptr;
        SignInFlow *signIn = nullptr;
        AppSetup *app = nullptr;
    };

    MainWindow(const AccountServices &accounts, SignInController *signIn,
        SandboxController *sandbox, AvatarLoader *avatars, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The inbox (conversations and chat) goes right of the accounts rail.
    void setInboxWidget(QWidget *inbox);
    // Adds a menu (e.g. Notifications) before Help; the window takes ownership.
    void addMenu(QMenu *menu);
    // The File menu, for entries that need services the window does not know (Webhooks…).
    QMenu *fileMenu() const;
    // The View menu, for windows that need services the window does not know (Report…).
    QMenu *viewMenu() const;
    int unreadCount() const { return m_unread; }
    // The Help > Keyboard shortcuts dialog while it is open (for tests), else null.
    QDialog *shortcutsDialog() const { return m_shortcutsDialog.data(); }
    void setDisconnectPrompt(DisconnectPrompt prompt) { m_disconnectPrompt = std::move(prompt); }
    // Where Settings keeps the media host's access token; without one the field is not saved.
    void setTokenVault(TokenVault *vault) { m_vault = vault; }

    WelcomePage *welcomePage() const;
    // The full list, in the drawer (hidden until opened).
    AccountsPanel *accountsPanel() const { return m_accountsPanel; }
    AccountsRail *accountsRail() const;
    AccountsDrawer *accountsDrawer() const { return m_accountsDrawer; }
    // The window's own keys (the inbox has its own list), for the shortcuts dialog.
    static QList<std::pair<QString, QString>> shortcutDescriptions();
    bool isShowingWelcome() const;
    // Team mode (docs/team.md): the team's server talks to Instagram, so what would sign in here
    // (File > Connect and Try the sandbox, the rail's and the accounts list's connect buttons, the
    // welcome page) is hidden, and Settings leaves out the Instagram and Meta apps and hosts;
    // all of it comes back when team mode is left.
    void setTeamMode(bool team);
    bool isTeamMode() const { return m_teamMode; }
    // The settings dialog while it is open (for tests), else null.
    QDialog *settingsDialog() const { return m_settingsDialog.data(); }
    QString statusText() const;
    // The status bar's backfill progress (fed by CoreBridge from CoreServices' sync signals).
    SyncIndicator *syncIndicator() const { return m_sync; }

public slots:
    void connectAccount();
    void trySandbox();
    void openSettings();
    void reconnect(const QString &accountId);
    void disconnectAccount(const QString &accountId);
    void showStatus(const QString &text);
    // Shows "Inlet (N)" in the title bar.
    void setUnreadCount(int unread);
    void showShortcuts();
    // Opens the drawer with the full accounts list.
    void showAccounts();
    // Unread conversations per account, for the rail's badges (Notifier::unreadByAccountChanged).
    void setUnreadByAccount(const QHash<QString, int> &unread);

signals:
    // The manager picked a theme (already applied); the composition root keeps it in the profile.
    void themeChosen(inlet::app::ThemeMode mode);

private:
    void createMenus();
    void refreshAccounts();
    void updateTitle();
    void onSignInFailed(const Error &error);
    void startSignIn();
    void runSettingsDialog(bool hasSecret);
    void offerSessionOnlyTokens(const Error &error);
    void warnLater(const QString &title, const QString &text);
    std::optional<bool> askDeleteMessages(const Account &account);

    std::unique_ptr<Ui::MainWindow> m_ui; // the skeleton and its menus, ui/mainwindow.ui
    AccountList *m_accounts;
    SignInFlow *m_signInFlow;
    AppSetup *m_app;
    TokenVault *m_vault = nullptr;
    SignInController *m_signIn;
    SandboxController *m_sandbox;
    QMetaObject::Connection m_sandboxReady; // trySandbox() waiting for the sandbox
    AvatarLoader *m_avatars;
    AccountsPanel *m_accountsPanel = nullptr;
    AccountsDrawer *m_accountsDrawer = nullptr;
    QWidget *m_inbox = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_sandboxBadge = nullptr;
    SyncIndicator *m_sync = nullptr;
    DisconnectPrompt m_disconnectPrompt;
    QPointer<QDialog> m_settingsDialog;
    QPointer<QDialog> m_shortcutsDialog;
    int m_waitingAccounts = 0;
    bool m_teamMode = false;
    int m_unread = 0;
};

} // namespace inlet::app
