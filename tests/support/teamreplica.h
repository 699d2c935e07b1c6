#pragma once

// An agent's desktop as a replica of the team database for a test (header only): a local store in
// a temporary directory, its follower connected as the agent, and a read-only SQLite connection
// to look at what arrived. Shared by the server tests (tst_servercatchup, tst_inletserver).
#include "support/replicadesk.h"

namespace inlet::teamtest {

struct AgentReplica : ReplicaDesk {
    // Opens the store and starts following as `connection`'s role; polls often so that tests
    // need no NOTIFY to see a change.
    bool open(const team::TeamConnection &connection)
    {
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        options.backoffBaseMs = 100;
        options.backoffMaxMs = 1000;
        if (!ReplicaDesk::open(connection, options))
            return false;
        follower->start();
        return true;
    }
};

} // namespace inlet::teamtest
