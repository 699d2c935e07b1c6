#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// The database schema as an ordered list of forward migrations. Version N's step turns a
// version N-1 database into version N; PRAGMA user_version records where a file stands.
namespace inlet::schema {

struct Step {
    int version = 0;
    QString description;
    QStringList statements;
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
Status migrate(const QSqlDatabase &db, const QList<Step> &steps, int target);
inline Status migrate(const QSqlDatabase &db) { return migrate(db, steps(), currentVersion()); }

// The full-text triggers, for bulk loads that drop them, insert, then rebuild the index once.
QStringList dropFtsTriggers();
QStringList createFtsTriggers();
QString rebuildFts();

} // namespace inlet::schema
