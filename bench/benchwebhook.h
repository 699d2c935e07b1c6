#pragma once

// The webhook benchmarks' load generator (header only), shared by bench_webhook (the app's
// WebhookServer into SQLite) and the team server's benchmarks (inlet-server into PostgreSQL):
// signed Instagram webhook POSTs over loopback, sent on threads of their own with plain blocking
// sockets (no event loop, no Qt buffers), open-loop at a fixed rate or closed-loop in batches.
#include "webhook/signatureverifier.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace inlet::bench {

using Clock = std::chrono::steady_clock;

// Where the POSTs go and how they are signed.
struct WebhookTarget {
    quint16 port = 0;
    QByteArray path;
    QString account; // the business account's Instagram user id (entry.id, recipient.id)
    QByteArray appSecret;
};

// One keep-alive HTTP/1.1 connection with blocking POSIX calls.
class Client {
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_ok = ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    ~Client() { ::close(m_fd); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Sends one request and returns the status of its response (0 on a broken connection).
    int exchange(const QByteArray &request)
    {
        qsizetype off = 0;
        while (off < request.size()) {
            const ssize_t n = ::send(
                m_fd, request.constData() + off, size_t(request.size() - off), MSG_NOSIGNAL);
            if (n <= 0)
                return 0;
            off += n;
        }
        for (;;) {
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end >= 0) {
                const int status = m_in.mid(9, 3).toInt();
                const qsizetype cl = m_in.toLower().indexOf("content-length:");
                qsizetype length = 0;
                if (cl >= 0 && cl < end)
                    length = m_in.mid(cl + 15, m_in.indexOf('\r', cl) - cl - 15)
                                 .trimmed()
                                 .toLongLong();
                if (m_in.size() >= end + 4 + length) {
                    m_in.remove(0, end + 4 + length);
                    return status;
                }
            }
            char buf[4096];
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0)
                return 0;
            m_in.append(buf, n);
        }
    }
    bool ok() const { return m_ok; }

private:
    int m_fd = -1;
    bool m_ok = false;
    QByteArray m_in;
};

// One customer's text message to `account`, as a `messaging` item.
inline QByteArray messagingItem(
    const QString &account, int customer, qint64 tsMs, const QString &mid)
{
    return QStringLiteral(
        R"({"sender":{"id":"90000000000%1"},"recipient":{"id":"%2"},"timestamp":%3,)"
        R"("message":{"mid":"%4","text":"benchmark message %4 with a little text in it"}})")
        .arg(customer, 5, 10, QLatin1Char('0'))
        .arg(account)
        .arg(tsMs)
        .arg(mid)
        .toUtf8();
}

// A signed POST of `items` in one entry, as Meta sends it.
inline QByteArray signedPost(
    const WebhookTarget &target, const QList<QByteArray> &items, qint64 timeMs)
{
    QByteArray body = R"({"object":"instagram","entry":[{"id":")" + target.account.toUtf8()
        + R"(","time":)" + QByteArray::number(timeMs) + R"(,"messaging":[)";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            body += ',';
        body += items.at(i);
    }
    body += "]}]}";
    return "POST " + target.path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          "X-Hub-Signature-256: "
        + SignatureVerifier::sign(body, target.appSecret)
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// `total` single-event POSTs, message ids `<midPrefix><i>`, from `customers` customers in turn.
inline std::vector<QByteArray> singleEventPosts(
    const WebhookTarget &target, int total, const QString &midPrefix, int customers, qint64 baseTs)
{
    std::vector<QByteArray> requests;
    requests.reserve(size_t(total));
    for (int i = 0; i < total; ++i) {
        requests.push_back(signedPost(target,
            { messagingItem(
                target.account, i % customers, baseTs + i, midPrefix + QString::number(i)) },
            baseTs + i));
    }
    return requests;
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p / 100.0 * double(v.size() - 1) + 0.5));
    return v[i];
}

inline double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct RateResult {
    std::vector<double> latenciesMs; // per request, from its scheduled send time to its ACK
    std::vector<Clock::time_point> acked; // per request, when its ACK arrived
    int errors = 0;
    double seconds = 0;
};

// Open-loop: request i is due at start + i/rate, so a slow answer does not delay the next ones
// (no coordinated omission: latency counts from the scheduled time); each of `connections`
// connections takes every n-th request.
inline RateResult runFixedRate(
    quint16 port, const std::vector<QByteArray> &requests, int rate, int connections)
{
    const size_t total = requests.size();
    RateResult result;
    result.latenciesMs.assign(total, 0);
    result.acked.assign(total, Clock::time_point {});
    std::atomic<int> errors { 0 };
    const auto interval = std::chrono::nanoseconds(1'000'000'000LL / std::max(rate, 1));
    const auto start = Clock::now() + std::chrono::milliseconds(50);
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            Client client(port);
            for (size_t i = size_t(c); i < total; i += size_t(connections)) {
                const auto due = start + interval * qint64(i);
                std::this_thread::sleep_until(due);
                const int status = client.exchange(requests[i]);
                const auto done = Clock::now();
                if (status != 200)
                    ++errors;
                result.latenciesMs[i] = msBetween(due, done);
                result.acked[i] = done;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.errors = errors;
    return result;
}

struct BatchResult {
    std::vector<double> latenciesMs;
    int errors = 0;
    double seconds = 0;
    qint64 events = 0;
};

// Closed-loop: each connection posts its next batch as soon as the previous one is acknowledged.
// Message ids `<midPrefix><n>`, from `customers` customers in turn.
inline BatchResult runBatches(const WebhookTarget &target, int batchSize, int batches,
    int connections, const QString &midPrefix, int customers, qint64 baseTs)
{
    std::vector<QByteArray> requests;
    requests.reserve(size_t(batches));
    for (int b = 0; b < batches; ++b) {
        QList<QByteArray> items;
        for (int i = 0; i < batchSize; ++i) {
            const int n = b * batchSize + i;
            items << messagingItem(
                target.account, n % customers, baseTs + n, midPrefix + QString::number(n));
        }
        requests.push_back(signedPost(target, items, baseTs + b));
    }
    BatchResult result;
    result.latenciesMs.assign(size_t(batches), 0);
    std::atomic<int> errors { 0 };
    std::atomic<int> next { 0 };
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&] {
            Client client(target.port);
            for (int b = next++; b < batches; b = next++) {
                const auto sent = Clock::now();
                if (client.exchange(requests[size_t(b)]) != 200)
                    ++errors;
                result.latenciesMs[size_t(b)] = msBetween(sent, Clock::now());
            }
        });
    }
    for (auto &t : threads)
        t.join();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.errors = errors;
    result.events = qint64(batches) * batchSize;
    return result;
}

// The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them.
inline QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').mid(0, 3).join(' ')
                                       : QByteArray("?");
}

} // namespace inlet::bench
