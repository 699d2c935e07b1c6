// Team replica catch-up (issue 11): a replica 100,000 changes behind is current in under 30 s.
// A throw-away PostgreSQL server (tests/support/pgcluster.h) on this machine, 100,000 customer
// messages in 100 conversations of one account written as the server would, then a new local
// store follows the change log as an agent (ReplicaFollower) until it has applied the last one.
//
//   bench_teamcatchup [messages]      (default 100000)
#include "store/store.h"
#include "team/replicafollower.h"
#include "teambench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace inlet;
using namespace inlet::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int messages = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    const char *name = "bench_teamcatchup";
    TeamBench team; // the tests' settings (no fsync): the replica's side is what is measured
    if (!team.setUp())
        return failWith(name, team.error());
    QSqlDatabase &server = team.server;
    auto ok = team::sql::exec(server, QStringLiteral(R"(
        WITH c AS (INSERT INTO inlet.contacts (account_id, igsid, name)
                   SELECT ?, '60000000000' || g, 'Customer ' || g FROM generate_series(1, 100) g
                   RETURNING id, account_id)
        INSERT INTO inlet.conversations (account_id, contact_id) SELECT account_id, id FROM c)"),
        { team.accountId });
    if (!ok)
        return failWith(name, ok.error().message);
    QElapsedTimer fill;
    fill.start();
    ok = team::sql::exec(server, QStringLiteral(R"(
        INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, text, created_ms)
        SELECT c.account_id, c.id, 'mid.' || g, g % 5 = 0,
               'message number ' || g || ' of the benchmark, about as long as a real one',
               1700000000000 + g * 1000
          FROM generate_series(1, ?) g
          JOIN (SELECT id, account_id, row_number() OVER (ORDER BY id) - 1 AS n
                  FROM inlet.conversations) c ON c.n = g % 100)"),
        { messages });
    if (!ok)
        return failWith(name, ok.error().message);
    if (!team.addAgents(1))
        return failWith(name, team.error());
    const qint64 target = team.maxSeq();
    std::printf("team database: %d messages written in %.1f s, change log up to %lld\n", messages,
        double(fill.elapsed()) / 1000.0, target);

    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    if (!store)
        return failWith(name, store.error().message);
    team::TeamConnection connection;
    connection.host = team.cluster.host();
    connection.port = team.cluster.port();
    connection.database = kTeamDatabase;
    connection.role = agentRole(1);
    connection.password = agentPassword(1);
    connection.sslMode = QStringLiteral("disable");
    team::ReplicaFollower follower(store->get(), connection);
    // CPU time of this process (the follower and the store) and of PostgreSQL: on a loaded
    // machine the wall clock mostly measures the wait for a core.
    auto cpu = [&] {
        double postgres = 0;
        for (qint64 pid : postgresProcesses(team.cluster))
            postgres += cpuMs(pid);
        return std::pair { cpuMs(QCoreApplication::applicationPid()), postgres };
    };
    const auto cpuBefore = cpu();
    const QByteArray loadBefore = loadAverage();
    QElapsedTimer timer;
    timer.start();
    follower.start();
    while (follower.appliedSeq() < target && timer.elapsed() < 300'000) {
        QCoreApplication::processEvents();
        QThread::msleep(5);
    }
    const qint64 ms = timer.elapsed();
    const auto cpuAfter = cpu();
    follower.stop();
    if (follower.appliedSeq() < target)
        return failWith(name, QStringLiteral("not caught up after %1 ms").arg(ms));
    std::printf("| catch-up of %lld changes (%d messages) into a new local store | %.2f s "
                "(%.0f changes/s) | goal < 30 s: %s |\n",
        target, messages, double(ms) / 1000.0, double(target) * 1000.0 / double(ms),
        ms < 30'000 ? "met" : "NOT met");
    std::printf("CPU time: replica (this process) %.1f s, PostgreSQL %.1f s; load average %s "
                "before, %s after\n",
        (cpuAfter.first - cpuBefore.first) / 1000.0, (cpuAfter.second - cpuBefore.second) / 1000.0,
        loadBefore.constData(), loadAverage().constData());
    return 0;
}
