#include "app/shell/notificationsmenu.h"

#include "app/shell/notifier.h"

namespace inlet::app {

NotificationsMenu::NotificationsMenu(Notifier *notifier, AccountList accounts, QWidget *parent)
    : QMenu(tr("&Notifications"), parent)
    , m_notifier(notifier)
    , m_accounts(std::move(accounts))
{
    connect(this, &QMenu::aboutToShow, this, &NotificationsMenu::refresh);
    refresh();
}

void NotificationsMenu::refresh()
{
    clear();
    QAction *enabled = addAction(tr("Show &notifications"));
    enabled->setCheckable(true);
    enabled->setChecked(m_notifier->notificationsEnabled());
    connect(enabled, &QAction::toggled, m_notifier, &Notifier::setNotificationsEnabled);

    QAction *sound = addAction(tr("Play a &sound"));
    sound->setCheckable(true);
    sound->setChecked(m_notifier->soundEnabled());
    connect(sound, &QAction::toggled, m_notifier, &Notifier::setSoundEnabled);

    const auto accounts = m_accounts ? m_accounts() : QList<std::pair<QString, QString>>{};
    if (accounts.isEmpty())
        return;
    addSection(tr("Mute accounts"));
    for (const auto &[id, name] : accounts) {
        QAction *mute = addAction(tr("Mute %1").arg(name.isEmpty() ? id : name));
        mute->setCheckable(true);
        mute->setChecked(m_notifier->isAccountMuted(id));
        mute->setData(id);
        connect(mute, &QAction::toggled, m_notifier,
                [notifier = m_notifier, accountId = id](bool on) { notifier->setAccountMuted(accountId, on); });
    }
}

} // namespace inlet::app
