#include "outbox/reactionqueue.h"

#include "common/backoff.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "model/reactions.h"
#include "outbox/outboxports.h"
#include "outbox/sendpolicy.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QPromise>
#include <QSet>

#include <limits>
#include <memory>

namespace inlet {

namespace {

// The sender action of instagram-api.md §3.3.
QJsonObject sendBody(const QueuedReaction &r)
{
    QJsonObject payload { { QStringLiteral("message_id"), r.mid } };
    if (!r.remove) {
        // Instagram takes the name ("love"); an entry queued by an older Inlet may hold the emoji.
        const QString name = reactions::sendableName(r.reaction);
        payload.insert(QStringLiteral("reaction"), name.isEmpty() ? r.reaction : name);
    }
    return { { QStringLiteral("recipient"),
                 QJsonObject { { QStringLiteral("id"), r.customerId } } },
        { QStringLiteral("sender_action"),
            r.remove ? QStringLiteral("unreact") : QStringLiteral("react") },
        { QStringLiteral("payload"), payload } };
}

} // namespace

ReactionQueue::ReactionQueue(Store *store, OutboxTransport *transport, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReactionQueue::pump);
}

ReactionQueue::~ReactionQueue() = default;

void ReactionQueue::start()
{
    if (m_started || m_loading)
        return;
    m_loading = true;
    onDone(m_store->queuedReactions(), this, [this](const Result<QList<QueuedReaction>> &queued) {
        m_loading = false;
        if (!queued) {
            qCWarning(lcOutbox) << "reaction queue not loaded, trying again:"
                                << queued.error().message;
            QTimer::singleShot(m_options.backoffBaseMs, this, &ReactionQueue::start);
            return;
        }
        for (const QueuedReaction &r : *queued) {
            if (r.state == MessageState::Failed) {
                m_failed.insert(r.id, r);
            } else {
                // One in flight when the app stopped is sent again: a repeated reaction is
                // harmless.
                add(r);
            }
        }
        m_started = true;
        qCInfo(lcOutbox) << "reaction queue started with" << m_items.size() << "pending,"
                         << m_failed.size() << "failed";
        pump();
    });
}

QFuture<Result<qint64>> ReactionQueue::react(qint64 messageId, const QString &reaction)
{
    if (reaction.trimmed().isEmpty())
        return QtFuture::makeReadyFuture(Result<qint64>(fail(
            Error::Kind::Invalid, Error::Reason::NoReaction, QStringLiteral("no reaction given"))));
    // Refused here rather than queued to fail on Instagram (reactions::businessChoices).
    const QString name = reactions::sendableName(reaction);
    if (name.isEmpty()) {
        Error refused = Error::because(Error::Kind::Invalid, Error::Reason::ReactionNotSendable,
            QStringLiteral("Instagram accepts only love as a business's reaction, not %1.")
                .arg(reaction),
            { reaction });
        refused.code = 100;
        return QtFuture::makeReadyFuture(Result<qint64>(std::unexpected(refused)));
    }
    return enqueue(messageId, name, reactions::emojiForName(name), false);
}

QFuture<Result<qint64>> ReactionQueue::unreact(qint64 messageId)
{
    return enqueue(messageId, {}, {}, true);
}

QFuture<Result<qint64>> ReactionQueue::enqueue(
    qint64 messageId, const QString &name, const QString &emoji, bool remove)
{
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    promise->start();
    onDone(m_store->enqueueReaction(messageId, name, emoji, remove), this,
        [this, promise](const Result<EnqueuedReaction> &queued) {
            if (queued) {
                for (qint64 replaced : queued->replacedIds) {
                    // Never sent (perhaps about to be: its markSending then finds it gone).
                    release(replaced);
                    m_items.remove(replaced);
                    clearFailure(replaced);
                }
                add(queued->entry);
                pump();
                promise->addResult(queued->entry.id);
            } else {
                qCInfo(lcOutbox) << "reaction refused:" << queued.error().message;
                promise->addResult(std::unexpected(queued.error()));
            }
            promise->finish();
        });
    return promise->future();
}

QFuture<Status> ReactionQueue::retry(qint64 reactionId)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    onDone(m_store->retryReaction(reactionId), this,
        [this, promise, reactionId](const Result<QueuedReaction> &r) {
            if (r) {
                clearFailure(reactionId);
                add(*r);
                pump();
                promise->addResult(Status {});
            } else {
                promise->addResult(std::unexpected(r.error()));
            }
            promise->finish();
        });
    return promise->future();
}

QFuture<Status> ReactionQueue::dismiss(qint64 reactionId)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    onDone(m_store->dismissReaction(reactionId), this,
        [this, promise, reactionId](const Status &done) {
            if (done)
                clearFailure(reactionId);
            promise->addResult(done);
            promise->finish();
        });
    return promise->future();
}

QList<QueuedReaction> ReactionQueue::failedReactions(
    const QString &accountId, const QString &customerId) const
{
    QList<QueuedReaction> list;
    for (const QueuedReaction &r : m_failed) {
        if (r.accountId == accountId && r.customerId == customerId)
            list.append(r);
    }
    return list;
}

void ReactionQueue::add(const QueuedReaction &entry)
{
    QueuedReaction r = entry;
    r.state = MessageState::Queued; // in memory, Sending means "in m_busy"
    m_items.insert(r.id, r);
}

void ReactionQueue::clearFailure(qint64 reactionId)
{
    if (const auto it = m_failed.constFind(reactionId); it != m_failed.cend()) {
        const qint64 messageId = it->messageId;
        m_failed.erase(it);
        emit failureCleared(reactionId, messageId);
    }
}

void ReactionQueue::pump()
{
    if (!m_started)
        return;
    const qint64 now = m_clock();
    qint64 earliest = std::numeric_limits<qint64>::max();
    QSet<qint64> seen;
    QList<qint64> ready;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (seen.contains(it->messageId))
            continue; // per message in order: only the oldest may go
        seen.insert(it->messageId);
        if (m_busy.contains(it->messageId))
            continue;
        if (it->nextAttemptMs > now) {
            earliest = std::min(earliest, it->nextAttemptMs);
            continue;
        }
        ready.append(it.key());
    }
    for (qint64 id : std::as_const(ready)) {
        m_busy.insert(m_items[id].messageId, id);
        deliver(id);
    }
    if (earliest != std::numeric_limits<qint64>::max())
        m_timer.start(int(std::clamp<qint64>(earliest - now, 0, 24LL * 3600 * 1000)));
    else
        m_timer.stop();
    if (m_busy.isEmpty())
        emit idle();
}

void ReactionQueue::deliver(qint64 reactionId)
{
    onDone(m_store->markReactionSending(reactionId), this,
        [this, reactionId](const Result<bool> &marked) {
            if (!m_items.contains(reactionId))
                return;
            if (!marked) {
                handleError(reactionId, marked.error());
                return;
            }
            if (!*marked) {
                // Replaced by a newer intent between pump() and now.
                release(reactionId);
                m_items.remove(reactionId);
                pump();
                return;
            }
            QueuedReaction &r = m_items[reactionId];
            r.state = MessageState::Sending;
            onDone(m_transport->send(r.accountId, sendBody(r)), this,
                [this, reactionId](const Result<QJsonObject> &sentOk) {
                    if (!m_items.contains(reactionId))
                        return;
                    if (!sentOk) {
                        handleError(reactionId, sentOk.error());
                        return;
                    }
                    onDone(m_store->markReactionSent(reactionId), this,
                        [this, reactionId](const Status &stored) {
                            if (!stored)
                                qCWarning(lcOutbox) << "sent reaction not removed from the queue:"
                                                    << stored.error().message;
                            const qint64 messageId = m_items.value(reactionId).messageId;
                            release(reactionId);
                            m_items.remove(reactionId);
                            qCDebug(lcOutbox) << "reaction" << reactionId << "sent";
                            emit sent(reactionId, messageId);
                            pump();
                        });
                });
        });
}

void ReactionQueue::handleError(qint64 reactionId, const Error &error)
{
    if (error.kind != Error::Kind::Storage
        && sendpolicy::classify(error) == sendpolicy::Outcome::Final) {
        finishFailed(reactionId, { SendFailure::Stage::Send, error });
        return;
    }
    QueuedReaction &r = m_items[reactionId];
    const int attempts = r.attempts + 1;
    if (sendpolicy::givesUp(error, attempts, m_options.maxAttempts)) {
        finishFailed(reactionId, { SendFailure::Stage::Send, error, attempts });
        return;
    }
    const QString reason = SendFailure { SendFailure::Stage::Send, error }.encode();
    const qint64 delay
        = std::max(backoffMs(attempts, m_options.backoffBaseMs, m_options.backoffMaxMs),
            m_transport->suggestedDelayMs(r.accountId));
    const qint64 next = m_clock() + delay;
    qCInfo(lcOutbox) << "reaction" << reactionId << "attempt" << attempts << "failed, next in"
                     << delay << "ms:" << error.message;
    onDone(m_store->markReactionRetry(reactionId, reason, attempts, next), this,
        [this, reactionId, attempts, next](const Status &marked) {
            if (!marked)
                qCWarning(lcOutbox) << "reaction retry time not stored:" << marked.error().message;
            if (!m_items.contains(reactionId))
                return;
            QueuedReaction &e = m_items[reactionId];
            e.state = MessageState::Queued;
            e.attempts = attempts;
            e.nextAttemptMs = next;
            release(reactionId);
            pump();
        });
}

void ReactionQueue::wake()
{
    const qint64 now = m_clock();
    bool any = false;
    for (QueuedReaction &r : m_items) {
        if (r.nextAttemptMs > now) {
            r.nextAttemptMs = now;
            any = true;
        }
    }
    if (any)
        pump();
}

void ReactionQueue::finishFailed(qint64 reactionId, const SendFailure &failure)
{
    const QString reason = failure.encode();
    onDone(m_store->markReactionFailed(reactionId, reason), this,
        [this, reactionId, reason](const Result<ReactionFailure> &outcome) {
            if (!m_items.contains(reactionId))
                return;
            QueuedReaction r = m_items.value(reactionId);
            release(reactionId);
            m_items.remove(reactionId);
            if (!outcome) {
                qCWarning(lcOutbox) << "reaction failure not stored:" << outcome.error().message;
            } else if (*outcome == ReactionFailure::Superseded) {
                qCInfo(lcOutbox) << "reaction" << reactionId
                                 << "failed but a newer one is queued:" << reason;
                pump();
                return;
            }
            qCInfo(lcOutbox) << "reaction" << reactionId << "failed:" << reason;
            r.state = MessageState::Failed;
            r.errorText = reason;
            m_failed.insert(reactionId, r);
            emit failed(reactionId, r.messageId, reason);
            pump();
        });
}

void ReactionQueue::release(qint64 reactionId)
{
    if (const auto it = m_items.constFind(reactionId);
        it != m_items.cend() && m_busy.value(it->messageId) == reactionId)
        m_busy.remove(it->messageId);
}

} // namespace inlet
