#include "store/notewriter.h"

#include "store/sqlutil.h"
#include "store/storetypes.h"
#include "store/storewriter.h"
#include "store/writesession.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace inlet::notes {

Result<qint64> insert(WriteContext &c, const NewNote &note)
{
    if (note.text.trimmed().isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an empty note"));
    if (!note.clientId.isEmpty()) {
        auto found = c.session.run(
            QStringLiteral("SELECT id FROM messages WHERE client_id = ?"), { note.clientId });
        if (!found)
            return std::unexpected(found.error());
        const qint64 id = (*found)->next() ? (*found)->value(0).toLongLong() : 0;
        (*found)->finish();
        if (id)
            return id;
    }
    QJsonObject metaObject;
    metaObject.insert(QStringLiteral("note_author"), note.author);
    const QString meta
        = QString::fromUtf8(QJsonDocument(metaObject).toJson(QJsonDocument::Compact));
    auto q = c.session.run(
        QStringLiteral("INSERT INTO messages (conversation_id, account_id, kind, outgoing, text, "
                       "created_ms, state, meta_json, client_id) SELECT id, account_id, ?, 0, ?, "
                       "?, ?, ?, ? FROM conversations WHERE id = ?"),
        { int(MessageKind::Note), note.text, note.createdMs, int(MessageState::Received), meta,
            note.clientId.isEmpty() ? QVariant() : QVariant(note.clientId), note.conversationId });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() < 1)
        return fail(Error::Kind::Invalid, QStringLiteral("no such conversation"));
    const qint64 id = (*q)->lastInsertId().toLongLong();
    c.change.addMessage(note.conversationId, id);
    return id;
}

} // namespace inlet::notes
