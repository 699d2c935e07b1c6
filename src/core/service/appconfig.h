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
    // The manager's media host for attachments sent from a file: Instagram takes media only by
    // public HTTPS URL, so Inlet PUTs the file to <mediaUploadUrl>/<name> and sends Instagram
    // <mediaPublicUrl>/<name>. Empty = not set up (attachments from a file are refused).
    // Kept as media/uploadUrl and media/publicUrl; the bearer token, if any, is in the keychain.
    QUrl mediaUploadUrl;
    QUrl mediaPublicUrl;

    static QUrl defaultRedirectUri() { return QUrl(QStringLiteral("https://localhost/inlet/callback")); }

    // Everything needed to start a sign-in (the secret is checked separately).
    bool isComplete() const { return !appId.isEmpty() && redirectUri.isValid(); }
    bool hasMediaHost() const { return mediaUploadUrl.isValid() && mediaPublicUrl.isValid(); }
    // Both media URLs at a sandbox's media host (<base>/media).
    void useSandboxMediaHost(const QUrl &sandboxBase);

    static AppConfig load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const AppConfig &) const = default;
};

// The verify token Meta must send in the webhook handshake: made once (random, 128 bits) and kept
// in the settings under webhook/verifyToken, so the value pasted into Meta's dashboard stays valid.
QString webhookVerifyToken(QSettings &settings);

} // namespace inlet
