#pragma once

#include "outbox/outboxports.h"

#include <memory>

namespace inlet {
class ReaderPool;
}

namespace inlet::team {

class ReplicaFollower;

// The outbox's hand-off in team mode (Outbox::setHandOff): a reply goes into inlet.outbox as the
// agent, under the local message's client_id, so a retried hand-off (lost answer, crash, the
// database back after being down) inserts it once. The body is the team outbox's
// (outbox::replyBody); the server sends it to the conversation's customer.
class TeamReplyHandOff : public ReplyHandOff {
public:
    TeamReplyHandOff(ReplicaFollower *follower, std::shared_ptr<ReaderPool> readers);
    QFuture<Status> handOff(qint64 localId, const OutgoingMessage &message) override;

private:
    ReplicaFollower *m_follower;
    std::shared_ptr<ReaderPool> m_readers;
};

} // namespace inlet::team
