#pragma once

// A throw-away PostgreSQL server for one test: initdb in a temporary directory (SCRAM passwords,
// a random superuser password), listening on 127.0.0.1 on a free port with its socket in that
// directory, run as the `postgres` user when the test runs as root (PostgreSQL refuses root) and
// directly otherwise. The directory goes away with the object. Never a mock: the real server from
// Debian's postgresql-15 (installed by ./inlet.sh with the other packages).
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace inlet::test {

struct PgClusterOptions {
    // fsync and full-page writes on, as on a production server, so that a COMMIT is on disk
    // (the benchmarks of durable ingest). Off by default: a test's machine does not lose power.
    bool durable = false;
    int maxConnections = 60;
    QString sharedBuffers = QStringLiteral("16MB");
};

// The processes whose parent is `parent` (from /proc; Linux).
QList<qint64> childrenOf(qint64 parent);

class PgCluster {
public:
    explicit PgCluster(PgClusterOptions options = {});
    ~PgCluster(); // stops the server (immediate mode) and removes the directory
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // The directory holding initdb, pg_ctl and postgres (INLET_PG_BINDIR, else the newest
    // /usr/lib/postgresql/<n>/bin), or empty when PostgreSQL is not installed.
    static QString binDir();

    // initdb on first use, then starts the server and waits until it accepts connections.
    // False with errorString() (and the server log's tail) when it could not.
    bool start();
    bool stop(); // fast shutdown (clients disconnected, clean checkpoint)
    bool restart(); // stop + start on the same port and data
    // SIGKILL of the postmaster, as a crash would; waits until its orphaned backends have
    // exited so that start() can run again. Clients see their connections break.
    bool kill();
    bool isRunning() const;

    QString errorString() const { return m_error; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("inlet_test_admin"); }
    QString superuserPassword() const { return m_password; }
    QString directory() const { return m_dir ? m_dir->path() : QString(); }
    // Milliseconds the last start() took (initdb included on the first).
    qint64 lastStartMs() const { return m_lastStartMs; }

    // A new QPSQL connection (unique name) to `database` as `role`, opened; check isOpen() and
    // lastError(). Remove it with closeConnection(db.connectionName()) when done.
    QSqlDatabase connect(const QString &role, const QString &password,
        const QString &database = QStringLiteral("postgres")) const;
    QSqlDatabase connectAsSuperuser(const QString &database = QStringLiteral("postgres")) const
    {
        return connect(superuser(), superuserPassword(), database);
    }
    static void closeConnection(const QString &connectionName);

private:
    bool initdb();
    void startReaper();
    bool run(const QStringList &command, int timeoutMs, QString *output = nullptr);
    qint64 postmasterPid() const;
    QString logTail() const;

    PgClusterOptions m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_password;
    QString m_error;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    qint64 m_lastStartMs = 0;
};

} // namespace inlet::test
