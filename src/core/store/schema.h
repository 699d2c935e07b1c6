#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

// The database schema as an ordered list of forward migrations. Version N's step turns a
// version N-1 database into version N; PRAGMA user_version records where a file stands.
namespace inlet::schema {

// How far a long step is: `done` of `total` units (rows). Called from the migrating thread.
using Progress = std::function<void(qint64 done, qint64 total)>;

struct Step {
    int version = 0;
    QString description;
    QStringList statements;
    // Work after the statements that SQL alone cannot report progress on (filling an index row
    // range by row range); runs in the step's transaction.
    std::function<Status(const QSqlDatabase &, const Progress &)> run = {};
};

// Every step, oldest first. Append new versions at the end; never edit a released one.
const QList<Step> &steps();
// The version this build writes (the last step's).
int currentVersion();

// PRAGMA user_version of `db`.
Result<int> version(const QSqlDatabase &db);

// Applies the steps of `steps` above the file's version up to `target`, each step and its
// user_version bump in ONE transaction: a failed step leaves the file at the previous version,
// never half-migrated. Refuses a file newer than the newest step (sqlite::SchemaTooNew).
// `progress` hears how far a step with a `run` part is (and the log gets a line per tenth).
Status migrate(
    const QSqlDatabase &db, const QList<Step> &steps, int target, const Progress &progress = {});
inline Status migrate(const QSqlDatabase &db, const Progress &progress = {})
{
    return migrate(db, steps(), currentVersion(), progress);
}

// The full-text triggers, for bulk loads that drop them, insert, then rebuild the index once.
QStringList dropFtsTriggers();
QStringList createFtsTriggers();
QString rebuildFts();
// Fills an empty messages_fts from every message, in row ranges of `chunkRows`, telling
// `progress` after each (the 'rebuild' command does the same work in one silent statement).
Status fillFts(const QSqlDatabase &db, const Progress &progress, qint64 chunkRows = 50'000);

} // namespace inlet::schema
