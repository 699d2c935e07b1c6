#include "app/shell/notifier.h"

#include "app/inbox/contactnametext.h"
#include "common/logging.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QApplication>
#include <QDateTime>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>
#include <functional>

namespace inlet::app {

namespace {

const QString kEnabledKey = QStringLiteral("notifications/enabled");
const QString kSoundKey = QStringLiteral("notifications/sound");
QString mutedKey(const QString &accountId) { return QStringLiteral("notifications/muted/") + accountId; }

// More new messages than this in one commit (a burst, a catch-up) become one summary.
constexpr int kMaxSingleNotifications = 3;
constexpr int kPreviewLength = 120;
constexpr qsizetype kMaxInspected = 50;
// The set only guards against notifying twice; old ids can go.
constexpr qsizetype kMaxRememberedIds = 10000;

QString preview(const StoredMessage &message)
{
    QString text = message.text.simplified();
    if (text.isEmpty() && !message.attachments.isEmpty())
        text = QCoreApplication::translate("inlet::app::Notifier", "Sent an attachment");
    if (text.size() > kPreviewLength)
        text = text.left(kPreviewLength - 1) + QChar(0x2026);
    return text;
}

} // namespace

Notifier::Notifier(Store *store, QSettings *settings, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_window(window)
    , m_databasePath(store->databasePath())
    , m_notifyFromMs(QDateTime::currentMSecsSinceEpoch())
{
    connect(store, &Store::changed, this, &Notifier::onStoreChanged);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason != QSystemTrayIcon::Trigger || !m_window)
                return;
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    refreshUnread();
}

Notifier::~Notifier() = default;

bool Notifier::notificationsEnabled() const { return m_settings->value(kEnabledKey, true).toBool(); }
void Notifier::setNotificationsEnabled(bool on) { m_settings->setValue(kEnabledKey, on); }
bool Notifier::soundEnabled() const { return m_settings->value(kSoundKey, false).toBool(); }
void Notifier::setSoundEnabled(bool on) { m_settings->setValue(kSoundKey, on); }

bool Notifier::isAccountMuted(const QString &accountId) const
{
    return m_settings->value(mutedKey(accountId), false).toBool();
}

void Notifier::setAccountMuted(const QString &accountId, bool muted)
{
    if (muted)
        m_settings->setValue(mutedKey(accountId), true);
    else
        m_settings->remove(mutedKey(accountId));
}

QString Notifier::titleWithCount(const QString &base, int unread)
{
    return unread > 0 ? QStringLiteral("%1 (%2)").arg(base).arg(unread) : base;
}

bool Notifier::ensureReader()
{
    if (m_reader)
        return true;
    auto opened = StoreReader::open(m_databasePath);
    if (!opened) {
        qCWarning(lcApp) << "notifier cannot read the store:" << opened.error().message;
        return false;
    }
    m_reader = std::move(*opened);
    return true;
}

// Reads the conversations table only: cheap enough for the GUI thread at start-up and after each
// commit (StoreReader::counts() also counted every message: about 10,000 pages at 1,000,000).
void Notifier::refreshUnread()
{
    if (!ensureReader())
        return;
    const auto unread = m_reader->unreadConversationCount();
    if (!unread) {
        qCWarning(lcApp) << "notifier cannot count unread:" << unread.error().message;
        return;
    }
    if (*unread == m_unread)
        return;
    m_unread = *unread;
    if (m_tray)
        m_tray->setToolTip(m_unread > 0 ? tr("Inlet: %n unread conversation(s)", nullptr, m_unread)
                                        : tr("Inlet"));
    emit unreadCountChanged(m_unread);
}

void Notifier::onStoreChanged(const StoreChange &change)
{
    if (change.conversationIds.isEmpty() && change.removedConversationIds.isEmpty()
        && change.accountIds.isEmpty() && change.messageIds.isEmpty())
        return;
    refreshUnread();
    if (change.messageIds.isEmpty() || !notificationsEnabled() || !ensureReader())
        return;

    // A backfill commits thousands of rows at once; reading each on the GUI thread would stall
    // it. New rows have the highest ids, so only the newest few are looked at.
    QList<qint64> ids = change.messageIds;
    const bool truncated = ids.size() > kMaxInspected;
    if (truncated) {
        std::partial_sort(ids.begin(), ids.begin() + kMaxInspected, ids.end(), std::greater<>());
        ids.resize(kMaxInspected);
    }

    QList<StoredMessage> fresh;
    for (qint64 id : std::as_const(ids)) {
        if (m_notifiedIds.contains(id))
            continue;
        const auto found = m_reader->message(id);
        if (!found || !found->has_value())
            continue;
        const StoredMessage &message = **found;
        // Only what a customer just wrote: no echoes or outbox rows, no unsent or old messages.
        if (message.outgoing || message.deleted || message.createdMs < m_notifyFromMs)
            continue;
        if (isAccountMuted(message.accountId))
            continue;
        if (m_notifiedIds.size() > kMaxRememberedIds)
            m_notifiedIds.clear();
        m_notifiedIds.insert(id);
        fresh.append(message);
    }
    if (fresh.isEmpty())
        return;

    if (truncated) {
        notify(tr("Inlet"), tr("New messages"));
    } else if (fresh.size() > kMaxSingleNotifications) {
        notify(tr("Inlet"), tr("%n new message(s)", nullptr, int(fresh.size())));
    } else {
        for (const StoredMessage &message : fresh) {
            QString name = contactNameText({}, {}, message.customerId);
            if (const auto contact = m_reader->contact(message.customerId); contact && contact->has_value())
                name = contactNameText((*contact)->name, (*contact)->username, message.customerId);
            notify(name, preview(message));
        }
    }
    if (soundEnabled())
        QApplication::beep();
}

void Notifier::notify(const QString &title, const QString &body)
{
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, body, QSystemTrayIcon::Information);
    emit notified(title, body);
}

} // namespace inlet::app
