#pragma once

#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

namespace inlet::server {

// `inlet-server [connection options] COMMAND ...`, for the team's administrator (docs/team.md):
//   migrate
//   agent add ROLE [DISPLAY-NAME]        (the agent's password: first line of stdin)
//   agent remove ROLE | agent list
//   agent grant ROLE ACCOUNT | agent revoke ROLE ACCOUNT   (ACCOUNT: IG user id or inlet id)
//   account add IG-USER-ID [USERNAME]    (the account's Instagram token: first line of stdin)
//   account list
//   secret set NAME                      (instagram_app_secret, meta_app_secret,
//                                         webhook_verify_token; the value: first line of stdin)
// Secrets come from stdin, never from arguments. Returns the exit status (0 ok, 1 failed,
// 2 usage).
int runAdminCommand(const QStringList &words, const QSqlDatabase &db, QTextStream &in,
    QTextStream &out, QTextStream &err);

bool isAdminCommand(const QString &word);

// `inlet-server [connection options] bootstrap`, once per cluster: `admin` is a connection as a
// PostgreSQL superuser (the connection options' --db-user) to a maintenance database; creates the
// roles inlet_server (its password: first line of stdin) and inlet_agent and the database
// `database` (team::admin::bootstrap), then migrates it. Returns the exit status.
int runBootstrap(const QSqlDatabase &admin, const QString &database, QTextStream &in,
    QTextStream &out, QTextStream &err);

} // namespace inlet::server
