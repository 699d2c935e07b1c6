#include "service/appsetup.h"

#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "graph/graphclient.h"

#include <QPromise>

#include <memory>

namespace inlet {

namespace {
// Whether the keychain holds a non-empty secret under `key` (a missing entry is "no").
QFuture<Result<bool>> hasSecret(TokenVault *vault, const QString &key)
{
    return vault->read(key).then([](const Result<QString> &secret) -> Result<bool> {
        if (secret)
            return !secret->isEmpty();
        if (TokenVault::isNotFound(secret.error()))
            return false;
        return std::unexpected(secret.error());
    });
}
} // namespace

AppSetup::AppSetup(TokenVault *vault, GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_graph(graph)
{
}

void AppSetup::setConfig(const AppConfig &config)
{
    m_config = config;
    m_graph->setHosts(config.hosts);
    emit configChanged(m_config);
}

QFuture<Status> AppSetup::storeAppSecret(const QString &secret)
{
    if (m_config.appId.isEmpty())
        return QtFuture::makeReadyFuture<Status>(fail(Error::Kind::Invalid,
            Error::Reason::SecretBeforeAppId, QStringLiteral("Set the App ID before its secret.")));
    return announceSecret(m_vault->write(TokenVault::appSecretKey(m_config.appId), secret));
}

QFuture<Result<bool>> AppSetup::hasAppSecret()
{
    if (m_config.appId.isEmpty())
        return QtFuture::makeReadyFuture<Result<bool>>(false);
    return hasSecret(m_vault, TokenVault::appSecretKey(m_config.appId));
}

QFuture<Result<QString>> AppSetup::appSecret()
{
    return m_vault->read(TokenVault::appSecretKey(m_config.appId));
}

QFuture<Status> AppSetup::storeMetaAppSecret(const QString &secret)
{
    if (m_config.metaAppId.isEmpty())
        return QtFuture::makeReadyFuture<Status>(
            fail(Error::Kind::Invalid, Error::Reason::SecretBeforeMetaAppId,
                QStringLiteral("Set the Meta App ID before its secret.")));
    return announceSecret(m_vault->write(TokenVault::metaAppSecretKey(m_config.metaAppId), secret));
}

QFuture<Result<bool>> AppSetup::hasMetaAppSecret()
{
    if (m_config.metaAppId.isEmpty())
        return QtFuture::makeReadyFuture<Result<bool>>(false);
    return hasSecret(m_vault, TokenVault::metaAppSecretKey(m_config.metaAppId));
}

QFuture<Status> AppSetup::announceSecret(QFuture<Status> written)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    onDone(written, this, [this, promise](const Status &stored) {
        if (stored)
            emit appSecretsChanged();
        promise->addResult(stored);
        promise->finish();
    });
    return promise->future();
}

} // namespace inlet
