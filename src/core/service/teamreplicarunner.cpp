#include "service/teamreplicarunner.h"

#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "store/store.h"
#include "team/replicafollower.h"

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
    auto store = Store::open(m_dataDir);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    // For tests, benchmarks and services (systemd's LoadCredential=): read once, then removed
    // from the environment so that children of this process do not inherit it.
    const QByteArray fromEnvironment = qgetenv("INLET_TEAM_PASSWORD");
    if (!fromEnvironment.isEmpty()) {
        qunsetenv("INLET_TEAM_PASSWORD");
        follow(QString::fromUtf8(fromEnvironment));
        return {};
    }
    auto *vault = new TokenVault(QStringLiteral("inlet"), this);
    if (m_sessionOnlySecrets)
        vault->setSessionOnlyFallback(true);
    const QString key = connection->vaultKey();
    onDone(vault->read(key), this, [this, key](const Result<QString> &password) {
        if (!password) {
            emit fatal(QStringLiteral("no password for the team database in the keychain (%1): %2")
                           .arg(key, password.error().message));
            return;
        }
        follow(*password);
    });
    return {};
}

void TeamReplicaRunner::follow(const QString &password)
{
    auto connection = team::TeamConnection::parse(m_connection);
    connection->password = password;
    m_follower = std::make_unique<team::ReplicaFollower>(m_store.get(), *connection);
    connect(m_follower.get(), &team::ReplicaFollower::connected, this,
        [] { QTextStream(stdout) << "team: connected" << Qt::endl; });
    connect(m_follower.get(), &team::ReplicaFollower::caughtUp, this,
        [](qint64 seq) { QTextStream(stdout) << "team: caught up to " << seq << Qt::endl; });
    m_follower->start();
}

} // namespace inlet
