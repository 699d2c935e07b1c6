#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/faultinjector.h"
#include "sandbox/httpreply.h"
#include "sandbox/mediastore.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/tokenstore.h"
#include "sandbox/world.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace inlet::sandbox {

class WebhookDelivery;

// What the sandbox's parts share: options, clock, world, tokens, faults, the sent log and the
// webhook delivery. Owned by Sandbox; the API parts hold a reference.
struct SandboxState {
    SandboxOptions options;
    QUrl baseUrl;
    SandboxClock clock;
    World world;
    TokenStore tokens;
    FaultInjector faults;
    FaultInjector mediaFaults; // for the media host (/media/), set through /__sandbox/uploads/faults
    MediaStore media;
    QList<QJsonObject> sent;     // what the business sent, oldest first
    QStringList redirectUris;    // registered through POST /__sandbox/redirect_uris
    WebhookDelivery *delivery = nullptr;
    QNetworkAccessManager *network = nullptr; // for the subscription handshake
    quint64 midCounter = 0;
    // Called after a change the state file keeps (set by Sandbox when it has one).
    std::function<void()> changed;

    QString newMid();
    // The app-scoped user id the code exchange returns (not the IG_ID, as on Instagram).
    QString appScopedUserId() const;
    // The app token graph.facebook.com takes: the Meta app's pair, not the Instagram one.
    QString appToken() const
    {
        return options.metaAppId + QLatin1Char('|') + options.metaAppSecret;
    }
    // What a client that mixes the pairs up sends instead.
    QString instagramAppToken() const
    {
        return options.appId + QLatin1Char('|') + options.appSecret;
    }
    QString url(const QString &path) const; // base URL + path
    QString avatarUrl(const QString &igsid) const;
    QString mediaUrl(const QString &name) const;

    // Enqueues a messaging item for the webhook when the account installed the app
    // (subscribed_apps), a callback is registered and the app subscribed to `field`.
    bool deliver(const QJsonObject &item, const QString &field);

    // A Graph error for a missing, unknown, expired or revoked user token; nullopt when valid.
    std::optional<HttpReply> requireUserToken(const ApiRequest &request) const;
};

// ISO-8601 as Graph writes it: "2025-07-28T22:44:49+0000".
QString graphTime(qint64 ms);

} // namespace inlet::sandbox
