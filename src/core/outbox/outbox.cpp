#include "outbox/outbox.h"

#include "common/backoff.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "outbox/mediapolicy.h"
#include "outbox/mediarefusal.h"
#include "outbox/reconciler.h"
#include "outbox/sendfailure.h"
#include "outbox/sendpolicy.h"

#include <QDateTime>
#include <QPromise>

#include <limits>
#include <memory>

namespace inlet {

namespace {

template <typename T>
QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

// An upload that may work later (host unreachable, 5xx, keyring locked, store busy).
bool isRetryableUpload(const Error &error)
{
    return error.kind == Error::Kind::Network || error.kind == Error::Kind::Keychain
        || error.kind == Error::Kind::Storage || error.kind == Error::Kind::Cancelled;
}

} // namespace

Outbox::Outbox(OutboxStorage *storage, OutboxTransport *transport, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_transport(transport)
    , m_reconciler(new Reconciler(transport, storage, this))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Outbox::pump);
    m_reconciler->setSkewMs(m_options.reconcileSkewMs);
}

Outbox::~Outbox()
{
    // Running uploads stop; their messages stay queued and upload again at the next start.
    for (const QPointer<MediaUpload> &running : std::as_const(m_uploads)) {
        if (MediaUpload *job = running.data()) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
}

void Outbox::setOptions(const OutboxOptions &options)
{
    m_options = options;
    m_reconciler->setSkewMs(options.reconcileSkewMs);
}

QString Outbox::conversationKey(const OutgoingMessage &m)
{
    return m.accountId + QLatin1Char('/') + m.customerId;
}

void Outbox::start()
{
    if (m_started || m_loading) {
        return;
    }
    m_loading = true;
    onDone(m_storage->pending(), this, [this](const Result<QList<OutboxItem>> &pending) {
        m_loading = false;
        if (!pending) {
            qCWarning(lcOutbox) << "outbox not loaded, trying again:" << pending.error().message;
            QTimer::singleShot(m_options.backoffBaseMs, this, &Outbox::start);
            return;
        }
        for (const OutboxItem &item : *pending) {
            // In flight when the app stopped, or tried before: it may be on Instagram already.
            add(item, item.state == MessageState::Sending || item.attempts > 0);
        }
        m_started = true;
        qCInfo(lcOutbox) << "outbox started with" << m_items.size() << "pending";
        pump();
    });
}

QFuture<Result<qint64>> Outbox::send(const OutgoingMessage &original)
{
    OutgoingMessage message = original;
    Status valid = sendpolicy::validate(message);
    if (valid && !message.attachmentPath.isEmpty() && message.attachmentUrl.isEmpty()) {
        valid = prepareAttachment(message);
    }
    if (!valid) {
        qCInfo(lcOutbox) << "message refused:" << valid.error().message;
        return readyFuture<Result<qint64>>(std::unexpected(valid.error()));
    }
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    promise->start();
    const qint64 enqueuedAt = m_clock();
    onDone(m_storage->enqueue(message), this, [this, promise, message, enqueuedAt](const Result<qint64> &id) {
        if (id) {
            OutboxItem item;
            item.localId = *id;
            item.message = message;
            item.enqueuedMs = enqueuedAt;
            add(item, false);
            emit stateChanged(*id, MessageState::Queued, {});
            pump();
        } else {
            qCWarning(lcOutbox) << "message not stored:" << id.error().message;
        }
        promise->addResult(id);
        promise->finish();
    });
    return promise->future();
}

QFuture<QueuedReply> Outbox::sendReply(const OutgoingMessage &reply)
{
    auto promise = std::make_shared<QPromise<QueuedReply>>();
    promise->start();
    auto queued = std::make_shared<QueuedReply>();
    const auto finish = [promise, queued](const std::optional<Error> &error) {
        queued->error = error;
        promise->addResult(*queued);
        promise->finish();
    };
    const auto enqueue = [this, queued, finish](const OutgoingMessage &message, auto next) {
        onDone(send(message), this, [queued, finish, next](const Result<qint64> &id) {
            if (!id)
                return finish(id.error());
            queued->localIds.append(*id);
            next();
        });
    };

    OutgoingMessage text = reply;
    text.attachmentPath.clear();
    text.attachmentUrl.clear();
    text.attachmentType.clear();
    const auto thenText = [enqueue, finish](const OutgoingMessage &message) {
        if (message.text.isEmpty())
            return finish(std::nullopt);
        enqueue(message, [finish] { finish(std::nullopt); });
    };
    if (reply.attachmentPath.isEmpty() && reply.attachmentUrl.isEmpty()) {
        thenText(text);
        return promise->future();
    }
    OutgoingMessage media = reply;
    media.text.clear();
    text.replyToMid.clear(); // the reply goes with the first message
    enqueue(media, [thenText, text] { thenText(text); });
    return promise->future();
}

QFuture<Status> Outbox::retry(qint64 localId)
{
    if (auto it = m_items.find(localId); it != m_items.end()) {
        it->item.nextAttemptMs = 0; // waiting for a back-off: go now
        pump();
        return readyFuture<Status>({});
    }
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    onDone(m_storage->requeue(localId), this, [this, promise, localId](const Status &requeued) {
        if (!requeued) {
            promise->addResult(requeued);
            promise->finish();
            return;
        }
        onDone(m_storage->item(localId), this, [this, promise, localId](const Result<std::optional<OutboxItem>> &item) {
            if (!item || !*item) {
                promise->addResult(item
                        ? Status(fail(Error::Kind::Invalid, Error::Reason::NoSuchMessage,
                            QStringLiteral("no such message")))
                        : Status(std::unexpected(item.error())));
                promise->finish();
                return;
            }
            OutboxItem queued = **item;
            queued.state = MessageState::Queued;
            queued.nextAttemptMs = 0;
            add(queued, queued.attempts > 0);
            emit stateChanged(localId, MessageState::Queued, {});
            pump();
            promise->addResult(Status{});
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<Status> Outbox::remove(qint64 localId)
{
    return discard(localId, false);
}

QFuture<Status> Outbox::cancel(qint64 localId)
{
    return discard(localId, true);
}

QFuture<Status> Outbox::discard(qint64 localId, bool byCancel)
{
    const bool uploading = m_uploads.contains(localId);
    if (m_inFlight.contains(localId) && !uploading) {
        return readyFuture<Status>(fail(Error::Kind::Invalid, QStringLiteral("The message is being sent to Instagram.")));
    }
    if (uploading) {
        if (MediaUpload *job = m_uploads.take(localId).data()) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
    // Held like a message in flight until the row is gone, so pump() does not start it meanwhile.
    const bool known = m_items.contains(localId);
    if (known) {
        m_inFlight.insert(localId);
        m_busy.insert(conversationKey(m_items.value(localId).item.message));
    }
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    onDone(m_storage->remove(localId), this, [this, promise, localId, known, byCancel](const Status &removed) {
        if (known) {
            release(localId);
        }
        if (removed) {
            m_items.remove(localId);
            if (byCancel) {
                qCInfo(lcOutbox) << "message" << localId << "cancelled";
                emit cancelled(localId);
            }
        }
        pump();
        promise->addResult(removed);
        promise->finish();
    });
    return promise->future();
}

void Outbox::add(const OutboxItem &item, bool inDoubt)
{
    if (m_items.contains(item.localId)) {
        return; // already known (enqueued while the start-up load was running)
    }
    m_items.insert(item.localId, Entry{item, inDoubt});
}

void Outbox::wake()
{
    const qint64 now = m_clock();
    bool any = false;
    for (Entry &entry : m_items) {
        if (entry.item.nextAttemptMs > now) {
            entry.item.nextAttemptMs = now; // in memory only: a restart would also try at once
            any = true;
        }
    }
    if (any) {
        qCInfo(lcOutbox) << "connection back: retrying waiting messages now";
        pump();
    }
}

void Outbox::pump()
{
    if (!m_started) {
        return;
    }
    const qint64 now = m_clock();
    qint64 earliest = std::numeric_limits<qint64>::max();
    QSet<QString> seen;
    QList<qint64> ready;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const QString key = conversationKey(it->item.message);
        if (seen.contains(key)) {
            continue; // only the oldest message of a conversation may go: order is kept
        }
        seen.insert(key);
        if (m_busy.contains(key)) {
            continue;
        }
        if (it->item.nextAttemptMs > now) {
            earliest = std::min(earliest, it->item.nextAttemptMs);
            continue;
        }
        ready.append(it.key());
    }
    for (qint64 localId : std::as_const(ready)) {
        Entry &entry = m_items[localId];
        m_busy.insert(conversationKey(entry.item.message));
        m_inFlight.insert(localId);
        if (entry.inDoubt && !m_handOff) { // a hand-off is idempotent: no need to reconcile
            reconcileThenDeliver(localId);
        } else {
            deliver(localId);
        }
    }
    if (earliest != std::numeric_limits<qint64>::max()) {
        m_timer.start(int(std::clamp<qint64>(earliest - now, 0, 24LL * 3600 * 1000)));
    } else {
        m_timer.stop();
    }
    if (m_inFlight.isEmpty()) {
        emit idle();
    }
}

void Outbox::deliver(qint64 localId)
{
    const OutgoingMessage &m = m_items[localId].item.message;
    if (!m.attachmentPath.isEmpty() && m.attachmentUrl.isEmpty()) {
        upload(localId);
    } else {
        sendNow(localId);
    }
}

Status Outbox::prepareAttachment(OutgoingMessage &message) const
{
    if (!m_uploader || !m_uploader->isConfigured()) {
        return std::unexpected(
            MediaRefusal::forFile(MediaRefusal::Reason::NoMediaHost, message.attachmentPath)
                .error());
    }
    const Result<MediaInfo> info = MediaPolicy::inspect(message.attachmentPath);
    if (!info) {
        return std::unexpected(info.error());
    }
    message.attachmentType = info->type; // by content, whatever the caller guessed
    return {};
}

void Outbox::upload(qint64 localId)
{
    // Checked again: the file may have changed or gone since it was queued (or before a restart).
    OutgoingMessage &m = m_items[localId].item.message;
    if (const Status ready = prepareAttachment(m); !ready) {
        finishFailed(localId, { SendFailure::Stage::File, ready.error() });
        return;
    }
    MediaUpload *job = m_uploader->upload(m.accountId, m.attachmentPath);
    m_uploads.insert(localId, job);
    connect(job, &MediaUpload::progress, this, [this, localId](qint64 sent, qint64 total) {
        if (total > 0) {
            emit uploadProgress(localId, sent, total);
        }
    });
    connect(job, &MediaUpload::finished, this,
            [this, localId](const Result<QString> &url) { uploaded(localId, url); });
}

void Outbox::uploaded(qint64 localId, const Result<QString> &url)
{
    m_uploads.remove(localId);
    if (!m_items.contains(localId)) {
        return;
    }
    const bool inDoubt = m_items.value(localId).inDoubt;
    if (!url) {
        const Error &e = url.error();
        if (MediaRefusal::of(e)) {
            // The uploader's own MediaPolicy check: the file changed after it was queued.
            finishFailed(localId, { SendFailure::Stage::File, e });
        } else if (isRetryableUpload(e)) {
            scheduleRetry(localId, { SendFailure::Stage::Upload, e }, inDoubt);
        } else {
            finishFailed(localId, { SendFailure::Stage::Upload, e });
        }
        return;
    }
    onDone(m_storage->setAttachmentUrl(localId, *url), this, [this, localId, inDoubt, publicUrl = *url](const Status &stored) {
        if (!m_items.contains(localId)) {
            return;
        }
        if (!stored) {
            scheduleRetry(localId, { SendFailure::Stage::Send, stored.error() },
                inDoubt); // uploads again: the URL was not kept
            return;
        }
        m_items[localId].item.message.attachmentUrl = publicUrl;
        qCInfo(lcOutbox) << "attachment of message" << localId << "uploaded";
        sendNow(localId);
    });
}

void Outbox::sendNow(qint64 localId)
{
    onDone(m_storage->markSending(localId), this, [this, localId](const Status &marked) {
        if (!m_items.contains(localId)) {
            return;
        }
        if (!marked) {
            handleError(localId, marked.error(), false);
            return;
        }
        Entry &entry = m_items[localId];
        entry.item.state = MessageState::Sending;
        // From here on a crash leaves it "Sending", which start() reconciles before resending.
        entry.inDoubt = true;
        emit stateChanged(localId, MessageState::Sending, {});
        if (m_handOff) {
            handOffNow(localId);
            return;
        }
        const OutgoingMessage &m = entry.item.message;
        onDone(m_transport->send(m.accountId, sendpolicy::sendBody(m)), this,
               [this, localId](const Result<QJsonObject> &r) {
                   if (!m_items.contains(localId)) {
                       return;
                   }
                   if (!r) {
                       // Before this attempt nothing was in doubt (deliver() runs only then).
                       m_items[localId].inDoubt = false;
                       handleError(localId, r.error(), true);
                       return;
                   }
                   const QString mid = r->value(QStringLiteral("message_id")).toString();
                   if (mid.isEmpty()) {
                       handleError(localId, Error::make(Error::Kind::Parse, QStringLiteral("no message_id in the answer")), true);
                       return;
                   }
                   finishSent(localId, mid);
               });
    });
}

void Outbox::handOffNow(qint64 localId)
{
    onDone(m_handOff->handOff(localId, m_items.value(localId).item.message), this,
        [this, localId](const Status &handed) {
            if (!m_items.contains(localId)) {
                return;
            }
            if (!handed) {
                scheduleRetry(localId, { SendFailure::Stage::Send, handed.error() }, false);
                return;
            }
            // Handed over: it stays Sending in the store until the result comes back.
            release(localId);
            m_items.remove(localId);
            pump();
        });
}

void Outbox::reconcileThenDeliver(qint64 localId)
{
    m_reconciler->reconcile(m_items.value(localId).item,
                            [this, localId](const Result<std::optional<QString>> &found) {
                                if (!m_items.contains(localId)) {
                                    return;
                                }
                                if (!found) {
                                    handleError(localId, found.error(), true);
                                } else if (*found) {
                                    finishSent(localId, **found);
                                } else {
                                    m_items[localId].inDoubt = false;
                                    deliver(localId);
                                }
                            });
}

void Outbox::handleError(qint64 localId, const Error &error, bool mayHaveArrived)
{
    const bool inDoubt = m_items.value(localId).inDoubt;
    if (error.kind == Error::Kind::Storage) {
        scheduleRetry(localId, { SendFailure::Stage::Send, error }, inDoubt);
        return;
    }
    switch (sendpolicy::classify(error)) {
    case sendpolicy::Outcome::Final:
        finishFailed(localId, { SendFailure::Stage::Send, error });
        return;
    case sendpolicy::Outcome::Retry:
        // Refused before delivery (rate limit): this attempt did not send it. An earlier one may
        // have, so a previous doubt stays.
        scheduleRetry(localId, { SendFailure::Stage::Send, error }, inDoubt);
        return;
    case sendpolicy::Outcome::InDoubt:
        scheduleRetry(localId, { SendFailure::Stage::Send, error }, inDoubt || mayHaveArrived);
        return;
    }
}

void Outbox::scheduleRetry(qint64 localId, SendFailure failure, bool inDoubt)
{
    Entry &entry = m_items[localId];
    const int attempts = entry.item.attempts + 1;
    const Error &error = failure.error;
    if (sendpolicy::givesUp(error, attempts, m_options.maxAttempts)) {
        entry.item.attempts = attempts;
        entry.inDoubt = inDoubt;
        failure.attempts = attempts;
        finishFailed(localId, failure);
        return;
    }
    const QString reason = failure.encode();
    const OutgoingMessage &m = entry.item.message;
    const qint64 delay
        = std::max(backoffMs(attempts, m_options.backoffBaseMs, m_options.backoffMaxMs),
            m_transport->suggestedDelayMs(m.accountId));
    const qint64 next = m_clock() + delay;
    qCInfo(lcOutbox) << "message" << localId << "attempt" << attempts << "failed, next in" << delay
                     << "ms:" << error.message;
    onDone(m_storage->markRetry(localId, reason, attempts, next), this,
           [this, localId, attempts, next, inDoubt, reason](const Status &marked) {
               if (!marked) {
                   qCWarning(lcOutbox) << "retry time not stored:" << marked.error().message;
               }
               if (!m_items.contains(localId)) {
                   return;
               }
               Entry &e = m_items[localId];
               e.item.state = MessageState::Queued;
               e.item.attempts = attempts;
               e.item.nextAttemptMs = next;
               e.inDoubt = inDoubt;
               release(localId);
               emit stateChanged(localId, MessageState::Queued, reason);
               pump();
           });
}

void Outbox::finishSent(qint64 localId, const QString &mid)
{
    onDone(m_storage->markSent(localId, mid), this, [this, localId, mid](const Status &marked) {
        if (!m_items.contains(localId)) {
            return;
        }
        if (!marked) {
            // Sent, but the store didn't take it: keep it in doubt, the next try finds it.
            scheduleRetry(localId, { SendFailure::Stage::Send, marked.error() }, true);
            return;
        }
        release(localId);
        m_items.remove(localId);
        qCDebug(lcOutbox) << "message" << localId << "sent";
        emit stateChanged(localId, MessageState::Sent, {});
        emit sent(localId, mid);
        pump();
    });
}

void Outbox::finishFailed(qint64 localId, const SendFailure &failure)
{
    const QString reason = failure.encode();
    onDone(m_storage->markFailed(localId, reason), this, [this, localId, reason](const Status &marked) {
        if (!marked) {
            qCWarning(lcOutbox) << "failure not stored:" << marked.error().message;
        }
        release(localId);
        m_items.remove(localId);
        qCInfo(lcOutbox) << "message" << localId << "failed:" << reason;
        emit stateChanged(localId, MessageState::Failed, reason);
        emit failed(localId, reason);
        pump();
    });
}

void Outbox::release(qint64 localId)
{
    m_inFlight.remove(localId);
    if (const auto it = m_items.constFind(localId); it != m_items.cend()) {
        m_busy.remove(conversationKey(it->item.message));
    }
}

} // namespace inlet
