#include "server/singletonjobs.h"

#include "common/ondone.h"
#include "graph/graphclient.h"
#include "service/subscriptionkeeper.h"
#include "team/teamsql.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
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
        const bool startRun = job.atStart && !m_ranHere.contains(job.name);
        if (!last || (!startRun && last->isValid() && now - last->toLongLong() < job.intervalMs)) {
            unlock();
            continue;
        }
        m_running.append(job.name);
        m_ranHere.append(job.name);
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

struct Walk {
    QList<AccountToken> todo;
    QMap<QString, int> outcomes;
    AccountStep step;
    QPromise<Result<QString>> promise;
};

void walkNext(const std::shared_ptr<Walk> &walk)
{
    if (walk->todo.isEmpty()) {
        QStringList parts;
        for (auto it = walk->outcomes.cbegin(); it != walk->outcomes.cend(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
        walk->promise.addResult(Result<QString>(
            parts.isEmpty() ? QStringLiteral("no account") : parts.join(QStringLiteral(", "))));
        walk->promise.finish();
        return;
    }
    const AccountToken item = walk->todo.takeFirst();
    walk->step(item, [walk](const QString &outcome) {
        ++walk->outcomes[outcome];
        walkNext(walk);
    });
}

} // namespace

QFuture<Result<QString>> walkAccounts(
    const QSqlDatabase &db, const QString &condition, const QVariantList &values, AccountStep step)
{
    auto walk = std::make_shared<Walk>();
    walk->step = std::move(step);
    walk->promise.start();
    QFuture<Result<QString>> future = walk->promise.future();
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral("SELECT a.id, a.ig_user_id, s.value FROM inlet.secrets s "
                           "JOIN inlet.accounts a ON a.id = s.account_id "
                           "WHERE s.name = 'instagram_token' AND NOT a.removed AND (%1) "
                           "ORDER BY a.id")
                .arg(condition),
            values);
        !ok) {
        walk->promise.addResult(Result<QString>(std::unexpected(ok.error())));
        walk->promise.finish();
        return future;
    }
    while (q.next())
        walk->todo.append(
            { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
    walkNext(walk);
    return future;
}

SingletonJobs::Run tokenRefreshJob(GraphClient *graph, qint64 refreshBeforeMs, QObject *context)
{
    return [graph, refreshBeforeMs, context](const QSqlDatabase &db) {
        return walkAccounts(db, QStringLiteral("s.expires_ms = 0 OR s.expires_ms < ?"),
            { QDateTime::currentMSecsSinceEpoch() + refreshBeforeMs },
            [graph, db, context](const AccountToken &item, std::function<void(QString)> done) {
                onDone(graph->refreshToken({ item.token, item.igUserId }), context,
                    [db, item, done](const Result<TokenGrant> &grant) {
                        if (!grant) {
                            qCWarning(lcTeam) << "token refresh of account" << item.igUserId
                                              << "failed:" << grant.error().message;
                            done(QStringLiteral("failed"));
                            return;
                        }
                        // Compare-and-set: a token replaced meanwhile (a new sign-in) is kept.
                        auto ok = team::sql::exec(db,
                            QStringLiteral("UPDATE inlet.secrets SET value = ?, expires_ms = ?, "
                                           "updated_at = now() WHERE account_id = ? "
                                           "AND name = 'instagram_token' AND value = ?"),
                            { grant->token,
                                QDateTime::currentMSecsSinceEpoch() + grant->expiresIn * 1000,
                                item.accountId, item.token });
                        done(ok ? QStringLiteral("refreshed") : QStringLiteral("failed"));
                    });
            });
    };
}

SingletonJobs::Run subscriptionJob(GraphClient *graph, QObject *context)
{
    return [graph, context](const QSqlDatabase &db) {
        return walkAccounts(db, QStringLiteral("true"), {},
            [graph, context](const AccountToken &item, std::function<void(QString)> done) {
                const AccessToken auth { item.token, item.igUserId };
                onDone(graph->subscribedApps(auth), context,
                    [graph, context, auth, done](const Result<QJsonObject> &answer) {
                        if (!answer) {
                            qCWarning(lcTeam) << "subscription check of account" << auth.accountId
                                              << "failed:" << answer.error().message;
                            done(QStringLiteral("failed"));
                            return;
                        }
                        if (SubscriptionKeeper::isSubscribed(*answer)) {
                            done(QStringLiteral("live"));
                            return;
                        }
                        qCInfo(lcTeam) << "the webhook subscription of account" << auth.accountId
                                       << "is off; subscribing again";
                        onDone(graph->subscribeApp(auth, SubscriptionKeeper::webhookFields()),
                            context, [done](const Result<QJsonObject> &subscribed) {
                                done(subscribed ? QStringLiteral("re-subscribed")
                                                : QStringLiteral("failed"));
                            });
                    });
            });
    };
}

QStringList AppCallback::missing() const
{
    QStringList what;
    if (metaAppId.isEmpty())
        what.append(QStringLiteral("the Meta App ID (--meta-app-id)"));
    if (metaAppSecret.isEmpty())
        what.append(QStringLiteral("the Meta App Secret (meta-app-secret / meta_app_secret)"));
    if (callbackUrl.isEmpty() || !callbackUrl.isValid())
        what.append(QStringLiteral("the public callback URL (--public-url)"));
    if (verifyToken.isEmpty())
        what.append(
            QStringLiteral("the verify token (webhook-verify-token / webhook_verify_token)"));
    return what;
}

SingletonJobs::Run appCallbackJob(GraphClient *graph, AppCallback callback, QObject *context)
{
    return [graph, callback = std::move(callback), context](const QSqlDatabase &) {
        auto promise = std::make_shared<QPromise<Result<QString>>>();
        promise->start();
        QFuture<Result<QString>> future = promise->future();
        const QString url = callback.callbackUrl.toString(QUrl::RemoveUserInfo);
        onDone(graph->appSubscription(callback.metaAppId, QString::fromUtf8(callback.metaAppSecret),
                   callback.callbackUrl, callback.verifyToken, SubscriptionKeeper::webhookFields()),
            context, [promise, url](const Result<QJsonObject> &answer) {
                if (answer) {
                    promise->addResult(Result<QString>(QStringLiteral("registered ") + url));
                } else {
                    // Graph's message and code; the app token went in the body and a header.
                    qCWarning(lcTeam).noquote()
                        << "the app-level webhook registration of" << url
                        << "failed (again at the next run):" << answer.error().message;
                    promise->addResult(Result<QString>(std::unexpected(answer.error())));
                }
                promise->finish();
            });
        return future;
    };
}

} // namespace inlet::server
