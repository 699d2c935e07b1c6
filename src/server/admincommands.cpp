#include "server/admincommands.h"

#include "server/accountstore.h"
#include "team/teamadmin.h"
#include "team/teamschema.h"
#include "team/teamsignin.h"
#include "team/teamsql.h"

#include <QSqlQuery>
#include <QUrl>

namespace inlet::server {

namespace {

int report(const Status &status, QTextStream &out, QTextStream &err, const QString &done)
{
    if (!status) {
        err << "inlet-server: " << status.error().message << Qt::endl;
        return 1;
    }
    out << done << Qt::endl;
    return 0;
}

int usage(QTextStream &err)
{
    err << "usage: inlet-server [options] bootstrap | migrate | agent add ROLE [DISPLAY-NAME] | "
           "agent remove ROLE | agent list | agent grant ROLE ACCOUNT | agent revoke ROLE "
           "ACCOUNT | account add IG-USER-ID [USERNAME] | account list | secret set NAME | agent "
           "admin ROLE on|off | oauth set APP-ID REDIRECT-URI [AUTHORIZE-BASE] | oauth show\n"
           "Passwords, tokens and secrets are read from the first line of stdin."
        << Qt::endl;
    return 2;
}

// One line of stdin without its newline; empty when there is none.
QString secretLine(QTextStream &in)
{
    return in.readLine();
}

// ACCOUNT as given: an Instagram user id (the usual) or the inlet.accounts id.
Result<qint64> accountId(const QSqlDatabase &db, const QString &given)
{
    auto id = team::sql::scalar(db,
        QStringLiteral("SELECT id FROM inlet.accounts WHERE ig_user_id = ? "
                       "UNION ALL SELECT id FROM inlet.accounts WHERE id::text = ? LIMIT 1"),
        { given, given });
    if (!id)
        return std::unexpected(id.error());
    if (!id->isValid())
        return fail(Error::Kind::Invalid, QStringLiteral("no account %1").arg(given));
    return id->toLongLong();
}

int agentCommand(const QStringList &w, const QSqlDatabase &db, QTextStream &in, QTextStream &out,
    QTextStream &err)
{
    const QString verb = w.value(1);
    if (verb == QLatin1String("list") && w.size() == 2) {
        auto agents = team::admin::listAgents(db);
        if (!agents)
            return report(std::unexpected(agents.error()), out, err, {});
        for (const team::admin::Agent &a : std::as_const(*agents)) {
            QStringList accounts;
            for (qint64 id : a.accountIds)
                accounts.append(QString::number(id));
            out << a.role << '\t' << a.displayName << '\t' << accounts.join(QLatin1Char(','))
                << '\n';
        }
        out.flush();
        return 0;
    }
    if (verb == QLatin1String("add") && (w.size() == 3 || w.size() == 4)) {
        const QString password = secretLine(in);
        if (password.isEmpty()) {
            err << "inlet-server: give the agent's password on the first line of stdin" << Qt::endl;
            return 2;
        }
        return report(team::admin::addAgent(db, w[2], password, w.value(3)), out, err,
            QStringLiteral("agent %1 added").arg(w[2]));
    }
    if (verb == QLatin1String("admin") && w.size() == 4
        && (w[3] == QLatin1String("on") || w[3] == QLatin1String("off"))) {
        const bool admin = w[3] == QLatin1String("on");
        return report(team::admin::setAdmin(db, w[2], admin), out, err,
            admin ? QStringLiteral("agent %1 may connect Instagram accounts").arg(w[2])
                  : QStringLiteral("agent %1 may no longer connect Instagram accounts").arg(w[2]));
    }
    if (verb == QLatin1String("remove") && w.size() == 3)
        return report(team::admin::removeAgent(db, w[2]), out, err,
            QStringLiteral("agent %1 removed").arg(w[2]));
    if ((verb == QLatin1String("grant") || verb == QLatin1String("revoke")) && w.size() == 4) {
        auto account = accountId(db, w[3]);
        if (!account)
            return report(std::unexpected(account.error()), out, err, {});
        const bool grant = verb == QLatin1String("grant");
        return report(grant ? team::admin::grantAccount(db, w[2], *account)
                            : team::admin::revokeAccount(db, w[2], *account),
            out, err,
            QStringLiteral("agent %1 %2 account %3")
                .arg(w[2], grant ? QStringLiteral("may see") : QStringLiteral("no longer sees"),
                    w[3]));
    }
    return usage(err);
}

int accountCommand(const QStringList &w, const QSqlDatabase &db, QTextStream &in, QTextStream &out,
    QTextStream &err)
{
    const QString verb = w.value(1);
    if (verb == QLatin1String("list") && w.size() == 2) {
        QSqlQuery q(db);
        if (auto ok = team::sql::exec(q,
                QStringLiteral("SELECT id, ig_user_id, username FROM inlet.accounts "
                               "WHERE NOT removed ORDER BY id"));
            !ok)
            return report(ok, out, err, {});
        while (q.next())
            out << q.value(0).toString() << '\t' << q.value(1).toString() << '\t'
                << q.value(2).toString() << '\n';
        out.flush();
        return 0;
    }
    if (verb == QLatin1String("add") && (w.size() == 3 || w.size() == 4)) {
        const QString token = secretLine(in);
        if (token.isEmpty()) {
            err << "inlet-server: give the account's Instagram token on the first line of stdin"
                << Qt::endl;
            return 2;
        }
        Account account;
        account.id = w[2];
        account.username = w.value(3);
        auto stored = storeAccount(db, account, token, 0);
        const Status ok = stored ? Status {} : Status(std::unexpected(stored.error()));
        return report(ok, out, err, QStringLiteral("account %1 added").arg(w[2]));
    }
    return usage(err);
}

int secretCommand(const QStringList &w, const QSqlDatabase &db, QTextStream &in, QTextStream &out,
    QTextStream &err)
{
    static const QStringList names { QStringLiteral("instagram_app_secret"),
        QStringLiteral("meta_app_secret"), QStringLiteral("webhook_verify_token") };
    if (w.value(1) != QLatin1String("set") || w.size() != 3 || !names.contains(w[2]))
        return usage(err);
    const QString value = secretLine(in);
    if (value.isEmpty()) {
        err << "inlet-server: give the value on the first line of stdin" << Qt::endl;
        return 2;
    }
    return report(team::sql::exec(db,
                      QStringLiteral("INSERT INTO inlet.secrets (name, account_id, value) "
                                     "VALUES (?, NULL, ?) ON CONFLICT (name, account_id) "
                                     "DO UPDATE SET value = EXCLUDED.value, updated_at = now()"),
                      { w[2], value }),
        out, err, QStringLiteral("%1 stored").arg(w[2]));
}

// The server's public OAuth settings, which admins' desktops read to open Instagram's login.
int oauthCommand(const QStringList &w, const QSqlDatabase &db, QTextStream &out, QTextStream &err)
{
    if (w.value(1) == QLatin1String("show") && w.size() == 2) {
        auto settings = team::signin::readOAuthSettings(db);
        if (!settings)
            return report(std::unexpected(settings.error()), out, err, {});
        out << settings->appId << '\t' << settings->redirectUri << '\t' << settings->authorizeBase
            << Qt::endl;
        return 0;
    }
    if (w.value(1) != QLatin1String("set") || w.size() < 4 || w.size() > 5)
        return usage(err);
    const QUrl redirect(w[3], QUrl::StrictMode);
    const QUrl base(w.value(4), QUrl::StrictMode);
    if (w[2].isEmpty() || !redirect.isValid() || redirect.host().isEmpty()
        || (w.size() == 5 && (!base.isValid() || base.host().isEmpty()))) {
        err << "inlet-server: give the Instagram App ID, the redirect URI registered for it and, "
               "optionally, the base URL of the authorize page (default https://www.instagram.com)"
            << Qt::endl;
        return 2;
    }
    return report(team::signin::writeOAuthSettings(db, { w[2], w[3], w.value(4) }), out, err,
        QStringLiteral("admins connect accounts through app %1 with redirect URI %2")
            .arg(w[2], w[3]));
}

} // namespace

bool isAdminCommand(const QString &word)
{
    return word == QLatin1String("bootstrap") || word == QLatin1String("migrate")
        || word == QLatin1String("agent") || word == QLatin1String("account")
        || word == QLatin1String("secret") || word == QLatin1String("oauth");
}

int runAdminCommand(const QStringList &words, const QSqlDatabase &db, QTextStream &in,
    QTextStream &out, QTextStream &err)
{
    const QString command = words.value(0);
    if (command == QLatin1String("migrate") && words.size() == 1) {
        return report(team::schema::migrate(db), out, err,
            QStringLiteral("the team database is at schema version %1")
                .arg(team::schema::currentVersion()));
    }
    if (command != QLatin1String("migrate")) {
        // Every other command needs the current schema.
        if (auto ok = team::schema::migrate(db); !ok)
            return report(ok, out, err, {});
    }
    if (command == QLatin1String("agent"))
        return agentCommand(words, db, in, out, err);
    if (command == QLatin1String("account"))
        return accountCommand(words, db, in, out, err);
    if (command == QLatin1String("secret"))
        return secretCommand(words, db, in, out, err);
    if (command == QLatin1String("oauth"))
        return oauthCommand(words, db, out, err);
    return usage(err);
}

int runBootstrap(const QSqlDatabase &admin, const QString &database, QTextStream &in,
    QTextStream &out, QTextStream &err)
{
    const QString password = secretLine(in);
    if (password.isEmpty()) {
        err << "inlet-server: give inlet_server's new password on the first line of stdin"
            << Qt::endl;
        return 2;
    }
    auto existed = team::sql::scalar(admin,
        QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"),
        { QLatin1String(team::schema::ServerRole) });
    if (!existed)
        return report(std::unexpected(existed.error()), out, err, {});
    if (auto ok = team::admin::bootstrap(admin, database, password); !ok)
        return report(ok, out, err, {});
    if (existed->toInt() > 0)
        out << "the role inlet_server existed: its password was left as it was" << Qt::endl;

    // The schema, on a connection of the same administrator to the new database (each step runs
    // as inlet_server, so the server's role owns what it creates).
    const QString name = admin.connectionName() + QStringLiteral("-migrate");
    Status migrated;
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(admin, name);
        db.setDatabaseName(database);
        if (!db.open())
            migrated = std::unexpected(
                team::sql::toError(db.lastError(), QStringLiteral("connecting to ") + database));
        else
            migrated = team::schema::migrate(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return report(migrated, out, err,
        QStringLiteral("the team database %1 is set up (schema version %2); inlet_server may "
                       "connect to it")
            .arg(database)
            .arg(team::schema::currentVersion()));
}

} // namespace inlet::server
