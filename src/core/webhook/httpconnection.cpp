#include "webhook/httpconnection.h"

#include "common/logging.h"

#include <QFutureWatcher>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace inlet {

namespace {
// Bounds what QTcpSocket pulls from the kernel ahead of the parser.
constexpr qint64 kSocketReadBuffer = 256 * 1024;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpServerLimits &limits,
                               HttpHandler handler, QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_limits(limits),
      m_handler(std::move(handler)),
      m_parser(limits.parser)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcWebhook) << "connection error:" << m_socket->errorString();
        finish();
    });
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_lingering || m_pending == nullptr) {
            if (!m_lingering && !m_parser.idle())
                return failRequest(408, QByteArrayLiteral("request not completed in time"));
            finish();
        }
    });
    m_idleTimer.start(m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_pending)
        m_pending->disconnect(this);
}

void HttpConnection::onReadyRead()
{
    if (m_finished)
        return;
    if (m_lingering) {
        m_socket->skip(m_socket->bytesAvailable()); // drained, never stored
        return;
    }
    if (m_pending)
        return; // back-pressure: read again once the reply is out
    process();
}

void HttpConnection::process()
{
    while (!m_finished && !m_lingering && !m_pending && !m_closeAfterWrite) {
        HttpRequestParser::State state = m_parser.feed(QByteArray());
        if (state == HttpRequestParser::State::NeedMore && m_socket->bytesAvailable() > 0)
            state = m_parser.feed(m_socket->readAll());

        if (state == HttpRequestParser::State::Error)
            return failRequest(m_parser.errorStatus(), m_parser.errorReason());
        if (state == HttpRequestParser::State::NeedMore) {
            if (m_parser.wantsContinue() && !m_continueSent) {
                m_continueSent = true;
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            if (m_socket->bytesAvailable() > 0)
                continue;
            m_idleTimer.start(m_limits.idleTimeoutMs);
            return;
        }

        const HttpRequest request = m_parser.takeRequest();
        m_keepAlive = request.keepAlive;
        m_continueSent = false;
        m_idleTimer.stop();
        QFuture<HttpResponse> future = m_handler(request);
        if (future.isFinished()) {
            respond(future.isValid() && future.resultCount() > 0
                        ? future.result()
                        : HttpResponse::text(500, QByteArrayLiteral("internal error\n")));
            continue;
        }
        m_pending = new QFutureWatcher<HttpResponse>(this);
        connect(m_pending, &QFutureWatcherBase::finished, this, [this] {
            QFutureWatcher<HttpResponse> *w = m_pending;
            m_pending = nullptr;
            const bool ok = !w->isCanceled() && w->future().resultCount() > 0;
            respond(ok ? w->result() : HttpResponse::text(500, QByteArrayLiteral("internal error\n")));
            w->deleteLater();
            process();
        });
        m_pending->setFuture(future);
        return;
    }
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (m_finished)
        return;
    const bool keepAlive = m_keepAlive && !response.close;
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive) {
        m_closeAfterWrite = true;
        m_socket->disconnectFromHost(); // flushes first
        return;
    }
    m_idleTimer.start(m_limits.idleTimeoutMs);
}

void HttpConnection::failRequest(int status, const QByteArray &reason)
{
    qCDebug(lcWebhook) << "rejecting request:" << status << reason;
    HttpResponse r = HttpResponse::text(status, reason + '\n');
    r.close = true;
    m_socket->write(r.serialize(false));
    startLinger();
}

void HttpConnection::startLinger()
{
    m_lingering = true;
    m_idleTimer.start(m_limits.lingerMs);
    m_socket->skip(m_socket->bytesAvailable());
    onBytesWritten();
}

void HttpConnection::onBytesWritten()
{
    if (!m_lingering || m_finished || m_socket->bytesToWrite() > 0)
        return;
    m_socket->flush();
#ifdef Q_OS_UNIX
    // Half-close: the client sees our reply and EOF while we keep draining its input.
    if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_idleTimer.stop();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit closed();
}

} // namespace inlet
