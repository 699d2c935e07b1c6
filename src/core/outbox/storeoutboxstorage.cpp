#include "outbox/storeoutboxstorage.h"

#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QFileInfo>

namespace inlet {

namespace {
const QString humanAgentTag = QStringLiteral("HUMAN_AGENT");
// attachments.payload_json of an outgoing attachment given by file: where the file is, so the
// outbox can upload it (again, after a restart) and the bubble can show it before it is sent.
const QString localPathKey = QStringLiteral("local_path");
const QString sizeKey = QStringLiteral("size");
} // namespace

StoreOutboxStorage::StoreOutboxStorage(Store *store)
    : m_store(store)
{
}

StoreOutboxStorage::~StoreOutboxStorage() = default;

OutboxItem StoreOutboxStorage::toItem(const StoredMessage &m)
{
    OutboxItem item;
    item.localId = m.id;
    item.message.accountId = m.accountId;
    item.message.customerId = m.customerId;
    item.message.text = m.text;
    if (!m.attachments.isEmpty()) {
        item.message.attachmentType = m.attachments.first().type;
        item.message.attachmentUrl = m.attachments.first().url;
        item.message.attachmentPath = m.attachments.first().payload.value(localPathKey).toString();
    }
    item.message.replyToMid = m.replyToMid;
    item.message.humanAgent = (m.tag == humanAgentTag);
    item.state = m.state;
    item.attempts = m.attempts;
    item.nextAttemptMs = m.nextAttemptMs;
    item.enqueuedMs = m.createdMs;
    return item;
}

QFuture<Result<qint64>> StoreOutboxStorage::enqueue(const OutgoingMessage &message)
{
    QList<AttachmentData> attachments;
    if (!message.attachmentUrl.isEmpty() || !message.attachmentPath.isEmpty()) {
        AttachmentData a;
        a.type = message.attachmentType.isEmpty() ? QStringLiteral("image") : message.attachmentType;
        a.url = message.attachmentUrl;
        if (!message.attachmentPath.isEmpty()) {
            a.payload.insert(localPathKey, message.attachmentPath);
            a.payload.insert(sizeKey, QFileInfo(message.attachmentPath).size());
        }
        attachments.append(a);
    }
    return m_store->enqueueOutgoing(message.accountId, message.customerId, message.text, attachments,
                                    message.replyToMid, message.humanAgent ? humanAgentTag : QString());
}

QFuture<Result<QList<OutboxItem>>> StoreOutboxStorage::pending()
{
    return m_store->pendingOutgoing().then([](const Result<QList<StoredMessage>> &rows) -> Result<QList<OutboxItem>> {
        if (!rows) {
            return std::unexpected(rows.error());
        }
        QList<OutboxItem> items;
        items.reserve(rows->size());
        for (const StoredMessage &m : *rows) {
            items.append(toItem(m));
        }
        return items;
    });
}

QFuture<Result<std::optional<OutboxItem>>> StoreOutboxStorage::item(qint64 localId)
{
    return m_store->readers()->read<std::optional<OutboxItem>>(
        [localId](StoreReader &r) -> Result<std::optional<OutboxItem>> {
            const Result<std::optional<StoredMessage>> m = r.message(localId);
            if (!m) {
                return std::unexpected(m.error());
            }
            if (!*m || !(*m)->outgoing) {
                return std::optional<OutboxItem>();
            }
            return toItem(**m);
        });
}

QFuture<Status> StoreOutboxStorage::markSending(qint64 localId)
{
    return m_store->markSending(localId);
}

QFuture<Status> StoreOutboxStorage::markSent(qint64 localId, const QString &mid)
{
    return m_store->markSent(localId, mid);
}

QFuture<Status> StoreOutboxStorage::markRetry(qint64 localId, const QString &reason, int attempts,
                                              qint64 nextAttemptMs)
{
    Q_UNUSED(attempts); // the store counts attempts itself (markSending)
    return m_store->markFailed(localId, reason, true, nextAttemptMs);
}

QFuture<Status> StoreOutboxStorage::markFailed(qint64 localId, const QString &reason)
{
    return m_store->markFailed(localId, reason, false);
}

QFuture<Status> StoreOutboxStorage::requeue(qint64 localId)
{
    return m_store->retryOutgoing(localId);
}

QFuture<Status> StoreOutboxStorage::remove(qint64 localId)
{
    return m_store->deleteOutgoing(localId);
}

QFuture<Status> StoreOutboxStorage::setAttachmentUrl(qint64 localId, const QString &url)
{
    return m_store->setOutgoingAttachmentUrl(localId, url);
}

QFuture<Result<QSet<QString>>> StoreOutboxStorage::claimedMids(const QString &accountId, const QStringList &mids)
{
    return m_store->readers()->read<QSet<QString>>(
        [accountId, mids](StoreReader &r) -> Result<QSet<QString>> {
            QSet<QString> claimed;
            for (const QString &mid : mids) {
                const Result<std::optional<StoredMessage>> m = r.messageByMid(accountId, mid);
                if (!m) {
                    return std::unexpected(m.error());
                }
                // Outbox rows carry a client id; an echo stored on its own does not (it may be
                // ours).
                if (*m && !(*m)->clientId.isEmpty()) {
                    claimed.insert(mid);
                }
            }
            return claimed;
        });
}

} // namespace inlet
