#pragma once

#include "common/result.h"

#include <QObject>
#include <QUrl>

namespace inlet {

// What the webhook settings (File > Webhooks) need of the core, and nothing more: where Meta must
// call and with which verify token, the subscription in two steps with their outcomes, and
// polling mode. CoreServices implements it; the composition root hands it to the dialog.
class WebhookControl : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Error code (Kind::Invalid) of appWebhookSubscriptionFailed() when the Meta app pair is not
    // given: the app-level subscription is to be done in Meta's dashboard instead.
    enum { AppSubscriptionInDashboard = 1 };

    // The local callback URL (empty until the webhook server runs).
    virtual QUrl webhookUrl() const = 0;
    // What Meta's dashboard must send in the GET handshake.
    virtual QString verifyToken() const = 0;
    virtual bool pollingMode() const = 0;
    // `publicUrl` is what Meta should call (a tunnel in front of webhookUrl(); empty =
    // webhookUrl()).
    virtual void subscribeWebhooks(const QUrl &publicUrl = {}) = 0;
    virtual void setPollingMode(bool enabled, int intervalMs = 0) = 0;

signals:
    void webhookStarted(const QUrl &url);
    void appWebhooksSubscribed();
    void appWebhookSubscriptionFailed(const inlet::Error &error);
    void webhooksSubscribed(const QString &accountId);
    void webhookSubscriptionFailed(const QString &accountId, const inlet::Error &error);
};

} // namespace inlet
