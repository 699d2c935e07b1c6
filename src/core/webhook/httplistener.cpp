#include "webhook/httplistener.h"

#include "common/logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace inlet {

HttpListener::HttpListener(HttpServerLimits limits, HttpHandler handler,
    std::shared_ptr<HttpServerStats> stats, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_stats(std::move(stats))
    , m_server(new QTcpServer(this))
    , m_refusedLog(limits.logIntervalMs)
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::onNewConnection);
}

HttpListener::~HttpListener()
{
    close();
    if (const qint64 n = m_refusedLog.takeSuppressed(); n > 0)
        qCWarning(lcWebhook).nospace() << "too many connections: refused " << n << " more";
}

Result<quint16> HttpListener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        return fail(Error::Kind::Network,
                    QStringLiteral("cannot listen on %1:%2: %3")
                        .arg(address.toString())
                        .arg(port)
                        .arg(m_server->errorString()));
    }
    return m_server->serverPort();
}

void HttpListener::close()
{
    m_server->close();
    const QList<HttpConnection *> connections = std::exchange(m_connections, {});
    for (HttpConnection *c : connections)
        delete c;
    m_stats->open = 0;
}

bool HttpListener::evictOne()
{
    HttpConnection *victim = nullptr;
    for (HttpConnection *c : std::as_const(m_connections)) {
        const auto rank = c->eviction();
        if (rank == HttpConnection::Eviction::Never)
            continue;
        if (!victim || rank < victim->eviction()
            || (rank == victim->eviction() && c->since() < victim->since()))
            victim = c;
    }
    if (!victim)
        return false;
    ++m_stats->evicted;
    victim->evict(); // emits closed(): leaves m_connections
    return true;
}

void HttpListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections && !evictOne()) {
            ++m_stats->refused;
            if (qint64 more = 0; m_refusedLog.admit(&more)) {
                qCWarning(lcWebhook).nospace()
                    << "too many connections, refusing one (and " << more << " more in the last "
                    << m_refusedLog.intervalSeconds() << " s)";
            }
            HttpResponse r = HttpResponse::text(503, QByteArrayLiteral("busy\n"));
            socket->write(r.serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            // A client that does not read its 503 does not keep the socket either.
            QTimer::singleShot(m_limits.lingerMs, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            continue;
        }
        auto *connection = new HttpConnection(socket, m_limits, m_handler, m_stats, this);
        m_connections.append(connection);
        m_stats->open = int(m_connections.size());
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            m_connections.removeOne(connection);
            m_stats->open = int(m_connections.size());
            connection->deleteLater();
        });
    }
}

} // namespace inlet
