#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace inlet {
class CoreServices;
class TeamMode;
struct Error;
} // namespace inlet

namespace inlet::app {

class ConnectivityIndicator;
class MainWindow;
class TeamIndicator;

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
    // Team mode (CoreLifecycle::team()): its state in the status bar (TeamIndicator). `refused`:
    // the profile names a team connection that was not accepted (said once in the status bar).
    // Called again when team mode changes (CoreLifecycle::teamChanged): the old indicator goes,
    // and the window hides or shows what signs in to Instagram (MainWindow::setTeamMode).
    // A label or saved-reply change made offline that the team refused once it went (undone
    // here: TriageWriteQueue::rolledBack) is said in the status bar.
    void showTeam(TeamMode *team, const std::optional<inlet::Error> &refused);
    // The status bar's words for such a change (its op and the label's name or reply's title).
    static QString refusedWriteText(const QJsonObject &write);

private:
    void syncNow();

    CoreServices *m_core;
    MainWindow *m_window;
    ConnectivityIndicator *m_offline;
    QPointer<TeamIndicator> m_teamIndicator;
};

} // namespace inlet::app
