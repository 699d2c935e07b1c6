#include "support/webhookattacks.h"

#include <QFile>
#include <QThread>

#include <arpa/inet.h>
#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace inlet::test {

int connectFd(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void sendAll(int fd, const QByteArray &data)
{
    qsizetype off = 0;
    while (off < data.size()) {
        const ssize_t n
            = ::send(fd, data.constData() + off, size_t(data.size() - off), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        off += n;
    }
}

int readStatus(int fd, int timeoutMs)
{
    QByteArray in;
    char buf[512];
    while (in.size() < 12) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, timeoutMs) != 1)
            return 0;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return 0;
        in += QByteArray(buf, int(n));
    }
    return in.startsWith("HTTP/1.") ? in.mid(9, 3).toInt() : 0;
}

QByteArray postRequest(const QByteArray &body, const QByteArray &signature, const QByteArray &path,
    const QByteArray &extra)
{
    QByteArray req
        = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
    if (!signature.isNull())
        req += "X-Hub-Signature-256: " + signature + "\r\n";
    req += extra;
    req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return req;
}

qint64 procStatusKb(const char *field, qint64 pid)
{
    QFile f(pid == 0 ? QStringLiteral("/proc/self/status")
                     : QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 peakRssGrowthKb(const std::function<void()> &work)
{
    const qint64 before = procStatusKb("VmRSS:");
    std::atomic<bool> done { false };
    std::thread t([&] {
        work();
        done = true;
    });
    qint64 peak = before;
    while (!done) {
        peak = qMax(peak, procStatusKb("VmRSS:"));
        QThread::msleep(5);
    }
    t.join();
    return qMax<qint64>(0, qMax(peak, procStatusKb("VmRSS:")) - before);
}

FloodResult floodUntilAnswered(
    quint16 port, const QByteArray &prefix, const QByteArray &unit, qint64 maxBytes)
{
    FloodResult result;
    const int fd = connectFd(port);
    if (fd < 0)
        return result;
    sendAll(fd, prefix);
    QByteArray piece;
    while (piece.size() < 64 * 1024)
        piece += unit;
    char buf[512];
    while (result.sent < maxBytes) {
        const ssize_t n = ::send(fd, piece.constData(), size_t(piece.size()), MSG_NOSIGNAL);
        if (n <= 0)
            break;
        result.sent += n;
        const ssize_t r = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (r > 0) {
            result.reply = QByteArray(buf, int(r));
            break;
        }
    }
    if (result.reply.isEmpty()) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, 3000) == 1) {
            const ssize_t r = ::recv(fd, buf, sizeof buf, 0);
            if (r > 0)
                result.reply = QByteArray(buf, int(r));
        }
    }
    ::close(fd);
    return result;
}

QByteArray crlfFloodPrefix()
{
    return {};
}
QByteArray crlfFloodUnit()
{
    return QByteArrayLiteral("\r\n");
}
QByteArray trailerFloodPrefix()
{
    return QByteArrayLiteral(
        "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "1\r\na\r\n0\r\n");
}
QByteArray trailerFloodUnit()
{
    return QByteArrayLiteral("X-Trailer: 1\r\n");
}

PipelineResult pipelineWithoutReading(
    quint16 port, const QByteArray &request, qint64 maxBytes, int stallMs)
{
    PipelineResult result;
    QByteArray piece;
    while (piece.size() + request.size() <= 64 * 1024)
        piece += request;
    result.fd = connectFd(port);
    if (result.fd < 0)
        return result;
    ::fcntl(result.fd, F_SETFL, ::fcntl(result.fd, F_GETFL) | O_NONBLOCK);
    qsizetype off = 0;
    while (result.sent < maxBytes) {
        pollfd p { result.fd, POLLOUT, 0 };
        if (::poll(&p, 1, stallMs) != 1)
            break; // no progress: the server stopped reading
        const ssize_t n
            = ::send(result.fd, piece.constData() + off, size_t(piece.size() - off), MSG_NOSIGNAL);
        if (n <= 0)
            continue;
        result.sent += n;
        off = (off + n) % piece.size();
    }
    return result;
}

qint64 countReplies(int fd, qint64 expected, const QByteArray &statusLine)
{
    qint64 replies = 0;
    QByteArray tail;
    static char buf[64 * 1024];
    while (replies < expected) {
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, 10000) != 1)
            break;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        tail += QByteArray(buf, int(n));
        replies += tail.count(statusLine);
        tail = tail.right(statusLine.size() - 1);
    }
    return replies;
}

int sendOversizeBody(quint16 port, qint64 bodyBytes, qint64 *sent)
{
    qint64 done = 0;
    const int fd = connectFd(port);
    if (fd < 0)
        return 0;
    sendAll(fd,
        "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + QByteArray::number(bodyBytes) + "\r\n\r\n");
    static const QByteArray chunk(64 * 1024, '{');
    while (done < bodyBytes) {
        const ssize_t n = ::send(fd, chunk.constData(),
            size_t(qMin<qint64>(chunk.size(), bodyBytes - done)), MSG_NOSIGNAL);
        if (n <= 0)
            break;
        done += n;
    }
    const int status = readStatus(fd);
    ::close(fd);
    if (sent)
        *sent = done;
    return status;
}

QList<int> openIncompleteRequests(quint16 port, int n)
{
    QList<int> fds;
    for (int i = 0; i < n; ++i) {
        const int fd = connectFd(port);
        if (fd < 0)
            break;
        sendAll(fd, "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\n");
        fds << fd;
    }
    return fds;
}

QList<QByteArray> lenientFramingRequests()
{
    const QByteArray chunkedHead
        = "POST /webhook/instagram HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    return {
        chunkedHead + "0x3\r\nabc\r\n0\r\n\r\n",
        chunkedHead + "+3\r\nabc\r\n0\r\n\r\n",
        chunkedHead + "-0\r\n\r\n",
        chunkedHead + "3;" + QByteArray(2000, 'a') + "\r\nabc\r\n0\r\n\r\n",
        "POST /webhook/instagram HTTP/1.0\r\nTransfer-Encoding: "
        "chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "GET /webhook/instagram HTTP/1.1\r\nX-A: b" + QByteArray(1, '\0') + "c\r\n\r\n",
    };
}

} // namespace inlet::test
