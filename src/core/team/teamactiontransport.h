#pragma once

#include "outbox/outboxports.h"

#include <QMetaObject>

#include <memory>

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
// A reaction's send finishes only when the server has finished its row (the follower's
// actionFinished, through the change log): sent, or failed with the server's SendFailure as a
// final error, so the ReactionQueue restores the previous reaction and reports the failure as
// it does for a failure of its own Send API call. mark_seen succeeds once written.
class TeamActionTransport : public OutboxTransport {
public:
    explicit TeamActionTransport(ReplicaFollower *follower);
    // Reactions still waiting for the server end as Network errors (the queue sends them again,
    // through whatever transport it has then).
    ~TeamActionTransport() override;

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

    // The error a failed row's `errorText` (SendFailure JSON) stands for: always final.
    static Error failureOf(const QString &errorText);

private:
    struct Waiting;
    ReplicaFollower *m_follower;
    std::shared_ptr<Waiting> m_waiting;
    QMetaObject::Connection m_finished;
};

} // namespace inlet::team
