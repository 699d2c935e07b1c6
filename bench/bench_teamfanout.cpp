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
#include <QHash>
#include <QSqlQuery>

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
    RateResult sent;
    std::atomic<bool> done { false };
    std::thread driver([&] {
        sent = runFixedRate(target.port, posts, rate, cli.value(connOpt).toInt());
        done = true;
    });
    // This thread reads the replicas' lines as they come, until the load is over and every
    // replica has the last change.
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    driver.join();
    if (!team.waitForReplicas(team.maxSeq(), 60'000))
        return failWith(name, team.error());
    const QByteArray loadAfter = loadAverage();

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
    if (missing > 0)
        std::printf("missing: %d (message, replica) pairs\n", missing);
    return sent.errors == 0 && missing == 0 ? 0 : 2;
}
