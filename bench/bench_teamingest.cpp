// Team server ingest (issue 11): a real inlet-server process on a real PostgreSQL server of this
// machine, with fsync on (a 200 means the events are committed and on disk in PostgreSQL), fed
// signed webhooks over loopback by the load generator of bench_webhook (benchwebhook.h):
//   1. single-event POSTs at a fixed rate (default 500/s), open loop: ACK p50/p99/max measured
//      from each POST's scheduled time (goal: p99 < 20 ms);
//   2. 50-event batches as fast as the server acknowledges them: events/s (goal: >= 5,000).
// Then every message is counted in PostgreSQL. For each phase it also gives the CPU time that
// inlet-server and all PostgreSQL processes used per event (from /proc/PID/stat): on a machine
// that others load, the wall-clock figures mostly measure the wait for a core, and the CPU time
// says what the same work needs on an idle one (2 cores / CPU time per event).
//
//   bench_teamingest [--rate 500] [--seconds 10] [--connections 4] [--batch 50] [--batches 400]
//                    [--batch-connections 2] [--server PATH]
// --server runs another build's inlet-server (to compare a change).
#include "teambench.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <thread>

using namespace inlet;
using namespace inlet::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Team server ingest benchmark (inlet-server, PostgreSQL, loopback)"));
    cli.addHelpOption();
    const auto rateOpt = numberOption(cli, "rate", "500", "single-event POSTs per second");
    const auto secondsOpt = numberOption(cli, "seconds", "10", "duration of the fixed-rate phase");
    const auto connOpt
        = numberOption(cli, "connections", "4", "connections for the fixed-rate phase");
    const auto batchOpt = numberOption(cli, "batch", "50", "events per batch");
    const auto batchesOpt = numberOption(cli, "batches", "400", "number of batches");
    const auto batchConnOpt
        = numberOption(cli, "batch-connections", "2", "connections for the batch phase");
    const QCommandLineOption serverOpt(QStringLiteral("server"),
        QStringLiteral("the inlet-server executable to run (default: this build's)"),
        QStringLiteral("path"));
    cli.addOption(serverOpt);
    cli.process(app);
    const char *name = "bench_teamingest";

    TeamBench team(TeamBench::durableCluster());
    team.serverProgram = cli.value(serverOpt);
    if (!team.setUp())
        return failWith(name, team.error());
    teamtest::ServerProcess *server = team.startServer();
    if (!server)
        return failWith(name, team.error());
    const WebhookTarget target = TeamBench::target(*server);

    const int rate = cli.value(rateOpt).toInt();
    const int batchSize = cli.value(batchOpt).toInt();
    const std::vector<QByteArray> singles = singleEventPosts(target,
        rate * cli.value(secondsOpt).toInt(), QStringLiteral("bench.single."), 500, 1732900000000);
    RateResult single;
    BatchResult batch;
    const QByteArray loadBefore = loadAverage();
    // CPU time of inlet-server and of every PostgreSQL process, in ms.
    const qint64 serverPid = server->process.processId();
    auto cpu = [&] {
        double postgres = 0;
        for (qint64 pid : postgresProcesses(team.cluster))
            postgres += cpuMs(pid);
        return std::pair { cpuMs(serverPid), postgres };
    };
    std::pair<double, double> cpuStart, cpuMiddle, cpuEnd;
    // The load runs on its own threads; this thread keeps reading the server's log.
    std::thread driver([&] {
        cpuStart = cpu();
        single = runFixedRate(target.port, singles, rate, cli.value(connOpt).toInt());
        cpuMiddle = cpu();
        batch = runBatches(target, batchSize, cli.value(batchesOpt).toInt(),
            cli.value(batchConnOpt).toInt(), QStringLiteral("bench.batch."), 2000, 1732950000000);
        cpuEnd = cpu();
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    app.exec();
    driver.join();

    const qint64 expected = qint64(singles.size()) + batch.events;
    auto stored = team::sql::scalar(team.server,
        QStringLiteral("SELECT count(*) FROM inlet.messages WHERE account_id = ?"),
        { team.accountId });
    const qint64 messages = stored ? stored->toLongLong() : -1;

    const double singleP99 = percentile(single.latenciesMs, 99);
    const double eventsPerSecond = double(batch.events) / batch.seconds;
    std::printf("\nTeam server ingest (inlet-server -> PostgreSQL, fsync on, loopback), load "
                "average %s before, %s after\n",
        loadBefore.constData(), loadAverage().constData());
    std::printf("| phase | requests | events | errors | events/s | ACK p50 ms | ACK p99 ms | ACK "
                "max ms | goal |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    std::printf("| single-event POSTs at %d/s | %zu | %zu | %d | %.0f | %.2f | %.2f | %.2f | p99 < "
                "20 ms: %s |\n",
        rate, single.latenciesMs.size(), single.latenciesMs.size(), single.errors,
        double(single.latenciesMs.size()) / single.seconds, percentile(single.latenciesMs, 50),
        singleP99, percentile(single.latenciesMs, 100), singleP99 < 20 ? "met" : "NOT met");
    std::printf("| %d-event batches, closed loop | %zu | %lld | %d | %.0f | %.2f | %.2f | %.2f | "
                ">= 5,000 events/s: %s |\n",
        batchSize, batch.latenciesMs.size(), batch.events, batch.errors, eventsPerSecond,
        percentile(batch.latenciesMs, 50), percentile(batch.latenciesMs, 99),
        percentile(batch.latenciesMs, 100), eventsPerSecond >= 5000 ? "met" : "NOT met");
    const auto perEvent
        = [](std::pair<double, double> from, std::pair<double, double> to, double events) {
              const double ofServer = (to.first - from.first) / events;
              const double ofPostgres = (to.second - from.second) / events;
              std::printf("| %.3f | %.3f | %.3f | %.0f |\n", ofServer, ofPostgres,
                  ofServer + ofPostgres, 2000.0 / (ofServer + ofPostgres));
          };
    std::printf("\n| CPU time per event | inlet-server ms | PostgreSQL ms | together ms | events/s "
                "that 2 idle cores would allow |\n");
    std::printf("|---|---:|---:|---:|---:|\n");
    std::printf("| single-event POSTs ");
    perEvent(cpuStart, cpuMiddle, double(singles.size()));
    std::printf("| %d-event batches ", batchSize);
    perEvent(cpuMiddle, cpuEnd, double(batch.events));
    std::printf("\nPostgreSQL: %lld messages (expected %lld)\n", messages, expected);
    const bool ok = single.errors == 0 && batch.errors == 0 && messages == expected;
    return ok ? 0 : 2;
}
