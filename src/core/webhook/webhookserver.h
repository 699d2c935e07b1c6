#pragma once

#include "common/result.h"
#include "webhook/httpconnection.h"
#include "webhook/webhookendpoint.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QThread;

namespace inlet {

class HttpListener;

struct WebhookServerConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 picks a free one
    QString path = QStringLiteral("/webhook/instagram");
    // Signatures made with either secret are accepted (instagram-api.md §11: which one Meta uses
    // for Instagram-login deliveries is not settled). The first is required.
    QByteArray appSecret; // the Instagram App Secret
    QByteArray metaAppSecret; // the Meta app's App Secret; empty when not given
    QString verifyToken;
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutMs = 30'000;
    // Against clients that hold connections (HttpServerLimits says more): head and body
    // deadlines, a minimum body rate, the connection cap, how often "refused" is logged.
    int headTimeoutMs = 10'000;
    int bodyTimeoutMs = 10'000;
    qint64 minBodyBytesPerSecond = 16 * 1024;
    int maxConnections = 256;
    int logIntervalMs = 60'000;
};

// The embedded webhook receiver (Meta -> tunnel/reverse proxy -> here). It runs its own thread:
// nothing it does touches the caller's (GUI) thread. Every POST is answered 200 only after
// `committer`'s future reported success, so an acknowledged event is an event on disk.
//
// Why not QHttpServer: Qt 6.4's QHttpServer reads a whole body before any handler runs and has no
// size limit (a 200 MB POST cost 600 MB RSS, toolchain.md §2a). A guard proxy in front of it would
// have to parse every request head on every keep-alive connection anyway (or a second request on
// the same connection would slip past it), then relay bytes through a second socket. So the
// server speaks HTTP/1.1 itself with a small incremental parser (HttpRequestParser): the size is
// decided from Content-Length (or while de-chunking) before the body is read, 413 is sent with
// "Connection: close", and nothing over the limit is ever buffered. It is also one hop less.
//
// The committer is called on the server's thread; it must be safe to call from there.
class WebhookServer : public QObject {
    Q_OBJECT
public:
    WebhookServer(WebhookServerConfig config, EventCommitter committer, QObject *parent = nullptr);
    ~WebhookServer() override; // stops

    Result<quint16> start();
    // The app secrets changed (a secret entered in Settings while running): deliveries are checked
    // against the new ones from the next request on, without a restart or a new port.
    void setSecrets(const QByteArray &appSecret, const QByteArray &metaAppSecret);
    void stop();
    bool isRunning() const { return m_listener != nullptr; }

    quint16 port() const { return m_port; }
    QUrl callbackUrl() const; // http://127.0.0.1:PORT/webhook/instagram
    const WebhookServerConfig &config() const { return m_config; }
    const WebhookStats &stats() const { return *m_endpoint->stats(); }
    const HttpServerStats &httpStats() const { return *m_httpStats; }

    // Which secret made the first signature accepted (logged once when it happens).
    enum class SigningSecret { NoneYet = -1, Instagram = 0, Meta = 1 };
    SigningSecret signingSecret() const { return SigningSecret(stats().signingSecret.load()); }

private:
    WebhookServerConfig m_config;
    std::shared_ptr<WebhookEndpoint> m_endpoint;
    std::shared_ptr<HttpServerStats> m_httpStats = std::make_shared<HttpServerStats>();
    QThread *m_thread = nullptr;
    HttpListener *m_listener = nullptr;
    quint16 m_port = 0;
};

} // namespace inlet
