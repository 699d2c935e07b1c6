// Webhook ingest benchmark: a real WebhookServer committing into a real Store on loopback, opened
// as the app opens it (SQLite WAL, synchronous=FULL: see StoreOptions::durableAgainstPowerLoss),
// driven by a load generator on its own threads with plain blocking sockets.
//   1. single-event signed POSTs at a fixed rate (default 500/s): ACK latency p50/p99/max,
//      measured from the *scheduled* send time (no coordinated omission);
//   2. 50-event signed batches as fast as the server acknowledges them: events/s.
// Every ACK means committed and fsync'ed: the server answers 200 only after Store::applyEvents
// finished, and with synchronous=FULL each commit syncs the WAL, so the event survives a power cut
// (group commit shares that fsync among every POST waiting at the time).
//
//   bench_webhook [--rate 500] [--seconds 5] [--connections 4] [--batch 50] [--batches 400]
//                 [--batch-connections 2] [--synchronous-normal] [--null-commit]
// --synchronous-normal: the WAL is synced only at checkpoints; a 200 then survives a crash of the
//                       process, not a power cut (the app's mode before issue 12), for comparison.
// --null-commit acknowledges without storing: the HTTP/signature/parse share of the cost alone.

#include "store/store.h"
#include "store/storereader.h"
#include "webhook/signatureverifier.h"
#include "webhook/webhookserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace inlet;
using Clock = std::chrono::steady_clock;

namespace {

const QByteArray kSecret = QByteArrayLiteral("bench-app-secret");
const QString kAccount = QStringLiteral("17841400000000001");

// One keep-alive HTTP/1.1 connection with blocking POSIX calls (no event loop, no Qt buffers).
class Client {
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr{};
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
            const ssize_t n = ::send(m_fd, request.constData() + off, size_t(request.size() - off), MSG_NOSIGNAL);
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
                    length = m_in.mid(cl + 15, m_in.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
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

QByteArray messagingItem(int customer, qint64 tsMs, const QString &mid)
{
    return QStringLiteral(R"({"sender":{"id":"90000000000%1"},"recipient":{"id":"%2"},"timestamp":%3,)"
                          R"("message":{"mid":"%4","text":"benchmark message %4 with a little text in it"}})")
        .arg(customer, 5, 10, QLatin1Char('0'))
        .arg(kAccount)
        .arg(tsMs)
        .arg(mid)
        .toUtf8();
}

QByteArray signedPost(const QByteArray &path, const QList<QByteArray> &items, qint64 timeMs)
{
    QByteArray body = R"({"object":"instagram","entry":[{"id":")" + kAccount.toUtf8() + R"(","time":)"
        + QByteArray::number(timeMs) + R"(,"messaging":[)";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            body += ',';
        body += items.at(i);
    }
    body += "]}]}";
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "X-Hub-Signature-256: " + SignatureVerifier::sign(body, kSecret) + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p / 100.0 * double(v.size() - 1) + 0.5));
    return v[i];
}

struct RateResult {
    std::vector<double> latenciesMs;
    int errors = 0;
    double seconds = 0;
};

// Open-loop: request i is due at start + i/rate; each connection takes every n-th request.
RateResult runFixedRate(quint16 port, const QByteArray &path, int rate, int seconds, int connections)
{
    const int total = rate * seconds;
    const qint64 baseTs = 1732900000000;
    std::vector<QByteArray> requests;
    requests.reserve(size_t(total));
    for (int i = 0; i < total; ++i) {
        requests.push_back(signedPost(
            path, {messagingItem(i % 500, baseTs + i, QStringLiteral("bench.single.%1").arg(i))}, baseTs + i));
    }
    RateResult result;
    result.latenciesMs.assign(size_t(total), 0);
    std::atomic<int> errors{0};
    const auto interval = std::chrono::nanoseconds(1'000'000'000LL / rate);
    const auto start = Clock::now() + std::chrono::milliseconds(50);
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            Client client(port);
            for (int i = c; i < total; i += connections) {
                const auto due = start + interval * i;
                std::this_thread::sleep_until(due);
                const int status = client.exchange(requests[size_t(i)]);
                const auto done = Clock::now();
                if (status != 200)
                    ++errors;
                result.latenciesMs[size_t(i)] = std::chrono::duration<double, std::milli>(done - due).count();
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
BatchResult runBatches(quint16 port, const QByteArray &path, int batchSize, int batches, int connections)
{
    const qint64 baseTs = 1732950000000;
    std::vector<QByteArray> requests;
    requests.reserve(size_t(batches));
    for (int b = 0; b < batches; ++b) {
        QList<QByteArray> items;
        for (int i = 0; i < batchSize; ++i) {
            const int n = b * batchSize + i;
            items << messagingItem(n % 2000, baseTs + n, QStringLiteral("bench.batch.%1").arg(n));
        }
        requests.push_back(signedPost(path, items, baseTs + b));
    }
    BatchResult result;
    result.latenciesMs.assign(size_t(batches), 0);
    std::atomic<int> errors{0};
    std::atomic<int> next{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&] {
            Client client(port);
            for (int b = next++; b < batches; b = next++) {
                const auto sent = Clock::now();
                if (client.exchange(requests[size_t(b)]) != 200)
                    ++errors;
                result.latenciesMs[size_t(b)] =
                    std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Webhook ingest benchmark (loopback, real store)"));
    cli.addHelpOption();
    auto opt = [&](const char *name, const char *def, const char *help) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help), QStringLiteral("n"),
                             QString::fromLatin1(def));
        cli.addOption(o);
        return o;
    };
    const auto rateOpt = opt("rate", "500", "single-event POSTs per second");
    const auto secondsOpt = opt("seconds", "5", "duration of the fixed-rate phase");
    const auto connOpt = opt("connections", "4", "connections for the fixed-rate phase");
    const auto batchOpt = opt("batch", "50", "events per batch");
    const auto batchesOpt = opt("batches", "400", "number of batches");
    const auto batchConnOpt = opt("batch-connections", "2", "connections for the batch phase");
    const QCommandLineOption normalOpt(QStringLiteral("synchronous-normal"),
        QStringLiteral("synchronous=NORMAL: no fsync per commit (not the app's mode)"));
    cli.addOption(normalOpt);
    const QCommandLineOption nullOpt(QStringLiteral("null-commit"),
                                     QStringLiteral("acknowledge without storing (server overhead only)"));
    cli.addOption(nullOpt);
    cli.process(app);

    QTemporaryDir dir;
    StoreOptions storeOptions;
    storeOptions.durableAgainstPowerLoss = !cli.isSet(normalOpt); // as CoreServices opens it
    auto store = Store::open(dir.path(), storeOptions);
    if (!store) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.error().message));
        return 1;
    }
    Store *s = store->get();

    WebhookServerConfig config;
    config.appSecret = kSecret;
    config.verifyToken = QStringLiteral("bench");
    const bool nullCommit = cli.isSet(nullOpt);
    WebhookServer server(config, [s, nullCommit](const QList<InboundEvent> &events) {
        return nullCommit ? QtFuture::makeReadyFuture(Status{}) : s->applyEvents(events);
    });
    auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "server: %s\n", qPrintable(port.error().message));
        return 1;
    }
    const QByteArray path = config.path.toUtf8();

    RateResult single;
    BatchResult batch;
    const int rate = cli.value(rateOpt).toInt();
    // The load runs on its own threads; this thread keeps an event loop for the Store's signals.
    std::thread driver([&] {
        single = runFixedRate(*port, path, rate, cli.value(secondsOpt).toInt(), cli.value(connOpt).toInt());
        batch = runBatches(*port, path, cli.value(batchOpt).toInt(), cli.value(batchesOpt).toInt(),
                           cli.value(batchConnOpt).toInt());
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    app.exec();
    driver.join();
    server.stop();

    auto reader = StoreReader::open(s->databasePath());
    qint64 stored = -1;
    if (reader) {
        if (auto counts = (*reader)->counts(); counts)
            stored = counts->messages;
    }
    const qint64 expected = qint64(single.latenciesMs.size()) + batch.events;

    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("?");
    std::printf("\nWebhook ingest (loopback, WebhookServer -> %s), load average %s\n",
                nullCommit ? "no-op committer (nothing stored)"
                           : storeOptions.durableAgainstPowerLoss ? "Store, WAL + synchronous=FULL"
                                                                  : "Store, WAL + synchronous=NORMAL",
                load.constData());
    std::printf("| phase | requests | events | errors | events/s | ACK p50 ms | ACK p99 ms | ACK max ms |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    std::printf("| single-event POSTs at %d/s | %zu | %zu | %d | %.0f | %.2f | %.2f | %.2f |\n", rate,
                single.latenciesMs.size(), single.latenciesMs.size(), single.errors,
                double(single.latenciesMs.size()) / single.seconds, percentile(single.latenciesMs, 50),
                percentile(single.latenciesMs, 99), percentile(single.latenciesMs, 100));
    std::printf("| %s-event batches, closed loop | %zu | %lld | %d | %.0f | %.2f | %.2f | %.2f |\n",
                qPrintable(cli.value(batchOpt)), batch.latenciesMs.size(), batch.events, batch.errors,
                double(batch.events) / batch.seconds, percentile(batch.latenciesMs, 50),
                percentile(batch.latenciesMs, 99), percentile(batch.latenciesMs, 100));
    std::printf("\nstore: %lld messages (expected %lld), %lld transactions for %lld jobs (group commit)\n",
                stored, expected, s->transactionCount(), s->jobCount());
    const bool ok = single.errors == 0 && batch.errors == 0 && (nullCommit || stored == expected);
    return ok ? 0 : 2;
}
