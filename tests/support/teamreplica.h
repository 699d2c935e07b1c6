#pragma once

// An agent's desktop as a replica of the team database for a test (header only): a local store in
// a temporary directory, its follower connected as the agent, and a read-only SQLite connection
// to look at what arrived. Shared by the server tests (tst_servercatchup, tst_inletserver).
#include "store/store.h"
#include "support/teamdb.h"
#include "team/replicafollower.h"

#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace inlet::teamtest {

struct AgentReplica {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<team::ReplicaFollower> follower;
    QSqlDatabase local;

    // Opens the store and starts following as `connection`'s role; polls often so that tests
    // need no NOTIFY to see a change.
    bool open(const team::TeamConnection &connection)
    {
        auto s = Store::open(dir.path());
        if (!s)
            return false;
        store = std::move(*s);
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        options.backoffBaseMs = 100;
        options.backoffMaxMs = 1000;
        follower = std::make_unique<team::ReplicaFollower>(store.get(), connection, options);
        follower->start();
        local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
            QStringLiteral("agent-replica-") + QUuid::createUuid().toString(QUuid::Id128));
        local.setDatabaseName(store->databasePath());
        local.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        return local.open();
    }
    ~AgentReplica()
    {
        follower.reset();
        const QString name = local.connectionName();
        local = QSqlDatabase();
        if (!name.isEmpty())
            QSqlDatabase::removeDatabase(name);
        store.reset();
    }
    QStringList column(const QString &sql, const QVariantList &values = {}) const
    {
        return TeamDb::column(local, sql, values);
    }
    qint64 count(const QString &sql, const QVariantList &values = {}) const
    {
        return column(sql, values).value(0).toLongLong();
    }
};

} // namespace inlet::teamtest
