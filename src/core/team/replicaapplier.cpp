#include "team/replicaapplier.h"

#include "model/label.h"
#include "model/reactions.h"
#include "model/savedreply.h"
#include "model/triagetypes.h"
#include "outbox/sendfailure.h"
#include "store/directorywriter.h"
#include "store/notewriter.h"
#include "store/outboxwriter.h"
#include "store/sqlutil.h"
#include "store/storewriter.h"
#include "store/writesession.h"
#include "team/teamsql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace inlet::team::replica {

namespace {

// What a change could not be applied for: Parse (malformed or unknown: skipped) or anything else
// (the local store failed: the batch is retried).
Error malformed(const Change &c, const QString &why)
{
    return Error::make(Error::Kind::Parse,
        QStringLiteral("change %1 (%2 %3 %4): %5")
            .arg(c.seq)
            .arg(c.entity)
            .arg(c.entityId)
            .arg(QString(c.op), why));
}

// The row's fields, type-checked: a missing or mistyped field makes the change malformed.
class Row {
public:
    explicit Row(QJsonObject object)
        : m_o(std::move(object))
    {
    }
    std::optional<qint64> id(const char *key) const
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isDouble())
            return std::nullopt;
        const double d = v.toDouble();
        if (d < 1 || d > 9007199254740992.0 || d != double(qint64(d)))
            return std::nullopt;
        return qint64(d);
    }
    qint64 number(const char *key) const
    {
        return qint64(m_o.value(QLatin1String(key)).toDouble());
    }
    QString text(const char *key) const { return m_o.value(QLatin1String(key)).toString(); }
    bool flag(const char *key) const { return m_o.value(QLatin1String(key)).toBool(); }
    bool isString(const char *key) const { return m_o.value(QLatin1String(key)).isString(); }
    QJsonObject object(const char *key) const { return m_o.value(QLatin1String(key)).toObject(); }

private:
    QJsonObject m_o;
};

// The account's conversations and messages out of the local store, with their team ids (a later
// change of the account reads them into fresh rows); the account row stays, removed.
Status dropAccountRows(WriteContext &context, const QString &igId)
{
    const QString conversations
        = QStringLiteral("(SELECT id FROM conversations WHERE account_id = ?)");
    const QString messages = QStringLiteral("(SELECT id FROM messages WHERE account_id = ?)");
    for (const QString &sql : {
             QStringLiteral("DELETE FROM team_rows WHERE entity IN ('message', 'note', "
                            "'sent_reply') AND local_id IN %1")
                 .arg(messages),
             QStringLiteral("DELETE FROM team_rows WHERE entity = 'conversation_seen' AND "
                            "team_id IN (SELECT team_id FROM team_rows WHERE entity = "
                            "'conversation' AND local_id IN %1)")
                 .arg(conversations),
             QStringLiteral("DELETE FROM team_rows WHERE entity = 'conversation' AND "
                            "local_id IN %1")
                 .arg(conversations),
         }) {
        if (auto q = context.session.run(sql, { igId }); !q)
            return std::unexpected(q.error());
    }
    // Lists the conversations as removed and marks the account removed; then the rows go (their
    // messages, attachments and reactions by ON DELETE CASCADE).
    if (auto ok = context.directory.removeAccount(igId, false, context.change); !ok)
        return ok;
    auto q = context.session.run(
        QStringLiteral("DELETE FROM conversations WHERE account_id = ?"), { igId });
    if (!q)
        return std::unexpected(q.error());
    context.session.forgetCaches();
    return {};
}

class Applier {
public:
    Applier(WriteContext &c, QString agentRole, const QHash<QString, QString> &names)
        : m_c(c)
        , m_agent(std::move(agentRole))
        , m_names(names)
    {
    }

    Status apply(const Change &change)
    {
        if (change.op != QLatin1Char('I') && change.op != QLatin1Char('U')
            && change.op != QLatin1Char('D'))
            return std::unexpected(malformed(change, QStringLiteral("unknown operation")));
        if (change.op == QLatin1Char('D'))
            return applyDelete(change);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(change.rowData, &error);
        if (!doc.isObject())
            return std::unexpected(
                malformed(change, QStringLiteral("row_data is not a JSON object")));
        const Row row(doc.object());
        if (row.id("id") != change.entityId)
            return std::unexpected(
                malformed(change, QStringLiteral("row id differs from entity_id")));
        if (change.entity == QLatin1String("accounts"))
            return account(change, row);
        if (change.entity == QLatin1String("contacts"))
            return contact(change, row);
        if (change.entity == QLatin1String("conversations"))
            return conversation(change, row);
        if (change.entity == QLatin1String("messages"))
            return message(change, row);
        if (change.entity == QLatin1String("outbox"))
            return outbox(change, row);
        if (change.entity == QLatin1String("assignments"))
            return assignment(change, row);
        if (change.entity == QLatin1String("notes"))
            return note(change, row);
        if (change.entity == QLatin1String("conversation_status"))
            return status(change, row);
        if (change.entity == QLatin1String("conversation_done"))
            return done(change, row);
        if (change.entity == QLatin1String("labels"))
            return label(change, row);
        if (change.entity == QLatin1String("conversation_labels"))
            return conversationLabel(change, row);
        if (change.entity == QLatin1String("saved_replies"))
            return savedReply(change, row);
        return std::unexpected(malformed(change, QStringLiteral("unknown entity")));
    }

private:
    struct Mapped {
        qint64 localId = 0;
        QString key;
    };

    Result<std::optional<Mapped>> mapped(const QString &entity, qint64 teamId)
    {
        auto q = m_c.session.run(QStringLiteral("SELECT local_id, local_key FROM team_rows "
                                                "WHERE entity = ? AND team_id = ?"),
            { entity, teamId });
        if (!q)
            return std::unexpected(q.error());
        std::optional<Mapped> out;
        if ((*q)->next())
            out = Mapped { (*q)->value(0).toLongLong(), (*q)->value(1).toString() };
        (*q)->finish();
        return out;
    }
    Status map(const QString &entity, qint64 teamId, qint64 localId, const QString &key)
    {
        auto q
            = m_c.session.run(QStringLiteral("INSERT OR REPLACE INTO team_rows (entity, "
                                             "team_id, local_id, local_key) VALUES (?, ?, ?, ?)"),
                { entity, teamId, localId, inlet::sql::text(key) });
        if (!q)
            return std::unexpected(q.error());
        return {};
    }
    // The local key of a row this one refers to; malformed when the replica never received it
    // (an account granted after its rows were logged, or a parent that was itself malformed).
    Result<Mapped> parent(const Change &c, const QString &entity, std::optional<qint64> teamId)
    {
        if (!teamId)
            return std::unexpected(malformed(c, QStringLiteral("no %1 id").arg(entity)));
        auto m = mapped(entity, *teamId);
        if (!m)
            return std::unexpected(m.error());
        if (!*m) {
            return std::unexpected(malformed(
                c, QStringLiteral("refers to %1 %2, not replicated").arg(entity).arg(*teamId)));
        }
        return **m;
    }

    // The row's Instagram id in `field` (required), mapped as the local key of `entity`.
    Result<QString> mapKey(
        const Change &c, const Row &row, const char *field, const QString &entity)
    {
        const QString key = row.text(field);
        if (key.isEmpty())
            return std::unexpected(malformed(c, QStringLiteral("no %1").arg(QLatin1String(field))));
        if (auto ok = map(entity, c.entityId, 0, key); !ok)
            return std::unexpected(ok.error());
        return key;
    }

    Status account(const Change &c, const Row &row)
    {
        auto mappedId = mapKey(c, row, "ig_user_id", QStringLiteral("account"));
        if (!mappedId)
            return std::unexpected(mappedId.error());
        const QString &igId = *mappedId;
        if (row.flag("removed"))
            return dropAccountRows(m_c, igId); // disconnected: its rows leave every replica
        Account a;
        a.id = igId;
        a.username = row.text("username");
        a.name = row.text("name");
        a.profilePictureUrl = row.text("profile_picture_url");
        a.needsSignIn = row.flag("needs_sign_in");
        return m_c.directory.upsertAccount(a, m_c.change);
    }

    Status contact(const Change &c, const Row &row)
    {
        auto mappedId = mapKey(c, row, "igsid", QStringLiteral("contact"));
        if (!mappedId)
            return std::unexpected(mappedId.error());
        const QString &igsid = *mappedId;
        Contact contact;
        contact.id = igsid;
        contact.name = row.text("name");
        contact.username = row.text("username");
        contact.profilePicUrl = row.text("profile_pic_url");
        contact.followerCount = int(row.number("follower_count"));
        contact.followsBusiness = row.flag("follows_business");
        contact.businessFollows = row.flag("business_follows");
        contact.verified = row.flag("verified");
        if (const qint64 fetched = row.number("fetched_ms"); fetched > 0)
            contact.fetchedAt = QDateTime::fromMSecsSinceEpoch(fetched);
        return m_c.directory.upsertContact(contact, m_c.change);
    }

    Status conversation(const Change &c, const Row &row)
    {
        auto account = parent(c, QStringLiteral("account"), row.id("account_id"));
        if (!account)
            return std::unexpected(account.error());
        auto customer = parent(c, QStringLiteral("contact"), row.id("contact_id"));
        if (!customer)
            return std::unexpected(customer.error());
        auto local = m_c.session.ensureConversation(account->key, customer->key);
        if (!local)
            return std::unexpected(local.error());
        if (auto ok = map(QStringLiteral("conversation"), c.entityId, *local, account->key); !ok)
            return ok;
        if (const QString ig = row.text("ig_conversation_id"); !ig.isEmpty()) {
            if (auto ok
                = m_c.directory.linkConversation(account->key, customer->key, ig, m_c.change);
                !ok)
                return ok;
        }
        // Read by an agent (mark_seen sent by the server): read here too, once per new time.
        if (const qint64 seen = row.number("business_seen_ms"); seen > 0) {
            auto applied = mapped(QStringLiteral("conversation_seen"), c.entityId);
            if (!applied)
                return std::unexpected(applied.error());
            if (!*applied || (*applied)->localId < seen) {
                // Read up to that time: what came in later stays unread here too.
                auto q = m_c.session.run(
                    QStringLiteral(
                        "UPDATE conversations SET read_up_to_ms = MAX(read_up_to_ms, ?), "
                        "marked_unread = 0, unread_count = (SELECT count(*) FROM messages m "
                        "WHERE m.conversation_id = conversations.id AND m.outgoing = 0 "
                        "AND m.created_ms > MAX(conversations.read_up_to_ms, ?)) WHERE id = ?"),
                    { seen, seen, *local });
                if (!q)
                    return std::unexpected(q.error());
                if (auto ok = map(QStringLiteral("conversation_seen"), c.entityId, seen, {}); !ok)
                    return ok;
            }
        }
        m_c.change.addConversation(*local);
        return {};
    }

    // The conversation's assignee (an agent's role; NULL: nobody).
    Status assignment(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        const QString assignee = row.isString("assignee") ? row.text("assignee") : QString();
        auto q = m_c.session.run(
            QStringLiteral("UPDATE conversations SET assignee = ? WHERE id = ? AND assignee <> ?"),
            { inlet::sql::text(assignee), conversation->localId, inlet::sql::text(assignee) });
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->numRowsAffected() > 0)
            m_c.change.addConversation(conversation->localId);
        return {};
    }

    // An internal note into the conversation's timeline (found again by its client_id).
    Status note(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        notes::NewNote n;
        n.conversationId = conversation->localId;
        n.text = row.text("body");
        n.author = row.text("author");
        n.createdMs = row.number("created_ms");
        n.clientId = row.text("client_id");
        if (n.text.isEmpty() || n.clientId.isEmpty())
            return std::unexpected(
                malformed(c, QStringLiteral("a note without body or client_id")));
        auto local = notes::insert(m_c, n);
        if (!local)
            return std::unexpected(local.error());
        return map(QStringLiteral("note"), c.entityId, *local, n.clientId);
    }

    // The conversation's status as the team set it (docs/triage.md, "Team mode"). A snooze that
    // has ended is stored as it is: this desktop's SnoozeWaker opens it at once, as every
    // replica does at that time.
    Status status(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        const QString name = row.text("status");
        ConversationStatus status = ConversationStatus::Open;
        if (name == QLatin1String("done"))
            status = ConversationStatus::Done;
        else if (name == QLatin1String("snoozed"))
            status = ConversationStatus::Snoozed;
        else if (name != QLatin1String("open"))
            return std::unexpected(malformed(c, QStringLiteral("unknown status %1").arg(name)));
        const qint64 until
            = status == ConversationStatus::Snoozed ? row.number("snoozed_until_ms") : 0;
        const QString by = row.isString("changed_by") ? row.text("changed_by") : QString();
        auto q = m_c.session.run(
            QStringLiteral("UPDATE conversations SET status = ?, snoozed_until_ms = ?, "
                           "status_through_ms = ?, status_by = ? WHERE id = ?"),
            { int(status), until, row.number("through_ms"), inlet::sql::text(by),
                conversation->localId });
        if (!q)
            return std::unexpected(q.error());
        m_c.change.addConversation(conversation->localId);
        m_c.change.snoozesChanged = true;
        return {};
    }

    // A moment the conversation was marked Done, by whom (the report's time to Done per agent).
    Status done(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        auto known = mapped(QStringLiteral("done"), c.entityId);
        if (!known)
            return std::unexpected(known.error());
        if (*known)
            return {}; // the history only grows: applied before
        auto q = m_c.session.run(QStringLiteral("INSERT INTO conversation_done (conversation_id, "
                                                "done_ms, agent) VALUES (?, ?, ?)"),
            { conversation->localId, row.number("done_ms"),
                inlet::sql::text(row.text("agent_role")) });
        if (!q)
            return std::unexpected(q.error());
        const qint64 local = (*q)->lastInsertId().toLongLong();
        (*q)->finish();
        return map(QStringLiteral("done"), c.entityId, local, {});
    }

    // The local id of a row found by a unique name (labels by name, replies by shortcut).
    Result<qint64> localByName(const QString &sql, const QString &name)
    {
        auto q = m_c.session.run(sql, { name });
        if (!q)
            return std::unexpected(q.error());
        const qint64 id = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
        (*q)->finish();
        return id;
    }

    // Runs `sql`; the rows it changed.
    Result<int> run(const QString &sql, const QVariantList &values)
    {
        auto q = m_c.session.run(sql, values);
        if (!q)
            return std::unexpected(q.error());
        const int rows = (*q)->numRowsAffected();
        (*q)->finish();
        return rows;
    }

    // Upserts a team-wide row (a label, a saved reply) into its local table: the row it became
    // before, else a local row of the same unique name (this desktop's own from solo mode: it
    // becomes the team's), else a new one. Another local row holding the name is dropped (names
    // are unique in the team database too, more strictly: lower() there, ASCII NOCASE here).
    Result<qint64> upsertTeamWide(const Change &c, const QString &entity, const QString &table,
        const QString &uniqueColumn, const QString &name, const QStringList &columns,
        const QVariantList &values)
    {
        auto known = mapped(entity, c.entityId);
        if (!known)
            return std::unexpected(known.error());
        qint64 holder = 0;
        if (!name.isEmpty()) {
            auto h = localByName(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? COLLATE NOCASE")
                                     .arg(table, uniqueColumn),
                name);
            if (!h)
                return std::unexpected(h.error());
            holder = *h;
        }
        qint64 local = *known ? (*known)->localId : holder;
        if (*known && holder != 0 && holder != local) {
            if (entity == QLatin1String("label")) {
                auto carrying = conversationsWithLabel(holder);
                if (!carrying)
                    return std::unexpected(carrying.error());
                if (auto off = run(QStringLiteral("DELETE FROM conversation_labels WHERE "
                                                  "label_id = ?"),
                        { holder });
                    !off)
                    return std::unexpected(off.error());
            }
            if (auto gone
                = run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), { holder });
                !gone)
                return std::unexpected(gone.error());
        }
        QStringList sets;
        for (const QString &column : columns)
            sets.append(column + QStringLiteral(" = ?"));
        int rows = 0;
        if (local != 0) {
            auto updated = run(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                   .arg(table, sets.join(QStringLiteral(", "))),
                values + QVariantList { local });
            if (!updated)
                return std::unexpected(updated.error());
            rows = *updated;
        }
        if (rows == 0) {
            QStringList marks;
            for (qsizetype i = 0; i < columns.size(); ++i)
                marks.append(QStringLiteral("?"));
            auto q = m_c.session.run(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                         .arg(table, columns.join(QStringLiteral(", ")),
                                             marks.join(QStringLiteral(", "))),
                values);
            if (!q)
                return std::unexpected(q.error());
            local = (*q)->lastInsertId().toLongLong();
            (*q)->finish();
        }
        if (auto ok = map(entity, c.entityId, local, {}); !ok)
            return std::unexpected(ok.error());
        return local;
    }

    // The conversations carrying a local label (their rows show the change); announced.
    Result<QList<qint64>> conversationsWithLabel(qint64 labelId)
    {
        auto q = m_c.session.run(
            QStringLiteral("SELECT conversation_id FROM conversation_labels WHERE label_id = ?"),
            { labelId });
        if (!q)
            return std::unexpected(q.error());
        QList<qint64> ids;
        while ((*q)->next())
            ids.append((*q)->value(0).toLongLong());
        (*q)->finish();
        for (qint64 id : std::as_const(ids))
            m_c.change.addConversation(id);
        return ids;
    }

    Status label(const Change &c, const Row &row)
    {
        const QString name = normalizedLabelName(row.text("name"));
        const QString colour = row.text("colour").toLower();
        if (problemOf(Label { 0, name, colour }))
            return std::unexpected(malformed(c, QStringLiteral("a label without name or colour")));
        auto local = upsertTeamWide(c, QStringLiteral("label"), QStringLiteral("labels"),
            QStringLiteral("name"), name,
            { QStringLiteral("name"), QStringLiteral("colour"), QStringLiteral("updated_ms") },
            { name, colour, QDateTime::currentMSecsSinceEpoch() });
        if (!local)
            return std::unexpected(local.error());
        if (auto carrying = conversationsWithLabel(*local); !carrying)
            return std::unexpected(carrying.error());
        m_c.change.labelsChanged = true;
        return {};
    }

    Status conversationLabel(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        auto label = parent(c, QStringLiteral("label"), row.id("label_id"));
        if (!label)
            return std::unexpected(label.error());
        auto rows = run(QStringLiteral("INSERT OR IGNORE INTO conversation_labels "
                                       "(conversation_id, label_id) SELECT ?, id FROM labels "
                                       "WHERE id = ?"),
            { conversation->localId, label->localId });
        if (!rows)
            return std::unexpected(rows.error());
        if (auto ok = map(QStringLiteral("conversation_label"), c.entityId, conversation->localId,
                QString::number(label->localId));
            !ok)
            return ok;
        if (*rows > 0) {
            m_c.change.addConversation(conversation->localId);
            m_c.change.labelsChanged = true;
        }
        return {};
    }

    Status savedReply(const Change &c, const Row &row)
    {
        SavedReply reply;
        reply.title = row.text("title").trimmed();
        reply.shortcut = normalizedShortcut(row.text("shortcut"));
        reply.text = row.text("body");
        if (problemOf(reply))
            return std::unexpected(malformed(c, QStringLiteral("an incomplete saved reply")));
        auto local = upsertTeamWide(c, QStringLiteral("saved_reply"),
            QStringLiteral("saved_replies"), QStringLiteral("shortcut"), reply.shortcut,
            { QStringLiteral("title"), QStringLiteral("shortcut"), QStringLiteral("text"),
                QStringLiteral("updated_ms") },
            { reply.title, reply.shortcut, reply.text, row.number("updated_ms") });
        if (!local)
            return std::unexpected(local.error());
        m_c.change.savedRepliesChanged = true;
        return {};
    }

    // A label, a label on a conversation or a saved reply deleted in the team database.
    Status deleteTeamRow(const Change &c)
    {
        static const QHash<QString, QString> entities {
            { QStringLiteral("labels"), QStringLiteral("label") },
            { QStringLiteral("conversation_labels"), QStringLiteral("conversation_label") },
            { QStringLiteral("saved_replies"), QStringLiteral("saved_reply") },
        };
        const QString entity = entities.value(c.entity);
        auto m = mapped(entity, c.entityId);
        if (!m)
            return std::unexpected(m.error());
        if (!*m)
            return {}; // never replicated here
        const qint64 local = (*m)->localId;
        if (entity == QLatin1String("label")) {
            if (auto carrying = conversationsWithLabel(local); !carrying)
                return std::unexpected(carrying.error());
            for (const QString &sql : { QStringLiteral("DELETE FROM conversation_labels WHERE "
                                                       "label_id = ?"),
                     QStringLiteral("DELETE FROM labels WHERE id = ?") }) {
                if (auto rows = run(sql, { local }); !rows)
                    return std::unexpected(rows.error());
            }
            m_c.change.labelsChanged = true;
        } else if (entity == QLatin1String("conversation_label")) {
            auto rows = run(QStringLiteral("DELETE FROM conversation_labels WHERE "
                                           "conversation_id = ? AND label_id = ?"),
                { local, (*m)->key.toLongLong() });
            if (!rows)
                return std::unexpected(rows.error());
            if (*rows > 0) {
                m_c.change.addConversation(local);
                m_c.change.labelsChanged = true;
            }
        } else {
            if (auto rows
                = run(QStringLiteral("DELETE FROM saved_replies WHERE id = ?"), { local });
                !rows)
                return std::unexpected(rows.error());
            m_c.change.savedRepliesChanged = true;
        }
        auto q = m_c.session.run(
            QStringLiteral("DELETE FROM team_rows WHERE entity = ? AND team_id = ?"),
            { entity, c.entityId });
        if (!q)
            return std::unexpected(q.error());
        return {};
    }

    Status message(const Change &c, const Row &row)
    {
        auto conversation = parent(c, QStringLiteral("conversation"), row.id("conversation_id"));
        if (!conversation)
            return std::unexpected(conversation.error());
        const QString accountId = conversation->key;
        const QString mid = row.text("mid");
        if (mid.isEmpty())
            return {}; // an outgoing message not sent yet: it comes again with its mid
        const bool outgoing = row.flag("outgoing");
        const QString text = row.text("text");
        const bool deleted = row.flag("deleted");
        const int editCount = int(row.number("edit_count"));
        QJsonObject meta = row.object("meta");
        const QString sentBy = row.isString("sent_by") ? row.text("sent_by") : QString();
        if (!sentBy.isEmpty()) {
            meta.insert(QStringLiteral("sent_by"), sentBy);
            meta.insert(QStringLiteral("sent_by_name"), nameOf(sentBy));
        } else if (outgoing)
            meta.insert(QStringLiteral("sent_elsewhere"), true); // the Instagram app's echo

        auto existing = m_c.session.findByMid(accountId, mid);
        if (!existing)
            return std::unexpected(existing.error());
        qint64 localId = 0;
        if (*existing) {
            localId = (*existing)->id;
            if ((*existing)->text != text || (*existing)->deleted != deleted
                || (*existing)->editCount != editCount) {
                auto q
                    = m_c.session.run(QStringLiteral("UPDATE messages SET text = ?, deleted = ?, "
                                                     "edit_count = ? WHERE id = ?"),
                        { inlet::sql::text(text), deleted ? 1 : 0, editCount, localId });
                if (!q)
                    return std::unexpected(q.error());
                m_c.change.addMessage(conversation->localId, localId);
            }
            // The echo stored first, then the server recorded which agent sent it.
            if (!sentBy.isEmpty()) {
                auto q = m_c.session.run(
                    QStringLiteral(
                        "UPDATE messages SET meta_json = json_remove(json_set(meta_json, "
                        "'$.sent_by', ?, '$.sent_by_name', ?), '$.sent_elsewhere') WHERE id = ? "
                        "AND json_extract(meta_json, '$.sent_by') IS NOT ?"),
                    { inlet::sql::text(sentBy), nameOf(sentBy), localId,
                        inlet::sql::text(sentBy) });
                if (!q)
                    return std::unexpected(q.error());
                if ((*q)->numRowsAffected() > 0)
                    m_c.change.addMessage(conversation->localId, localId);
            }
        } else {
            NewMessageRow m;
            m.conversationId = conversation->localId;
            m.accountId = accountId;
            m.mid = mid;
            const qint64 kind = row.number("kind");
            m.kind = kind >= 0 && kind <= 2 ? MessageKind(kind) : MessageKind::Message;
            m.outgoing = outgoing;
            m.text = text;
            m.createdMs = row.number("created_ms");
            m.state = outgoing ? MessageState::Sent : MessageState::Received;
            m.replyToMid = row.text("reply_to_mid");
            m.attachments = attachmentsOf(meta);
            meta.remove(QStringLiteral("attachments")); // rows of their own, as for a webhook
            m.meta = meta;
            auto inserted = m_c.session.insertMessage(m);
            if (!inserted)
                return std::unexpected(inserted.error());
            if (!*inserted)
                return {}; // raced by nothing on this thread; kept for the conflict clause
            localId = **inserted;
            if (deleted || editCount > 0) {
                auto q = m_c.session.run(
                    QStringLiteral("UPDATE messages SET deleted = ?, edit_count = ? WHERE id = ?"),
                    { deleted ? 1 : 0, editCount, localId });
                if (!q)
                    return std::unexpected(q.error());
            }
            m_c.change.addMessage(conversation->localId, localId);
        }
        if (auto ok = map(QStringLiteral("message"), c.entityId, localId, mid); !ok)
            return ok;
        if (auto ok = reactions(conversation->localId, localId, accountId, meta); !ok)
            return ok;
        // Our own reply whose outbox row said "sent" before this row came: merge it now.
        if (outgoing) {
            auto waiting = mapped(QStringLiteral("sent_reply"), c.entityId);
            if (!waiting)
                return std::unexpected(waiting.error());
            if (*waiting)
                return markSent((*waiting)->localId, mid, row.text("sent_by"));
        }
        return {};
    }

    // Attachments as the server keeps them in meta.attachments ([{type, url, title, payload}]);
    // entries that are not objects are left out.
    static QList<AttachmentData> attachmentsOf(const QJsonObject &meta)
    {
        QList<AttachmentData> out;
        const QJsonArray list = meta.value(QStringLiteral("attachments")).toArray();
        for (const QJsonValue &v : list) {
            if (!v.isObject())
                continue;
            const QJsonObject a = v.toObject();
            out.append({ a.value(QStringLiteral("type")).toString(),
                a.value(QStringLiteral("url")).toString(),
                a.value(QStringLiteral("title")).toString(),
                a.value(QStringLiteral("payload")).toObject() });
        }
        return out;
    }

    // One reactor's reaction from the message's meta into `reactions` (the newest wins, as for
    // a webhook's); `present` false removes it.
    Result<bool> react(qint64 messageId, const QString &reactor, const QJsonObject &r, bool present)
    {
        const bool removed = !present || r.value(QStringLiteral("removed")).toBool();
        const QString reaction
            = removed ? QString() : r.value(QStringLiteral("reaction")).toString();
        QString emoji = removed ? QString() : r.value(QStringLiteral("emoji")).toString();
        if (!removed && emoji.isEmpty())
            emoji = reactions::display(reaction, emoji);
        auto q = present
            ? m_c.session.run(QStringLiteral(R"(INSERT INTO reactions(message_id, reactor_id,
                    reaction, emoji, reacted_ms, removed) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(message_id, reactor_id) DO UPDATE SET reaction = excluded.reaction,
                    emoji = excluded.emoji, reacted_ms = excluded.reacted_ms,
                    removed = excluded.removed
                    WHERE excluded.reacted_ms >= reactions.reacted_ms
                    AND (excluded.removed != reactions.removed
                         OR excluded.reaction != reactions.reaction
                         OR excluded.emoji != reactions.emoji))"),
                { messageId, reactor, inlet::sql::text(reaction), inlet::sql::text(emoji),
                    qint64(r.value(QStringLiteral("reacted_ms")).toDouble()), removed ? 1 : 0 })
            : m_c.session.run(QStringLiteral("UPDATE reactions SET removed = 1, reaction = '', "
                                             "emoji = '' WHERE message_id = ? AND reactor_id = ? "
                                             "AND removed = 0"),
                { messageId, reactor });
        if (!q)
            return std::unexpected(q.error());
        return (*q)->numRowsAffected() > 0;
    }

    // The customer's reaction (meta.customer_reaction, gone when unreacted) and the business's
    // (meta.business_reaction, written by the server once sent; never removed by its absence:
    // this replica's own optimistic one stays until the server's answer).
    Status reactions(
        qint64 conversationId, qint64 messageId, const QString &accountId, const QJsonObject &meta)
    {
        auto customer
            = m_c.session.run(QStringLiteral("SELECT customer_id FROM conversations WHERE id = ?"),
                { conversationId });
        if (!customer)
            return std::unexpected(customer.error());
        const QString customerId
            = (*customer)->next() ? (*customer)->value(0).toString() : QString();
        (*customer)->finish();
        bool changed = false;
        if (!customerId.isEmpty()) {
            const QJsonValue theirs = meta.value(QStringLiteral("customer_reaction"));
            auto done = react(messageId, customerId, theirs.toObject(), theirs.isObject());
            if (!done)
                return std::unexpected(done.error());
            changed = *done;
        }
        const QJsonValue ours = meta.value(QStringLiteral("business_reaction"));
        if (ours.isObject()) {
            auto done = react(messageId, accountId, ours.toObject(), true);
            if (!done)
                return std::unexpected(done.error());
            changed = changed || *done;
        }
        if (changed)
            m_c.change.addMessage(conversationId, messageId);
        return {};
    }

    Status markSent(qint64 localId, const QString &mid, const QString &sentBy)
    {
        if (auto ok = m_c.outbox.markSent(localId, mid, m_c.change); !ok)
            return ok;
        auto q = m_c.session.run(
            QStringLiteral("UPDATE messages SET meta_json = json_set(meta_json, '$.sent_by', ?, "
                           "'$.sent_by_name', ?) WHERE id = ?"),
            { inlet::sql::text(sentBy), nameOf(sentBy), localId });
        if (!q)
            return std::unexpected(q.error());
        return {};
    }

    Status outbox(const Change &c, const Row &row)
    {
        // Another agent's queue: its messages arrive as message rows once sent.
        if (row.text("agent_role") != m_agent)
            return {};
        const QString clientId = row.text("client_id");
        auto local = m_c.session.run(
            QStringLiteral("SELECT id FROM messages WHERE client_id = ? AND outgoing = 1"),
            { clientId });
        if (!local)
            return std::unexpected(local.error());
        const qint64 localId = (*local)->next() ? (*local)->value(0).toLongLong() : 0;
        (*local)->finish();
        if (localId == 0)
            return {}; // written by this agent from another desktop (or before a reinstall)
        const QString state = row.text("state");
        if (state == QLatin1String("failed")) {
            // The server's SendFailure JSON, worded by the app like a failure of its own.
            QString reason = row.text("error_text");
            if (reason.isEmpty()) {
                reason = SendFailure { SendFailure::Stage::Send,
                    Error::make(
                        Error::Kind::Invalid, QStringLiteral("the team server could not send it")) }
                             .encode();
            }
            return m_c.outbox.markFailed(localId, reason, false, 0, m_c.change);
        }
        if (state != QLatin1String("sent"))
            return {}; // queued, sending: the local row already shows it is on its way
        const std::optional<qint64> messageId = row.id("message_id");
        if (!messageId)
            return std::unexpected(malformed(c, QStringLiteral("sent without message_id")));
        auto message = mapped(QStringLiteral("message"), *messageId);
        if (!message)
            return std::unexpected(message.error());
        if (!*message) // the message row comes later in the log: merged then
            return map(QStringLiteral("sent_reply"), *messageId, localId, clientId);
        return markSent(localId, (*message)->key, m_agent);
    }

    Status applyDelete(const Change &c)
    {
        if (c.entity == QLatin1String("labels") || c.entity == QLatin1String("conversation_labels")
            || c.entity == QLatin1String("saved_replies"))
            return deleteTeamRow(c);
        if (c.entity == QLatin1String("notes"))
            return deleteNote(c);
        if (c.entity != QLatin1String("messages"))
            return {}; // accounts are removed by a flag; conversations and contacts stay local
        auto m = mapped(QStringLiteral("message"), c.entityId);
        if (!m)
            return std::unexpected(m.error());
        if (!*m)
            return {};
        auto q = m_c.session.run(
            QStringLiteral("DELETE FROM messages WHERE id = ?"), { (*m)->localId });
        if (!q)
            return std::unexpected(q.error());
        m_c.change.removedMessageIds.append((*m)->localId);
        return {};
    }

    // A note its author deleted: out of the timeline (an edit comes as an update, note()).
    Status deleteNote(const Change &c)
    {
        auto m = mapped(QStringLiteral("note"), c.entityId);
        if (!m)
            return std::unexpected(m.error());
        if (!*m)
            return {};
        Status removed = notes::remove(m_c, (*m)->localId);
        if (!removed && removed.error().kind == Error::Kind::Invalid)
            return {}; // not in the timeline any more
        return removed;
    }

    // The agent's display name for the bubble, falling back to its role.
    QString nameOf(const QString &role) const
    {
        const QString name = m_names.value(role);
        return name.isEmpty() ? role : name;
    }

    WriteContext &m_c;
    QString m_agent;
    const QHash<QString, QString> &m_names;
};

} // namespace

Result<qint64> lastSeq(WriteContext &context)
{
    auto q
        = context.session.run(QStringLiteral("SELECT last_seq FROM team_replica WHERE id = 1"), {});
    if (!q)
        return std::unexpected(q.error());
    const qint64 seq = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return seq;
}

Status renameAgents(WriteContext &context, const QHash<QString, QString> &changed)
{
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const QString name = it.value().isEmpty() ? it.key() : it.value();
        auto rows = context.session.run(
            QStringLiteral("SELECT id, conversation_id FROM messages WHERE outgoing = 1 AND "
                           "json_extract(meta_json, '$.sent_by') = ? AND "
                           "json_extract(meta_json, '$.sent_by_name') IS NOT ?"),
            { it.key(), name });
        if (!rows)
            return std::unexpected(rows.error());
        QList<std::pair<qint64, qint64>> ids;
        while ((*rows)->next())
            ids.append({ (*rows)->value(0).toLongLong(), (*rows)->value(1).toLongLong() });
        (*rows)->finish();
        for (const auto &[id, conversation] : std::as_const(ids)) {
            auto q = context.session.run(
                QStringLiteral("UPDATE messages SET meta_json = json_set(meta_json, "
                               "'$.sent_by_name', ?) WHERE id = ?"),
                { name, id });
            if (!q)
                return std::unexpected(q.error());
            context.change.addMessage(conversation, id);
        }
    }
    return {};
}

namespace {

// Applies `changes` above `after`; out.lastSeq is the last one looked at.
Result<Applied> applyAbove(WriteContext &context, const QList<Change> &changes,
    const QString &agentRole, const QHash<QString, QString> &agentNames, qint64 after)
{
    Applied out;
    out.lastSeq = after;
    Applier applier(context, agentRole, agentNames);
    for (const Change &change : changes) {
        if (change.seq <= out.lastSeq)
            continue;
        Status ok = applier.apply(change);
        if (!ok) {
            if (ok.error().kind != Error::Kind::Parse)
                return std::unexpected(ok.error());
            qCWarning(lcTeam).noquote()
                << "skipped a change the replica cannot apply:" << ok.error().message;
            ++out.skipped;
        } else {
            ++out.applied;
        }
        out.lastSeq = change.seq;
    }
    return out;
}

} // namespace

Result<Applied> apply(WriteContext &context, const QList<Change> &changes, const QString &agentRole,
    const QHash<QString, QString> &agentNames)
{
    auto stored = lastSeq(context);
    if (!stored)
        return std::unexpected(stored.error());
    auto out = applyAbove(context, changes, agentRole, agentNames, *stored);
    if (!out)
        return out;
    auto q = context.session.run(
        QStringLiteral("INSERT INTO team_replica (id, last_seq) VALUES (1, ?) "
                       "ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq"),
        { out->lastSeq });
    if (!q)
        return std::unexpected(q.error());
    return out;
}

Result<Applied> backfill(WriteContext &context, const QList<Change> &changes,
    const QString &agentRole, const QHash<QString, QString> &agentNames)
{
    auto out = applyAbove(context, changes, agentRole, agentNames, 0);
    if (!out)
        return out;
    auto stored = lastSeq(context);
    if (!stored)
        return std::unexpected(stored.error());
    out->lastSeq = *stored;
    return out;
}

Result<QList<qint64>> followedAccounts(WriteContext &context)
{
    auto q = context.session.run(QStringLiteral("SELECT team_id FROM team_rows WHERE "
                                                "entity = 'followed_account' ORDER BY team_id"),
        {});
    if (!q)
        return std::unexpected(q.error());
    QList<qint64> ids;
    while ((*q)->next())
        ids.append((*q)->value(0).toLongLong());
    (*q)->finish();
    return ids;
}

Status setFollowed(WriteContext &context, const QList<qint64> &accountIds)
{
    for (qint64 id : accountIds) {
        auto q = context.session.run(
            QStringLiteral("INSERT OR IGNORE INTO team_rows (entity, team_id, local_id, "
                           "local_key) VALUES ('followed_account', ?, 0, '')"),
            { id });
        if (!q)
            return std::unexpected(q.error());
    }
    return {};
}

Status forgetAccount(WriteContext &context, qint64 teamAccountId)
{
    auto key = context.session.run(
        QStringLiteral("SELECT local_key FROM team_rows WHERE entity = 'account' AND team_id = ?"),
        { teamAccountId });
    if (!key)
        return std::unexpected(key.error());
    const QString igId = (*key)->next() ? (*key)->value(0).toString() : QString();
    (*key)->finish();
    if (!igId.isEmpty()) {
        if (auto ok = dropAccountRows(context, igId); !ok)
            return ok;
    }
    auto q = context.session.run(
        QStringLiteral("DELETE FROM team_rows WHERE entity = 'followed_account' AND team_id = ?"),
        { teamAccountId });
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<qint64> teamIdOf(WriteContext &context, const QString &entity, qint64 localId)
{
    auto q = context.session.run(QStringLiteral("SELECT team_id FROM team_rows WHERE entity = ? "
                                                "AND local_id = ? ORDER BY team_id DESC LIMIT 1"),
        { entity, localId });
    if (!q)
        return std::unexpected(q.error());
    const qint64 id = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return id;
}

Result<qint64> localIdOf(WriteContext &context, const QString &entity, qint64 teamId)
{
    auto q = context.session.run(
        QStringLiteral("SELECT local_id FROM team_rows WHERE entity = ? AND team_id = ?"),
        { entity, teamId });
    if (!q)
        return std::unexpected(q.error());
    const qint64 id = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return id;
}

Result<QString> teamDatabase(WriteContext &context)
{
    auto q = context.session.run(QStringLiteral("SELECT local_key FROM team_rows WHERE "
                                                "entity = 'team_database' AND team_id = 0"),
        {});
    if (!q)
        return std::unexpected(q.error());
    const QString identity = (*q)->next() ? (*q)->value(0).toString() : QString();
    (*q)->finish();
    return identity;
}

Status setTeamDatabase(WriteContext &context, const QString &identity)
{
    auto q = context.session.run(
        QStringLiteral("INSERT OR REPLACE INTO team_rows (entity, team_id, local_id, local_key) "
                       "VALUES ('team_database', 0, 0, ?)"),
        { identity });
    if (!q)
        return std::unexpected(q.error());
    return {};
}

} // namespace inlet::team::replica
