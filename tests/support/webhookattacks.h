#pragma once

// Hostile clients for a webhook server on loopback (issue 12), shared by tst_webhookserver (the
// server in the test process) and tst_webhookattacks (a real `inlet --headless` child). They use
// plain blocking POSIX sockets: the client keeps no copy of what it sends, so its own memory does
// not blur the server's, and none needs an event loop (they run on plain threads).
#include <QByteArray>
#include <QList>

#include <functional>

namespace inlet::test {

// A blocking connection to 127.0.0.1:`port`, or -1.
int connectFd(quint16 port);
// Sends all of `data`; stops at the first error.
void sendAll(int fd, const QByteArray &data);
// The status of the first reply on `fd` (0: none within `timeoutMs`, or the connection closed).
int readStatus(int fd, int timeoutMs = 5000);

// A POST with Content-Length, and the X-Hub-Signature-256 header when `signature` is not null.
QByteArray postRequest(const QByteArray &body, const QByteArray &signature,
    const QByteArray &path = "/webhook/instagram", const QByteArray &extra = {});

// A field of /proc/<pid>/status in KiB ("VmRSS:", "VmHWM:"); pid 0 is this process; -1 if absent.
qint64 procStatusKb(const char *field, qint64 pid = 0);
// Samples this process's VmRSS every 5 ms while `work` runs on another thread; returns the peak
// growth over the VmRSS before it began, in KiB.
qint64 peakRssGrowthKb(const std::function<void()> &work);

// Skipped lines: sends `prefix`, then `unit` over and over (at most `maxBytes`) until the server
// answers; `reply` is its first bytes (empty: no answer within 3 s of the last byte sent).
struct FloodResult {
    qint64 sent = 0;
    QByteArray reply;
};
FloodResult floodUntilAnswered(
    quint16 port, const QByteArray &prefix, const QByteArray &unit, qint64 maxBytes);
// The two floods of issue 12: blank lines before a request line, trailer lines after the last
// chunk.
QByteArray crlfFloodPrefix();
QByteArray crlfFloodUnit();
QByteArray trailerFloodPrefix();
QByteArray trailerFloodUnit();

// A client that never reads: pipelines `request` (non-blocking) until the server stops reading
// (no progress for `stallMs`) or `maxBytes` went. The connection stays open, unread, in `fd`.
struct PipelineResult {
    int fd = -1;
    qint64 sent = 0;
};
PipelineResult pipelineWithoutReading(
    quint16 port, const QByteArray &request, qint64 maxBytes, int stallMs = 1000);
// Reads `fd` until `expected` replies beginning with `statusLine` came (or 10 s of silence);
// returns how many came.
qint64 countReplies(int fd, qint64 expected, const QByteArray &statusLine);

// An oversized body: a head announcing `bodyBytes`, then that many bytes as fast as the server
// takes them; returns the status of the server's reply (0: none) and how much was sent.
int sendOversizeBody(quint16 port, qint64 bodyBytes, qint64 *sent = nullptr);

// Slowloris: `n` connections that each sent the start of a request head and nothing more
// (trickle more with sendAll). Fewer when a connection fails.
QList<int> openIncompleteRequests(quint16 port, int n);

// Requests with lenient framing that a proxy may read differently (RFC 9112), each to be
// answered 400: chunk sizes 0x3, +3, -0; a chunk extension over the line limit in one read;
// Transfer-Encoding on HTTP/1.0; NUL in a header value.
QList<QByteArray> lenientFramingRequests();

} // namespace inlet::test
