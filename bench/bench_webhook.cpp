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

#include "benchwebhook.h"
#include "store/store.h"
#include "store/storereader.h"
#include "webhook/webhookserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <thread>

using namespace inlet;
using namespace inlet::bench;

namespace {

const QByteArray kSecret = QByteArrayLiteral("bench-app-secret");
const QString kAccount = QStringLiteral("17841400000000001");

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
    const WebhookTarget target { *port, config.path.toUtf8(), kAccount, kSecret };

    RateResult single;
    BatchResult batch;
    const int rate = cli.value(rateOpt).toInt();
    // The load runs on its own threads; this thread keeps an event loop for the Store's signals.
    std::thread driver([&] {
        single = runFixedRate(*port,
            singleEventPosts(target, rate * cli.value(secondsOpt).toInt(),
                QStringLiteral("bench.single."), 500, 1732900000000),
            rate, cli.value(connOpt).toInt());
        batch = runBatches(target, cli.value(batchOpt).toInt(), cli.value(batchesOpt).toInt(),
            cli.value(batchConnOpt).toInt(), QStringLiteral("bench.batch."), 2000, 1732950000000);
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

    const QByteArray load = loadAverage();
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
