#pragma once

#include "common/result.h"
#include "service/appconfig.h"

#include <QFuture>
#include <QObject>

namespace inlet {

class GraphClient;
class TokenVault;

// The Meta app the manager brings: its non-secret set-up (AppConfig, kept in the profile by the
// composition root; setting it also points the Graph client at its hosts) and its two secrets,
// which go to the keychain and nowhere else. The accounts (AccountList) and the sign-in
// (SignInFlow) read it; Settings and the sandbox (SandboxLink) write it.
class AppSetup : public QObject {
    Q_OBJECT
public:
    AppSetup(TokenVault *vault, GraphClient *graph, QObject *parent = nullptr);

    void setConfig(const AppConfig &config);
    const AppConfig &config() const { return m_config; }

    // The Instagram App Secret goes to the keychain under "app-secret/<app id>", nowhere else.
    QFuture<Status> storeAppSecret(const QString &secret);
    // True when a secret for the current app id is in the keychain.
    QFuture<Result<bool>> hasAppSecret();
    // The Instagram App Secret of the current app id (the sign-in's code exchange needs it).
    QFuture<Result<QString>> appSecret();
    // The Meta app's App Secret, under "meta-app-secret/<meta app id>" (needs config().metaAppId).
    QFuture<Status> storeMetaAppSecret(const QString &secret);
    QFuture<Result<bool>> hasMetaAppSecret();

signals:
    void configChanged(const inlet::AppConfig &config);
    // An app secret (Instagram or Meta) was written to the keychain.
    void appSecretsChanged();

private:
    QFuture<Status> announceSecret(QFuture<Status> written); // emits appSecretsChanged on success

    TokenVault *m_vault;
    GraphClient *m_graph;
    AppConfig m_config;
};

} // namespace inlet
