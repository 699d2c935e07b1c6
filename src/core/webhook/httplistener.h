#pragma once

#include "common/result.h"
#include "webhook/httpconnection.h"

#include <QHostAddress>
#include <QObject>

class QTcpServer;

namespace inlet {

// A small HTTP/1.1 server: accepts connections and gives each to an HttpConnection that calls
// `handler`. Lives (and must be used) in one thread; WebhookServer runs it in its own.
class HttpListener : public QObject {
    Q_OBJECT
public:
    HttpListener(HttpServerLimits limits, HttpHandler handler, QObject *parent = nullptr);
    ~HttpListener() override;

    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close(); // stops listening and drops every connection
    int connectionCount() const { return m_connections; }

private:
    void onNewConnection();

    HttpServerLimits m_limits;
    HttpHandler m_handler;
    QTcpServer *m_server;
    int m_connections = 0;
};

} // namespace inlet
