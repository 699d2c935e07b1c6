#include "support/pgcluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <atomic>
#include <csignal>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace inlet::test {

namespace {

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString s;
    for (int i = 0; i < 32; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return s;
}

// Hands `path` to the postgres user (as root: initdb and the server run as that user).
bool giveToPostgres(const QString &path)
{
    if (!runningAsRoot())
        return true;
    const passwd *pw = ::getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

// "R", "S", "Z", ... of a process, or empty when there is none.
QString processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 ? QString() : QString::fromLatin1(line.mid(close + 2, 1));
}

bool processGone(qint64 pid)
{
    const QString state = processState(pid);
    return state.isEmpty() || state == QLatin1String("Z") || state == QLatin1String("X");
}

} // namespace

QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            children.append(pid);
    }
    return children;
}

PgCluster::PgCluster(PgClusterOptions options)
    : m_options(std::move(options))
{
}

PgCluster::~PgCluster()
{
    if (m_running && isRunning())
        run({ binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                directory() + QStringLiteral("/data"), QStringLiteral("-m"),
                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") },
            30000);
}

QString PgCluster::binDir()
{
    const QString fromEnv = qEnvironmentVariable("INLET_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return QFile::exists(fromEnv + QStringLiteral("/initdb")) ? fromEnv : QString();
    QVersionNumber best;
    QString found;
    const QStringList versions
        = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &v : versions) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
        const QVersionNumber n = QVersionNumber::fromString(v);
        if (QFile::exists(bin + QStringLiteral("/initdb")) && n > best) {
            best = n;
            found = bin;
        }
    }
    return found;
}

bool PgCluster::run(const QStringList &command, int timeoutMs, QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("PGPASSWORD"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(directory());
    if (runningAsRoot()) {
        p.setProgram(QStringLiteral("runuser"));
        p.setArguments(
            QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--") }
            + command);
    } else {
        p.setProgram(command.first());
        p.setArguments(command.mid(1));
    }
    p.start();
    const bool finished = p.waitForFinished(timeoutMs);
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (!finished) {
        p.kill();
        p.waitForFinished(1000);
        m_error = QStringLiteral("%1 did not finish in %2 ms: %3")
                      .arg(command.first())
                      .arg(timeoutMs)
                      .arg(out);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed (exit %2): %3")
                      .arg(command.first())
                      .arg(p.exitCode())
                      .arg(out);
        return false;
    }
    return true;
}

bool PgCluster::initdb()
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        m_error
            = QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; "
                             "./inlet.sh deps installs postgresql-15)");
        return false;
    }
    // As root the directory must be reachable by the postgres user: /tmp, whatever TMPDIR says.
    const QString base = runningAsRoot() ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/inlet-pg-XXXXXX"));
    if (!m_dir->isValid() || !giveToPostgres(m_dir->path())) {
        m_error = QStringLiteral("cannot prepare a directory for PostgreSQL under %1").arg(base);
        return false;
    }
    m_password = randomPassword();
    const QString pwfile = directory() + QStringLiteral("/pw");
    {
        QFile f(pwfile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password.toUtf8() + '\n') < 0) {
            m_error = QStringLiteral("cannot write %1").arg(pwfile);
            return false;
        }
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    giveToPostgres(pwfile);
    const QString data = directory() + QStringLiteral("/data");
    const bool ok
        = run({ bin + QStringLiteral("/initdb"), QStringLiteral("-D"), data, QStringLiteral("-A"),
                  QStringLiteral("scram-sha-256"), QStringLiteral("--pwfile=") + pwfile,
                  QStringLiteral("-U"), superuser(), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync"),
                  QStringLiteral("--no-instructions") },
            60000);
    QFile::remove(pwfile);
    if (!ok)
        return false;
    // Settings for a throw-away server: loopback only, socket in our directory, no fsync (the
    // OS does not crash under a test, and a SIGKILLed server still recovers from the WAL it wrote
    // at each COMMIT) unless `durable`. synchronous_commit stays on: with it off, a SIGKILL loses
    // commits still in the WAL buffers, and the fault tests must see what a real server keeps.
    QFile conf(data + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append)) {
        m_error = QStringLiteral("cannot append to %1").arg(conf.fileName());
        return false;
    }
    const QString sync = m_options.durable
        ? QStringLiteral("fsync = on\nfull_page_writes = on\n")
        : QStringLiteral("fsync = off\nfull_page_writes = off\n");
    conf.write(QStringLiteral("\n# inlet PgCluster\nlisten_addresses = '127.0.0.1'\n"
                              "unix_socket_directories = '%1'\n%2"
                              "shared_buffers = %3\nmax_connections = %4\n"
                              "log_min_messages = warning\n")
                   .arg(directory(), sync, m_options.sharedBuffers)
                   .arg(m_options.maxConnections)
                   .toUtf8());
    m_initialised = true;
    startReaper();
    return true;
}

void PgCluster::startReaper()
{
    // A test that crashes or is killed by ctest's timeout runs no destructor: a detached shell
    // stops the server and removes the directory once this process is gone.
    const QString script = QStringLiteral(
        "exec >/dev/null 2>&1; while kill -0 \"$1\"; do sleep 1; done; "
        "if [ \"$(id -u)\" -eq 0 ]; then runuser -u postgres -- \"$2\" -D \"$3/data\" -m immediate "
        "-w stop; else \"$2\" -D \"$3/data\" -m immediate -w stop; fi; rm -rf \"$3\"");
    QProcess::startDetached(QStringLiteral("sh"),
        { QStringLiteral("-c"), script, QStringLiteral("pgcluster-reaper"),
            QString::number(QCoreApplication::applicationPid()),
            binDir() + QStringLiteral("/pg_ctl"), directory() });
}

bool PgCluster::start()
{
    QElapsedTimer timer;
    timer.start();
    if (!m_initialised && !initdb())
        return false;
    const QString data = directory() + QStringLiteral("/data");
    // A free port can be taken between probing and binding: try another a few times.
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (m_port == 0 || attempt > 0) {
            m_port = freeLoopbackPort();
            QFile conf(data + QStringLiteral("/postgresql.conf"));
            if (!conf.open(QIODevice::Append)) {
                m_error = QStringLiteral("cannot append to %1").arg(conf.fileName());
                return false;
            }
            conf.write(QStringLiteral("port = %1\n").arg(m_port).toUtf8());
        }
        if (run({ binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data,
                    QStringLiteral("-l"), directory() + QStringLiteral("/log"),
                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                    QStringLiteral("start") },
                40000)) {
            m_running = true;
            m_lastStartMs = timer.elapsed();
            return true;
        }
        if (!logTail().contains(QLatin1String("Address already in use")))
            break;
    }
    m_error += QStringLiteral("\nserver log:\n") + logTail();
    return false;
}

bool PgCluster::stop()
{
    if (!m_running)
        return true;
    const bool ok = run({ binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                            directory() + QStringLiteral("/data"), QStringLiteral("-m"),
                            QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop") },
        30000);
    if (ok)
        m_running = false;
    return ok;
}

bool PgCluster::restart()
{
    return stop() && start();
}

qint64 PgCluster::postmasterPid() const
{
    QFile f(directory() + QStringLiteral("/data/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().trimmed().toLongLong();
}

bool PgCluster::isRunning() const
{
    const qint64 pid = postmasterPid();
    return pid > 0 && !processGone(pid);
}

bool PgCluster::kill()
{
    const qint64 pid = postmasterPid();
    if (pid <= 0 || processGone(pid)) {
        m_error = QStringLiteral("no postmaster to kill");
        return false;
    }
    const QList<qint64> backends = childrenOf(pid);
    if (::kill(pid_t(pid), SIGKILL) != 0) {
        m_error = QStringLiteral("kill(%1, SIGKILL) failed").arg(pid);
        return false;
    }
    m_running = false;
    // Orphaned backends notice the postmaster's death and exit; a new postmaster refuses to
    // start while they still hold the old shared memory.
    QDeadlineTimer deadline(15000);
    auto allGone = [&] {
        if (!processGone(pid))
            return false;
        for (qint64 b : backends) {
            if (!processGone(b))
                return false;
        }
        return true;
    };
    while (!allGone() && !deadline.hasExpired())
        QThread::msleep(10);
    if (!allGone()) {
        m_error = QStringLiteral("the killed server's processes did not exit");
        return false;
    }
    // Where nothing reaps orphans (a container's init), the dead postmaster stays a zombie whose
    // pid still looks alive to the next postmaster's lock-file checks (data and socket).
    if (!processState(pid).isEmpty()) {
        QFile::remove(directory() + QStringLiteral("/data/postmaster.pid"));
        QFile::remove(directory() + QStringLiteral("/.s.PGSQL.%1.lock").arg(m_port));
        QFile::remove(directory() + QStringLiteral("/.s.PGSQL.%1").arg(m_port));
    }
    return true;
}

QString PgCluster::logTail() const
{
    QFile f(directory() + QStringLiteral("/log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(700));
}

QSqlDatabase PgCluster::connect(
    const QString &role, const QString &password, const QString &database) const
{
    static std::atomic<int> counter { 0 };
    const QString name = QStringLiteral("pgcluster-%1").arg(counter.fetch_add(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(host());
    db.setPort(m_port);
    db.setDatabaseName(database);
    db.setUserName(role);
    db.setPassword(password);
    db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    db.open();
    return db;
}

void PgCluster::closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace inlet::test
