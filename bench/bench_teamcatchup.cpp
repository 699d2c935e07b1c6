// Team replica catch-up (issue 11): a replica 100,000 changes behind is current in under 30 s.
// A throw-away PostgreSQL server (tests/support/pgcluster.h) on this machine, 100,000 customer
// messages in 100 conversations of one account written as the server would, then a new local
// store follows the change log as an agent (ReplicaFollower) until it has applied the last one.
//
//   bench_teamcatchup [messages]      (default 100000)
#include "store/store.h"
#include "support/pgcluster.h"
#include "team/replicafollower.h"
#include "team/teamadmin.h"
#include "team/teamschema.h"
#include "team/teamsql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace inlet;

namespace {
int failWith(const QString &message)
{
    std::fprintf(stderr, "bench_teamcatchup: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int messages = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    if (test::PgCluster::binDir().isEmpty())
        return failWith(QStringLiteral("PostgreSQL is not installed (./inlet.sh deps)"));
    test::PgCluster cluster;
    if (!cluster.start())
        return failWith(cluster.errorString());
    const QString database = QStringLiteral("inlet_bench");
    const QString serverPassword = QStringLiteral("bench-server-pw");
    {
        QSqlDatabase super = cluster.connectAsSuperuser();
        if (auto ok = team::admin::bootstrap(super, database, serverPassword); !ok)
            return failWith(ok.error().message);
    }
    QSqlDatabase server = cluster.connect(QStringLiteral("inlet_server"), serverPassword, database);
    if (auto ok = team::schema::migrate(server); !ok)
        return failWith(ok.error().message);
    auto ok = team::sql::exec(server, QStringLiteral(R"(
        WITH a AS (INSERT INTO inlet.accounts (ig_user_id, username) VALUES ('17841400000000001', 'biz')
                   RETURNING id),
             c AS (INSERT INTO inlet.contacts (account_id, igsid, name)
                   SELECT a.id, '60000000000' || g, 'Customer ' || g FROM a, generate_series(1, 100) g
                   RETURNING id, account_id)
        INSERT INTO inlet.conversations (account_id, contact_id) SELECT account_id, id FROM c)"));
    if (!ok)
        return failWith(ok.error().message);
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
        return failWith(ok.error().message);
    if (auto added
        = team::admin::addAgent(server, QStringLiteral("alice"), QStringLiteral("alice-pw"));
        !added)
        return failWith(added.error().message);
    if (auto granted = team::admin::grantAccount(server, QStringLiteral("alice"), 1); !granted)
        return failWith(granted.error().message);
    const qint64 target
        = team::sql::scalar(server, QStringLiteral("SELECT max(seq) FROM inlet.change_log"))
              ->toLongLong();
    std::printf("team database: %d messages written in %.1f s, change log up to %lld\n", messages,
        double(fill.elapsed()) / 1000.0, target);

    QTemporaryDir dir;
    auto store = Store::open(dir.path());
    if (!store)
        return failWith(store.error().message);
    team::TeamConnection connection;
    connection.host = cluster.host();
    connection.port = cluster.port();
    connection.database = database;
    connection.role = QStringLiteral("alice");
    connection.password = QStringLiteral("alice-pw");
    connection.sslMode = QStringLiteral("disable");
    team::ReplicaFollower follower(store->get(), connection);
    QElapsedTimer timer;
    timer.start();
    follower.start();
    while (follower.appliedSeq() < target && timer.elapsed() < 300'000) {
        QCoreApplication::processEvents();
        QThread::msleep(5);
    }
    const qint64 ms = timer.elapsed();
    follower.stop();
    if (follower.appliedSeq() < target)
        return failWith(QStringLiteral("not caught up after %1 ms").arg(ms));
    std::printf("| catch-up of %lld changes (%d messages) into a new local store | %.2f s "
                "(%.0f changes/s) | goal < 30 s: %s |\n",
        target, messages, double(ms) / 1000.0, double(target) * 1000.0 / double(ms),
        ms < 30'000 ? "met" : "NOT met");
    server = QSqlDatabase();
    return 0;
}
