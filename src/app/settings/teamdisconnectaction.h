#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace inlet {
class TeamMode;
} // namespace inlet

namespace inlet::app {

class AccountsPanel;
class MainWindow;

// Disconnecting an account in team mode (docs/team.md, "Disconnecting an account"): the accounts
// list's Disconnect button, shown for admin agents only (asked on a thread of Qt's pool, as
// TeamConnectAction does); after a confirmation the request goes to the team server through
// PostgreSQL (team::disconnect::request), which unsubscribes the account's webhooks, deletes its
// token and removes it for every replica. Progress and the outcome go to status() in the UI's
// words.
class TeamDisconnectAction : public QObject {
    Q_OBJECT
public:
    // `connection` gives the agent's connection when asked; `panel` holds the rows whose button
    // this drives; `window` parents the confirmation.
    TeamDisconnectAction(std::function<team::TeamConnection()> connection, AccountsPanel *panel,
        QWidget *window, QObject *parent = nullptr);

    // Asks again whether the agent is an admin (when the team connection is up).
    void refresh();
    // Asks to confirm disconnecting the account `igUserId`, then asks the team server.
    void requestDisconnect(const QString &igUserId);
    // The open confirmation (tests), or null.
    QMessageBox *confirmation() const { return m_confirm; }
    bool busy() const { return !m_busyWith.isEmpty(); }
    // The last status text (tests).
    QString lastStatus() const { return m_lastStatus; }
    // A failure in the UI's words.
    static QString failureText(const Error &error);

signals:
    void status(const QString &text);
    // refresh() finished: the buttons are shown or not.
    void refreshed(bool admin);
    // A request finished (done, even without unsubscribing, or not).
    void finished(bool disconnected);

private:
    void disconnectNow(const QString &igUserId, const QString &name);
    void say(const QString &text);

    std::function<team::TeamConnection()> m_connection;
    AccountsPanel *m_panel;
    QWidget *m_window;
    QPointer<QMessageBox> m_confirm;
    QString m_busyWith;
    QString m_lastStatus;
};

// Team mode's Disconnect in the accounts list: the controller, owned by `window`, asking whether
// the agent is an admin whenever the team connection comes up. Status news go to the window's
// status bar.
TeamDisconnectAction *installTeamDisconnectAction(TeamMode *team, MainWindow *window);

} // namespace inlet::app
