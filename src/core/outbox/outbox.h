#pragma once

#include "common/result.h"
#include "outbox/outboxports.h"
#include "outbox/sendfailure.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace inlet {

class Reconciler;

struct OutboxOptions {
    int backoffBaseMs = 2000;          // first retry after ~2 s, doubling ...
    int backoffMaxMs = 15 * 60 * 1000; // ... up to 15 min
    int maxAttempts = 12;              // answered failures, then Failed with Retry (sendpolicy::givesUp)
    qint64 reconcileSkewMs = 5 * 60 * 1000;
};

// Durable, ordered sending (issue 5, "Outbox (core)").
//
// send() validates (1000 UTF-8 bytes, ...), writes the message to the store as Queued and only
// then delivers it; per conversation (account + customer) messages go out strictly one after the
// other in enqueue order; conversations don't wait for each other. Success stores Instagram's
// message_id (markSent), so the echo webhook matches the row instead of doubling it. Rate limits
// and failures before delivery retry with exponential back-off and jitter; the next attempt time
// is persisted, so a restart continues where it stopped. A message that may already be on
// Instagram (state Sending after a crash, or a send that got no clear answer: timeout, 5xx) is
// first reconciled against the Conversations API (see Reconciler for the exact rule) and only
// resent when Instagram positively does not have it. Final errors (window closed, user gone,
// token dead, invalid) mark it Failed with a reason; retry()/remove() are for the UI.
//
// Attachments from a file (OutgoingMessage::attachmentPath) are uploaded first (MediaUploader)
// when their turn comes, in the same per-conversation order. The message stays Queued during the
// upload (nothing is on Instagram yet, so a crash then leaves nothing in doubt: the next start
// uploads again); the public URL is persisted (setAttachmentUrl) before the normal send. A media
// host that can't be reached retries with the same back-off; a file that is gone or refused, or a
// 4xx from the host, fails the message with the reason (Retry uploads again).
// What sendReply stored, in send order, and why the rest was not (nothing after it was stored).
// No ids and an error: nothing was stored; an id and an error: the file is queued, the text is not.
struct QueuedReply {
    QList<qint64> localIds;
    std::optional<Error> error;
};

class Outbox : public QObject
{
    Q_OBJECT
public:
    Outbox(OutboxStorage *storage, OutboxTransport *transport, QObject *parent = nullptr);
    ~Outbox() override;

    void setOptions(const OutboxOptions &options);
    // Wall clock in ms (tests may pin it); default: system time.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // Uploads attachments given by local path (OutgoingMessage::attachmentPath). Without one,
    // such messages are refused by send().
    void setUploader(MediaUploader *uploader) { m_uploader = uploader; }
    // Team mode: messages go to `handOff` (the team server sends them) instead of the transport.
    void setHandOff(ReplyHandOff *handOff) { m_handOff = handOff; }

    // Loads what the store still has to send (after a restart) and starts delivering.
    void start();
    bool isStarted() const { return m_started; }

    // Queued -> delivered in the background. The future gives the local id once it is stored,
    // or the reason it was refused (too long, empty, storage error): then nothing was stored.
    // With attachmentPath (and no URL) it is also refused without a configured uploader or when
    // MediaPolicy refuses the file; attachmentType is then taken from the file's content.
    QFuture<Result<qint64>> send(const OutgoingMessage &message);
    // A reply as the composer writes it, text and/or a file. Instagram takes an attachment and
    // text as separate messages: the file goes first (carrying the reply_to), the text after it,
    // queued only once the file's message is stored so that the order holds.
    QFuture<QueuedReply> sendReply(const OutgoingMessage &reply);
    // A Failed message goes back to the queue and is sent now (after reconciling if needed).
    QFuture<Status> retry(qint64 localId);
    // Deletes a queued or failed message (aborting its upload); refused (Invalid) once it is in
    // flight to Instagram.
    QFuture<Status> remove(qint64 localId);
    // Stops a message whose attachment is still uploading (or queued, or failed) and deletes it.
    // Refused (Invalid) once the message itself is in flight to Instagram.
    QFuture<Status> cancel(qint64 localId);

    // The connection is back (Connectivity::onlineChanged): messages waiting for a retry time go
    // now instead of after their backoff.
    void wake();

    int pendingCount() const { return int(m_items.size()); }

signals:
    void stateChanged(qint64 localId, inlet::MessageState state, const QString &reason);
    void sent(qint64 localId, const QString &mid);
    void failed(qint64 localId, const QString &reason);
    // An attachment upload moved on; bytesTotal > 0. Not persisted: after a restart it starts at 0.
    void uploadProgress(qint64 localId, qint64 bytesSent, qint64 bytesTotal);
    // The message was cancelled and removed (cancel()).
    void cancelled(qint64 localId);
    // Nothing left to deliver right now (everything sent, failed or waiting for a retry time).
    void idle();

private:
    struct Entry {
        OutboxItem item;
        bool inDoubt = false; // may be on Instagram already: reconcile before (re)sending
    };
    static QString conversationKey(const OutgoingMessage &m);

    void add(const OutboxItem &item, bool inDoubt);
    void pump();
    void deliver(qint64 localId);
    Status prepareAttachment(OutgoingMessage &message) const;
    void upload(qint64 localId);
    void uploaded(qint64 localId, const Result<QString> &url);
    void sendNow(qint64 localId);
    void handOffNow(qint64 localId);
    QFuture<Status> discard(qint64 localId, bool byCancel);
    void reconcileThenDeliver(qint64 localId);
    void handleError(qint64 localId, const Error &error, bool mayHaveArrived);
    void scheduleRetry(qint64 localId, SendFailure failure, bool inDoubt);
    void finishSent(qint64 localId, const QString &mid);
    void finishFailed(qint64 localId, const SendFailure &failure);
    void release(qint64 localId);

    OutboxStorage *m_storage;
    OutboxTransport *m_transport;
    MediaUploader *m_uploader = nullptr;
    ReplyHandOff *m_handOff = nullptr;
    Reconciler *m_reconciler;
    OutboxOptions m_options;
    std::function<qint64()> m_clock;
    bool m_started = false;
    bool m_loading = false;

    QMap<qint64, Entry> m_items;              // pending, by local id (= enqueue order)
    QSet<QString> m_busy;                     // conversations with a send or check in flight
    QSet<qint64> m_inFlight;
    QHash<qint64, QPointer<MediaUpload>> m_uploads; // attachments uploading (also in m_inFlight)
    QTimer m_timer;                           // wakes up for the earliest retry time
};

} // namespace inlet
