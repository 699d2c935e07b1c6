#include "server/serverconfig.h"

#include "team/teamsql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace inlet::server {

Result<QByteArray> readSecretFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st { };
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        return fail(Error::Kind::Invalid,
            QStringLiteral("cannot read the secret file %1: %2")
                .arg(path, QString::fromLocal8Bit(strerror(err))),
            err);
    }
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    const bool inCredentials = !credentials.isEmpty()
        && QFileInfo(path).canonicalFilePath().startsWith(
            QDir(credentials).canonicalPath() + QLatin1Char('/'));
    if (!inCredentials && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return fail(Error::Kind::Invalid,
            QStringLiteral("the secret file %1 may be read or written by others (mode %2); "
                           "chmod 600 it")
                .arg(path)
                .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0')));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Kind::Invalid,
            QStringLiteral("cannot read the secret file %1: %2").arg(path, file.errorString()));
    QByteArray value = file.read(64 * 1024);
    while (value.endsWith('\n') || value.endsWith('\r'))
        value.chop(1);
    return value;
}

Result<QSqlDatabase> openDatabase(const DatabaseConfig &config, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(config.host);
    db.setPort(config.port);
    db.setDatabaseName(config.name);
    db.setUserName(config.user);
    db.setPassword(config.password);
    QString options = config.options;
    if (!options.contains(QLatin1String("connect_timeout")))
        options += (options.isEmpty() ? QString() : QStringLiteral(";"))
            + QStringLiteral("connect_timeout=10");
    if (!options.contains(QLatin1String("application_name")))
        options += QStringLiteral(";application_name=inlet-server");
    db.setConnectOptions(options);
    if (!db.open()) {
        // libpq's message names host, port and user, never the password.
        Error e = team::sql::toError(db.lastError(),
            QStringLiteral("cannot connect to PostgreSQL at %1:%2 as %3")
                .arg(config.host)
                .arg(config.port)
                .arg(config.user));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(e);
    }
    return db;
}

Result<QSqlDatabase> connection(
    const DatabaseConfig &config, const QString &connectionName, bool *fresh)
{
    if (fresh)
        *fresh = false;
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (db.isValid() && db.isOpen()
        && team::sql::scalar(db, QStringLiteral("SELECT 1")).has_value())
        return db;
    db = QSqlDatabase();
    dropConnection(connectionName);
    if (fresh)
        *fresh = true;
    return openDatabase(config, connectionName);
}

void dropConnection(const QString &connectionName)
{
    if (QSqlDatabase::contains(connectionName)) {
        QSqlDatabase::database(connectionName, false).close();
        QSqlDatabase::removeDatabase(connectionName);
    }
}

Status loadSecretsFromDatabase(const QSqlDatabase &db, ServerConfig &config)
{
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral("SELECT name, value FROM inlet.secrets WHERE account_id IS NULL AND "
                           "name IN ('instagram_app_secret', 'meta_app_secret', "
                           "'webhook_verify_token')"));
        !ok)
        return ok;
    while (q.next()) {
        const QString name = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (name == QLatin1String("instagram_app_secret") && config.appSecret.isEmpty())
            config.appSecret = value.toUtf8();
        else if (name == QLatin1String("meta_app_secret") && config.metaAppSecret.isEmpty())
            config.metaAppSecret = value.toUtf8();
        else if (name == QLatin1String("webhook_verify_token") && config.verifyToken.isEmpty())
            config.verifyToken = value;
    }
    return {};
}

QString defaultWorkerId()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QHostInfo::localHostName())
        .arg(::getpid())
        .arg(QRandomGenerator::system()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

} // namespace inlet::server
