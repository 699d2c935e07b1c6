#include "team/teamadmin.h"

#include "team/teamschema.h"
#include "team/teamsql.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace inlet::team::admin {

namespace {

// PostgreSQL quotes: the statement `format(pattern, args...)` builds, %I for identifiers and %L
// for literals, done by the server that will parse the result.
Result<QString> formatSql(const QSqlDatabase &db, const QString &pattern, const QStringList &args)
{
    QString call = QStringLiteral("SELECT format(?::text");
    QVariantList values { pattern };
    for (const QString &a : args) {
        call += QStringLiteral(", ?::text");
        values.append(a);
    }
    call += QLatin1Char(')');
    auto text = sql::scalar(db, call, values);
    if (!text)
        return std::unexpected(text.error());
    return text->toString();
}

// Errors name the pattern, not the statement: that may hold a password (or its verifier).
Status execFormatted(const QSqlDatabase &db, const QString &pattern, const QStringList &args)
{
    auto statement = formatSql(db, pattern, args);
    if (!statement)
        return std::unexpected(statement.error());
    QSqlQuery query(db);
    if (!query.exec(*statement))
        return std::unexpected(sql::toError(query.lastError(), pattern));
    return {};
}

// Whether `countSql` (one "?" for the role) counts any row.
Result<bool> anyRow(const QSqlDatabase &db, const QString &countSql, const QString &role)
{
    auto n = sql::scalar(db, countSql, { role });
    if (!n)
        return std::unexpected(n.error());
    return n->toInt() > 0;
}

Result<bool> roleExists(const QSqlDatabase &db, const QString &role)
{
    return anyRow(db, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), role);
}

Result<bool> isAgent(const QSqlDatabase &db, const QString &role)
{
    return anyRow(
        db, QStringLiteral("SELECT count(*) FROM inlet.agents WHERE role_name = ?"), role);
}

// A role that is a member of inlet_agent and nothing mightier.
Result<bool> isAgentRole(const QSqlDatabase &db, const QString &role)
{
    return anyRow(db, QStringLiteral(R"(SELECT count(*) FROM pg_auth_members m
        JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
        WHERE r.rolname = ? AND g.rolname = 'inlet_agent' AND NOT r.rolsuper
          AND NOT r.rolcreaterole AND NOT r.rolbypassrls)"),
        role);
}

Status notAnAgent(const QString &role)
{
    return fail(Error::Kind::Invalid, QStringLiteral("\"%1\" is not an agent").arg(role));
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QString passwordLiteral(const QString &password)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    const QString verifier = scramVerifier(password, salt);
    return verifier.isEmpty() ? password : verifier;
}

// Advisory locks are open to PUBLIC: an agent could take the change log's lock (or a server's
// singleton-job lock) and hold it. In the team database only inlet_server may take them.
// Function privileges are per database, so this runs on a superuser connection to that one.
Status restrictAdvisoryLocks(const QSqlDatabase &superuser, const QString &database)
{
    static const QStringList functions {
        QStringLiteral("pg_advisory_lock"),
        QStringLiteral("pg_advisory_lock_shared"),
        QStringLiteral("pg_advisory_xact_lock"),
        QStringLiteral("pg_advisory_xact_lock_shared"),
        QStringLiteral("pg_try_advisory_lock"),
        QStringLiteral("pg_try_advisory_lock_shared"),
        QStringLiteral("pg_try_advisory_xact_lock"),
        QStringLiteral("pg_try_advisory_xact_lock_shared"),
    };
    const QString name = superuser.connectionName() + QStringLiteral("-bootstrap-") + database;
    Status result;
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(superuser, name);
        db.setDatabaseName(database);
        if (!db.open()) {
            result = std::unexpected(
                sql::toError(db.lastError(), QStringLiteral("connecting to ") + database));
        } else {
            for (const QString &function : functions) {
                for (const QString &args :
                    { QStringLiteral("bigint"), QStringLiteral("integer, integer") }) {
                    const QString signature
                        = QStringLiteral("pg_catalog.%1(%2)").arg(function, args);
                    result = sql::exec(db,
                        QStringLiteral("REVOKE EXECUTE ON FUNCTION %1 FROM PUBLIC").arg(signature));
                    if (result)
                        result = sql::exec(db,
                            QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO inlet_server")
                                .arg(signature));
                    if (!result)
                        break;
                }
                if (!result)
                    break;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

QString scramVerifier(const QString &password, const QByteArray &salt, int iterations)
{
    for (QChar c : password) {
        if (c.unicode() > 0x7f)
            return {};
    }
    const QByteArray p = password.toLatin1();
    // PBKDF2-HMAC-SHA-256, one block (the key is as long as the hash).
    QByteArray u = hmac(p, salt + QByteArray("\x00\x00\x00\x01", 4));
    QByteArray salted = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(p, u);
        for (qsizetype j = 0; j < salted.size(); ++j)
            salted[j] = char(salted[j] ^ u[j]);
    }
    const QByteArray storedKey
        = QCryptographicHash::hash(hmac(salted, "Client Key"), QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, "Server Key");
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
            QString::fromLatin1(serverKey.toBase64()));
}

Status bootstrap(
    const QSqlDatabase &superuser, const QString &database, const QString &serverPassword)
{
    if (database.isEmpty() || serverPassword.isEmpty())
        return fail(Error::Kind::Invalid,
            QStringLiteral("a database name and a server password are needed"));
    auto server = roleExists(superuser, QLatin1String(schema::ServerRole));
    if (!server)
        return std::unexpected(server.error());
    if (!*server) {
        if (auto ok = execFormatted(superuser,
                QStringLiteral("CREATE ROLE inlet_server LOGIN CREATEROLE PASSWORD %L"),
                { passwordLiteral(serverPassword) });
            !ok)
            return ok;
    }
    // To end agents' sessions that hold the team up (server/sessionreaper.h): to see their state,
    // and to signal them. Granted again on every bootstrap, for servers bootstrapped before.
    if (auto ok = sql::exec(superuser,
            QStringLiteral("GRANT pg_signal_backend, pg_read_all_stats TO inlet_server"));
        !ok)
        return ok;
    auto agent = roleExists(superuser, QLatin1String(schema::AgentRole));
    if (!agent)
        return std::unexpected(agent.error());
    if (!*agent) {
        if (auto ok = sql::exec(superuser, QStringLiteral("CREATE ROLE inlet_agent NOLOGIN")); !ok)
            return ok;
    }
    auto exists = sql::scalar(superuser,
        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), { database });
    if (!exists)
        return std::unexpected(exists.error());
    if (exists->toInt() == 0) {
        if (auto ok = execFormatted(
                superuser, QStringLiteral("CREATE DATABASE %I OWNER inlet_server"), { database });
            !ok)
            return ok;
    }
    if (auto ok = execFormatted(
            superuser, QStringLiteral("REVOKE ALL ON DATABASE %I FROM PUBLIC"), { database });
        !ok)
        return ok;
    if (auto ok = execFormatted(
            superuser, QStringLiteral("GRANT CONNECT ON DATABASE %I TO inlet_agent"), { database });
        !ok)
        return ok;
    return restrictAdvisoryLocks(superuser, database);
}

Status checkAgentName(const QString &role)
{
    if (role.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an agent needs a name"));
    if (role.toUtf8().size() > 63)
        return fail(
            Error::Kind::Invalid, QStringLiteral("an agent's name is at most 63 bytes long"));
    for (QChar c : role) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.isNull())
            return fail(
                Error::Kind::Invalid, QStringLiteral("an agent's name has no control characters"));
    }
    const QString lower = role.toLower();
    if (lower.startsWith(QLatin1String("pg_")) || lower.startsWith(QLatin1String("inlet_"))
        || lower == QLatin1String("public") || lower == QLatin1String("none"))
        return fail(Error::Kind::Invalid, QStringLiteral("\"%1\" is a reserved name").arg(role));
    return {};
}

Status addAgent(const QSqlDatabase &db, const QString &role, const QString &password,
    const QString &displayName)
{
    if (auto ok = checkAgentName(role); !ok)
        return ok;
    if (password.isEmpty() || password.contains(QChar(0)))
        return fail(Error::Kind::Invalid, QStringLiteral("an agent needs a password"));
    auto taken = roleExists(db, role);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(
            Error::Kind::Invalid, QStringLiteral("a role named \"%1\" exists already").arg(role));
    return sql::inTransaction(db, [&]() -> Status {
        if (auto ok = execFormatted(db,
                QStringLiteral("CREATE ROLE %I LOGIN PASSWORD %L IN ROLE inlet_agent"),
                { role, passwordLiteral(password) });
            !ok)
            return ok;
        // Per role: the group role's settings do not reach its members (docs/team.md).
        if (auto ok = execFormatted(db,
                QStringLiteral("ALTER ROLE %I SET idle_in_transaction_session_timeout = %L"),
                { role, QLatin1String(schema::AgentIdleInTransactionTimeout) });
            !ok)
            return ok;
        if (auto ok = execFormatted(db, QStringLiteral("ALTER ROLE %I SET statement_timeout = %L"),
                { role, QLatin1String(schema::AgentStatementTimeout) });
            !ok)
            return ok;
        return sql::exec(db,
            QStringLiteral("INSERT INTO inlet.agents (role_name, display_name) VALUES (?, ?)"),
            { role, displayName.isNull() ? QStringLiteral("") : displayName });
    });
}

Status removeAgent(const QSqlDatabase &db, const QString &role)
{
    auto listed = isAgent(db, role);
    if (!listed)
        return std::unexpected(listed.error());
    auto member = isAgentRole(db, role);
    if (!member)
        return std::unexpected(member.error());
    if (!*listed || (!*member && roleExists(db, role).value_or(true)))
        return notAnAgent(role);
    return sql::inTransaction(db, [&]() -> Status {
        if (auto ok = sql::exec(
                db, QStringLiteral("DELETE FROM inlet.agents WHERE role_name = ?"), { role });
            !ok)
            return ok;
        if (!*member)
            return {}; // the role was dropped by hand; the row was all that was left
        if (auto ok = sql::exec(db,
                QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE usename = ? AND pid <> pg_backend_pid()"),
                { role });
            !ok)
            return ok;
        return execFormatted(db, QStringLiteral("DROP ROLE %I"), { role });
    });
}

Result<QList<Agent>> listAgents(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (auto ok = sql::exec(q, QStringLiteral(R"(SELECT a.role_name, a.display_name,
            COALESCE(string_agg(aa.account_id::text, ',' ORDER BY aa.account_id), '')
        FROM inlet.agents a LEFT JOIN inlet.agent_accounts aa ON aa.agent_role = a.role_name
        GROUP BY a.role_name, a.display_name ORDER BY a.role_name)"));
        !ok)
        return std::unexpected(ok.error());
    QList<Agent> agents;
    while (q.next()) {
        Agent a { q.value(0).toString(), q.value(1).toString(), {} };
        const QStringList ids = q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : ids)
            a.accountIds.append(id.toLongLong());
        agents.append(a);
    }
    return agents;
}

namespace {

// Runs `statement` (bound to the role and the account) when `role` is an agent.
Status onAgentsAccount(
    const QSqlDatabase &db, const QString &role, qint64 accountId, const QString &statement)
{
    auto listed = isAgent(db, role);
    if (!listed)
        return std::unexpected(listed.error());
    if (!*listed)
        return notAnAgent(role);
    return sql::exec(db, statement, { role, accountId });
}

} // namespace

Status grantAccount(const QSqlDatabase &db, const QString &role, qint64 accountId)
{
    return onAgentsAccount(db, role, accountId,
        QStringLiteral("INSERT INTO inlet.agent_accounts (agent_role, account_id) VALUES (?, ?) "
                       "ON CONFLICT DO NOTHING"));
}

Status revokeAccount(const QSqlDatabase &db, const QString &role, qint64 accountId)
{
    return onAgentsAccount(db, role, accountId,
        QStringLiteral("DELETE FROM inlet.agent_accounts WHERE agent_role = ? AND account_id = ?"));
}

Status setAdmin(const QSqlDatabase &db, const QString &role, bool admin)
{
    auto listed = isAgent(db, role);
    if (!listed)
        return std::unexpected(listed.error());
    if (!*listed)
        return notAnAgent(role);
    return sql::exec(db, QStringLiteral("UPDATE inlet.agents SET admin = ? WHERE role_name = ?"),
        { admin, role });
}

} // namespace inlet::team::admin
