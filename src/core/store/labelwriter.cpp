#include "store/labelwriter.h"

#include "store/sqlutil.h"
#include "store/writesession.h"

namespace inlet {

namespace {

std::unexpected<Error> refused(int problem, const QString &why)
{
    return fail(Error::Kind::Invalid, why, problem);
}

} // namespace

Result<int> LabelWriter::change(const QString &sql, const QVariantList &values)
{
    auto q = m_session.run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    const int rows = (*q)->numRowsAffected();
    (*q)->finish();
    return rows;
}

Result<qint64> LabelWriter::holderOf(const QString &name)
{
    auto q = m_session.run(
        QStringLiteral("SELECT id FROM labels WHERE name = ? COLLATE NOCASE"), { name });
    if (!q)
        return std::unexpected(q.error());
    const qint64 id = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return id;
}

Result<QList<qint64>> LabelWriter::conversationsWith(qint64 id)
{
    auto q = m_session.run(
        QStringLiteral("SELECT conversation_id FROM conversation_labels WHERE label_id = ?"),
        { id });
    if (!q)
        return std::unexpected(q.error());
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    (*q)->finish();
    return ids;
}

Result<qint64> LabelWriter::save(const Label &label, qint64 nowMs, StoreChange &change)
{
    if (const int problem = problemOf(label))
        return refused(problem, QStringLiteral("the label needs a name and a colour"));
    const QString name = normalizedLabelName(label.name);
    auto holder = holderOf(name);
    if (!holder)
        return std::unexpected(holder.error());
    if (*holder != 0 && *holder != label.id)
        return refused(label::NameTaken, QStringLiteral("another label is named %1").arg(name));
    const QVariantList values { sql::text(name), sql::text(label.colour.toLower()), nowMs };
    qint64 id = label.id;
    if (id == 0) {
        auto q = m_session.run(
            QStringLiteral("INSERT INTO labels (name, colour, updated_ms) VALUES (?, ?, ?)"),
            values);
        if (!q)
            return std::unexpected(q.error());
        id = (*q)->lastInsertId().toLongLong();
        (*q)->finish();
    } else {
        auto rows = this->change(
            QStringLiteral("UPDATE labels SET name = ?, colour = ?, updated_ms = ? WHERE id = ?"),
            values + QVariantList { id });
        if (!rows)
            return std::unexpected(rows.error());
        if (*rows == 0)
            return refused(label::NotFound, QStringLiteral("the label is gone"));
        // The rows carrying it show the new name or colour.
        auto carrying = conversationsWith(id);
        if (!carrying)
            return std::unexpected(carrying.error());
        for (qint64 conversationId : std::as_const(*carrying))
            change.addConversation(conversationId);
    }
    change.labelsChanged = true;
    return id;
}

Status LabelWriter::remove(qint64 id, StoreChange &change)
{
    auto carrying = conversationsWith(id);
    if (!carrying)
        return std::unexpected(carrying.error());
    // conversation_labels cascades; said here too, so it does not hang on the foreign-key pragma.
    if (auto off = this->change(
            QStringLiteral("DELETE FROM conversation_labels WHERE label_id = ?"), { id });
        !off)
        return std::unexpected(off.error());
    auto rows = this->change(QStringLiteral("DELETE FROM labels WHERE id = ?"), { id });
    if (!rows)
        return std::unexpected(rows.error());
    if (*rows == 0)
        return refused(label::NotFound, QStringLiteral("the label is gone"));
    for (qint64 conversationId : std::as_const(*carrying))
        change.addConversation(conversationId);
    change.labelsChanged = true;
    return {};
}

Status LabelWriter::setOnConversation(
    qint64 conversationId, qint64 labelId, bool on, StoreChange &change)
{
    Result<int> rows = on
        ? this->change(QStringLiteral("INSERT OR IGNORE INTO conversation_labels (conversation_id, "
                                      "label_id) SELECT ?, id FROM labels WHERE id = ?"),
            { conversationId, labelId })
        : this->change(QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id = ? "
                                      "AND label_id = ?"),
            { conversationId, labelId });
    if (!rows)
        return std::unexpected(rows.error());
    if (on && *rows == 0) {
        // Already on, or the label is gone: only the second is an error.
        auto exists
            = m_session.run(QStringLiteral("SELECT 1 FROM labels WHERE id = ?"), { labelId });
        if (!exists)
            return std::unexpected(exists.error());
        const bool found = (*exists)->next();
        (*exists)->finish();
        if (!found)
            return refused(label::NotFound, QStringLiteral("the label is gone"));
    }
    if (*rows > 0) {
        change.addConversation(conversationId);
        change.labelsChanged = true; // the per-label counts move
    }
    return {};
}

} // namespace inlet
