#include "team/teamsql.h"

Q_LOGGING_CATEGORY(lcTeam, "inlet.team", QtInfoMsg)

namespace inlet::team::sql {

Error toError(const QSqlError &error, const QString &context)
{
    const QString state = error.nativeErrorCode();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return Error::make(Error::Kind::Storage,
        state.isEmpty() ? QStringLiteral("%1: %2").arg(context, text)
                        : QStringLiteral("%1: %2 [SQLSTATE %3]").arg(context, text, state));
}

QString sqlState(const Error &error)
{
    static const QLatin1String marker("[SQLSTATE ");
    const qsizetype at = error.message.lastIndexOf(marker);
    if (at < 0)
        return {};
    return error.message.mid(at + marker.size(), 5);
}

Status exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (qsizetype i = 0; i < values.size(); ++i)
                query.bindValue(int(i), values.at(i));
            ok = query.exec();
        }
    }
    if (!ok)
        return std::unexpected(toError(query.lastError(), sql.simplified().left(80)));
    return {};
}

Status exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    return exec(query, sql, values);
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (auto ok = exec(query, sql, values); !ok)
        return std::unexpected(ok.error());
    return query.next() ? query.value(0) : QVariant();
}

} // namespace inlet::team::sql
