#pragma once

#include "common/result.h"
#include "model/label.h"
#include "model/savedreply.h"
#include "model/triagetypes.h"

#include <QFuture>
#include <QList>

namespace inlet {

class Store;

// Error::code of team mode's writes failing without a problem of their own (the app words them):
// the team database could not be reached (Kind::Network), or it refused the write (Kind::Invalid;
// the message holds PostgreSQL's words, for the log).
namespace triagewrites {
inline constexpr int TeamUnreachable = 1301;
inline constexpr int TeamRefused = 1302;
} // namespace triagewrites

// Where the triage's shared writes go (issue 13): a conversation's status (Open, Done, Snoozed
// until), labels and the labels on conversations, saved replies. Solo mode: LocalTriageWrites,
// straight into the local store. Team mode: TeamMode, into the team database as the agent (off
// the GUI thread, on the follower's connection); the change comes back into every desktop's store
// through the replica, and the future finishes once this desktop's store has it. Either way the
// UI reads the local store. Ids are the local store's. Errors are values: a refused label or
// reply is an Error::Kind::Invalid with its label::Problem / savedreply::Problem code; other
// failures of team mode carry a triagewrites code.
class TriageWrites {
public:
    virtual ~TriageWrites() = default;
    virtual QFuture<Status> setConversationStatus(
        qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs)
        = 0;
    // Adds (id 0) or renames and recolours a label; returns its id.
    virtual QFuture<Result<qint64>> saveLabel(const Label &label) = 0;
    virtual QFuture<Status> removeLabel(qint64 id) = 0;
    virtual QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on)
        = 0;
    virtual QFuture<Result<qint64>> saveReply(const SavedReply &reply) = 0;
    virtual QFuture<Status> removeReply(qint64 id) = 0;
    // All or nothing; a reply whose shortcut exists replaces that one. How many were written.
    virtual QFuture<Result<int>> importReplies(const QList<SavedReply> &replies) = 0;
};

// Solo mode's: each a write through the store's writer.
class LocalTriageWrites : public TriageWrites {
public:
    explicit LocalTriageWrites(Store *store)
        : m_store(store)
    {
    }
    QFuture<Status> setConversationStatus(
        qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs) override;
    QFuture<Result<qint64>> saveLabel(const Label &label) override;
    QFuture<Status> removeLabel(qint64 id) override;
    QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on) override;
    QFuture<Result<qint64>> saveReply(const SavedReply &reply) override;
    QFuture<Status> removeReply(qint64 id) override;
    QFuture<Result<int>> importReplies(const QList<SavedReply> &replies) override;

private:
    Store *m_store;
};

} // namespace inlet
