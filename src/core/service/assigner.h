#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QFuture>
#include <QList>
#include <QString>

namespace inlet {

// Team mode's assignment as the inbox sees it (issue 13): who the agent is, the agents to pick
// from, and writing an assignment. TeamMode implements it over the team database (the follower's
// connection, never the GUI thread); the result comes back through the replica into the local
// store. Solo mode has none, and the inbox then shows no assignment controls.
class Assigner {
public:
    virtual ~Assigner() = default;
    // The agent using this desktop (its PostgreSQL role).
    virtual QString agent() const = 0;
    // Every agent of the team (role and display name), by display name.
    virtual QFuture<Result<QList<team::TeamAgent>>> agents() = 0;
    // Assigns the conversation of (account IG id, customer IGSID) to `assignee` (a role; empty:
    // nobody).
    virtual QFuture<Status> assign(
        const QString &accountId, const QString &customerId, const QString &assignee)
        = 0;
};

} // namespace inlet
