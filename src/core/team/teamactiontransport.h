#pragma once

#include "outbox/outboxports.h"

namespace inlet::team {

class ReplicaFollower;

// The transport of the business's reactions (ReactionQueue) and of mark_seen (SenderActions) in
// team mode: instead of the Send API, each sender action becomes a row of inlet.outbox written as
// the agent (ReplicaFollower::enqueueReply, the checked inlet.enqueue), which the team server
// sends. Success means the team database has it. Kinds and bodies (docs/team.md):
//   react / unreact -> kind 'reaction', {"action": "react"|"unreact", "mid", "reaction"}
//   mark_seen       -> kind 'mark_seen', {}
// Typing indicators and replies are refused (Invalid): the server does not relay the former and
// replies go through TeamReplyHandOff. Resending a reaction is harmless, so each call is a new
// row (a new client id).
class TeamActionTransport : public OutboxTransport {
public:
    explicit TeamActionTransport(ReplicaFollower *follower);

    QFuture<Result<QJsonObject>> send(const QString &accountId, const QJsonObject &body) override;
    QFuture<Result<QJsonObject>> findConversation(
        const QString &accountId, const QString &customerId) override;
    QFuture<Result<QJsonObject>> conversationMessages(
        const QString &accountId, const QString &conversationId) override;
    QFuture<Result<QJsonObject>> message(const QString &accountId, const QString &mid) override;

    struct Row {
        QString kind;
        QJsonObject body;
    };
    // The team outbox row for a Send API body, or why not.
    static Result<Row> rowFor(const QJsonObject &sendApiBody);

private:
    ReplicaFollower *m_follower;
};

} // namespace inlet::team
