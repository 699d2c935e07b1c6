#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// The team database's schema (PostgreSQL) as ordered forward migrations, the same idea as the
// SQLite store's (store/schema.h): version N's step turns a version N-1 database into version N.
// The applied versions are rows of inlet.schema_migrations. Everything lives in the schema
// `inlet`, owned by the role inlet_server; agents are members of the group role inlet_agent and
// see rows of the Instagram accounts granted to them only (row-level security). docs/team.md.
namespace inlet::team::schema {

inline constexpr auto SchemaName = "inlet";
inline constexpr auto ServerRole = "inlet_server";
inline constexpr auto AgentRole = "inlet_agent";
// The channel on which every change_log insert is announced, payload "<seq> <account id>".
inline constexpr auto ChangeChannel = "inlet_changes";
// What every agent role is set to at login (ALTER ROLE ... SET, per role: settings of the group
// role inlet_agent are not inherited by its members): an agent's transaction left open, or one
// statement, cannot hold the change log's writers for long. An honest client never lifts them.
inline constexpr auto AgentIdleInTransactionTimeout = "10s";
inline constexpr auto AgentStatementTimeout = "1min"; // as SHOW prints it
// inlet.enqueue's limits: a body's size (JSON text) and the rows one agent may have queued.
inline constexpr int MaxOutboxBodyBytes = 16384;
inline constexpr int MaxQueuedPerAgent = 5000;
// Error::code of a database written by a newer Inlet.
inline constexpr int SchemaTooNew = 1101;

struct Step {
    int version = 0;
    QString description;
    QStringList statements;
};

// Every step, oldest first. Append new versions at the end; never edit a released one.
const QList<Step> &steps();
int currentVersion();

// The newest applied version, 0 for a database without the schema.
Result<int> version(const QSqlDatabase &db);

// Applies the steps above the database's version up to `target`, each in ONE transaction as the
// role inlet_server (so that it owns what it creates, whoever connected: inlet_server itself or
// a superuser), under a transaction-level advisory lock so that two servers starting at once
// migrate once. A failed step leaves the previous version. Refuses a newer database.
// The roles must exist (admin::bootstrap).
Status migrate(const QSqlDatabase &db, const QList<Step> &steps, int target);
inline Status migrate(const QSqlDatabase &db)
{
    return migrate(db, steps(), currentVersion());
}

} // namespace inlet::team::schema
