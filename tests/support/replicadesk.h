#pragma once

// An agent's desktop as a replica of the team database (header only): its own local store, the
// follower that feeds it, and a read-only connection to the store's file for the test's checks.
#include "store/store.h"
#include "support/teamdb.h"
#include "team/replicafollower.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace inlet::teamtest {

struct ReplicaDesk {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<team::ReplicaFollower> follower;
    QSqlDatabase local;

    ReplicaDesk() = default;
    ReplicaDesk(const ReplicaDesk &) = delete;
    ReplicaDesk &operator=(const ReplicaDesk &) = delete;
    ~ReplicaDesk() { close(); }

    // Opens the store (in `dir`, kept across close()) and a follower connecting as `connection`,
    // not started: a test connects its spies first.
    bool open(const team::TeamConnection &connection, team::FollowerOptions options = {})
    {
        auto s = Store::open(dir.path());
        if (!s)
            return false;
        store = std::move(*s);
        follower = std::make_unique<team::ReplicaFollower>(store.get(), connection, options);
        local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
            QStringLiteral("replica-") + QUuid::createUuid().toString(QUuid::Id128));
        local.setDatabaseName(store->databasePath());
        local.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        return local.open();
    }
    // The desktop switched off: the follower, the store and the read connection closed; the data
    // directory stays for the next open().
    void close()
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
