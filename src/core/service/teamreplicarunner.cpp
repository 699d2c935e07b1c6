#include "service/teamreplicarunner.h"

#include "auth/tokenvault.h"
#include "common/privatefiles.h"
#include "service/teammode.h"
#include "store/store.h"

#include <QTextStream>

namespace inlet {

TeamReplicaRunner::TeamReplicaRunner(
    QString dataDir, QString connection, bool sessionOnlySecrets, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_connection(std::move(connection))
    , m_sessionOnlySecrets(sessionOnlySecrets)
{
}

TeamReplicaRunner::~TeamReplicaRunner() = default;

Status TeamReplicaRunner::start()
{
    auto connection = team::TeamConnection::parse(m_connection);
    if (!connection)
        return std::unexpected(connection.error());
    if (!privatefiles::makePrivateDir(m_dataDir))
        return fail(Error::Kind::Storage,
            QStringLiteral("cannot create the data directory %1").arg(m_dataDir));
    // Durable as the windowed app's store (CoreServices): synchronous=FULL for what only this
    // desktop has, while the follower's batches, which PostgreSQL has, commit without an fsync
    // (Store::WriteDurability::Refetchable).
    StoreOptions options;
    options.durableAgainstPowerLoss = true;
    auto store = Store::open(m_dataDir, options);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    auto *vault = new TokenVault(QStringLiteral("inlet"), this);
    if (m_sessionOnlySecrets)
        vault->setSessionOnlyFallback(true);
    // The same team mode as the windowed app's, without an outbox.
    m_team = std::make_unique<TeamMode>(m_store.get(), nullptr, vault, *connection);
    const QString key = connection->vaultKey();
    connect(m_team.get(), &TeamMode::stateChanged, this, [this, key](TeamMode::State state) {
        if (state == TeamMode::State::Connected)
            QTextStream(stdout) << "team: connected" << Qt::endl;
        else if (state == TeamMode::State::NoPassword)
            emit fatal(QStringLiteral("no password for the team database in the keychain (%1): %2")
                           .arg(key, m_team->lastError().message));
    });
    connect(m_team.get(), &TeamMode::caughtUp, this,
        [](qint64 seq) { QTextStream(stdout) << "team: caught up to " << seq << Qt::endl; });
    // For tests, benchmarks and services (systemd's LoadCredential=): read once, then removed
    // from the environment so that children of this process do not inherit it.
    const QByteArray fromEnvironment = qgetenv("INLET_TEAM_PASSWORD");
    if (!fromEnvironment.isEmpty()) {
        qunsetenv("INLET_TEAM_PASSWORD");
        m_team->startWithPassword(QString::fromUtf8(fromEnvironment));
    } else {
        m_team->start();
    }
    return {};
}

} // namespace inlet
