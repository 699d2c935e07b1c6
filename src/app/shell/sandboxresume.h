#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QSettings;

namespace inlet {
class AccountList;
class AppSetup;
}

namespace inlet::app {

class MainWindow;
class SandboxController;

// Start-up of a profile that uses the sandbox (a child process, SandboxController) (remembered in
// the profile's settings, or asked for with --sandbox-demo). The sandbox must answer before the
// accounts read their tokens and sync, so that the stored hosts (same port) and tokens (its state
// file) still work. The consent page then comes only when the sandbox refuses the account's token
// (190), or with
// --sandbox-demo when there is no sandbox account yet. The token takes the real path:
// keychain -> Graph, no shortcut in the client.
class SandboxResume : public QObject {
    Q_OBJECT
public:
    SandboxResume(AccountList *accounts, AppSetup *app, SandboxController *sandbox,
        MainWindow *window, QSettings *settings, QObject *parent = nullptr);

    // Calls `startCore` (load the accounts, start the core) at once when the profile does not use
    // the sandbox and `demo` is false; otherwise once the sandbox runs and the hosts point at it.
    void start(bool demo, std::function<void()> startCore);
    bool profileUsesSandbox() const;

signals:
    // The core started (after the sandbox when the profile uses it).
    void coreStarted();

private:
    void onSandboxReady();
    void startCore();
    void signInIfNeeded();
    void promptOnce();

    AccountList *m_accounts;
    SandboxController *m_sandbox;
    MainWindow *m_window;
    QPointer<QSettings> m_settings;
    std::function<void()> m_startCore;
    bool m_demo = false;
    bool m_coreStarted = false;
    bool m_prompted = false;
};

} // namespace inlet::app
