#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QSettings;
class QSystemTrayIcon;
class QWidget;

namespace inlet {
class ReaderPool;
class Store;
struct StoreChange;
struct StoredMessage;
}

namespace inlet::app {

// Tells the manager about new customer messages: keeps the unread count (for the window title and
// the tray tooltip) and raises a desktop notification per new inbound message, unless
// notifications are off or the account is muted. Preferences live in the given QSettings:
// notifications/enabled (default on), notifications/sound (default off),
// notifications/muted/<accountId>. The store is read on its reader thread (Store::readers()); the
// count and the notifications follow on this object's thread.
class Notifier : public QObject {
    Q_OBJECT
public:
    // `window` is raised when the tray icon is clicked (may be null). `settings` must outlive this.
    Notifier(Store *store, QSettings *settings, QWidget *window = nullptr, QObject *parent = nullptr);
    ~Notifier() override;

    // Conversations with unread customer messages (-1 until the first count came back).
    int unreadCount() const { return m_unread; }
    // The same per account (accounts with none are left out), for the accounts rail's badges.
    QHash<QString, int> unreadByAccount() const { return m_unreadByAccount; }

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);
    bool soundEnabled() const;
    void setSoundEnabled(bool on);
    bool isAccountMuted(const QString &accountId) const;
    void setAccountMuted(const QString &accountId, bool muted);

    // Only messages created at or after this time notify, so a backfill of old history or an edit
    // of an old message stays quiet. Defaults to when the notifier was made.
    void setNotifyFromMs(qint64 ms) { m_notifyFromMs = ms; }

    // "Inlet (3)" for a base title "Inlet" and 3 unread; the base alone for 0.
    static QString titleWithCount(const QString &base, int unread);

public slots:
    // Counts again; unreadCountChanged follows when the count changed.
    void refreshUnread();

signals:
    void unreadCountChanged(int unread);
    void unreadByAccountChanged(const QHash<QString, int> &unread);
    // Fired for every notification, whether or not a system tray exists to show it.
    void notified(const QString &title, const QString &body);
    // A store change was read and acted on (counted, notified or not): after notified().
    void changeHandled();

private:
    struct Read;
    void countUnread(std::function<void()> then);
    void onStoreChanged(const inlet::StoreChange &change);
    void showNew(const Read &read);
    void notify(const QString &title, const QString &body);

    QSettings *m_settings;
    QPointer<QWidget> m_window;
    std::shared_ptr<ReaderPool> m_readers;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<qint64> m_notifiedIds;
    qint64 m_notifyFromMs = 0;
    int m_unread = -1;
    QHash<QString, int> m_unreadByAccount;
};

} // namespace inlet::app
