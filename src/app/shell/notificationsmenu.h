#pragma once

#include <QMenu>

#include <functional>
#include <utility>

namespace inlet::app {

class Notifier;

// The Notifications menu: notifications on/off, sound on/off, and a mute toggle per account.
// The accounts are asked for each time the menu opens, so it follows connects and disconnects.
class NotificationsMenu : public QMenu {
    Q_OBJECT
public:
    // (account id, display name)
    using AccountList = std::function<QList<std::pair<QString, QString>>()>;

    NotificationsMenu(Notifier *notifier, AccountList accounts, QWidget *parent = nullptr);

    // Rebuilds the entries from the notifier's current settings (also done before showing).
    void refresh();

private:
    Notifier *m_notifier;
    AccountList m_accounts;
};

} // namespace inlet::app
