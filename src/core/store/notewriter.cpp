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
            QStringLiteral("SELECT id, text FROM messages WHERE client_id = ?"), { note.clientId });
        if (!found)
            return std::unexpected(found.error());
        const bool there = (*found)->next();
        const qint64 id = there ? (*found)->value(0).toLongLong() : 0;
        const QString text = there ? (*found)->value(1).toString() : QString();
        (*found)->finish();
        if (id && text != note.text) { // edited by its author since (team mode)
            if (Status ok = edit(c, id, note.text); !ok)
                return std::unexpected(ok.error());
        }
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

namespace {

// The conversation of note `id` (0: no such note).
Result<qint64> conversationOfNote(WriteContext &c, qint64 id)
{
    auto q = c.session.run(
        QStringLiteral("SELECT conversation_id FROM messages WHERE id = ? AND kind = ?"),
        { id, int(MessageKind::Note) });
    if (!q)
        return std::unexpected(q.error());
    const qint64 conversation = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return conversation;
}

} // namespace

Status edit(WriteContext &c, qint64 id, const QString &text)
{
    if (text.trimmed().isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an empty note"));
    auto conversation = conversationOfNote(c, id);
    if (!conversation)
        return std::unexpected(conversation.error());
    if (!*conversation)
        return fail(Error::Kind::Invalid, QStringLiteral("no such note"));
    auto q
        = c.session.run(QStringLiteral("UPDATE messages SET text = ? WHERE id = ?"), { text, id });
    if (!q)
        return std::unexpected(q.error());
    c.change.addMessage(*conversation, id);
    return {};
}

Status remove(WriteContext &c, qint64 id)
{
    auto conversation = conversationOfNote(c, id);
    if (!conversation)
        return std::unexpected(conversation.error());
    if (!*conversation)
        return fail(Error::Kind::Invalid, QStringLiteral("no such note"));
    auto q = c.session.run(QStringLiteral("DELETE FROM messages WHERE id = ?"), { id });
    if (!q)
        return std::unexpected(q.error());
    c.change.removedMessageIds.append(id);
    c.change.addConversation(*conversation);
    return {};
}

} // namespace inlet::notes
