#include "server/singletonjobs.h"

#include "common/ondone.h"
#include "graph/graphclient.h"
#include "team/teamsql.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QPromise>
#include <QSqlQuery>
#include <QtEndian>

#include <memory>

namespace inlet::server {

qint64 jobLockKey(const QString &name)
{
    const QByteArray hash
        = QCryptographicHash::hash("inlet-job:" + name.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(hash.constData());
}

SingletonJobs::SingletonJobs(DatabaseConfig db, QString workerId, int tickMs, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_workerId(std::move(workerId))
    , m_connectionName(QStringLiteral("inlet-jobs-%1").arg(quintptr(this), 0, 16))
{
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, &SingletonJobs::tick);
}

SingletonJobs::~SingletonJobs()
{
    dropConnection(m_connectionName);
}

void SingletonJobs::add(Job job)
{
    m_jobs.append(std::move(job));
}

void SingletonJobs::start()
{
    m_timer.start();
    QTimer::singleShot(0, this, &SingletonJobs::tick);
}

Status SingletonJobs::ensureConnected()
{
    bool fresh = false;
    auto opened = connection(m_db, m_connectionName, &fresh);
    if (fresh)
        m_running.clear(); // a new session holds none of the old one's locks
    return opened ? Status {} : Status(std::unexpected(opened.error()));
}

void SingletonJobs::tick()
{
    if (auto ok = ensureConnected(); !ok) {
        qCWarning(lcTeam) << "jobs: no database:" << ok.error().message;
        return;
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Job &job : std::as_const(m_jobs)) {
        if (m_running.contains(job.name))
            continue;
        const qint64 key = jobLockKey(job.name);
        auto locked
            = team::sql::scalar(db, QStringLiteral("SELECT pg_try_advisory_lock(?)"), { key });
        if (!locked || !locked->toBool())
            continue; // another server runs it now
        auto unlock = [db, key] {
            (void)team::sql::exec(db, QStringLiteral("SELECT pg_advisory_unlock(?)"), { key });
        };
        // Read under the lock: another server may have run it a moment ago.
        auto last = team::sql::scalar(db,
            QStringLiteral("SELECT last_run_ms FROM inlet.server_jobs WHERE name = ?"),
            { job.name });
        if (!last || (last->isValid() && now - last->toLongLong() < job.intervalMs)) {
            unlock();
            continue;
        }
        m_running.append(job.name);
        qCInfo(lcTeam) << "job" << job.name << "starts";
        const QString name = job.name;
        onDone(job.run(db), this, [this, db, name, unlock](const Result<QString> &result) {
            const QString text
                = result ? *result : QStringLiteral("failed: ") + result.error().message;
            if (auto ok = team::sql::exec(db,
                    QStringLiteral(
                        "INSERT INTO inlet.server_jobs (name, last_run_ms, last_worker, "
                        "last_result) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                        "last_run_ms = EXCLUDED.last_run_ms, last_worker = EXCLUDED.last_worker, "
                        "last_result = EXCLUDED.last_result"),
                    { name, QDateTime::currentMSecsSinceEpoch(), m_workerId, text });
                !ok)
                qCWarning(lcTeam) << "job" << name
                                  << "could not be recorded:" << ok.error().message;
            unlock();
            m_running.removeAll(name);
            qCInfo(lcTeam).noquote() << "job" << name << "done:" << text;
            emit ran(name, bool(result), text);
        });
    }
}

namespace {

struct Refresh {
    qint64 accountId = 0;
    QString igUserId;
    QString token;
};

struct RefreshRun {
    QList<Refresh> todo;
    int refreshed = 0;
    int failed = 0;
    QPromise<Result<QString>> promise;
};

void refreshNext(
    const std::shared_ptr<RefreshRun> &run, GraphClient *graph, QSqlDatabase db, QObject *context)
{
    if (run->todo.isEmpty()) {
        run->promise.addResult(Result<QString>(QStringLiteral("%1 token(s) refreshed, %2 failed")
                                                   .arg(run->refreshed)
                                                   .arg(run->failed)));
        run->promise.finish();
        return;
    }
    const Refresh item = run->todo.takeFirst();
    onDone(graph->refreshToken({ item.token, item.igUserId }), context,
        [run, graph, db, context, item](const Result<TokenGrant> &grant) {
            if (!grant) {
                ++run->failed;
                qCWarning(lcTeam) << "token refresh of account" << item.igUserId
                                  << "failed:" << grant.error().message;
            } else {
                // Compare-and-set: a token replaced meanwhile (a new sign-in) is not overwritten.
                auto ok = team::sql::exec(db,
                    QStringLiteral("UPDATE inlet.secrets SET value = ?, expires_ms = ?, "
                                   "updated_at = now() WHERE account_id = ? "
                                   "AND name = 'instagram_token' AND value = ?"),
                    { grant->token, QDateTime::currentMSecsSinceEpoch() + grant->expiresIn * 1000,
                        item.accountId, item.token });
                if (ok)
                    ++run->refreshed;
                else
                    ++run->failed;
            }
            refreshNext(run, graph, db, context);
        });
}

} // namespace

SingletonJobs::Run tokenRefreshJob(GraphClient *graph, qint64 refreshBeforeMs, QObject *context)
{
    return [graph, refreshBeforeMs, context](const QSqlDatabase &db) {
        auto run = std::make_shared<RefreshRun>();
        run->promise.start();
        QFuture<Result<QString>> future = run->promise.future();
        QSqlQuery q(db);
        if (auto ok = team::sql::exec(q,
                QStringLiteral("SELECT a.id, a.ig_user_id, s.value FROM inlet.secrets s "
                               "JOIN inlet.accounts a ON a.id = s.account_id "
                               "WHERE s.name = 'instagram_token' AND NOT a.removed "
                               "AND (s.expires_ms = 0 OR s.expires_ms < ?) ORDER BY a.id"),
                { QDateTime::currentMSecsSinceEpoch() + refreshBeforeMs });
            !ok) {
            run->promise.addResult(Result<QString>(std::unexpected(ok.error())));
            run->promise.finish();
            return future;
        }
        while (q.next())
            run->todo.append(
                { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
        refreshNext(run, graph, db, context);
        return future;
    };
}

} // namespace inlet::server
