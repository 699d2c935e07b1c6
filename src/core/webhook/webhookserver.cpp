#include "webhook/webhookserver.h"

#include "common/logging.h"
#include "webhook/httplistener.h"

#include <QThread>

namespace inlet {

WebhookServer::WebhookServer(WebhookServerConfig config, EventCommitter committer, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    // In SigningSecret's order.
    const QList<QByteArray> secrets { m_config.appSecret, m_config.metaAppSecret };
    const QStringList names { QStringLiteral("Instagram App Secret"),
        QStringLiteral("Meta app secret") };
    m_endpoint = std::make_shared<WebhookEndpoint>(
        WebhookEndpoint::Config {
            m_config.path.toUtf8(), secrets, names, m_config.verifyToken, m_config.maxBodyBytes },
        std::move(committer));
    m_endpoint->setLogIntervalMs(m_config.logIntervalMs);
}

void WebhookServer::setSecrets(const QByteArray &appSecret, const QByteArray &metaAppSecret)
{
    m_config.appSecret = appSecret;
    m_config.metaAppSecret = metaAppSecret;
    const QList<QByteArray> secrets { appSecret, metaAppSecret }; // in SigningSecret's order
    std::shared_ptr<WebhookEndpoint> endpoint = m_endpoint;
    if (!m_listener)
        return endpoint->setSecrets(secrets);
    // The endpoint checks signatures on the server thread: change them there, between requests.
    QMetaObject::invokeMethod(
        m_listener, [endpoint, secrets] { endpoint->setSecrets(secrets); }, Qt::QueuedConnection);
}

WebhookServer::~WebhookServer()
{
    stop();
}

Result<quint16> WebhookServer::start()
{
    if (m_listener)
        return fail(Error::Kind::Invalid, QStringLiteral("webhook server already running"));
    if (m_config.appSecret.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("no app secret: signatures cannot be checked"));
    if (!m_config.path.startsWith(QLatin1Char('/')))
        return fail(Error::Kind::Invalid, QStringLiteral("webhook path must start with '/'"));

    HttpServerLimits limits;
    limits.parser.maxBodyBytes = m_config.maxBodyBytes;
    limits.idleTimeoutMs = m_config.idleTimeoutMs;
    limits.headTimeoutMs = m_config.headTimeoutMs;
    limits.bodyTimeoutMs = m_config.bodyTimeoutMs;
    limits.minBodyBytesPerSecond = m_config.minBodyBytesPerSecond;
    limits.maxConnections = m_config.maxConnections;
    limits.logIntervalMs = m_config.logIntervalMs;
    std::shared_ptr<WebhookEndpoint> endpoint = m_endpoint;
    HttpHandler handler = [endpoint](const HttpRequest &r) { return endpoint->handle(r); };

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("inlet-webhook"));
    m_listener = new HttpListener(limits, std::move(handler), m_httpStats);
    m_listener->moveToThread(m_thread);
    m_thread->start();

    Result<quint16> result = 0;
    HttpListener *listener = m_listener;
    const QHostAddress address = m_config.address;
    const quint16 port = m_config.port;
    QMetaObject::invokeMethod(
        m_listener, [listener, address, port] { return listener->listen(address, port); },
        Qt::BlockingQueuedConnection, &result);
    if (!result) {
        qCWarning(lcWebhook) << "webhook server failed to start:" << result.error().message;
        stop();
        return result;
    }
    m_port = *result;
    qCInfo(lcWebhook) << "webhook server listening at" << callbackUrl().toString();
    return result;
}

void WebhookServer::stop()
{
    if (!m_thread)
        return;
    if (m_listener) {
        HttpListener *listener = m_listener;
        // Delete on its own thread: connections and sockets belong to it.
        QMetaObject::invokeMethod(
            listener, [listener] { delete listener; }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
}

QUrl WebhookServer::callbackUrl() const
{
    if (m_port == 0)
        return {};
    QHostAddress host = m_config.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(m_port);
    url.setPath(m_config.path);
    return url;
}

} // namespace inlet
