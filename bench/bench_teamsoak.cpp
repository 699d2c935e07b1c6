// Team soak (issue 11): 50 replicas connected at once for 10 minutes, and no growth in the
// server's nor PostgreSQL's memory beyond a stated bound. A real inlet-server on a real
// PostgreSQL server of this machine (fsync on), 50 agents each with a real `inlet --headless
// --team` process, and a steady stream of signed webhooks (default 20 events/s) so that every
// replica is woken and reads the log all along. Every few seconds the resident (RSS) and
// proportional (PSS, shared pages divided among the processes sharing them) memory of
// inlet-server, of every PostgreSQL process (postmaster and backends: the sum of their PSS is
// what they take together) and of the replicas is read from /proc/<pid>/smaps_rollup.
// Growth is measured after a warm-up (the first sixth of the run, at least 10 s): the largest
// sample after it minus the first one, and the least-squares slope over the samples after it.
//
//   bench_teamsoak [--replicas 50] [--seconds 60] [--rate 20] [--sample-seconds 5]
//   bench_teamsoak --seconds 600          the full 10 minutes of the issue
#include "teambench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <thread>

using namespace inlet;
using namespace inlet::bench;

namespace {

struct Memory {
    double rssMb = 0;
    double pssMb = 0;
    int processes = 0;
};

Memory memoryOf(qint64 pid)
{
    Memory m;
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        if (fields.at(0) == "Rss:")
            m.rssMb = fields.at(1).toDouble() / 1024.0;
        else if (fields.at(0) == "Pss:")
            m.pssMb = fields.at(1).toDouble() / 1024.0;
    }
    m.processes = 1;
    return m;
}

Memory &operator+=(Memory &a, const Memory &b)
{
    a.rssMb += b.rssMb;
    a.pssMb += b.pssMb;
    a.processes += b.processes;
    return a;
}

struct Sample {
    double atS = 0;
    Memory server;
    Memory postgres;
    Memory replicas;
};

// Least-squares slope of y over x, per minute.
double slopePerMinute(
    const std::vector<Sample> &samples, size_t from, double Memory::*field, Memory Sample::*who)
{
    const size_t n = samples.size() - from;
    if (n < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = from; i < samples.size(); ++i) {
        const double x = samples[i].atS / 60.0;
        const double y = (samples[i].*who).*field;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double d = double(n) * sxx - sx * sx;
    return d == 0 ? 0 : (double(n) * sxy - sx * sy) / d;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "Team soak: many headless replicas connected, the memory of inlet-server and PostgreSQL"));
    cli.addHelpOption();
    const auto replicasOpt
        = numberOption(cli, "replicas", "50", "headless replicas, one agent each");
    const auto secondsOpt
        = numberOption(cli, "seconds", "60", "how long they stay connected (600: the issue's)");
    const auto rateOpt = numberOption(cli, "rate", "20", "single-event POSTs per second all along");
    const auto sampleOpt
        = numberOption(cli, "sample-seconds", "5", "interval between memory samples");
    cli.process(app);
    const char *name = "bench_teamsoak";
    const int replicaCount = cli.value(replicasOpt).toInt();
    const int seconds = cli.value(secondsOpt).toInt();
    const int rate = cli.value(rateOpt).toInt();
    const int sampleMs = cli.value(sampleOpt).toInt() * 1000;

    TeamBench team(TeamBench::durableCluster(replicaCount));
    if (!team.setUp())
        return failWith(name, team.error());
    teamtest::ServerProcess *server = team.startServerAndReplicas(replicaCount, 600'000);
    if (!server)
        return failWith(name, team.error());
    std::printf("%d s at %d events/s, a sample every %d s\n", seconds, rate, sampleMs / 1000);
    std::fflush(stdout);

    auto sample = [&](double atS) {
        Sample s;
        s.atS = atS;
        s.server = memoryOf(server->process.processId());
        for (qint64 pid : postgresProcesses(team.cluster))
            s.postgres += memoryOf(pid);
        for (const auto &r : team.replicas)
            s.replicas += memoryOf(r->process.processId());
        return s;
    };

    const WebhookTarget target = TeamBench::target(*server);
    const std::vector<QByteArray> posts
        = singleEventPosts(target, rate * seconds, QStringLiteral("soak."), 200, 1733100000000);
    const QByteArray loadBefore = loadAverage();
    RateResult sent;
    std::atomic<bool> done { false };
    std::thread driver([&] {
        sent = runFixedRate(target.port, posts, rate, 2);
        done = true;
    });
    std::vector<Sample> samples;
    QElapsedTimer clock;
    clock.start();
    qint64 nextSample = 0;
    while (!done) {
        if (clock.elapsed() >= nextSample) {
            samples.push_back(sample(double(clock.elapsed()) / 1000.0));
            nextSample += sampleMs;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    driver.join();
    const bool current = team.waitForReplicas(team.maxSeq(), 120'000);
    samples.push_back(sample(double(clock.elapsed()) / 1000.0));
    const QByteArray loadAfter = loadAverage();

    std::printf("\nTeam soak: %d headless replicas, inlet-server, PostgreSQL (fsync on, "
                "shared_buffers %s), %d s, load average %s before, %s after\n",
        replicaCount, qPrintable(TeamBench::durableCluster().sharedBuffers), seconds,
        loadBefore.constData(), loadAfter.constData());
    std::printf("| t s | inlet-server RSS MB | PSS MB | PostgreSQL processes | their RSS sum MB | "
                "PSS sum MB | replicas' PSS sum MB |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Sample &s : samples) {
        std::printf("| %.0f | %.1f | %.1f | %d | %.1f | %.1f | %.1f |\n", s.atS, s.server.rssMb,
            s.server.pssMb, s.postgres.processes, s.postgres.rssMb, s.postgres.pssMb,
            s.replicas.pssMb);
    }
    // After the warm-up: the first sample at or after a sixth of the run (10 s at least).
    const double warmUpS = std::max(10.0, double(seconds) / 6.0);
    size_t from = 0;
    while (from + 1 < samples.size() && samples[from].atS < warmUpS)
        ++from;
    auto growth = [&](Memory Sample::*who) {
        double peak = 0;
        for (size_t i = from; i < samples.size(); ++i)
            peak = std::max(peak, (samples[i].*who).pssMb);
        return peak - (samples[from].*who).pssMb;
    };
    // The bounds: inlet-server's PSS may not grow by more than 5 MB after the warm-up, all of
    // PostgreSQL's together by more than 32 MB (a quarter of its shared buffers, which the
    // backends touch page by page as the tables grow).
    const double serverGrowth = growth(&Sample::server);
    const double postgresGrowth = growth(&Sample::postgres);
    const bool serverOk = serverGrowth <= 5.0;
    const bool postgresOk = postgresGrowth <= 32.0;
    std::printf("\n| after the warm-up (from %.0f s) | PSS then MB | largest growth MB | slope "
                "MB/min | bound | verdict |\n",
        samples[from].atS);
    std::printf("|---|---:|---:|---:|---|---|\n");
    std::printf("| inlet-server | %.1f | %.1f | %.2f | growth <= 5 MB | %s |\n",
        samples[from].server.pssMb, serverGrowth,
        slopePerMinute(samples, from, &Memory::pssMb, &Sample::server),
        serverOk ? "met" : "NOT met");
    std::printf("| PostgreSQL (all processes) | %.1f | %.1f | %.2f | growth <= 32 MB | %s |\n",
        samples[from].postgres.pssMb, postgresGrowth,
        slopePerMinute(samples, from, &Memory::pssMb, &Sample::postgres),
        postgresOk ? "met" : "NOT met");
    std::printf("| %d replicas (for information) | %.1f | %.1f | %.2f | | |\n", replicaCount,
        samples[from].replicas.pssMb, growth(&Sample::replicas),
        slopePerMinute(samples, from, &Memory::pssMb, &Sample::replicas));
    int reconnects = 0;
    for (const auto &r : team.replicas)
        reconnects += std::max(0, r->connects - 1);
    std::printf("\nPOSTs: %zu, %d errors, ACK p50 %.2f ms, p99 %.2f ms; every replica current at "
                "the end: %s; reconnections: %d\n",
        posts.size(), sent.errors, percentile(sent.latenciesMs, 50),
        percentile(sent.latenciesMs, 99), current ? "yes" : "NO", reconnects);
    return sent.errors == 0 && current ? 0 : 2;
}
