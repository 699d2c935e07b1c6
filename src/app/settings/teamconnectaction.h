#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace inlet {
class TeamMode;
class TeamSignInFlow;
} // namespace inlet

namespace inlet::app {

class MainWindow;
class SignInController;

// File > Connect Instagram account… in team mode, for admin agents only (docs/team.md,
// "Connecting an account"): opens the login window (SignInController) on the team server's
// authorize URL; the code goes to the server through the sign-in hand-off (TeamSignInFlow) and
// the account then arrives through the replica. The action stays hidden until refresh() learns
// that the agent is an admin (asked on a thread of Qt's pool); progress, success and failure go
// to status() in the UI's words.
class TeamConnectAction : public QObject {
    Q_OBJECT
public:
    // `flow` and `controller` (driving that flow) must outlive this; `window` parents the login.
    TeamConnectAction(TeamSignInFlow *flow, SignInController *controller, QWidget *window,
        QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    // Asks again whether the agent is an admin (when the team connection is up).
    void refresh();
    // The last status text (tests).
    QString lastStatus() const { return m_lastStatus; }

signals:
    void status(const QString &text);
    // refresh() finished: the action is visible or not.
    void refreshed(bool visible);

private:
    void say(const QString &text);

    TeamSignInFlow *m_flow;
    SignInController *m_controller;
    QWidget *m_window;
    QAction *m_action;
    QString m_lastStatus;
};

// Team mode's File > Connect Instagram account…: the flow, its own login controller and the
// action (after `after` in the File menu), all owned by `window`; asks whether the agent is an
// admin whenever the team connection comes up. Status news go to the window's status bar.
TeamConnectAction *installTeamConnectAction(
    TeamMode *team, MainWindow *window, QAction *after, const QString &dataDir);

} // namespace inlet::app
