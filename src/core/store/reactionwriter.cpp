#include "store/reactionwriter.h"

#include "common/logging.h"
#include "store/writesession.h"

namespace inlet {

namespace {

const QString kColumns = QStringLiteral(
    "id, account_id, customer_id, message_id, mid, action, reaction, emoji, state, attempts, "
    "next_attempt_ms, error_text, enqueued_ms FROM reaction_queue");

QueuedReaction fromRow(const QSqlQuery &q)
{
    QueuedReaction r;
    r.id = q.value(0).toLongLong();
    r.accountId = q.value(1).toString();
    r.customerId = q.value(2).toString();
    r.messageId = q.value(3).toLongLong();
    r.mid = q.value(4).toString();
    r.remove = q.value(5).toString() == QLatin1String("unreact");
    r.reaction = q.value(6).toString();
    r.emoji = q.value(7).toString();
    r.state = MessageState(q.value(8).toInt());
    r.attempts = q.value(9).toInt();
    r.nextAttemptMs = q.value(10).toLongLong();
    r.errorText = q.value(11).toString();
    r.enqueuedMs = q.value(12).toLongLong();
    return r;
}

// The message a reaction is about, as far as the queue needs it.
struct Target {
    QString accountId;
    QString customerId;
    QString mid;
    qint64 conversationId = 0;
    bool deleted = false;
};

Result<std::optional<Target>> targetOf(WriteSession &session, qint64 messageId)
{
    auto q = session.run(
        QStringLiteral("SELECT m.account_id, c.customer_id, m.mid, m.conversation_id, "
                       "m.deleted FROM messages m JOIN conversations c "
                       "ON c.id = m.conversation_id WHERE m.id = ?"),
        { messageId });
    if (!q)
        return std::unexpected(q.error());
    std::optional<Target> t;
    if ((*q)->next())
        t = Target { (*q)->value(0).toString(), (*q)->value(1).toString(),
            (*q)->value(2).toString(), (*q)->value(3).toLongLong(), (*q)->value(4).toBool() };
    (*q)->finish();
    return t;
}

Status runAll(WriteSession &session, const QList<std::pair<QString, QVariantList>> &steps)
{
    for (const auto &[sql, values] : steps) {
        if (auto q = session.run(sql, values); !q)
            return std::unexpected(q.error());
    }
    return {};
}

} // namespace

Result<QList<QueuedReaction>> ReactionWriter::select(
    const QString &condition, const QVariantList &values)
{
    auto q = m_session.run(QStringLiteral("SELECT ") + kColumns + condition, values);
    if (!q)
        return std::unexpected(q.error());
    QList<QueuedReaction> list;
    while ((*q)->next())
        list.append(fromRow(**q));
    (*q)->finish();
    return list;
}

Result<std::optional<QueuedReaction>> ReactionWriter::entry(qint64 id)
{
    auto found = select(QStringLiteral(" WHERE id = ?"), { id });
    if (!found)
        return std::unexpected(found.error());
    return found->isEmpty() ? std::nullopt : std::optional<QueuedReaction>(found->constFirst());
}

Result<QList<QueuedReaction>> ReactionWriter::entriesFor(qint64 messageId)
{
    return select(QStringLiteral(" WHERE message_id = ? ORDER BY id"), { messageId });
}

Result<QList<QueuedReaction>> ReactionWriter::all()
{
    return select(QStringLiteral(" ORDER BY id"), {});
}

Result<ReactionWriter::Snapshot> ReactionWriter::previousOf(qint64 id)
{
    auto q = m_session.run(
        QStringLiteral("SELECT prev_reaction, prev_emoji, prev_removed, prev_reacted_ms "
                       "FROM reaction_queue WHERE id = ?"),
        { id });
    if (!q)
        return std::unexpected(q.error());
    Snapshot s;
    if ((*q)->next())
        s = Snapshot { (*q)->value(0).toString(), (*q)->value(1).toString(),
            (*q)->value(2).toBool(), (*q)->value(3).toLongLong() };
    (*q)->finish();
    return s;
}

Status ReactionWriter::applyLocally(
    qint64 messageId, const QString &accountId, const Snapshot &reaction, StoreChange &change)
{
    auto target = targetOf(m_session, messageId);
    if (!target)
        return std::unexpected(target.error());
    if (!*target || (*target)->deleted)
        return {}; // unsent by the customer meanwhile: its reactions are gone for good
    auto q = m_session.run(
        QStringLiteral(R"(INSERT INTO reactions(message_id, reactor_id, reaction, emoji,
            reacted_ms, removed) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_id, reactor_id) DO UPDATE
            SET reaction = excluded.reaction, emoji = excluded.emoji, reacted_ms = excluded.reacted_ms,
            removed = excluded.removed)"),
        { messageId, accountId, sql::text(reaction.removed ? QString() : reaction.reaction),
            sql::text(reaction.removed ? QString() : reaction.emoji),
            reaction.reactedMs > 0 ? reaction.reactedMs : m_session.now(),
            reaction.removed ? 1 : 0 });
    if (!q)
        return std::unexpected(q.error());
    change.addMessage((*target)->conversationId, messageId);
    return {};
}

Result<EnqueuedReaction> ReactionWriter::enqueue(qint64 messageId, const QString &reaction,
    const QString &emoji, bool remove, StoreChange &change)
{
    if (!remove && reaction.isEmpty() && emoji.isEmpty())
        return fail(Error::Kind::Invalid, Error::Reason::NoReaction,
            QStringLiteral("a reaction needs a name or an emoji"));
    auto target = targetOf(m_session, messageId);
    if (!target)
        return std::unexpected(target.error());
    if (!*target)
        return fail(Error::Kind::Invalid, Error::Reason::NoSuchMessage,
            QStringLiteral("no message %1").arg(messageId));
    const Target &t = **target;
    if (t.mid.isEmpty())
        return fail(Error::Kind::Invalid, Error::Reason::MessageNotSentYet,
            QStringLiteral("the message is not on Instagram yet"));
    if (t.deleted)
        return fail(Error::Kind::Invalid, Error::Reason::MessageUnsent,
            QStringLiteral("the message was unsent"));

    auto existing = entriesFor(messageId);
    if (!existing)
        return std::unexpected(existing.error());
    EnqueuedReaction result;
    std::optional<QueuedReaction> inFlight;
    for (const QueuedReaction &e : std::as_const(*existing)) {
        if (e.state == MessageState::Sending)
            inFlight = e;
        else
            result.replacedIds.append(e.id);
    }
    // What Instagram has once everything before this intent is through: what the oldest replaced
    // intent would have restored, else what the one in flight sets, else the local row.
    Snapshot previous;
    if (!result.replacedIds.isEmpty()) {
        auto p = previousOf(result.replacedIds.constFirst());
        if (!p)
            return std::unexpected(p.error());
        previous = *p;
    } else if (inFlight) {
        previous = Snapshot { inFlight->reaction, inFlight->emoji, inFlight->remove,
            inFlight->enqueuedMs };
    } else {
        auto q = m_session.run(
            QStringLiteral("SELECT reaction, emoji, removed, reacted_ms FROM reactions "
                           "WHERE message_id = ? AND reactor_id = ?"),
            { messageId, t.accountId });
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->next())
            previous = Snapshot { (*q)->value(0).toString(), (*q)->value(1).toString(),
                (*q)->value(2).toBool(), (*q)->value(3).toLongLong() };
        (*q)->finish();
    }
    for (qint64 id : std::as_const(result.replacedIds)) {
        if (auto q
            = m_session.run(QStringLiteral("DELETE FROM reaction_queue WHERE id = ?"), { id });
            !q)
            return std::unexpected(q.error());
    }

    QueuedReaction &r = result.entry;
    r.accountId = t.accountId;
    r.customerId = t.customerId;
    r.messageId = messageId;
    r.mid = t.mid;
    r.remove = remove;
    r.reaction = remove ? QString() : (reaction.isEmpty() ? emoji : reaction);
    r.emoji = remove ? QString() : (emoji.isEmpty() ? reaction : emoji);
    r.enqueuedMs = m_session.now();
    auto q = m_session.run(
        QStringLiteral(R"(INSERT INTO reaction_queue(account_id, customer_id, message_id,
            mid, action, reaction, emoji, state, enqueued_ms, prev_reaction, prev_emoji, prev_removed,
            prev_reacted_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?))"),
        { r.accountId, r.customerId, messageId, r.mid,
            remove ? QStringLiteral("unreact") : QStringLiteral("react"), sql::text(r.reaction),
            sql::text(r.emoji), r.enqueuedMs, sql::text(previous.reaction),
            sql::text(previous.emoji), previous.removed ? 1 : 0, previous.reactedMs });
    if (!q)
        return std::unexpected(q.error());
    r.id = (*q)->lastInsertId().toLongLong();
    if (auto ok = applyLocally(
            messageId, r.accountId, Snapshot { r.reaction, r.emoji, remove, r.enqueuedMs }, change);
        !ok)
        return std::unexpected(ok.error());
    return result;
}

Result<bool> ReactionWriter::markSending(qint64 id)
{
    auto q = m_session.run(
        QStringLiteral("UPDATE reaction_queue SET state = 2, attempts = attempts + 1 "
                       "WHERE id = ? AND state IN (1, 2)"),
        { id });
    if (!q)
        return std::unexpected(q.error());
    return (*q)->numRowsAffected() > 0;
}

Status ReactionWriter::markSent(qint64 id)
{
    // The optimistic row in `reactions` is now what Instagram has too.
    return runAll(
        m_session, { { QStringLiteral("DELETE FROM reaction_queue WHERE id = ?"), { id } } });
}

Status ReactionWriter::markRetry(
    qint64 id, const QString &reason, int attempts, qint64 nextAttemptMs)
{
    return runAll(m_session,
        { { QStringLiteral("UPDATE reaction_queue SET state = 1, error_text = ?, attempts = ?, "
                           "next_attempt_ms = ? WHERE id = ? AND state IN (1, 2)"),
            { sql::text(reason), attempts, nextAttemptMs, id } } });
}

Result<ReactionFailure> ReactionWriter::markFailed(
    qint64 id, const QString &reason, StoreChange &change)
{
    auto e = entry(id);
    if (!e)
        return std::unexpected(e.error());
    if (!*e)
        return fail(Error::Kind::Invalid, QStringLiteral("no queued reaction %1").arg(id));
    auto previous = previousOf(id);
    if (!previous)
        return std::unexpected(previous.error());
    auto siblings = entriesFor((*e)->messageId);
    if (!siblings)
        return std::unexpected(siblings.error());
    for (const QueuedReaction &later : std::as_const(*siblings)) {
        if (later.id <= id)
            continue;
        // The manager changed their mind while this one was in flight: the newer intent is what
        // counts; it now restores what was there before this one, should it fail too.
        auto ok = runAll(m_session,
            { { QStringLiteral("UPDATE reaction_queue SET prev_reaction = ?, prev_emoji = ?, "
                               "prev_removed = ?, prev_reacted_ms = ? WHERE id = ?"),
                  { sql::text(previous->reaction), sql::text(previous->emoji),
                      previous->removed ? 1 : 0, previous->reactedMs, later.id } },
                { QStringLiteral("DELETE FROM reaction_queue WHERE id = ?"), { id } } });
        if (!ok)
            return std::unexpected(ok.error());
        return ReactionFailure::Superseded;
    }
    auto ok = runAll(m_session,
        { { QStringLiteral("UPDATE reaction_queue SET state = 4, error_text = ? WHERE id = ?"),
            { sql::text(reason), id } } });
    if (!ok)
        return std::unexpected(ok.error());
    if (auto restored = applyLocally((*e)->messageId, (*e)->accountId, *previous, change);
        !restored)
        return std::unexpected(restored.error());
    return ReactionFailure::Kept;
}

Result<QueuedReaction> ReactionWriter::retry(qint64 id, StoreChange &change)
{
    auto q = m_session.run(
        QStringLiteral("UPDATE reaction_queue SET state = 1, attempts = 0, next_attempt_ms = 0, "
                       "error_text = '' WHERE id = ? AND state = 4"),
        { id });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid, QStringLiteral("reaction %1 has not failed").arg(id));
    auto e = entry(id);
    if (!e)
        return std::unexpected(e.error());
    if (!*e)
        return fail(Error::Kind::Invalid, QStringLiteral("no queued reaction %1").arg(id));
    const QueuedReaction &r = **e;
    if (auto ok = applyLocally(r.messageId, r.accountId,
            Snapshot { r.reaction, r.emoji, r.remove, m_session.now() }, change);
        !ok)
        return std::unexpected(ok.error());
    return r;
}

Status ReactionWriter::dismiss(qint64 id)
{
    auto q = m_session.run(
        QStringLiteral("DELETE FROM reaction_queue WHERE id = ? AND state = 4"), { id });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid, QStringLiteral("reaction %1 has not failed").arg(id));
    return {};
}

} // namespace inlet
