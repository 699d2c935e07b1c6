#pragma once

#include <QObject>

namespace inlet {
class CoreServices;
}

namespace inlet::app {

class ConnectivityIndicator;
class MainWindow;

// Reports the core's background work in the window: the webhook server's address, sync progress,
// each account's subscription state in the accounts panel, and the offline state (with a sync
// when the connection is back or the manager asks to retry). Starting that work is
// CoreLifecycle's (service/corelifecycle.h), the same for the app and headless mode.
class CoreBridge : public QObject {
    Q_OBJECT
public:
    CoreBridge(CoreServices *core, MainWindow *window, QObject *parent = nullptr);

    // The status bar's offline notice (Retry now probes and syncs every account).
    ConnectivityIndicator *connectivityIndicator() const { return m_offline; }

private:
    void syncNow();

    CoreServices *m_core;
    MainWindow *m_window;
    ConnectivityIndicator *m_offline;
};

} // namespace inlet::app
