#pragma once

#include <QJsonObject>
#include <QString>

#include "common/result.h"
#include "outbox/outboxports.h"

namespace inlet::sendpolicy {

// Instagram counts the text limit in UTF-8 BYTES, not characters (instagram-api.md §3.2).
inline constexpr int maxTextBytes = 1000;

// Refuses what Instagram would refuse anyway, before anything is stored or sent.
Status validate(const OutgoingMessage &message);

// The Send API body for a message (§3.1-3.2): text or one attachment by URL, reply_to {mid} at
// the top level beside recipient when given (inside message Graph answers 400 "Invalid keys",
// instagram-api.md §11), HUMAN_AGENT as messaging_type MESSAGE_TAG + tag.
QJsonObject sendBody(const OutgoingMessage &message);

enum class Outcome {
    Final,   // stop retrying: Failed with a reason (window closed, user gone, token dead, invalid)
    Retry,   // certainly not sent (rate limit, refused before delivery): try again later
    InDoubt, // may have reached Instagram (no answer, timeout, 5xx): reconcile before resending
};

Outcome classify(const Error &error);

// Whether a retryable failure ends the retries after `attempts` tries. Only failures Instagram
// answered (5xx, rate limits) count: with no answer at all (offline) the item keeps waiting for
// the connection, however long the outage (Outbox::wake / ReactionQueue::wake send it then).
inline bool givesUp(const Error &error, int attempts, int maxAttempts)
{
    return error.kind != Error::Kind::Network && maxAttempts > 0 && attempts >= maxAttempts;
}

} // namespace inlet::sendpolicy
