#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

#include "common/result.h"
#include "model/types.h"

namespace inlet {

// A message the manager wants to send. Text OR one attachment by public URL (Instagram takes
// them as separate messages).
struct OutgoingMessage {
    QString accountId;  // the business IG_ID
    QString customerId; // IGSID
    QString text;
    QString attachmentType; // image, video, audio, file
    QString attachmentUrl;  // public HTTPS URL Instagram fetches; empty until uploaded
    // A local file the outbox uploads (MediaUploader) before sending; the URL is persisted once
    // the upload finished, so a restart does not upload twice. Empty for text or a ready URL.
    QString attachmentPath;
    QString replyToMid;
    bool humanAgent = false; // HUMAN_AGENT tag: allowed up to 7 days after the customer's last message
};

// One outbox row as the store keeps it.
struct OutboxItem {
    qint64 localId = 0;
    OutgoingMessage message;
    MessageState state = MessageState::Queued;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    qint64 enqueuedMs = 0;
};

// Durable side of the outbox. Production: StoreOutboxStorage over Store + StoreReader.
class OutboxStorage
{
public:
    virtual ~OutboxStorage() = default;

    virtual QFuture<Result<qint64>> enqueue(const OutgoingMessage &message) = 0; // -> Queued
    // Rows still to deliver (Queued and Sending), oldest first.
    virtual QFuture<Result<QList<OutboxItem>>> pending() = 0;
    virtual QFuture<Result<std::optional<OutboxItem>>> item(qint64 localId) = 0;
    virtual QFuture<Status> markSending(qint64 localId) = 0;
    // Sent with Instagram's message id; the store merges an echo that already carries `mid`.
    virtual QFuture<Status> markSent(qint64 localId, const QString &mid) = 0;
    // Not sent this time; stays queued until `nextAttemptMs` (persisted: survives a restart).
    virtual QFuture<Status> markRetry(qint64 localId, const QString &reason, int attempts,
                                      qint64 nextAttemptMs) = 0;
    virtual QFuture<Status> markFailed(qint64 localId, const QString &reason) = 0; // final
    virtual QFuture<Status> requeue(qint64 localId) = 0; // Failed -> Queued (UI Retry)
    virtual QFuture<Status> remove(qint64 localId) = 0;
    // The upload of `attachmentPath` finished: from now on the item carries this public URL.
    virtual QFuture<Status> setAttachmentUrl(qint64 localId, const QString &url) = 0;
    // Which of `mids` belong to outbox rows already (so reconciliation never claims one twice).
    virtual QFuture<Result<QSet<QString>>> claimedMids(const QString &accountId,
                                                       const QStringList &mids) = 0;
};

// One upload in progress. Emits progress() any number of times, then finished() exactly once
// (also after cancel(): Error::Kind::Cancelled), never before upload() returned it. Deletes itself
// after finished() (deleteLater). Errors: Network (host unreachable, 5xx, stalled: worth a retry),
// Http (4xx: final), Invalid (the file can't be read or isn't media Instagram takes), Keychain.
class MediaUpload : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

signals:
    void progress(qint64 bytesSent, qint64 bytesTotal);
    void finished(const inlet::Result<QString> &publicUrl);
};

// Puts a local file where Instagram can fetch it: the Send API takes media only by public HTTPS
// URL (instagram-api.md §3.2). Production: HttpMediaUploader (HTTP PUT to the manager's media
// host; the sandbox serves one at /media/).
class MediaUploader
{
public:
    virtual ~MediaUploader() = default;
    // Starts uploading at once; never returns null (a bad file finishes with an error).
    virtual MediaUpload *upload(const QString &accountId, const QString &filePath) = 0;
    virtual bool isConfigured() const = 0;
};

// Instagram side of the outbox for any account (the implementation finds the token).
class OutboxTransport
{
public:
    virtual ~OutboxTransport() = default;

    // POST /me/messages -> {"recipient_id","message_id"}
    virtual QFuture<Result<QJsonObject>> send(const QString &accountId, const QJsonObject &body) = 0;
    // GET /me/conversations?platform=instagram&user_id=<igsid> -> {"data":[{"id",...}]}
    virtual QFuture<Result<QJsonObject>> findConversation(const QString &accountId,
                                                          const QString &customerId) = 0;
    // GET /<conversation>?fields=messages -> newest first
    virtual QFuture<Result<QJsonObject>> conversationMessages(const QString &accountId,
                                                              const QString &conversationId) = 0;
    // GET /<mid>?fields=id,created_time,from,to,message
    virtual QFuture<Result<QJsonObject>> message(const QString &accountId, const QString &mid) = 0;
    // Extra wait suggested by the usage headers / recent rate limits, 0 if none.
    virtual qint64 suggestedDelayMs(const QString &accountId) const
    {
        Q_UNUSED(accountId);
        return 0;
    }
};

// Team mode (docs/team.md): the team server sends, not this desktop. The outbox hands each
// message over instead of calling the Send API; success means the team database has it (then
// the message stays Sending until the result comes back through the replica); an error keeps it
// queued for a retry (Outbox::wake() when the connection is back). Must be idempotent per
// localId: a message in doubt after a crash is handed over again.
class ReplyHandOff {
public:
    virtual ~ReplyHandOff() = default;
    virtual QFuture<Status> handOff(qint64 localId, const OutgoingMessage &message) = 0;
};

} // namespace inlet
