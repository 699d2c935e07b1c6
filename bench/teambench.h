#pragma once

// The team server's benchmarks' shared set-up (issue 11; header only): a throw-away PostgreSQL
// server on this machine (tests/support/pgcluster.h), bootstrapped and migrated as a deployment
// is, one connected Instagram account, agents granted it, real inlet-server processes
// (tests/support/inletserverprocess.h) fed signed webhooks over loopback (benchwebhook.h), and
// real `inlet --headless --team` replicas whose "team: caught up to N" lines are timed as they
// arrive (each is printed once the rows up to change N are committed in the replica's SQLite).
#include "benchwebhook.h"
#include "support/inletserverprocess.h"
#include "support/pgcluster.h"
#include "team/teamadmin.h"
#include "team/teamschema.h"
#include "team/teamsql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace inlet::bench {

// A numeric option of a benchmark's command line (`--name n`, default `def`), added to `cli`.
inline QCommandLineOption numberOption(
    QCommandLineParser &cli, const char *name, const char *def, const char *help)
{
    QCommandLineOption option(QString::fromLatin1(name), QString::fromLatin1(help),
        QStringLiteral("n"), QString::fromLatin1(def));
    cli.addOption(option);
    return option;
}

inline const QString kTeamDatabase = QStringLiteral("inlet_bench");
inline const QString kIgAccount = QStringLiteral("17841400000000001");
inline const QByteArray kTeamAppSecret = QByteArrayLiteral("bench-app-secret");

inline QString agentRole(int n)
{
    return QStringLiteral("agent%1").arg(n);
}
inline QString agentPassword(int n)
{
    return QStringLiteral("agent%1-pw").arg(n);
}

// The postmaster of `cluster` and every process it started (backends, checkpointer, WAL writer...).
inline QList<qint64> postgresProcesses(const test::PgCluster &cluster)
{
    QFile pidFile(cluster.directory() + QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return {};
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    QList<qint64> pids { postmaster };
    pids += test::childrenOf(postmaster);
    return pids;
}

// CPU time (user + system) a process has used so far, in ms (0 when it is gone).
inline double cpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // After "(comm) ": state is field 0, utime field 11, stime field 12.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    static const double ticks = double(::sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / ticks;
}

// One `inlet --headless --team` replica of agent n, in a data directory of its own.
struct Replica {
    QProcess process;
    QTemporaryDir dataDir;
    QByteArray partial; // stdout not yet a whole line
    int connects = 0; // "team: connected" lines
    qint64 caughtUpTo = 0;
    // Each "team: caught up to N" line: when it was read, and N.
    std::vector<std::pair<Clock::time_point, qint64>> announcements;

    ~Replica()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(5000)) {
                process.kill();
                process.waitForFinished(5000);
            }
        }
    }

    // Reads what the replica printed, timing each line.
    void read()
    {
        partial += process.readAllStandardOutput();
        const auto now = Clock::now();
        qsizetype nl;
        while ((nl = partial.indexOf('\n')) >= 0) {
            const QByteArray line = partial.left(nl).trimmed();
            partial.remove(0, nl + 1);
            static const QByteArray caughtUp = QByteArrayLiteral("team: caught up to ");
            if (line.startsWith(caughtUp)) {
                caughtUpTo = line.mid(caughtUp.size()).toLongLong();
                announcements.emplace_back(now, caughtUpTo);
            } else if (line == "team: connected") {
                ++connects;
            }
        }
    }

    // When the replica first said it had applied change `seq` (a default time_point: never).
    Clock::time_point reached(qint64 seq) const
    {
        const auto it = std::lower_bound(announcements.begin(), announcements.end(), seq,
            [](const auto &a, qint64 s) { return a.second < s; });
        return it == announcements.end() ? Clock::time_point {} : it->first;
    }
};

class TeamBench {
public:
    explicit TeamBench(test::PgClusterOptions options = {})
        : cluster(std::move(options))
    {
    }
    ~TeamBench()
    {
        for (const auto &r : replicas)
            r->process.terminate(); // all at once; each Replica then waits for its own
        replicas.clear();
        servers.clear();
        server = QSqlDatabase();
        for (const QString &name : std::as_const(m_connections))
            test::PgCluster::closeConnection(name);
    }
    TeamBench(const TeamBench &) = delete;
    TeamBench &operator=(const TeamBench &) = delete;

    // Starts PostgreSQL, bootstraps the roles and the database, migrates it as inlet_server and
    // connects one Instagram account (kIgAccount). False with error().
    bool setUp()
    {
        if (test::PgCluster::binDir().isEmpty())
            return failed(QStringLiteral("PostgreSQL is not installed (./inlet.sh deps)"));
        if (!cluster.start())
            return failed(cluster.errorString());
        {
            QSqlDatabase super = connect(
                cluster.superuser(), cluster.superuserPassword(), QStringLiteral("postgres"));
            if (!super.isOpen())
                return false;
            if (auto ok = team::admin::bootstrap(super, kTeamDatabase, kServerPassword); !ok)
                return failed(ok.error().message);
        }
        server = connect(QStringLiteral("inlet_server"), kServerPassword, kTeamDatabase);
        if (!server.isOpen())
            return false;
        if (auto ok = team::schema::migrate(server); !ok)
            return failed(ok.error().message);
        auto id = team::sql::scalar(server,
            QStringLiteral("INSERT INTO inlet.accounts (ig_user_id, username) VALUES (?, 'biz') "
                           "RETURNING id"),
            { kIgAccount });
        if (!id)
            return failed(id.error().message);
        accountId = id->toLongLong();
        return true;
    }

    QString error() const { return m_error; }

    // Agents 1..count (agentRole(n), agentPassword(n)), each granted the account.
    bool addAgents(int count)
    {
        for (int n = 1; n <= count; ++n) {
            if (auto ok = team::admin::addAgent(server, agentRole(n), agentPassword(n)); !ok)
                return failed(ok.error().message);
            if (auto ok = team::admin::grantAccount(server, agentRole(n), accountId); !ok)
                return failed(ok.error().message);
        }
        return true;
    }

    qint64 maxSeq() const
    {
        auto seq = team::sql::scalar(
            server, QStringLiteral("SELECT coalesce(max(seq), 0) FROM inlet.change_log"));
        return seq ? seq->toLongLong() : -1;
    }

    // A serving inlet-server on this database, with the app secret the POSTs are signed with.
    // Instagram's hosts are a closed loopback port: nothing in these runs calls them but the
    // profile fetcher, whose calls fail at once (the account has no token).
    teamtest::ServerProcess *startServer()
    {
        const QDir dir(m_credentials.path());
        if (!m_credentials.isValid()
            || !teamtest::ServerLauncher::writeSecret(
                dir.filePath(QStringLiteral("db-password")), kServerPassword.toUtf8())
            || !teamtest::ServerLauncher::writeSecret(
                dir.filePath(QStringLiteral("instagram-app-secret")), kTeamAppSecret)) {
            failed(QStringLiteral("cannot write the server's credentials"));
            return nullptr;
        }
        teamtest::ServerLauncher launcher;
        launcher.dbPort = cluster.port();
        launcher.dbName = kTeamDatabase;
        launcher.credentialsDir = m_credentials.path();
        launcher.sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        launcher.workers = int(servers.size());
        if (!serverProgram.isEmpty())
            launcher.binary = serverProgram;
        // The server's own defaults for its polls and leases, not the tests' short ones.
        auto process = launcher.start({ QStringLiteral("--poll-ms"), QStringLiteral("1000"),
            QStringLiteral("--send-lease-ms"), QStringLiteral("120000") });
        if (!process) {
            failed(QStringLiteral("inlet-server did not start"));
            return nullptr;
        }
        servers.push_back(std::move(process));
        return servers.back().get();
    }

    static WebhookTarget target(const teamtest::ServerProcess &s)
    {
        return { quint16(s.webhook.port()), s.webhook.path().toUtf8(), kIgAccount, kTeamAppSecret };
    }

    // Starts agent n's headless replica (its password in INLET_TEAM_PASSWORD, as a service gets
    // it); its output is read as it comes.
    Replica *startReplica(int n)
    {
        auto r = std::make_unique<Replica>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INLET_TEAM_PASSWORD"), agentPassword(n));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        r->process.setProcessEnvironment(env);
        r->process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        Replica *raw = r.get();
        QObject::connect(
            &r->process, &QProcess::readyReadStandardOutput, &r->process, [raw] { raw->read(); });
        r->process.start(QStringLiteral(INLET_BINARY_DIR "/src/app/inlet"),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), r->dataDir.path(),
                QStringLiteral("--team"),
                QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
                    .arg(agentRole(n), cluster.host())
                    .arg(cluster.port())
                    .arg(kTeamDatabase) });
        if (!r->process.waitForStarted(10000)) {
            failed(QStringLiteral("inlet --headless did not start"));
            return nullptr;
        }
        replicas.push_back(std::move(r));
        return raw;
    }

    // Runs the event loop until every replica has applied change `seq`; false after timeoutMs.
    bool waitForReplicas(qint64 seq, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const bool all = std::all_of(replicas.begin(), replicas.end(),
                [seq](const auto &r) { return r->caughtUpTo >= seq; });
            if (all)
                return true;
            if (timer.elapsed() > timeoutMs)
                return failed(QStringLiteral("replicas not at change %1 after %2 ms")
                                  .arg(seq)
                                  .arg(timeoutMs));
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(2);
        }
    }

    // PostgreSQL as the team benchmarks run it: durable (fsync and full-page writes on), Debian's
    // 128 MB of shared buffers, room for `replicas` agents' connections besides the server's.
    static test::PgClusterOptions durableCluster(int replicas = 0)
    {
        test::PgClusterOptions options;
        options.durable = true;
        options.sharedBuffers = QStringLiteral("128MB");
        if (replicas > 0)
            options.maxConnections = replicas + 40;
        return options;
    }

    // The server, then `count` agents each with a headless replica, all current (within
    // `waitMs`); prints how long the replicas took. The server, or null (see error()).
    teamtest::ServerProcess *startServerAndReplicas(int count, int waitMs)
    {
        if (!addAgents(count))
            return nullptr;
        teamtest::ServerProcess *process = startServer();
        if (!process)
            return nullptr;
        QElapsedTimer starting;
        starting.start();
        for (int n = 1; n <= count; ++n) {
            if (!startReplica(n))
                return nullptr;
        }
        if (!waitForReplicas(maxSeq(), waitMs))
            return nullptr;
        std::printf("%d replicas started, connected and current in %.1f s\n", count,
            double(starting.elapsed()) / 1000.0);
        return process;
    }

    test::PgCluster cluster;
    QSqlDatabase server; // as inlet_server
    qint64 accountId = 0;
    QString serverProgram; // empty: this build's inlet-server
    std::vector<std::unique_ptr<teamtest::ServerProcess>> servers;
    std::vector<std::unique_ptr<Replica>> replicas;

    static inline const QString kServerPassword = QStringLiteral("bench-server-pw");

private:
    bool failed(const QString &message)
    {
        m_error = message;
        return false;
    }
    QSqlDatabase connect(const QString &role, const QString &password, const QString &database)
    {
        QSqlDatabase db = cluster.connect(role, password, database);
        m_connections.append(db.connectionName());
        if (!db.isOpen())
            m_error = db.lastError().text();
        return db;
    }

    QTemporaryDir m_credentials;
    QStringList m_connections;
    QString m_error;
};

// Prints a failure and returns the benchmark's exit status.
inline int failWith(const char *bench, const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", bench, qPrintable(message));
    return 1;
}

} // namespace inlet::bench
