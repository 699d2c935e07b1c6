#pragma once

#include "model/types.h"
#include "service/subscriptionkeeper.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QPushButton;

namespace inlet::app {

class AvatarLoader;

namespace Ui {
class AccountRow;
class AccountsPanel;
} // namespace Ui

// What a row's Disconnect button does: Solo removes the account from this Inlet
// (MainWindow::disconnectAccount); Team asks the team server to disconnect it for the whole team
// (an admin agent, TeamDisconnectAction); Hidden: a team agent who is not an admin has none.
enum class DisconnectControl { Solo, Team, Hidden };

// One connected account: avatar, name, @username, how its messages arrive (webhooks live,
// subscription off, polling), and a "needs sign-in" banner with Reconnect.
class AccountRow : public QWidget {
    Q_OBJECT
public:
    AccountRow(const Account &account, AvatarLoader *avatars, QWidget *parent = nullptr);
    ~AccountRow() override;

    void setAccount(const Account &account);
    const Account &account() const { return m_account; }
    bool bannerVisible() const;
    // The webhook subscription's state (SubscriptionKeeper), shown under the name.
    void setSubscriptionStatus(const SubscriptionKeeper::Status &status, qint64 nowMs);
    QString subscriptionText() const;
    // The words for a state: "Live (last event 2 min ago)", "Subscription off: re-subscribing", ...
    static QString describe(const SubscriptionKeeper::Status &status, qint64 nowMs);
    QPushButton *reconnectButton() const;
    QPushButton *disconnectButton() const;
    void setDisconnectControl(DisconnectControl control);

signals:
    void reconnectRequested(const QString &accountId);
    void disconnectRequested(const QString &accountId);

private:
    void refreshAvatar();

    std::unique_ptr<Ui::AccountRow> m_ui; // the form, ui/accountrow.ui
    Account m_account;
    AvatarLoader *m_avatars;
};

// The list of connected accounts, shown beside the inbox.
class AccountsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AccountsPanel(AvatarLoader *avatars, QWidget *parent = nullptr);
    ~AccountsPanel() override;

    void setAccounts(const QList<Account> &accounts);
    // "Connect an account" under the list (hidden in team mode: MainWindow::setTeamMode).
    QPushButton *connectButton() const;
    AccountRow *row(const QString &accountId) const { return m_rows.value(accountId); }
    int rowCount() const { return int(m_rows.size()); }
    // Per account, how its messages arrive; the "… ago" text is kept current.
    void setSubscriptionStatus(const QString &accountId, const SubscriptionKeeper::Status &status);
    // The wall clock the "… ago" texts are measured with (tests).
    void setClock(std::function<qint64()> nowMs);
    // What every row's Disconnect button does (MainWindow::setTeamMode, TeamDisconnectAction).
    void setDisconnectControl(DisconnectControl control);
    DisconnectControl disconnectControl() const { return m_disconnect; }

signals:
    void reconnectRequested(const QString &accountId);
    void disconnectRequested(const QString &accountId);
    void connectRequested();

private:
    std::unique_ptr<Ui::AccountsPanel> m_ui; // the form, ui/accountspanel.ui
    AvatarLoader *m_avatars;
    QHash<QString, AccountRow *> m_rows;
    QHash<QString, SubscriptionKeeper::Status> m_statuses;
    std::function<qint64()> m_nowMs;
    QTimer m_refresh;
    DisconnectControl m_disconnect = DisconnectControl::Solo;
    void refreshStatuses();
};

} // namespace inlet::app
