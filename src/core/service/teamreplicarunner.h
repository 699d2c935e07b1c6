#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <memory>

namespace inlet {

class Store;
class TeamMode;

// `inlet --headless --team postgresql://ROLE@HOST[:PORT]/DB` (docs/team.md): an agent's replica
// of the team database without windows. Only the local store and the follower run (no webhook,
// no Instagram token: the team server has them). The agent's password comes from
// INLET_TEAM_PASSWORD (read once, then removed from the environment) or else from the keychain;
// never from argv, never logged. Prints "team: connected" and "team: caught up to N" on stdout.
class TeamReplicaRunner : public QObject {
    Q_OBJECT
public:
    TeamReplicaRunner(
        QString dataDir, QString connection, bool sessionOnlySecrets, QObject *parent = nullptr);
    ~TeamReplicaRunner() override;

    // An error (a connection string refused, a store that does not open) ends the run.
    Status start();

signals:
    // The run cannot go on (no password in the keychain). The message is for the log.
    void fatal(const QString &message);

private:
    QString m_dataDir;
    QString m_connection;
    bool m_sessionOnlySecrets = false;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TeamMode> m_team; // declared after the store: goes first
};

} // namespace inlet
