#pragma once

#include "webhook/httprequest.h"
#include "webhook/httprequestparser.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;
template <typename T>
class QFutureWatcher;

namespace inlet {

// Answers one request; may complete later (e.g. after a database commit).
using HttpHandler = std::function<QFuture<HttpResponse>(const HttpRequest &)>;

struct HttpServerLimits {
    HttpRequestParser::Limits parser;
    int idleTimeoutMs = 30'000;  // a connection with no traffic (and no request pending) closes
    int lingerMs = 2'000;        // after an error reply, unread input is drained then dropped
    int maxConnections = 256;
};

// One client connection: parses requests, hands each to the handler in order, writes the
// replies (keep-alive). While a reply is pending it stops reading, so TCP flow control, not
// memory, holds back a pipelining client. After a request error (413, 400, ...) it replies,
// closes its sending side and drains what the client still sends without keeping it ("lingering
// close"), so the client can read the error instead of getting a reset.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpServerLimits &limits, HttpHandler handler,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

signals:
    void closed();

private:
    void onReadyRead();
    void process();
    void respond(const HttpResponse &response);
    void failRequest(int status, const QByteArray &reason);
    void startLinger();
    void onBytesWritten();
    void finish();

    QTcpSocket *m_socket;
    HttpServerLimits m_limits;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    QFutureWatcher<HttpResponse> *m_pending = nullptr;
    QTimer m_idleTimer;
    bool m_keepAlive = true;
    bool m_continueSent = false;
    bool m_closeAfterWrite = false;
    bool m_lingering = false;
    bool m_finished = false;
};

} // namespace inlet
