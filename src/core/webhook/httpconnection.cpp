#include "webhook/httpconnection.h"

#include "common/logging.h"

#include <QFutureWatcher>
#include <QTcpSocket>

#include <chrono>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace inlet {

namespace {
// Bounds what QTcpSocket pulls from the kernel ahead of the parser.
constexpr qint64 kSocketReadBuffer = 256 * 1024;

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpServerLimits &limits,
    HttpHandler handler, std::shared_ptr<HttpServerStats> stats, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_stats(std::move(stats))
    , m_parser(limits.parser)
{
    m_since = m_lastWriteProgress = m_lastReadAt = nowMs();
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
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_pending)
        m_pending->disconnect(this);
}

HttpConnection::Eviction HttpConnection::eviction() const
{
    if (m_finished || m_lingering || m_closeAfterWrite || outputStalled())
        return Eviction::First;
    if (m_pending || m_socket->bytesToWrite() > 0)
        return Eviction::Never; // a complete request: being handled, or its reply going out
    if (m_parser.idle() && m_headDoneAt < 0 && m_socket->bytesAvailable() == 0)
        return Eviction::Idle;
    return Eviction::Incomplete;
}

void HttpConnection::evict()
{
    qCDebug(lcWebhook) << "closing a connection to admit a new one:"
                       << (m_parser.idle() ? "idle" : "request incomplete");
    finish();
}

bool HttpConnection::outputStalled() const
{
    return m_socket->bytesToWrite() > m_limits.maxUnsentBytes;
}

void HttpConnection::onReadyRead()
{
    if (m_finished)
        return;
    if (m_lingering || m_closeAfterWrite) {
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
        // Back-pressure on output: a client that sends requests but never reads the replies
        // is not read either, until it takes what is waiting (onBytesWritten resumes).
        if (outputStalled())
            break;
        HttpRequestParser::State state = m_parser.feed(QByteArray());
        if (state == HttpRequestParser::State::NeedMore && m_socket->bytesAvailable() > 0) {
            if (m_parser.idle() && m_headDoneAt < 0) {
                m_since = nowMs(); // a request begins: its head deadline runs from here
                m_requestBytes = 0;
            }
            const QByteArray data = m_socket->readAll();
            m_requestBytes += data.size();
            m_lastReadAt = nowMs();
            state = m_parser.feed(data);
        }
        if (m_headDoneAt < 0 && m_parser.headComplete())
            m_headDoneAt = nowMs();

        if (state == HttpRequestParser::State::Error)
            return failRequest(m_parser.errorStatus(), m_parser.errorReason());
        if (state == HttpRequestParser::State::NeedMore) {
            if (m_parser.wantsContinue() && !m_continueSent) {
                m_continueSent = true;
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            if (m_socket->bytesAvailable() > 0)
                continue;
            break;
        }

        const HttpRequest request = m_parser.takeRequest();
        m_keepAlive = request.keepAlive;
        m_continueSent = false;
        m_headDoneAt = -1;
        m_requestBytes = 0;
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
        break;
    }
    armTimer();
}

// One timer, whose deadline follows from the state; bytes arriving never push back the head
// deadline, and push back the body's only at the minimum rate.
void HttpConnection::armTimer()
{
    if (m_finished || m_lingering)
        return; // the linger timer runs
    if (m_pending) {
        m_timer.stop(); // the handler (a commit) is not the client's fault
        return;
    }
    qint64 deadline;
    if (m_closeAfterWrite || outputStalled())
        deadline = m_lastWriteProgress + m_limits.idleTimeoutMs;
    else if (m_parser.idle() && m_headDoneAt < 0)
        deadline = m_since + m_limits.idleTimeoutMs;
    else if (m_headDoneAt < 0)
        deadline = qMin(m_since + m_limits.headTimeoutMs, m_lastReadAt + m_limits.idleTimeoutMs);
    else
        deadline = qMin(m_headDoneAt + m_limits.bodyTimeoutMs
                + m_requestBytes * 1000 / qMax<qint64>(1, m_limits.minBodyBytesPerSecond),
            m_lastReadAt + m_limits.idleTimeoutMs);
    m_timer.start(int(qBound<qint64>(0, deadline - nowMs(), qint64(std::numeric_limits<int>::max()))));
}

void HttpConnection::onTimeout()
{
    if (m_finished)
        return;
    if (m_lingering || m_closeAfterWrite || outputStalled())
        return finish();
    if (m_pending)
        return;
    if (m_parser.idle() && m_headDoneAt < 0)
        return finish(); // idle keep-alive connection
    ++m_stats->timedOut;
    failRequest(408, QByteArrayLiteral("request not completed in time"));
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (m_finished)
        return;
    const bool keepAlive = m_keepAlive && !response.close;
    m_socket->write(response.serialize(keepAlive));
    m_since = m_lastReadAt = nowMs(); // idle from here (or the next pipelined request begins)
    if (!keepAlive) {
        m_closeAfterWrite = true;
        m_lastWriteProgress = m_since;
        m_socket->disconnectFromHost(); // flushes first
        if (!m_finished)
            armTimer();
        return;
    }
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
    m_timer.start(m_limits.lingerMs);
    m_socket->skip(m_socket->bytesAvailable());
    onBytesWritten();
}

void HttpConnection::onBytesWritten()
{
    if (m_finished)
        return;
    m_lastWriteProgress = nowMs();
    if (!m_lingering) {
        // Output drained below the bound: read (and answer) what waits.
        if (!m_pending && !m_closeAfterWrite && !outputStalled()
            && (m_parser.bufferedBytes() > 0 || m_socket->bytesAvailable() > 0))
            process();
        return;
    }
    if (m_socket->bytesToWrite() > 0)
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
    m_timer.stop();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit closed();
}

} // namespace inlet
