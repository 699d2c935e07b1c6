#pragma once

#include "common/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

// Small helpers shared by the store's writer and readers: error mapping, binding, a statement cache.
namespace inlet::sql {

// A Storage error naming what went wrong in words a user can act on (full disk, corrupted file),
// with SQLite's primary result code in Error::code.
Error toError(const QSqlError &error, const QString &context);

// Binds `values` positionally and executes. The query must be prepared.
Status exec(QSqlQuery &query, const QVariantList &values, const QString &context);
// Prepares and executes one statement on `db` (DDL, pragmas, transaction control).
Status execText(const QSqlDatabase &db, const QString &sql);
// The first column of the first row of `sql`, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql);

// Never bind a null QString: Qt maps it to SQL NULL, which NOT NULL text columns refuse.
inline QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }
// NULL for an empty string (for nullable, unique columns such as mid).
inline QVariant nullIfEmpty(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

// Prepared statements kept for the life of a connection (preparing costs more than running).
class StatementCache {
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The prepared statement for `sql`, prepared on first use. Valid while the cache lives.
    Result<QSqlQuery *> get(const QString &sql);
    // Prepares (cached), binds and executes; the query stays positioned before the first row.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values);
    void clear() { m_queries.clear(); }
    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace inlet::sql
