#pragma once

#include "common/result.h"
#include "server/serverconfig.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace inlet {
class GraphClient;
}

namespace inlet::server {

// Jobs that one server of the team must run, not each: refreshing tokens, checking the accounts'
// webhook subscriptions. Each is due every `interval`; at each tick a server tries the job's
// session advisory lock (pg_try_advisory_lock): the one that gets it reads the job's last run
// (inlet.server_jobs) and, when due, runs it while holding the lock, records the run, and
// unlocks. The others skip it. A server that dies mid-job loses its session and so its lock.
class SingletonJobs : public QObject {
    Q_OBJECT
public:
    // Runs on the caller's thread, with the given (open) connection; finishes with a one-line
    // result for the log and inlet.server_jobs.last_result.
    using Run = std::function<QFuture<Result<QString>>(const QSqlDatabase &db)>;
    struct Job {
        QString name;
        qint64 intervalMs = 0;
        Run run;
        // Due at this server's first tick whatever its last run (a server that starts after a
        // downtime runs it at once), then every `intervalMs`.
        bool atStart = false;
    };

    SingletonJobs(DatabaseConfig db, QString workerId, int tickMs, QObject *parent = nullptr);
    ~SingletonJobs() override;

    void add(Job job);
    void start();
    void tick();

signals:
    void ran(const QString &name, bool ok, const QString &result);

private:
    Status ensureConnected();

    DatabaseConfig m_db;
    QString m_workerId;
    QString m_connectionName;
    QList<Job> m_jobs;
    QList<QString> m_running;
    QList<QString> m_ranHere; // the jobs this process ran (or saw run) since it started
    QTimer m_timer;
};

// The advisory-lock key of a singleton job.
qint64 jobLockKey(const QString &name);

// An account that is connected and has a token (read by the server's role only).
struct AccountToken {
    qint64 accountId = 0;
    QString igUserId;
    QString token;
};

// Walks the accounts (with their token) that `condition` selects, one after the other
// (Instagram's per-account limits are small): `step` reports each one's outcome, and the result
// counts how many ended with each ("refreshed: 2, failed: 1"; "no account" when none).
using AccountStep = std::function<void(const AccountToken &, std::function<void(QString)>)>;
QFuture<Result<QString>> walkAccounts(
    const QSqlDatabase &db, const QString &condition, const QVariantList &values, AccountStep step);

// Refreshes every account token that expires within `refreshBeforeMs` (or whose expiry is not
// known) through GraphClient::refreshToken, replacing it in inlet.secrets only if nobody replaced
// it meanwhile.
SingletonJobs::Run tokenRefreshJob(GraphClient *graph, qint64 refreshBeforeMs, QObject *context);
// Checks each account's webhook subscription (GET /me/subscribed_apps) and subscribes it again
// (POST /me/subscribed_apps with the core's webhook fields) when Meta switched it off. What
// webhooks missed meanwhile is fetched by the catch-up job (catchup.h).
SingletonJobs::Run subscriptionJob(GraphClient *graph, QObject *context);

// What the app-level webhook registration needs; complete() tells whether it can be made.
struct AppCallback {
    QString metaAppId;
    QByteArray metaAppSecret; // never logged, nor the app token made from it
    QUrl callbackUrl;
    QString verifyToken;

    bool complete() const
    {
        return !metaAppId.isEmpty() && !metaAppSecret.isEmpty() && callbackUrl.isValid()
            && !callbackUrl.isEmpty() && !verifyToken.isEmpty();
    }
    // What is missing for it ("the Meta App ID (--meta-app-id), ..."); empty when complete.
    QStringList missing() const;
};
// Registers `callback.callbackUrl` as the Meta app's webhook callback (POST
// /{meta-app-id}/subscriptions with the app token, the core's webhook fields and the verify
// token) through GraphClient::appSubscription, as the solo desktop does; Meta's handshake then
// reaches this server's webhook. An error fails the run (logged without the secret; the job runs
// again at its next interval). The accounts' own subscriptions (subscriptionJob) do not depend on
// it: it may as well have been made in Meta's dashboard.
SingletonJobs::Run appCallbackJob(GraphClient *graph, AppCallback callback, QObject *context);

} // namespace inlet::server
