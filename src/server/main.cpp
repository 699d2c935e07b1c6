// inlet-server: the team's always-on relay on PostgreSQL (docs/team.md). Without a command it
// serves: it migrates the team database, receives Instagram's webhooks into it, sends what agents
// put in the outbox, and runs the singleton jobs; the first line on stdout is
// "webhook: <callback URL>", logs go to stderr, SIGTERM / SIGINT stop it cleanly. With a command
// (bootstrap, migrate, agent, account, secret, oauth) it administers the database and exits.
// Admin agents' desktops hand it Instagram sign-in codes through inlet.signin_handoffs
// (SignInExchanger).
//
// Secrets never come from arguments: the database password from a file
// ($CREDENTIALS_DIRECTORY/db-password under systemd, or --db-password-file), the app secrets from
// $CREDENTIALS_DIRECTORY (or --credentials-dir) or inlet.secrets, agents' passwords and tokens
// from stdin. `bootstrap` connects as a PostgreSQL superuser (--db-user, default postgres) to
// --admin-db and reads inlet_server's new password from stdin.
#include "common/quitonsignal.h"
#include "server/admincommands.h"
#include "server/inletserver.h"
#include "server/serverconfig.h"
#include "team/teamsql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cerrno>
#include <cstdio>

using namespace inlet;
using namespace inlet::server;

namespace {

// A credential file's value, empty when the file does not exist; an error for any other problem.
Result<QByteArray> optionalSecret(const QString &dir, const char *name)
{
    if (dir.isEmpty())
        return QByteArray();
    auto value = readSecretFile(QDir(dir).filePath(QLatin1String(name)));
    if (!value && value.error().kind == Error::Kind::Invalid && value.error().code == ENOENT)
        return QByteArray();
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inlet-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INLET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Inlet's team server: receives Instagram webhooks into PostgreSQL and sends the team's "
        "replies.\n\nCommands (passwords, tokens and secrets are read from the first line of "
        "stdin, never from arguments):\n"
        "  bootstrap              once per cluster, as a PostgreSQL superuser (--db-user, default\n"
        "                         postgres, connected to --admin-db): creates the roles\n"
        "                         inlet_server (password: stdin) and inlet_agent and the\n"
        "                         database --db-name, and migrates it\n"
        "  migrate                brings the schema to this version\n"
        "  agent add ROLE [NAME]  (password: stdin) | agent remove ROLE | agent list\n"
        "  agent grant|revoke ROLE ACCOUNT | agent admin ROLE on|off\n"
        "  account add IG-USER-ID [USERNAME]  (token: stdin) | account list\n"
        "  secret set instagram_app_secret|meta_app_secret|webhook_verify_token  (stdin)\n"
        "  oauth set APP-ID REDIRECT-URI [AUTHORIZE-BASE] | oauth show  (the team's Instagram\n"
        "                         app, for the sign-in hand-off)\n"
        "Without a command: serve."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("An administration command; none: run the server."),
        QStringLiteral("[command ...]"));
    const ServerConfig defaults;
    const QCommandLineOption dbHost(QStringLiteral("db-host"),
        QStringLiteral("PostgreSQL host, or the directory of its socket."), QStringLiteral("host"),
        defaults.db.host);
    const QCommandLineOption dbPort(QStringLiteral("db-port"), QStringLiteral("PostgreSQL port."),
        QStringLiteral("port"), QString::number(defaults.db.port));
    const QCommandLineOption dbName(QStringLiteral("db-name"), QStringLiteral("The team database."),
        QStringLiteral("name"), defaults.db.name);
    const QCommandLineOption dbUser(QStringLiteral("db-user"),
        QStringLiteral("The role to connect as (bootstrap: a superuser, default postgres)."),
        QStringLiteral("role"), defaults.db.user);
    const QCommandLineOption adminDb(QStringLiteral("admin-db"),
        QStringLiteral("bootstrap: the database the superuser connects to first."),
        QStringLiteral("name"), QStringLiteral("postgres"));
    const QCommandLineOption dbOptions(QStringLiteral("db-options"),
        QStringLiteral("libpq options, ';'-separated (e.g. sslmode=verify-full;sslrootcert=FILE)."),
        QStringLiteral("options"));
    const QCommandLineOption dbPasswordFile(QStringLiteral("db-password-file"),
        QStringLiteral("File holding the role's password (mode 600); default "
                       "$CREDENTIALS_DIRECTORY/db-password."),
        QStringLiteral("file"));
    const QCommandLineOption credentialsDir(QStringLiteral("credentials-dir"),
        QStringLiteral("Directory of the app secret files; default $CREDENTIALS_DIRECTORY."),
        QStringLiteral("dir"));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address the webhook listens on (behind the reverse proxy)."),
        QStringLiteral("address"), defaults.listenAddress.toString());
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("Webhook port (0: a free one)."), QStringLiteral("port"),
        QString::number(defaults.port));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
        QStringLiteral("The webhook's callback URL as Meta reaches it (the reverse proxy's "
                       "https URL); with --meta-app-id it is registered with Meta at start and "
                       "every --job-interval-s."),
        QStringLiteral("url"));
    const QCommandLineOption metaAppId(QStringLiteral("meta-app-id"),
        QStringLiteral("The Meta app's App ID (its secret: meta-app-secret); without it the "
                       "callback is registered in Meta's dashboard."),
        QStringLiteral("id"));
    const QCommandLineOption graphBase(QStringLiteral("graph-base"),
        QStringLiteral("Send every Instagram call to this base URL (the sandbox)."),
        QStringLiteral("url"));
    const QCommandLineOption workerId(QStringLiteral("worker-id"),
        QStringLiteral("This server's name in outbox claims; default host:pid:random."),
        QStringLiteral("id"));
    const QCommandLineOption pollMs(QStringLiteral("poll-ms"),
        QStringLiteral("Outbox poll interval when no notification came."), QStringLiteral("ms"),
        QString::number(defaults.pollMs));
    const QCommandLineOption sendLeaseMs(QStringLiteral("send-lease-ms"),
        QStringLiteral("Age after which a send abandoned by a stopped server is reconciled."),
        QStringLiteral("ms"), QString::number(defaults.sendLeaseMs));
    const QCommandLineOption jobIntervalS(QStringLiteral("job-interval-s"),
        QStringLiteral("How often the singleton jobs (token refresh, subscription check, "
                       "callback registration) run."),
        QStringLiteral("s"), QString::number(defaults.jobIntervalMs / 1000));
    const QCommandLineOption agentIdleMs(QStringLiteral("agent-idle-limit-ms"),
        QStringLiteral("End an agent's database session left idle in a transaction this long."),
        QStringLiteral("ms"), QString::number(defaults.agentLimits.idleInTransactionMs));
    const QCommandLineOption agentStatementMs(QStringLiteral("agent-statement-limit-ms"),
        QStringLiteral("End an agent's database session whose statement runs this long."),
        QStringLiteral("ms"), QString::number(defaults.agentLimits.statementMs));
    const QCommandLineOption catchUpS(QStringLiteral("catch-up-s"),
        QStringLiteral("How often what webhooks missed is fetched from the Conversations API "
                       "(also at start; 0: never)."),
        QStringLiteral("s"), QString::number(defaults.catchUpIntervalMs / 1000));
    const QCommandLineOption catchUpPaceMs(QStringLiteral("catch-up-pace-ms"),
        QStringLiteral("The least time between two catch-up calls for one account."),
        QStringLiteral("ms"), QString::number(defaults.catchUpPaceMs));
    parser.addOptions({ dbHost, dbPort, dbName, dbUser, adminDb, dbOptions, dbPasswordFile,
        credentialsDir, listen, port, publicUrl, metaAppId, graphBase, workerId, pollMs,
        sendLeaseMs, jobIntervalS, catchUpS, catchUpPaceMs, agentIdleMs, agentStatementMs });
    parser.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    auto number = [&](const QCommandLineOption &option, qint64 min, qint64 max) -> qint64 {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            err << "inlet-server: --" << option.names().constFirst() << " must be a number from "
                << min << " to " << max << Qt::endl;
            std::exit(2);
        }
        return value;
    };

    ServerConfig config;
    config.db.host = parser.value(dbHost);
    config.db.port = int(number(dbPort, 1, 65535));
    config.db.name = parser.value(dbName);
    config.db.user = parser.value(dbUser);
    config.db.options = parser.value(dbOptions);
    const QString credentials = parser.isSet(credentialsDir)
        ? parser.value(credentialsDir)
        : qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    QString passwordFile = parser.value(dbPasswordFile);
    if (passwordFile.isEmpty() && !credentials.isEmpty())
        passwordFile = QDir(credentials).filePath(QLatin1String(DbPasswordFile));
    if (!passwordFile.isEmpty()) {
        auto password = parser.isSet(dbPasswordFile) ? readSecretFile(passwordFile)
                                                     : optionalSecret(credentials, DbPasswordFile);
        if (!password) {
            err << "inlet-server: " << password.error().message << Qt::endl;
            return 1;
        }
        config.db.password = QString::fromUtf8(*password);
    }

    const QStringList words = parser.positionalArguments();
    if (!words.isEmpty()) {
        if (!isAdminCommand(words.constFirst())) {
            err << "inlet-server: unknown command " << words.constFirst() << Qt::endl;
            return 2;
        }
        const bool bootstrap = words.constFirst() == QLatin1String("bootstrap");
        if (bootstrap && words.size() != 1) {
            err << "usage: inlet-server [connection options] bootstrap < server-password-file"
                << Qt::endl;
            return 2;
        }
        DatabaseConfig target = config.db;
        if (bootstrap) {
            // As the cluster's administrator, to a database that exists before ours does.
            target.name = parser.value(adminDb);
            if (!parser.isSet(dbUser))
                target.user = QStringLiteral("postgres");
        }
        int status = 1;
        {
            auto db = openDatabase(target, QStringLiteral("inlet-admin"));
            if (!db) {
                err << "inlet-server: " << db.error().message << Qt::endl;
                return 1;
            }
            QTextStream in(stdin);
            status = bootstrap ? runBootstrap(*db, config.db.name, in, out, err)
                               : runAdminCommand(words, *db, in, out, err);
            db->close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inlet-admin"));
        return status;
    }

    for (const auto &[file, target] : { std::pair { AppSecretFile, &config.appSecret },
             std::pair { MetaAppSecretFile, &config.metaAppSecret } }) {
        auto value = optionalSecret(credentials, file);
        if (!value) {
            err << "inlet-server: " << value.error().message << Qt::endl;
            return 1;
        }
        *target = *value;
    }
    auto verify = optionalSecret(credentials, VerifyTokenFile);
    if (!verify) {
        err << "inlet-server: " << verify.error().message << Qt::endl;
        return 1;
    }
    config.verifyToken = QString::fromUtf8(*verify);
    config.listenAddress = QHostAddress(parser.value(listen));
    if (config.listenAddress.isNull()) {
        err << "inlet-server: --listen needs an IP address" << Qt::endl;
        return 2;
    }
    config.port = quint16(number(port, 0, 65535));
    if (parser.isSet(publicUrl)) {
        config.publicUrl = QUrl(parser.value(publicUrl), QUrl::StrictMode);
        if (!config.publicUrl.isValid() || config.publicUrl.host().isEmpty()
            || (config.publicUrl.scheme() != QLatin1String("https")
                && config.publicUrl.scheme() != QLatin1String("http"))) {
            err << "inlet-server: --public-url needs an https (or http) URL" << Qt::endl;
            return 2;
        }
    }
    config.metaAppId = parser.value(metaAppId);
    if (parser.isSet(graphBase))
        config.graphBase = QUrl(parser.value(graphBase));
    config.workerId = parser.isSet(workerId) ? parser.value(workerId) : defaultWorkerId();
    config.pollMs = int(number(pollMs, 10, 3'600'000));
    config.sendLeaseMs = int(number(sendLeaseMs, 0, 86'400'000));
    config.jobIntervalMs = int(number(jobIntervalS, 1, 30 * 86'400) * 1000);
    config.agentLimits.idleInTransactionMs = number(agentIdleMs, 100, 86'400'000);
    config.agentLimits.statementMs = number(agentStatementMs, 100, 86'400'000);
    config.catchUpIntervalMs = int(number(catchUpS, 0, 30 * 86'400) * 1000);
    config.catchUpPaceMs = int(number(catchUpPaceMs, 0, 60'000));

    quitOnTerminationSignals("inlet-server");
    InletServer server(config);
    if (auto ok = server.start(); !ok) {
        err << "inlet-server: " << ok.error().message << Qt::endl;
        return 1;
    }
    out << "webhook: " << server.webhookUrl().toString() << Qt::endl;
    return app.exec();
}
