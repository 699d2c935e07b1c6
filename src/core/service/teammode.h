#pragma once

#include "common/result.h"
#include "service/assigner.h"
#include "service/notebook.h"
#include "service/triagewrites.h"
#include "team/replicafollower.h"

#include <QObject>
#include <QString>

#include <memory>

namespace inlet {

class Outbox;
class OutboxTransport;
class ReactionQueue;
class SenderActions;
class Store;
class TokenVault;
class TriageWriteQueue;
namespace team {
class TeamActionTransport;
class TeamPresence;
class TeamReplyHandOff;
} // namespace team

// An agent's desktop in team mode (docs/team.md), the same for the windowed app and
// `inlet --headless --team`: the agent's password from the keychain (or given), the
// ReplicaFollower on the local store and, when there is an outbox, its hand-off to the team
// outbox (Outbox::setHandOff), woken when the follower connects. Nothing here talks to
// PostgreSQL on the caller's thread (the follower has its own).
class TeamMode : public QObject, public Assigner, public Notebook, public TriageWrites {
    Q_OBJECT
public:
    enum class State { Starting, Connected, Offline, NoPassword };
    Q_ENUM(State)

    // `outbox` may be null (headless replica without an outbox); it must outlive this object.
    TeamMode(Store *store, Outbox *outbox, TokenVault *vault, team::TeamConnection connection,
        team::FollowerOptions options = {}, QObject *parent = nullptr);
    ~TeamMode() override; // the outbox's hand-off removed, then the follower stopped

    // The business's reactions and mark_seen go to the team outbox too (TeamActionTransport)
    // once started; their own transports are put back when this goes. Call before start().
    void setSenderQueues(ReactionQueue *reactions, SenderActions *actions);

    // Reads the password from the keychain (connection().vaultKey()), then follows.
    void start();
    // Follows with this password (INLET_TEAM_PASSWORD in headless mode).
    void startWithPassword(const QString &password);

    State state() const { return m_state; }
    // Why it is Offline or NoPassword (the last connection error).
    Error lastError() const { return m_lastError; }
    const team::TeamConnection &connection() const { return m_connection; }
    QString agentRole() const { return m_connection.role; }
    // The connection with the agent's password once started (for the sign-in hand-off's own
    // short connections); without a password before.
    team::TeamConnection agentConnection() const;
    team::ReplicaFollower *follower() const { return m_follower.get(); }
    // Presence (the windowed app; not headless): set before start(). Who else looks at the
    // agent's conversation, started with the follower (null before, and when not enabled).
    void setPresenceEnabled(bool enabled) { m_presenceEnabled = enabled; }
    team::TeamPresence *presence() const { return m_presence.get(); }
    // Label and saved-reply writes made while the database is away: applied locally, sent when
    // it is back (its rolledBack: one the team refused then, undone).
    TriageWriteQueue *writeQueue() const { return m_writeQueue.get(); }

    // Assigner: through the follower's connection (Network until it has started).
    QString agent() const override { return agentRole(); }
    QFuture<Result<QList<team::TeamAgent>>> agents() override;
    QFuture<Status> assign(
        const QString &accountId, const QString &customerId, const QString &assignee) override;
    // Notebook: the note into inlet.notes as the agent (it comes back through the replica).
    QFuture<Status> addNote(qint64 conversationId, const QString &accountId,
        const QString &customerId, const QString &text) override;
    // TriageWrites: status, labels and saved replies into the team database as the agent
    // (through the follower's connection; Network until it has started). Labels, labels on
    // conversations and saved replies written while the database cannot be reached are queued
    // (writeQueue) instead of refused; importing replies and the status still need it.
    QFuture<Status> setConversationStatus(
        qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs) override;
    QFuture<Result<qint64>> saveLabel(const Label &label) override;
    QFuture<Status> removeLabel(qint64 id) override;
    QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on) override;
    QFuture<Result<qint64>> saveReply(const SavedReply &reply) override;
    QFuture<Status> removeReply(qint64 id) override;
    QFuture<Result<int>> importReplies(const QList<SavedReply> &replies) override;
    // The note in inlet.notes, by its client id, as the agent (only its author may); the local
    // timeline follows through the replica.
    QFuture<Status> editNote(
        qint64 messageId, const QString &clientId, const QString &text) override;
    QFuture<Status> deleteNote(qint64 messageId, const QString &clientId) override;

signals:
    // The follower runs (and the outbox's hand-off is set): the outbox may start now.
    void started();
    void stateChanged(inlet::TeamMode::State state);
    void caughtUp(qint64 seq);

private:
    void setState(State state);
    // One queued write (TriageWriteQueue's JSON) into the team database.
    QFuture<Result<qint64>> sendQueuedWrite(const QJsonObject &write);

    Store *m_store;
    Outbox *m_outbox;
    TokenVault *m_vault;
    team::TeamConnection m_connection;
    QString m_password;
    team::FollowerOptions m_options;
    State m_state = State::Starting;
    Error m_lastError;
    std::unique_ptr<team::ReplicaFollower> m_follower;
    std::unique_ptr<team::TeamPresence> m_presence;
    bool m_presenceEnabled = false;
    std::unique_ptr<team::TeamReplyHandOff> m_handOff; // after the follower: goes first
    ReactionQueue *m_reactions = nullptr;
    SenderActions *m_actions = nullptr;
    OutboxTransport *m_reactionsTransport = nullptr; // theirs before team mode
    OutboxTransport *m_actionsTransport = nullptr;
    std::unique_ptr<team::TeamActionTransport> m_actionTransport;
    std::unique_ptr<TriageWriteQueue> m_writeQueue; // sends through m_follower: goes first
};

} // namespace inlet
