#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Administration of a team database: setting it up, and the agents (one PostgreSQL login role
// each, member of inlet_agent) with the Instagram accounts each may see. Names and passwords
// reach SQL only through PostgreSQL's own format('%I', '%L') quoting or bound parameters.
namespace inlet::team::admin {

struct Agent {
    QString role;
    QString displayName;
    QList<qint64> accountIds; // inlet.accounts ids the agent may see, ascending
};

// Once per cluster, as a superuser: the login role inlet_server (CREATEROLE, to manage agents;
// pg_signal_backend, to end a removed agent's sessions) with `serverPassword`, the group role
// inlet_agent, and the database `database` owned by inlet_server that only those two may connect
// to, where only inlet_server may take advisory locks. Parts that exist are left as they are.
// Then connect as inlet_server and schema::migrate.
Status bootstrap(
    const QSqlDatabase &superuser, const QString &database, const QString &serverPassword);

// Ok when `role` can be an agent's role name: not empty, at most 63 bytes of UTF-8 (PostgreSQL
// would silently cut a longer one, maybe onto another role's name), no control characters, not
// reserved (pg_*, the inlet_* roles, public). Any other character is allowed and quoted.
Status checkAgentName(const QString &role);

// Creates the login role `role` (SCRAM password, member of inlet_agent) and its agents row in one
// transaction. Refuses a name taken by any role. An ASCII password reaches the server as a SCRAM
// verifier computed here, so the clear text is in no statement (nor in a statement log).
Status addAgent(const QSqlDatabase &db, const QString &role, const QString &password,
    const QString &displayName = {});
// Ends the agent's sessions, drops its role and its grants. Refuses roles that are not agents.
Status removeAgent(const QSqlDatabase &db, const QString &role);
Result<QList<Agent>> listAgents(const QSqlDatabase &db);
// Lets the agent see (or no longer see) the rows of one Instagram account (inlet.accounts.id).
Status grantAccount(const QSqlDatabase &db, const QString &role, qint64 accountId);
Status revokeAccount(const QSqlDatabase &db, const QString &role, qint64 accountId);
// Makes the agent an admin of the team (or not): an admin may connect Instagram accounts from its
// desktop through the sign-in hand-off (inlet.signin_handoffs, schema v3).
Status setAdmin(const QSqlDatabase &db, const QString &role, bool admin);

// "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>" (RFC 5802/7677, PostgreSQL's
// pg_authid format) for an ASCII password; empty for any other (SASLprep is not done here).
QString scramVerifier(const QString &password, const QByteArray &salt, int iterations = 4096);

} // namespace inlet::team::admin
