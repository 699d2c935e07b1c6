#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QFuture>

namespace inlet::team {

// What a successful connection test found.
struct ProbeResult {
    QString role; // current_user: the agent's role as PostgreSQL sees it
    int accounts = 0; // Instagram accounts granted to this agent
};

// Why a test failed, in Error::code (Error::Kind::Network for the first five, Invalid for
// NotAgent); the app words each with tr(), the message carries PostgreSQL's text for details.
enum class ProbeFailure {
    Unreachable = 1, // no answer: host, port, firewall, timeout
    Tls, // TLS refused or the certificate not verified (the CA file, the host name)
    BadPassword, // the role or its password refused
    NoDatabase, // connected, but that database does not exist or may not be entered
    NotTeamDatabase, // no Inlet team schema there (or the role may not read it)
    NotAgent, // connected, but the role is not an Inlet agent
};

// Connects as the agent once, on a thread of Qt's pool (never the caller's), and reads who it
// is and how many accounts it was granted; the connection is closed again.
QFuture<Result<ProbeResult>> probe(const TeamConnection &connection, int connectTimeoutS = 5);

} // namespace inlet::team
