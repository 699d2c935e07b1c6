#pragma once

#include "model/types.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace inlet::app {

class AvatarLoader;

// One connected account: avatar, name, @username, and a "needs sign-in" banner with Reconnect.
class AccountRow : public QWidget {
    Q_OBJECT
public:
    AccountRow(const Account &account, AvatarLoader *avatars, QWidget *parent = nullptr);

    void setAccount(const Account &account);
    const Account &account() const { return m_account; }
    bool bannerVisible() const;
    QPushButton *reconnectButton() const { return m_reconnect; }
    QPushButton *disconnectButton() const { return m_disconnect; }

signals:
    void reconnectRequested(const QString &accountId);
    void disconnectRequested(const QString &accountId);

private:
    void refreshAvatar();

    Account m_account;
    AvatarLoader *m_avatars;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_username;
    QWidget *m_banner;
    QPushButton *m_reconnect;
    QPushButton *m_disconnect;
};

// The list of connected accounts, shown beside the inbox.
class AccountsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AccountsPanel(AvatarLoader *avatars, QWidget *parent = nullptr);

    void setAccounts(const QList<Account> &accounts);
    AccountRow *row(const QString &accountId) const { return m_rows.value(accountId); }
    int rowCount() const { return int(m_rows.size()); }

signals:
    void reconnectRequested(const QString &accountId);
    void disconnectRequested(const QString &accountId);
    void connectRequested();

private:
    AvatarLoader *m_avatars;
    QVBoxLayout *m_list;
    QHash<QString, AccountRow *> m_rows;
};

} // namespace inlet::app
