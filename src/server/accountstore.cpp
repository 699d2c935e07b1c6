#include "server/accountstore.h"

#include "team/teamsql.h"

namespace inlet::server {

namespace {

// QPSQL binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

Result<qint64> storeAccount(const QSqlDatabase &db, const Account &account, const QString &token,
    qint64 expiresMs, const QString &grantTo)
{
    qint64 accountId = 0;
    Status ok = team::sql::inTransaction(db, [&]() -> Status {
        auto id = team::sql::scalar(db,
            QStringLiteral(
                "INSERT INTO inlet.accounts AS a (ig_user_id, username, name, profile_picture_url) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (ig_user_id) DO UPDATE SET "
                "username = EXCLUDED.username, "
                "name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE a.name END, "
                "profile_picture_url = CASE WHEN EXCLUDED.profile_picture_url <> '' "
                "THEN EXCLUDED.profile_picture_url ELSE a.profile_picture_url END, "
                "removed = false, needs_sign_in = false RETURNING id"),
            { account.id, text(account.username), text(account.name),
                text(account.profilePictureUrl) });
        if (!id)
            return std::unexpected(id.error());
        accountId = id->toLongLong();
        if (auto stored = team::sql::exec(db,
                QStringLiteral("INSERT INTO inlet.secrets (name, account_id, value, expires_ms) "
                               "VALUES ('instagram_token', ?, ?, ?) ON CONFLICT (name, account_id) "
                               "DO UPDATE SET value = EXCLUDED.value, expires_ms = "
                               "EXCLUDED.expires_ms, updated_at = now()"),
                { accountId, token, expiresMs });
            !stored)
            return stored;
        if (grantTo.isEmpty())
            return {};
        return team::sql::exec(db,
            QStringLiteral(
                "INSERT INTO inlet.agent_accounts (agent_role, account_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING"),
            { grantTo, accountId });
    });
    if (!ok)
        return std::unexpected(ok.error());
    return accountId;
}

} // namespace inlet::server
