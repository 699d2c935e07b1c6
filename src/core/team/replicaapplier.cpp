#include "team/replicaapplier.h"

#include "outbox/sendfailure.h"
#include "store/directorywriter.h"
#include "store/notewriter.h"
#include "store/outboxwriter.h"
#include "store/sqlutil.h"
#include "store/storewriter.h"
#include "store/writesession.h"
#include "team/teamsql.h"

#include <QDateTime>
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

class Applier {
public:
    Applier(WriteContext &c, QString agentRole)
        : m_c(c)
        , m_agent(std::move(agentRole))
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
            return m_c.directory.removeAccount(igId, false, m_c.change);
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
        if (!sentBy.isEmpty())
            meta.insert(QStringLiteral("sent_by"), sentBy);
        else if (outgoing)
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
                        "'$.sent_by', ?), '$.sent_elsewhere') WHERE id = ? AND "
                        "json_extract(meta_json, '$.sent_by') IS NOT ?"),
                    { inlet::sql::text(sentBy), localId, inlet::sql::text(sentBy) });
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

    Status markSent(qint64 localId, const QString &mid, const QString &sentBy)
    {
        if (auto ok = m_c.outbox.markSent(localId, mid, m_c.change); !ok)
            return ok;
        auto q = m_c.session.run(
            QStringLiteral("UPDATE messages SET meta_json = json_set(meta_json, '$.sent_by', ?) "
                           "WHERE id = ?"),
            { inlet::sql::text(sentBy), localId });
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

    WriteContext &m_c;
    QString m_agent;
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

Result<Applied> apply(WriteContext &context, const QList<Change> &changes, const QString &agentRole)
{
    auto stored = lastSeq(context);
    if (!stored)
        return std::unexpected(stored.error());
    Applied out;
    out.lastSeq = *stored;
    Applier applier(context, agentRole);
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
    auto q = context.session.run(
        QStringLiteral("INSERT INTO team_replica (id, last_seq) VALUES (1, ?) "
                       "ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq"),
        { out.lastSeq });
    if (!q)
        return std::unexpected(q.error());
    return out;
}

} // namespace inlet::team::replica
