#include "app/shell/notifier.h"

#include "app/inbox/contactnametext.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QApplication>
#include <QDateTime>
#include <QHash>
#include <QScopeGuard>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>
#include <functional>
#include <numeric>

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
    , m_readers(store->readers())
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

// What a store change brought, read on the reader thread: the newest messages it named (the
// unread count is refreshed by its own job) and the contacts of their customers.
struct Notifier::Read {
    QList<StoredMessage> messages;
    QHash<QString, Contact> contacts;
    bool truncated = false;
};

// Reads the conversations table only (StoreReader::counts() also counted every message: about
// 10,000 pages at 1,000,000), on the reader thread.
void Notifier::refreshUnread()
{
    countUnread({});
}

void Notifier::countUnread(std::function<void()> then)
{
    using Counts = QHash<QString, int>;
    onDone(m_readers->read<Counts>([](StoreReader &r) { return r.unreadConversationsByAccount(); }),
        this, [this, then = std::move(then)](const Result<Counts> &counts) {
            const auto done = qScopeGuard([&then] {
                if (then)
                    then();
            });
            if (!counts) {
                qCWarning(lcApp) << "notifier cannot count unread:" << counts.error().message;
                return;
            }
            if (*counts != m_unreadByAccount) {
                m_unreadByAccount = *counts;
                emit unreadByAccountChanged(m_unreadByAccount);
            }
            const int unread = std::accumulate(counts->cbegin(), counts->cend(), 0);
            if (unread == m_unread)
                return;
            m_unread = unread;
            if (m_tray)
                m_tray->setToolTip(m_unread > 0
                        ? tr("Inlet: %n unread conversation(s)", nullptr, m_unread)
                        : tr("Inlet"));
            emit unreadCountChanged(m_unread);
        });
}

void Notifier::onStoreChanged(const StoreChange &change)
{
    if (change.conversationIds.isEmpty() && change.removedConversationIds.isEmpty()
        && change.accountIds.isEmpty() && change.messageIds.isEmpty())
        return;
    const auto handled = [this] { emit changeHandled(); };
    if (change.messageIds.isEmpty() || !notificationsEnabled()) {
        countUnread(handled);
        return;
    }

    // A backfill commits thousands of rows at once: only the newest few are looked at (new rows
    // have the highest ids).
    QList<qint64> ids = change.messageIds;
    const bool truncated = ids.size() > kMaxInspected;
    if (truncated) {
        std::partial_sort(ids.begin(), ids.begin() + kMaxInspected, ids.end(), std::greater<>());
        ids.resize(kMaxInspected);
    }
    ids.removeIf([this](qint64 id) { return m_notifiedIds.contains(id); });
    if (ids.isEmpty()) {
        countUnread(handled);
        return;
    }
    refreshUnread(); // answered before the messages below: the reader thread runs jobs in order
    const qint64 from = m_notifyFromMs;
    onDone(m_readers->read<Read>([ids, truncated, from](StoreReader &r) -> Result<Read> {
        Read read;
        read.truncated = truncated;
        for (qint64 id : ids) {
            const auto found = r.message(id);
            if (!found || !found->has_value())
                continue;
            const StoredMessage &message = **found;
            // Only what a customer just wrote: no echoes or outbox rows, no unsent or old messages.
            if (message.outgoing || message.deleted || message.createdMs < from)
                continue;
            if (!read.contacts.contains(message.customerId)) {
                if (const auto contact = r.contact(message.customerId);
                    contact && contact->has_value())
                    read.contacts.insert(message.customerId, **contact);
            }
            read.messages.append(message);
        }
        return read;
    }),
        this, [this](const Result<Read> &read) {
            if (read)
                showNew(*read);
            emit changeHandled();
        });
}

void Notifier::showNew(const Read &read)
{
    QList<StoredMessage> fresh;
    for (const StoredMessage &message : read.messages) {
        // Settings may have changed while the store was read; another change may have shown it.
        if (m_notifiedIds.contains(message.id) || isAccountMuted(message.accountId))
            continue;
        if (m_notifiedIds.size() > kMaxRememberedIds)
            m_notifiedIds.clear();
        m_notifiedIds.insert(message.id);
        fresh.append(message);
    }
    if (fresh.isEmpty() || !notificationsEnabled())
        return;

    if (read.truncated) {
        notify(tr("Inlet"), tr("New messages"));
    } else if (fresh.size() > kMaxSingleNotifications) {
        notify(tr("Inlet"), tr("%n new message(s)", nullptr, int(fresh.size())));
    } else {
        for (const StoredMessage &message : fresh) {
            QString name = contactNameText({}, {}, message.customerId);
            if (const auto contact = read.contacts.constFind(message.customerId);
                contact != read.contacts.cend())
                name = contactNameText(contact->name, contact->username, message.customerId);
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
