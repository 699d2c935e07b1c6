#pragma once

#include "common/result.h"
#include "store/storechange.h"
#include "store/storetypes.h"
#include "store/writesession.h"

namespace inlet {

class EventApplier;

// The outbox's rows: outgoing messages from the moment they are written (Queued) until Instagram
// accepts them (Sent, with its mid) or refuses them for good (Failed). Runs on the writer thread.
class OutboxWriter {
public:
    OutboxWriter(WriteSession &session, EventApplier &events) : m_session(session), m_events(events) {}

    Result<qint64> enqueue(const QString &accountId, const QString &customerId, const QString &text,
                           const QList<AttachmentData> &attachments, const QString &replyToMid,
                           const QString &tag, StoreChange &change);
    Status markSending(qint64 localId, StoreChange &change);
    Status markSent(qint64 localId, const QString &mid, StoreChange &change);
    Status markFailed(qint64 localId, const QString &reason, bool retryable, qint64 nextAttemptMs,
                      StoreChange &change);
    Status retry(qint64 localId, StoreChange &change);
    Status remove(qint64 localId, StoreChange &change);
    Result<QList<StoredMessage>> pending();
    // The first attachment's URL of a Queued or Failed message (its upload finished).
    Status setAttachmentUrl(qint64 localId, const QString &url, StoreChange &change);

private:
    Result<MessageHandle> outboxRow(qint64 localId);
    Status update(qint64 localId, const QString &sql, const QVariantList &values, StoreChange &change);

    WriteSession &m_session;
    EventApplier &m_events;
};

} // namespace inlet
