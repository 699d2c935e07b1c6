#pragma once

#include <QObject>

namespace inlet {
class CoreServices;
}

namespace inlet::app {

class MainWindow;

// Starts the core's background work at the right moments and reports it in the window:
// the webhook server once an App Secret exists (it checks signatures with it), the webhook
// subscription when the sandbox stands in for Instagram, and sync for every account.
class CoreBridge : public QObject {
    Q_OBJECT
public:
    CoreBridge(CoreServices *core, MainWindow *window, QObject *parent = nullptr);

    // After AccountService::load().
    void start();

private:
    void startWebhooks();

    CoreServices *m_core;
    MainWindow *m_window;
};

} // namespace inlet::app
