#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

namespace inlet {

// The business's own reaction (or its removal) on one message, on its way to Instagram through
// the ReactionQueue. Only the newest intent per message is kept queued (coalescing).
struct QueuedReaction {
    qint64 id = 0;
    QString accountId; // the business IG_ID (the reactor)
    QString customerId; // IGSID: the Send API's recipient
    qint64 messageId = 0;
    QString mid;
    bool remove = false; // unreact
    QString reaction; // payload.reaction for the Send API (a name or an emoji); empty to remove
    QString emoji; // what the bubble shows
    MessageState state = MessageState::Queued; // Queued, Sending or Failed
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    QString errorText;
    qint64 enqueuedMs = 0;
};

// What Store::enqueueReaction did.
struct EnqueuedReaction {
    QueuedReaction entry;
    QList<qint64> replacedIds; // older queued or failed intents for the same message, now gone
};

// What Store::markReactionFailed did.
enum class ReactionFailure {
    Kept, // Failed with its reason; the business's previous reaction is restored locally
    Superseded, // a newer intent for the message is queued: this one was dropped, nothing restored
};

} // namespace inlet
