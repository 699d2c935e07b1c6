#include "store/savedreplywriter.h"

#include "store/sqlutil.h"
#include "store/writesession.h"

namespace inlet {

namespace {

std::unexpected<Error> refused(int problem, const QString &why)
{
    return fail(Error::Kind::Invalid, why, problem);
}

} // namespace

Result<qint64> SavedReplyWriter::holderOf(const QString &shortcut)
{
    if (shortcut.isEmpty())
        return 0;
    auto q = m_session.run(
        QStringLiteral("SELECT id FROM saved_replies WHERE shortcut = ? COLLATE NOCASE"),
        { shortcut });
    if (!q)
        return std::unexpected(q.error());
    const qint64 id = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return id;
}

Result<qint64> SavedReplyWriter::save(const SavedReply &reply, qint64 nowMs, StoreChange &change)
{
    if (const int problem = problemOf(reply))
        return refused(problem, QStringLiteral("the saved reply is incomplete"));
    const QString shortcut = normalizedShortcut(reply.shortcut);
    auto holder = holderOf(shortcut);
    if (!holder)
        return std::unexpected(holder.error());
    if (*holder != 0 && *holder != reply.id)
        return refused(savedreply::ShortcutTaken,
            QStringLiteral("the shortcut /%1 belongs to another saved reply").arg(shortcut));
    const QVariantList values { sql::text(reply.title.trimmed()), sql::text(shortcut),
        sql::text(reply.text), nowMs };
    qint64 id = reply.id;
    if (id == 0) {
        auto q = m_session.run(QStringLiteral("INSERT INTO saved_replies (title, shortcut, text, "
                                              "updated_ms) VALUES (?, ?, ?, ?)"),
            values);
        if (!q)
            return std::unexpected(q.error());
        id = (*q)->lastInsertId().toLongLong();
        (*q)->finish();
    } else if (Status updated = changeOne(QStringLiteral("UPDATE saved_replies SET title = ?, "
                                                         "shortcut = ?, text = ?, updated_ms = ? "
                                                         "WHERE id = ?"),
                   values + QVariantList { id });
               !updated) {
        return std::unexpected(updated.error());
    }
    change.savedRepliesChanged = true;
    return id;
}

Status SavedReplyWriter::remove(qint64 id, StoreChange &change)
{
    if (Status removed
        = changeOne(QStringLiteral("DELETE FROM saved_replies WHERE id = ?"), { id });
        !removed)
        return removed;
    change.savedRepliesChanged = true;
    return {};
}

Status SavedReplyWriter::changeOne(const QString &sql, const QVariantList &values)
{
    auto q = m_session.run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    const int rows = (*q)->numRowsAffected();
    (*q)->finish();
    if (rows == 0)
        return refused(savedreply::NotFound, QStringLiteral("the saved reply is gone"));
    return {};
}

Result<int> SavedReplyWriter::import(
    const QList<SavedReply> &replies, qint64 nowMs, StoreChange &change)
{
    int count = 0;
    for (SavedReply reply : replies) {
        auto holder = holderOf(normalizedShortcut(reply.shortcut));
        if (!holder)
            return std::unexpected(holder.error());
        reply.id = *holder; // replaces the reply with that shortcut, or a new one
        auto saved = save(reply, nowMs, change);
        if (!saved)
            return std::unexpected(saved.error());
        ++count;
    }
    return count;
}

} // namespace inlet
