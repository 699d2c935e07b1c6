#include "server/accounttoken.h"

#include "team/teamsql.h"

namespace inlet::server {

Result<QString> instagramToken(const QSqlDatabase &db, const QString &igUserId)
{
    auto token = team::sql::scalar(db,
        QStringLiteral("SELECT s.value FROM inlet.secrets s JOIN inlet.accounts a "
                       "ON a.id = s.account_id WHERE a.ig_user_id = ? "
                       "AND s.name = 'instagram_token'"),
        { igUserId });
    if (!token)
        return std::unexpected(token.error());
    if (!token->isValid())
        return fail(Error::Kind::Graph,
            QStringLiteral("no Instagram token for the account: sign it in again"), 190);
    return token->toString();
}

} // namespace inlet::server
