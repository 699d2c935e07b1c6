#pragma once

#include <QObject>

namespace inlet {
class CoreServices;
}

namespace inlet::app {

class ConnectivityIndicator;
class MainWindow;

// Starts the core's background work at the right moments and reports it in the window:
// the webhook server once an App Secret exists (it checks signatures with it), the webhook
// subscription when the sandbox stands in for Instagram, sync for every account, and the offline
// state (with a sync when the connection is back or the manager asks to retry).
class CoreBridge : public QObject {
    Q_OBJECT
public:
    CoreBridge(CoreServices *core, MainWindow *window, QObject *parent = nullptr);

    // After AccountService::load().
    void start();

    // The status bar's offline notice (Retry now probes and syncs every account).
    ConnectivityIndicator *connectivityIndicator() const { return m_offline; }

private:
    void startWebhooks();
    void syncNow();

    CoreServices *m_core;
    MainWindow *m_window;
    ConnectivityIndicator *m_offline;
};

} // namespace inlet::app
