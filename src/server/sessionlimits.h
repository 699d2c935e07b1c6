#pragma once

#include <QtGlobal>

namespace inlet::server {

// How long an agent's database session may hold the team up before a server ends it
// (SessionReaper).
struct SessionLimits {
    qint64 idleInTransactionMs = 30'000; // a transaction left open, doing nothing
    qint64 statementMs = 120'000; // one statement running
};

} // namespace inlet::server
