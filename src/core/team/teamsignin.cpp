#include "team/teamsignin.h"

#include "team/agentrequest.h"
#include "team/teamsql.h"

#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace inlet::team::signin {

namespace {

constexpr std::array<std::pair<Error::Kind, const char *>, 9> KindNames { {
    { Error::Kind::Network, "network" },
    { Error::Kind::Http, "http" },
    { Error::Kind::Graph, "graph" },
    { Error::Kind::Auth, "auth" },
    { Error::Kind::Parse, "parse" },
    { Error::Kind::Storage, "storage" },
    { Error::Kind::Keychain, "keychain" },
    { Error::Kind::Cancelled, "cancelled" },
    { Error::Kind::Invalid, "invalid" },
} };

Result<OAuthSettings> settingsIfAdmin(const QSqlDatabase &db)
{
    auto admin = isAdmin(db);
    if (!admin)
        return std::unexpected(admin.error());
    if (!*admin)
        return std::unexpected(handoffError(HandoffFailure::NotAdmin,
            QStringLiteral("this agent may not connect Instagram accounts (not an admin)")));
    return readOAuthSettings(db);
}

Result<Handoff> insertAndWait(
    const QSqlDatabase &db, const QString &code, std::chrono::milliseconds timeout)
{
    if (auto settings = settingsIfAdmin(db); !settings)
        return std::unexpected(settings.error());
    // Listen first: a server may finish the row before the insert's answer is read.
    QSqlDriver *driver = db.driver();
    const bool listening = driver->subscribeToNotification(QStringLiteral("inlet_signin"));
    auto inserted = sql::scalar(db,
        QStringLiteral("INSERT INTO inlet.signin_handoffs (code) VALUES (?) RETURNING id"),
        { code });
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 id = inserted->toLongLong();
    qCInfo(lcTeam) << "sign-in handed to the team server as row" << id;

    QDeadlineTimer deadline(timeout);
    Result<Handoff> row = readHandoff(db, id);
    if (row && !row->finished()) {
        awaitRow(db, QStringLiteral("inlet_signin"), listening, deadline, [&] {
            row = readHandoff(db, id);
            return !row || row->finished();
        });
        if (row && !row->finished())
            row = readHandoff(db, id);
    }
    if (listening)
        driver->unsubscribeFromNotification(QStringLiteral("inlet_signin"));
    if (!row)
        return row;
    if (!row->finished())
        return std::unexpected(handoffError(HandoffFailure::TimedOut,
            QStringLiteral("no team server finished the sign-in hand-off %1 in time").arg(id)));
    if (row->state == QLatin1String("failed"))
        return std::unexpected(row->error);
    return row;
}

} // namespace

Error handoffError(HandoffFailure why, const QString &logMessage)
{
    Error::Kind kind = Error::Kind::Invalid;
    if (why == HandoffFailure::TimedOut || why == HandoffFailure::Interrupted)
        kind = Error::Kind::Network;
    else if (why == HandoffFailure::CodeExpired)
        kind = Error::Kind::Auth;
    return Error::make(kind, logMessage, int(why));
}

std::optional<HandoffFailure> handoffFailure(const Error &error)
{
    if (error.reason != Error::Reason::None || error.kind == Error::Kind::Graph
        || error.kind == Error::Kind::Http || error.code < int(HandoffFailure::NotConfigured)
        || error.code > int(HandoffFailure::NoAppSecret))
        return std::nullopt;
    if (handoffError(HandoffFailure(error.code), {}).kind != error.kind)
        return std::nullopt;
    return HandoffFailure(error.code);
}

QString kindName(Error::Kind kind)
{
    for (const auto &[k, name] : KindNames) {
        if (k == kind)
            return QLatin1String(name);
    }
    return QStringLiteral("invalid");
}

Error::Kind kindFromName(const QString &name)
{
    for (const auto &[k, n] : KindNames) {
        if (name == QLatin1String(n))
            return k;
    }
    return Error::Kind::Invalid;
}

Result<OAuthSettings> readOAuthSettings(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (auto ok = sql::exec(q,
            QStringLiteral(
                "SELECT app_id, redirect_uri, authorize_base FROM inlet.oauth_settings"));
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::unexpected(handoffError(HandoffFailure::NotConfigured,
            QStringLiteral("the team server has no Instagram app set (inlet-server oauth set)")));
    return OAuthSettings { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
}

Status writeOAuthSettings(const QSqlDatabase &db, const OAuthSettings &settings)
{
    return sql::exec(db,
        QStringLiteral(
            "INSERT INTO inlet.oauth_settings (id, app_id, redirect_uri, authorize_base) "
            "VALUES (true, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET app_id = "
            "EXCLUDED.app_id, redirect_uri = EXCLUDED.redirect_uri, authorize_base = "
            "EXCLUDED.authorize_base, updated_at = now()"),
        { settings.appId, settings.redirectUri,
            settings.authorizeBase.isNull() ? QStringLiteral("") : settings.authorizeBase });
}

Result<bool> isAdmin(const QSqlDatabase &db)
{
    auto admin = sql::scalar(
        db, QStringLiteral("SELECT admin FROM inlet.agents WHERE role_name = current_user::text"));
    if (!admin)
        return std::unexpected(admin.error());
    return admin->isValid() && admin->toBool();
}

Result<Handoff> readHandoff(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    if (auto ok = sql::exec(q,
            QStringLiteral("SELECT id, state, account_ig_user_id, account_username, subscribed, "
                           "error_kind, error_reason, error_code, error_message "
                           "FROM inlet.signin_handoffs WHERE id = ?"),
            { id });
        !ok)
        return std::unexpected(ok.error());
    Handoff h;
    if (!q.next())
        return h;
    h.id = q.value(0).toLongLong();
    h.state = q.value(1).toString();
    h.igUserId = q.value(2).toString();
    h.username = q.value(3).toString();
    h.subscribed = q.value(4).toBool();
    if (h.state == QLatin1String("failed")) {
        h.error = Error::make(
            kindFromName(q.value(5).toString()), q.value(8).toString(), q.value(7).toInt());
        const int reason = q.value(6).toInt();
        if (reason > 0 && reason <= int(Error::lastReason))
            h.error.reason = Error::Reason(reason);
    }
    return h;
}

QFuture<Result<bool>> adminCheck(const TeamConnection &connection)
{
    return QtConcurrent::run(
        [connection] { return withAgentConnection<bool>(connection, isAdmin); });
}

QFuture<Result<OAuthSettings>> loginSettings(const TeamConnection &connection)
{
    return QtConcurrent::run(
        [connection] { return withAgentConnection<OAuthSettings>(connection, settingsIfAdmin); });
}

QFuture<Result<Handoff>> handOff(
    const TeamConnection &connection, const QString &code, std::chrono::milliseconds timeout)
{
    return QtConcurrent::run([connection, code, timeout] {
        return withAgentConnection<Handoff>(
            connection, [&](const QSqlDatabase &db) { return insertAndWait(db, code, timeout); });
    });
}

} // namespace inlet::team::signin
