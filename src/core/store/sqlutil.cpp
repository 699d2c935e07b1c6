#include "store/sqlutil.h"

#include "store/guithread.h"

#include <QSqlError>

namespace inlet::sql {

namespace {

QString describe(int primaryCode)
{
    switch (primaryCode) {
    case 5:
    case 6:
        return QStringLiteral("the database is locked by another process");
    case 8:
        return QStringLiteral("the database file is read-only");
    case 10:
        return QStringLiteral("a disk I/O error occurred");
    case 11:
        return QStringLiteral("the database file is corrupted");
    case 13:
        return QStringLiteral("the disk is full (or the database reached its size limit)");
    case 14:
        return QStringLiteral("the database file cannot be opened");
    case 26:
        return QStringLiteral("the file is not an Inlet database (it is corrupted or of another kind)");
    default:
        return {};
    }
}

} // namespace

Error toError(const QSqlError &error, const QString &context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended result codes carry the primary code in the low byte.
    const int primary = ok ? (code & 0xff) : 0;
    QString what = describe(primary);
    const QString detail = error.text().trimmed();
    if (what.isEmpty())
        what = detail;
    else if (!detail.isEmpty())
        what += QStringLiteral(" (") + detail + QLatin1Char(')');
    return Error::make(Error::Kind::Storage, context + QStringLiteral(": ") + what, primary);
}

Status exec(QSqlQuery &query, const QVariantList &values, const QString &context)
{
    guithread::assertNotCurrent("sql::exec");
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec())
        return std::unexpected(toError(query.lastError(), context));
    return {};
}

Status execText(const QSqlDatabase &db, const QString &sql)
{
    guithread::assertNotCurrent("sql::execText");
    QSqlQuery query(db);
    if (!query.exec(sql))
        return std::unexpected(toError(query.lastError(), sql.left(60)));
    return {};
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql)
{
    guithread::assertNotCurrent("sql::scalar");
    QSqlQuery query(db);
    if (!query.exec(sql))
        return std::unexpected(toError(query.lastError(), sql.left(60)));
    if (!query.next())
        return QVariant();
    QVariant value = query.value(0);
    query.finish();
    return value;
}

Result<QSqlQuery *> StatementCache::get(const QString &sql)
{
    guithread::assertNotCurrent("sql::StatementCache");
    auto it = m_queries.constFind(sql);
    if (it != m_queries.constEnd())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    if (!query->prepare(sql))
        return std::unexpected(toError(query->lastError(), QStringLiteral("prepare ") + sql.left(60)));
    m_queries.insert(sql, query);
    return query.get();
}

Result<QSqlQuery *> StatementCache::run(const QString &sql, const QVariantList &values)
{
    auto query = get(sql);
    if (!query)
        return query;
    if (auto ok = exec(**query, values, sql.left(60)); !ok)
        return std::unexpected(ok.error());
    return query;
}

} // namespace inlet::sql
