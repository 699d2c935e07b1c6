#pragma once

#include "common/result.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcTeam)

// Small helpers for the team database (PostgreSQL through QPSQL).
namespace inlet::team::sql {

// SQLSTATEs the team code tells apart (PostgreSQL's error codes appendix).
inline constexpr auto InsufficientPrivilege = "42501";

// A Storage error with PostgreSQL's message and its SQLSTATE (QSqlError::nativeErrorCode()) in
// the text, so that a caller (and a test) can tell "permission denied" from a broken connection.
Error toError(const QSqlError &error, const QString &context);
// The SQLSTATE in an error made by toError, or empty.
QString sqlState(const Error &error);

// Prepares `sql`, binds `values` positionally and executes; `query` stays positioned before the
// first row. Statements without parameters go through the simple protocol.
Status exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
Status exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// The first column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// Runs `work` inside BEGIN ... COMMIT; ROLLBACK when it (or the COMMIT) fails.
template <typename F> Status inTransaction(const QSqlDatabase &db, F &&work)
{
    if (auto ok = exec(db, QStringLiteral("BEGIN")); !ok)
        return ok;
    Status result = work();
    if (result)
        result = exec(db, QStringLiteral("COMMIT"));
    if (!result)
        (void)exec(db, QStringLiteral("ROLLBACK"));
    return result;
}

} // namespace inlet::team::sql
