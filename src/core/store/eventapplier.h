#pragma once

#include "common/result.h"
#include "model/events.h"
#include "store/storechange.h"
#include "store/writesession.h"

namespace inlet {

// Applies webhook / sync events to the database, idempotently: applying the same event twice
// leaves the database as applying it once. Runs inside the writer's transaction.
class EventApplier {
public:
    explicit EventApplier(WriteSession &session) : m_session(session) {}

    // Applies `events` in timestamp order (stable for equal times).
    Status applyAll(const QList<InboundEvent> &events, StoreChange &change);
    Status apply(const InboundEvent &event, StoreChange &change);
    // Applies events that waited for the message `mid` (called once the message exists).
    Status replayDeferred(const QString &accountId, const QString &mid, StoreChange &change);

private:
    Status applyMessage(const InboundEvent &e, StoreChange &change);
    // An echo of an outbox message that came with another mid than the Send API's message_id
    // (WriteSession::findUnechoedOutboxMessage): the outbox row takes the echo's mid. True if so.
    Result<bool> matchEchoToOutbox(
        const InboundEvent &e, qint64 conversationId, StoreChange &change);
    Status applyEdit(const InboundEvent &e, const MessageHandle &m, StoreChange &change);
    Status applyDeleted(const MessageHandle &m, StoreChange &change);
    Status applyReaction(const InboundEvent &e, const MessageHandle &m, StoreChange &change);
    Status applyRead(const InboundEvent &e, StoreChange &change);
    Status storeUnknown(const InboundEvent &e);
    Status defer(const InboundEvent &e);

    WriteSession &m_session;
};

} // namespace inlet
