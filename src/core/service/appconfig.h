#pragma once

#include "graph/instagramhosts.h"

#include <QString>
#include <QUrl>

class QJsonObject;
class QSettings;

namespace inlet {

// The non-secret part of the manager's Meta app set-up, kept in QSettings. A Meta app with the
// product "Instagram API with Instagram login" has two credential pairs (instagram-api.md §11):
//  - the Instagram pair (Instagram > API setup with Instagram login): `appId` here, its secret in
//    the keychain under TokenVault::appSecretKey(appId). OAuth uses it (client_id, the code
//    exchange, ig_exchange_token). Profiles from before the split have only this pair.
//  - the Meta app pair (App settings > Basic): `metaAppId` here (optional), its secret in the
//    keychain under TokenVault::metaAppSecretKey(metaAppId). The app-level webhook subscription
//    (graph.facebook.com /{app-id}/subscriptions with the app token ID|SECRET) uses it.
// Webhook signatures are accepted when made with either secret (which one Meta uses is unsettled).
// Secrets are not here on purpose: they only ever live in the keychain.
struct AppConfig {
    QString appId; // the Instagram App ID
    QString metaAppId; // the Meta app's App ID; empty = not given (app-level step in the dashboard)
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
    bool hasMetaApp() const { return !metaAppId.isEmpty(); }
    bool hasMediaHost() const { return mediaUploadUrl.isValid() && mediaPublicUrl.isValid(); }
    // Both media URLs at a sandbox's media host (<base>/media).
    void useSandboxMediaHost(const QUrl &sandboxBase);

    static AppConfig load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const AppConfig &) const = default;
};

// Both credential pairs of a Meta app, secrets included: what a sandbox publishes (GET
// /__sandbox/app) and SandboxLink::use() takes. Never stored as such: the ids go to
// AppConfig, the secrets to the keychain.
struct AppCredentials {
    QString appId; // the Instagram pair (OAuth)
    QString appSecret;
    QString metaAppId; // the Meta app pair (app-level webhook subscription); may be empty
    QString metaAppSecret;

    // From the sandbox's {"app_id","app_secret","meta_app_id","meta_app_secret"}.
    static AppCredentials fromJson(const QJsonObject &app);
};

// The verify token Meta must send in the webhook handshake: made once (random, 128 bits) and kept
// in the settings under webhook/verifyToken, so the value pasted into Meta's dashboard stays valid.
QString webhookVerifyToken(QSettings &settings);

// The webhook choices in the profile's inlet.ini: the port, picked once and kept so that a tunnel
// in front of it keeps working, and polling mode (no public URL).
inline const QString kWebhookPortKey = QStringLiteral("webhook/port");
inline const QString kWebhookPollingKey = QStringLiteral("webhook/pollingMode");

} // namespace inlet
