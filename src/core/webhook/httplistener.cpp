#include "webhook/httplistener.h"

#include "common/logging.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace inlet {

HttpListener::HttpListener(HttpServerLimits limits, HttpHandler handler, QObject *parent)
    : QObject(parent), m_limits(limits), m_handler(std::move(handler)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::onNewConnection);
}

HttpListener::~HttpListener() = default;

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
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        delete c;
    m_connections = 0;
}

void HttpListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= m_limits.maxConnections) {
            qCWarning(lcWebhook) << "too many connections, refusing one";
            HttpResponse r = HttpResponse::text(503, QByteArrayLiteral("busy\n"));
            socket->write(r.serialize(false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            --m_connections;
            connection->deleteLater();
        });
    }
}

} // namespace inlet
