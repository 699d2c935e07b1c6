#pragma once

#include "graph/instagramhosts.h"

#include <QString>
#include <QUrl>

class QSettings;

namespace inlet {

// The non-secret part of the manager's Meta app set-up, kept in QSettings. The App Secret is not
// here on purpose: it only ever lives in the keychain (TokenVault, key "app-secret/<app id>").
struct AppConfig {
    QString appId;
    QUrl redirectUri = defaultRedirectUri();
    InstagramHosts hosts;

    static QUrl defaultRedirectUri() { return QUrl(QStringLiteral("https://localhost/inlet/callback")); }

    // Everything needed to start a sign-in (the secret is checked separately).
    bool isComplete() const { return !appId.isEmpty() && redirectUri.isValid(); }

    static AppConfig load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const AppConfig &) const = default;
};

// The verify token Meta must send in the webhook handshake: made once (random, 128 bits) and kept
// in the settings under webhook/verifyToken, so the value pasted into Meta's dashboard stays valid.
QString webhookVerifyToken(QSettings &settings);

} // namespace inlet
