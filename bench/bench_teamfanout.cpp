// Team fan-out (issue 11): from a webhook's ACK to the message being in the local SQLite of each
// of 20 headless replicas, at 100 events/s. A real inlet-server on a real PostgreSQL server of
// this machine (fsync on), 20 agents each with a real `inlet --headless --team` process and its
// own SQLite store, single-event signed POSTs at a fixed rate over loopback (benchwebhook.h).
// A replica prints "team: caught up to N" once the rows up to change N are committed in its
// SQLite; the message is there from the first such line with N >= the number of the change that
// inserted it (read from inlet.change_log afterwards). Latency = that line's arrival - the ACK.
//
//   bench_teamfanout [--replicas 20] [--rate 100] [--seconds 10] [--connections 2]
#include "teambench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QSqlQuery>

#include <array>
#include <cstdio>
#include <thread>

using namespace inlet;
using namespace inlet::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "Team fan-out benchmark: webhook ACK to the message in every headless replica's SQLite"));
    cli.addHelpOption();
    const auto replicasOpt
        = numberOption(cli, "replicas", "20", "headless replicas, one agent each");
    const auto rateOpt = numberOption(cli, "rate", "100", "single-event POSTs per second");
    const auto secondsOpt = numberOption(cli, "seconds", "10", "duration of the load");
    const auto connOpt
        = numberOption(cli, "connections", "2", "connections the POSTs are spread over");
    cli.process(app);
    const char *name = "bench_teamfanout";
    const int replicaCount = cli.value(replicasOpt).toInt();
    const int rate = cli.value(rateOpt).toInt();

    TeamBench team(TeamBench::durableCluster(replicaCount));
    if (!team.setUp())
        return failWith(name, team.error());
    teamtest::ServerProcess *server = team.startServerAndReplicas(replicaCount, 300'000);
    if (!server)
        return failWith(name, team.error());

    const WebhookTarget target = TeamBench::target(*server);
    const QString prefix = QStringLiteral("fanout.");
    const std::vector<QByteArray> posts
        = singleEventPosts(target, rate * cli.value(secondsOpt).toInt(), prefix, 50, 1733000000000);
    const QByteArray loadBefore = loadAverage();
    // CPU time (ms) of the replicas together, of inlet-server and of PostgreSQL's processes: on a
    // shared machine the latencies mostly measure the wait for a core, the CPU per change what
    // the work costs.
    const qint64 serverPid = server->process.processId();
    auto cpu = [&] {
        double replicas = 0;
        for (const auto &r : team.replicas)
            replicas += cpuMs(r->process.processId());
        double postgres = 0;
        for (qint64 pid : postgresProcesses(team.cluster))
            postgres += cpuMs(pid);
        return std::array<double, 3> { replicas, cpuMs(serverPid), postgres };
    };
    const qint64 seqBefore = team.maxSeq();
    size_t announcedBefore = 0;
    for (const auto &r : team.replicas)
        announcedBefore += r->announcements.size();
    const std::array<double, 3> cpuBefore = cpu();
    RateResult sent;
    // This thread reads the replicas' lines as they come (their event loop), until the load is
    // over and every replica has the last change. It sleeps between lines: a loop of
    // processEvents() here took a fifth of the two cores from the processes measured.
    QEventLoop loading;
    std::thread driver([&] {
        sent = runFixedRate(target.port, posts, rate, cli.value(connOpt).toInt());
        QMetaObject::invokeMethod(&loading, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loading.exec();
    driver.join();
    if (!team.waitForReplicas(team.maxSeq(), 60'000))
        return failWith(name, team.error());
    const QByteArray loadAfter = loadAverage();
    const std::array<double, 3> cpuAfter = cpu();
    const qint64 changes = team.maxSeq() - seqBefore;
    size_t announced = 0;
    for (const auto &r : team.replicas)
        announced += r->announcements.size();
    announced -= announcedBefore;

    // The change that inserted each message.
    QHash<QString, qint64> insertedAt;
    {
        QSqlQuery q(team.server);
        q.setForwardOnly(true);
        if (!team::sql::exec(q,
                QStringLiteral("SELECT m.mid, l.seq FROM inlet.messages m JOIN inlet.change_log l "
                               "ON l.entity = 'messages' AND l.entity_id = m.id AND l.op = 'I' "
                               "WHERE m.mid LIKE 'fanout.%'")))
            return failWith(name, q.lastError().text());
        while (q.next())
            insertedAt.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    std::vector<double> each; // every (message, replica)
    std::vector<double> all; // per message: until it is in every replica
    int missing = 0;
    for (size_t i = 0; i < posts.size(); ++i) {
        const qint64 seq = insertedAt.value(prefix + QString::number(i), -1);
        if (seq < 0) {
            ++missing;
            continue;
        }
        double slowest = 0;
        for (const auto &r : team.replicas) {
            const Clock::time_point at = r->reached(seq);
            if (at == Clock::time_point {}) {
                ++missing;
                continue;
            }
            const double ms = msBetween(sent.acked[i], at);
            each.push_back(ms);
            slowest = std::max(slowest, ms);
        }
        all.push_back(slowest);
    }
    const double p99 = percentile(all, 99);
    std::printf("\nTeam fan-out (inlet-server -> PostgreSQL -> %d headless replicas' SQLite), "
                "load average %s before, %s after\n",
        replicaCount, loadBefore.constData(), loadAfter.constData());
    std::printf("POSTs: %zu at %d/s, %d errors, ACK p50 %.2f ms, p99 %.2f ms\n", posts.size(), rate,
        sent.errors, percentile(sent.latenciesMs, 50), percentile(sent.latenciesMs, 99));
    std::printf("| from the ACK to the message in | samples | p50 ms | p95 ms | p99 ms | max ms | "
                "goal |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---|\n");
    std::printf("| one replica's SQLite (every message x replica) | %zu | %.1f | %.1f | %.1f | "
                "%.1f | |\n",
        each.size(), percentile(each, 50), percentile(each, 95), percentile(each, 99),
        percentile(each, 100));
    std::printf("| the SQLite of all %d replicas | %zu | %.1f | %.1f | %.1f | %.1f | p99 < 150 "
                "ms: %s |\n",
        replicaCount, all.size(), percentile(all, 50), percentile(all, 95), p99,
        percentile(all, 100), p99 < 150 ? "met" : "NOT met");
    const double perReplica = double(replicaCount) * double(std::max<qint64>(changes, 1));
    std::printf("\nCPU time per change (%lld changes in the log, %.2f per message): one replica "
                "%.3f ms; inlet-server %.3f ms and PostgreSQL %.3f ms (for all replicas "
                "together); catch-ups announced per replica: %.0f (%.2f changes each)\n",
        qlonglong(changes), double(changes) / double(std::max<size_t>(posts.size(), 1)),
        (cpuAfter[0] - cpuBefore[0]) / perReplica,
        (cpuAfter[1] - cpuBefore[1]) / double(std::max<qint64>(changes, 1)),
        (cpuAfter[2] - cpuBefore[2]) / double(std::max<qint64>(changes, 1)),
        double(announced) / double(replicaCount),
        perReplica / double(std::max<size_t>(announced, 1)));
    if (missing > 0)
        std::printf("missing: %d (message, replica) pairs\n", missing);
    return sent.errors == 0 && missing == 0 ? 0 : 2;
}
