// Store benchmark: a database of 1,000,000 messages in 10,000 conversations (or the size given),
// then the reads the
// UI does (open a conversation, page back, inbox page, full-text search) and the store's part of
// webhook ingest (durable applyEvents, batched and single), once with synchronous=NORMAL (a
// commit survives a crash of the process) and once with synchronous=FULL (it survives a power
// cut too: what the app runs, see StoreOptions::durableAgainstPowerLoss).
//
//   bench_store [--messages N] [--conversations N] [cache-dir]
//                                  (dir: or INLET_BENCH_DIR; default <tmp>/inlet-bench-store;
//                                  default size 1,000,000 messages in 10,000 conversations)
//   bench_store --ingest-only      only the ingest part (no big database needed)
//   bench_store --reads-only ...   only the reads on the big database (no ingest part)
//
// The big database is built once in the cache dir and reused by later runs of the same size
// (10,000,000 messages: about 3 GB and several minutes; use a dir outside the repository).
#include "benchdatabase.h"
#include "model/events.h"
#include "store/database.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace inlet;
using inlet::bench::pickWord;
using inlet::bench::vocabulary;

namespace {

const QString kAccount = bench::kBenchAccount;

QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("?\n");
}

void die(const QString &what)
{
    std::fprintf(stderr, "bench_store: %s\n", qPrintable(what));
    std::exit(1);
}

struct Figures {
    double median = 0;
    double p95 = 0;
    double p99 = 0;
    double cpuMedian = 0; // CPU time of this thread: the work itself, without waiting for a core
    double cpuP95 = 0;
    double cpuP99 = 0;
};

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

Figures measure(int iterations, const std::function<void(int)> &op)
{
    QList<double> ms, cpu;
    ms.reserve(iterations);
    cpu.reserve(iterations);
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        const double c0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        timer.start();
        op(i);
        ms.append(timer.nsecsElapsed() / 1e6);
        cpu.append(cpuMs(CLOCK_THREAD_CPUTIME_ID) - c0);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    auto at = [](const QList<double> &v, double q) {
        return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(q * v.size())));
    };
    return { at(ms, 0.5), at(ms, 0.95), at(ms, 0.99), at(cpu, 0.5), at(cpu, 0.95), at(cpu, 0.99) };
}

void row(const char *name, int iterations, const Figures &f, const char *goal)
{
    std::printf("| %-38s | %5d | %7.3f | %7.3f | %7.3f | %7.3f | %7.3f | %7.3f | %-7s |\n", name,
        iterations, f.median, f.p95, f.p99, f.cpuMedian, f.cpuP95, f.cpuP99, goal);
}

template <typename T>
T check(Result<T> r)
{
    if (!r)
        die(r.error().message);
    return std::move(*r);
}

void readBenchmarks(const QString &path, int conversationCount)
{
    auto reader = check(StoreReader::open(path));
    QRandomGenerator rng(1);
    const QStringList words = vocabulary();
    const int n = 1000;

    // Warm the page cache the way an app that has been running would have it.
    (void)reader->inbox({});
    std::printf("\nMilliseconds: wall-clock time, and CPU time of the reading thread.\n");
    std::printf("\n| %-38s | %5s | %7s | %7s | %7s | %7s | %7s | %7s | %-7s |\n", "operation",
        "runs", "median", "p95", "p99", "cpu med", "cpu p95", "cpu p99", "goal");
    std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------",
        "-------", "---------", "---------", "---------", "---------", "---------", "---------",
        "---------");

    QList<MessageCursor> oldest(n);
    QList<qint64> conversations(n);
    for (int i = 0; i < n; ++i)
        conversations[i] = 1 + rng.bounded(conversationCount);
    row("open a conversation (newest 50)", n, measure(n, [&](int i) {
            auto page = check(reader->newestMessages(conversations[i], 50));
            if (!page.isEmpty())
                oldest[i] = page.first().cursor();
        }), "< 2 ms");
    row("page back (50 before the oldest shown)", n, measure(n, [&](int i) {
            auto page = check(reader->messagesBefore(conversations[i], oldest[i], 50));
            (void)page;
        }), "< 5 ms");
    row("inbox: first page of 100", n, measure(n, [&](int) {
            InboxQuery q;
            q.limit = 100;
            auto page = check(reader->inbox(q));
            if (page.size() != 100)
                die(QStringLiteral("inbox page short"));
        }), "< 20 ms");
    // Deep pages by key, starting at random points of the inbox.
    auto all
        = check(reader->inbox(InboxQuery { {}, false, false, std::nullopt, 0, conversationCount }));
    row("inbox: page of 100 by key, anywhere", n, measure(n, [&](int) {
            const auto &c = all.at(int(rng.bounded(all.size())));
            InboxQuery q;
            q.limit = 100;
            q.after = InboxCursor{c.lastActivityMs, c.id};
            (void)check(reader->inbox(q));
        }), "< 20 ms");
    row("inbox: unread only, first page of 100", n, measure(n, [&](int) {
            InboxQuery q;
            q.limit = 100;
            q.unreadOnly = true;
            (void)check(reader->inbox(q));
        }), "< 20 ms");
    int hits = 0;
    row("search: one word (50 newest hits)", n, measure(n, [&](int) {
            hits += int(check(reader->search(pickWord(words, rng), {}, 50)).size());
        }), "< 20 ms");
    row("search: two words", n, measure(n, [&](int) {
            (void)check(reader->search(pickWord(words, rng) + QLatin1Char(' ') + pickWord(words, rng), {}, 50));
        }), "< 20 ms");
    row("search: 'cafe' (diacritics, frequent)", 200, measure(200, [&](int) {
            (void)check(reader->search(QStringLiteral("cafe"), {}, 50));
        }), "< 20 ms");
    row("search: 3-letter prefix as typed", n, measure(n, [&](int) {
            (void)check(reader->search(pickWord(words, rng).left(3), {}, 50));
        }), "< 20 ms");
    // A longer word being typed: 4 letters up to one short of the whole word.
    const auto longWord = [&] {
        QString w;
        while (w.size() < 5)
            w = pickWord(words, rng);
        return w;
    };
    row("search: 4+-letter prefix as typed", n,
        measure(n,
            [&](int) {
                const QString w = longWord();
                (void)check(reader->search(w.left(4 + int(rng.bounded(w.size() - 4))), {}, 50));
            }),
        "< 20 ms");
    row("search: a word, then one being typed", n,
        measure(n,
            [&](int) {
                const QString w = pickWord(words, rng);
                (void)check(reader->search(pickWord(words, rng) + QLatin1Char(' ')
                        + w.left(2 + int(rng.bounded(w.size() - 1))),
                    {}, 50));
            }),
        "< 20 ms");
    std::printf("(average hits per one-word search: %.1f)\n", double(hits) / n);
}

void ingestBenchmarks(bool powerLossDurable)
{
    QTemporaryDir dir;
    StoreOptions options;
    options.durableAgainstPowerLoss = powerLossDurable;
    auto store = check(Store::open(dir.path(), options));
    std::printf("\nIngest into a fresh store (the future finishes after COMMIT; WAL, %s):\n",
        powerLossDurable ? "synchronous=FULL, survives a power cut (the app)"
                         : "synchronous=NORMAL, survives a crash of the process");
    int mid = 0;
    auto event = [&](int customer) {
        InboundEvent e;
        e.kind = InboundEvent::Kind::Message;
        e.accountId = kAccount;
        e.customerId = QStringLiteral("c%1").arg(customer);
        e.timestampMs = 1'700'000'000'000 + mid;
        e.mid = QStringLiteral("m%1").arg(mid++);
        e.text = QStringLiteral("hello, is the blue one still available in size M?");
        e.rawJson = R"({"sender":{"id":"1"},"recipient":{"id":"2"},"message":{"mid":"x","text":"hello"}})";
        return e;
    };
    constexpr int kBatches = 400;
    QElapsedTimer timer;
    timer.start();
    double cpu0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    for (int b = 0; b < kBatches; ++b) {
        QList<InboundEvent> batch;
        for (int i = 0; i < 50; ++i)
            batch.append(event(i + b % 200));
        auto f = store->applyEvents(batch);
        f.waitForFinished();
        if (!f.result())
            die(f.result().error().message);
    }
    std::printf("  50-event batches, one caller: %.0f events/s (%.0f events per CPU-second of the process)\n",
                kBatches * 50 / (timer.nsecsElapsed() / 1e9),
                kBatches * 50 / ((cpuMs(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / 1e3));
    const Figures single = measure(2000, [&](int i) {
        auto f = store->applyEvents({event(i % 300)});
        f.waitForFinished();
        if (!f.result())
            die(f.result().error().message);
    });
    std::printf("  single events, one caller, commit latency: median %.3f ms, p95 %.3f ms, p99 %.3f ms\n",
                single.median, single.p95, single.p99);
    // Many concurrent callers (like many webhook connections): group commit.
    timer.restart();
    cpu0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const qint64 transactionsBefore = store->transactionCount();
    QList<QFuture<Status>> futures;
    for (int i = 0; i < 10000; ++i)
        futures.append(store->applyEvents({event(i % 300)}));
    for (auto &f : futures) {
        f.waitForFinished();
        if (!f.result())
            die(f.result().error().message);
    }
    std::printf("  10,000 single-event calls queued at once: %.0f events/s (%.0f per CPU-second), "
                "group-committed in %lld transactions\n",
                10000 / (timer.nsecsElapsed() / 1e9), 10000 / ((cpuMs(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / 1e3),
                store->transactionCount() - transactionsBefore);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = qEnvironmentVariable("INLET_BENCH_DIR");
    QStringList args = app.arguments().mid(1);
    if (args.contains(QStringLiteral("--ingest-only"))) {
        ingestBenchmarks(false);
        ingestBenchmarks(true);
        return 0;
    }
    const bool readsOnly = args.removeAll(QStringLiteral("--reads-only")) > 0;
    bench::BigDatabaseOptions size;
    for (const char *option : { "--messages", "--conversations" }) {
        const qsizetype at = args.indexOf(QLatin1String(option));
        if (at < 0)
            continue;
        bool ok = false;
        const qint64 n = at + 1 < args.size() ? args.at(at + 1).toLongLong(&ok) : 0;
        if (!ok || n < 1 || (qstrcmp(option, "--conversations") == 0 && n > 100'000'000))
            die(QStringLiteral("%1 needs a positive number").arg(QLatin1String(option)));
        if (qstrcmp(option, "--messages") == 0)
            size.messages = n;
        else
            size.conversations = int(n);
        args.remove(at, 2);
    }
    if (!args.isEmpty())
        dir = args.first();
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("inlet-bench-store"));
    const QString path = Database::pathInDataDir(dir);

    const bench::ExistingSize existing = bench::existingSize(path);
    if (existing.messages != size.messages || existing.conversations != size.conversations) {
        std::printf("building the benchmark database (%lld messages, %d conversations) in %s ...\n",
            size.messages, size.conversations, qPrintable(dir));
        bench::buildBigDatabase(dir, size);
    } else {
        std::printf("reusing the benchmark database (%lld messages, %d conversations) in %s\n",
            size.messages, size.conversations, qPrintable(dir));
    }
    std::printf("load average: %s", qPrintable(QString::fromLatin1(loadAverage())));
    {
        // Opening as the app does (quick_check included) on the big file; a file at an older
        // schema version is migrated here (the store logs its progress, a line per tenth).
        QElapsedTimer timer;
        timer.start();
        auto store = check(Store::open(dir));
        std::printf("Store::open (pending migrations, quick_check) on %.0f MB: %.0f ms\n",
            QFileInfo(path).size() / 1048576.0, timer.nsecsElapsed() / 1e6);
        StoreOptions noCheck;
        noCheck.checkIntegrity = false;
        store.reset();
        timer.restart();
        store = check(Store::open(dir, noCheck));
        std::printf("Store::open without quick_check: %.0f ms\n", timer.nsecsElapsed() / 1e6);
    }
    readBenchmarks(path, size.conversations);
    if (readsOnly)
        return 0;
    ingestBenchmarks(false);
    ingestBenchmarks(true);
    return 0;
}
