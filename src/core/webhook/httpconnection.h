#pragma once

#include "webhook/httprequest.h"
#include "webhook/httprequestparser.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class QTcpSocket;
template <typename T>
class QFutureWatcher;

namespace inlet {

// Answers one request; may complete later (e.g. after a database commit).
using HttpHandler = std::function<QFuture<HttpResponse>(const HttpRequest &)>;

struct HttpServerLimits {
    HttpRequestParser::Limits parser;
    int idleTimeoutMs = 30'000; // no request in progress, or no byte of one, for this long: close
    // Deadlines that bytes do not push back (slowloris): the head must be complete this long
    // after its first byte; the body this long after the head, plus one second for every
    // minBodyBytesPerSecond received (a minimum rate; a 1 MiB body gets at most 74 s).
    int headTimeoutMs = 10'000;
    int bodyTimeoutMs = 10'000;
    qint64 minBodyBytesPerSecond = 16 * 1024;
    qint64 maxUnsentBytes = 64 * 1024; // stop reading while more than this waits to be sent
    int lingerMs = 2'000; // after an error reply, unread input is drained then dropped
    int maxConnections = 256;
    int logIntervalMs = 60'000; // at most one "refused" warning per interval, with a count
};

// Counters of the HTTP layer, readable from any thread.
struct HttpServerStats {
    std::atomic<int> open { 0 }; // connections now
    std::atomic<qint64> refused { 0 }; // 503 at the connection cap, nothing evictable
    std::atomic<qint64> evicted { 0 }; // incomplete or idle connections closed to admit a new one
    std::atomic<qint64> timedOut { 0 }; // 408: head or body deadline missed
};

// One client connection: parses requests, hands each to the handler in order, writes the
// replies (keep-alive). While a reply is pending, or while more than maxUnsentBytes of replies
// wait for a client that does not read them, it stops reading, so TCP flow control, not memory,
// holds back a pipelining client. After a request error (413, 400, ...) it replies, closes its
// sending side and drains what the client still sends without keeping it ("lingering close"),
// so the client can read the error instead of getting a reset.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpServerLimits &limits, HttpHandler handler,
        std::shared_ptr<HttpServerStats> stats, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Which connection the listener closes to admit a new one when all slots are taken:
    // finished, lingering or stalled ones first, then idle keep-alive ones, then the request
    // that began longest ago and is still incomplete. A complete request (being handled or
    // answered) is never evicted, so incomplete ones cannot starve a signed delivery.
    enum class Eviction { First, Idle, Incomplete, Never };
    Eviction eviction() const;
    qint64 since() const { return m_since; } // monotonic ms: when the current state began
    void evict();

signals:
    void closed();

private:
    void onReadyRead();
    void process();
    void respond(const HttpResponse &response);
    void failRequest(int status, const QByteArray &reason);
    void startLinger();
    void onBytesWritten();
    void onTimeout();
    void armTimer();
    bool outputStalled() const;
    void finish();

    QTcpSocket *m_socket;
    HttpServerLimits m_limits;
    HttpHandler m_handler;
    std::shared_ptr<HttpServerStats> m_stats;
    HttpRequestParser m_parser;
    QFutureWatcher<HttpResponse> *m_pending = nullptr;
    QTimer m_timer;
    qint64 m_since = 0; // idle/linger: when that began; a request: its first byte
    qint64 m_headDoneAt = -1; // when the current request's head was complete, or -1
    qint64 m_requestBytes = 0; // bytes read since the current request began
    qint64 m_lastWriteProgress = 0;
    qint64 m_lastReadAt = 0;
    bool m_keepAlive = true;
    bool m_continueSent = false;
    bool m_closeAfterWrite = false;
    bool m_lingering = false;
    bool m_finished = false;
};

} // namespace inlet
