#pragma once

#include "common/result.h"
#include "webhook/httpconnection.h"
#include "webhook/logthrottle.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace inlet {

// A small HTTP/1.1 server: accepts connections and gives each to an HttpConnection that calls
// `handler`. Lives (and must be used) in one thread; WebhookServer runs it in its own.
// At maxConnections a new connection is admitted by closing one that has no complete request
// (see HttpConnection::eviction); only when every slot holds a complete request is it refused
// with 503. Behind a tunnel every peer is 127.0.0.1, so there are no per-address limits.
class HttpListener : public QObject {
    Q_OBJECT
public:
    HttpListener(HttpServerLimits limits, HttpHandler handler,
        std::shared_ptr<HttpServerStats> stats = std::make_shared<HttpServerStats>(),
        QObject *parent = nullptr);
    ~HttpListener() override;

    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close(); // stops listening and drops every connection
    int connectionCount() const { return int(m_connections.size()); }

private:
    void onNewConnection();
    bool evictOne();

    HttpServerLimits m_limits;
    HttpHandler m_handler;
    std::shared_ptr<HttpServerStats> m_stats;
    QTcpServer *m_server;
    QList<HttpConnection *> m_connections;
    LogThrottle m_refusedLog;
};

} // namespace inlet
