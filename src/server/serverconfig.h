#pragma once

#include "common/result.h"
#include "server/sessionlimits.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

// How inlet-server is configured (docs/team.md, "Running inlet-server"): where PostgreSQL is and
// as whom, where the webhook listens, and where its secrets come from. Secrets are never taken
// from the command line (any local user reads /proc/<pid>/cmdline) nor logged: the database
// password and the app secrets are files, either systemd credentials ($CREDENTIALS_DIRECTORY, set
// by LoadCredential=) or a directory/file of the administrator's that only the service can read.
namespace inlet::server {

struct DatabaseConfig {
    QString host = QStringLiteral("127.0.0.1"); // or a directory holding the socket
    int port = 5432;
    QString name = QStringLiteral("inlet");
    QString user = QStringLiteral("inlet_server");
    // QPSQL connection options, ';'-separated libpq keywords: e.g.
    // "sslmode=verify-full;sslrootcert=/etc/inlet/db-ca.pem" for a database not on loopback.
    QString options;
    QString password; // from the password file; never printed
};

struct ServerConfig {
    DatabaseConfig db;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8787; // 0 picks a free one (tests)
    QString webhookPath = QStringLiteral("/webhook/instagram");
    // The app-level webhook registration (singletonjobs.h, appCallbackJob): the callback URL as
    // Meta reaches it (the reverse proxy's https URL that forwards to webhookPath) and the Meta
    // app's App ID. Either empty: the callback is left to Meta's dashboard.
    QUrl publicUrl;
    QString metaAppId;
    QUrl graphBase; // empty: Instagram's real hosts; else every host at this URL (the sandbox)
    QString workerId; // who claims outbox rows; default host:pid:random
    int pollMs = 1000; // outbox poll when no NOTIFY woke it
    int sendLeaseMs = 120'000; // after this an abandoned send ("sending") is reconciled
    int graphTimeoutMs = 30'000;
    int jobIntervalMs = 3'600'000; // how often the singleton jobs are due
    // The catch-up through the Conversations API (catchup.h): at start and every this often;
    // 0 switches it off. Its Graph calls per account are at least catchUpPaceMs apart.
    int catchUpIntervalMs = 900'000;
    int catchUpPaceMs = 500;
    qint64 refreshBeforeMs = 7LL * 24 * 3600 * 1000; // refresh tokens expiring sooner than this
    SessionLimits agentLimits; // agents' sessions that hold the team up are ended (SessionReaper)
    // From credential files when present, else from inlet.secrets (name in brackets):
    QByteArray appSecret; // instagram-app-secret [instagram_app_secret]
    QByteArray metaAppSecret; // meta-app-secret [meta_app_secret]
    QString verifyToken; // webhook-verify-token [webhook_verify_token]
};

// Credential file names, in $CREDENTIALS_DIRECTORY or --credentials-dir.
inline constexpr auto DbPasswordFile = "db-password";
inline constexpr auto AppSecretFile = "instagram-app-secret";
inline constexpr auto MetaAppSecretFile = "meta-app-secret";
inline constexpr auto VerifyTokenFile = "webhook-verify-token";

// Reads a secret file, trailing newline removed. Refuses one that group or others may read or
// write (like ssh does with keys) unless it is under $CREDENTIALS_DIRECTORY (systemd's own
// protected directory). A missing file is Error::Kind::Invalid with code ENOENT (2).
Result<QByteArray> readSecretFile(const QString &path);

// Opens a QPSQL connection named `connectionName` (a new one per thread) with `config`.
Result<QSqlDatabase> openDatabase(const DatabaseConfig &config, const QString &connectionName);

// The connection `connectionName` of this thread when it is open and answers, else a new one
// (the old one removed); `fresh` tells which, so that a caller can restore session state (locks,
// LISTEN) on a new session.
Result<QSqlDatabase> connection(
    const DatabaseConfig &config, const QString &connectionName, bool *fresh = nullptr);
// Closes and removes the connection `connectionName` if this thread has it.
void dropConnection(const QString &connectionName);

// The app secrets and verify token from inlet.secrets, for those the credential files left empty.
Status loadSecretsFromDatabase(const QSqlDatabase &db, ServerConfig &config);

QString defaultWorkerId();

} // namespace inlet::server
