#pragma once

#include "common/result.h"
#include "sandbox/sandboxoptions.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace inlet::sandbox {

class CustomerSimulator;
class SandboxClock;
class TokenStore;
class WebhookDelivery;
class World;

// The local stand-in for Instagram: OAuth, Graph (profile, conversations, Send API, webhook
// subscriptions), webhook delivery, simulated customers and a /__sandbox/ control API, over HTTP
// on 127.0.0.1. Lives on the thread that creates it (SandboxHost runs one on its own thread).
class Sandbox : public QObject {
    Q_OBJECT
public:
    explicit Sandbox(SandboxOptions options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Binds 127.0.0.1:options().port (0: a free port), seeds the world, starts the simulator.
    inlet::Result<QUrl> start();
    QUrl baseUrl() const;
    const SandboxOptions &options() const;

    SandboxClock &clock();
    World &world();
    TokenStore &tokens();
    WebhookDelivery &delivery();
    CustomerSimulator &simulator();
    QList<QJsonObject> sentMessages() const; // what the business sent, oldest first

    // Shortcuts for in-process tests (the same as the /__sandbox/ endpoints).
    QString issueToken(bool longLived = true);
    inlet::Result<QString> injectEvent(const QJsonObject &spec);

    qint64 requestCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace inlet::sandbox
