#include "store/directorywriter.h"

namespace inlet {

namespace {
qint64 msOrZero(const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : 0; }
} // namespace

Status DirectoryWriter::upsertAccount(const Account &a, StoreChange &change)
{
    if (a.id.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("an account needs an id"));
    auto q = m_session.run(QStringLiteral(R"(INSERT INTO accounts(id, username, name, profile_picture_url,
            needs_sign_in, token_issued_ms, token_expires_ms, removed) VALUES (?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT(id) DO UPDATE SET username = excluded.username, name = excluded.name,
            profile_picture_url = excluded.profile_picture_url, needs_sign_in = excluded.needs_sign_in,
            token_issued_ms = excluded.token_issued_ms, token_expires_ms = excluded.token_expires_ms,
            removed = 0)"),
                           {a.id, sql::text(a.username), sql::text(a.name), sql::text(a.profilePictureUrl),
                            a.needsSignIn ? 1 : 0, msOrZero(a.tokenIssuedAt), msOrZero(a.tokenExpiresAt)});
    if (!q)
        return std::unexpected(q.error());
    change.accountIds.append(a.id);
    return {};
}

Status DirectoryWriter::removeAccount(const QString &accountId, bool deleteMessages, StoreChange &change)
{
    auto ids = m_session.run(QStringLiteral("SELECT id FROM conversations WHERE account_id = ?"), {accountId});
    if (!ids)
        return std::unexpected(ids.error());
    QList<qint64> conversations;
    while ((*ids)->next())
        conversations.append((*ids)->value(0).toLongLong());
    (*ids)->finish();

    const QString sql = deleteMessages ? QStringLiteral("DELETE FROM accounts WHERE id = ?")
                                       : QStringLiteral("UPDATE accounts SET removed = 1 WHERE id = ?");
    auto q = m_session.run(sql, {accountId});
    if (!q)
        return std::unexpected(q.error());
    if (deleteMessages) {
        for (const QString &s :
            { QStringLiteral("DELETE FROM deferred_events WHERE account_id = ?"),
                QStringLiteral("DELETE FROM unknown_events WHERE account_id = ?"),
                QStringLiteral("DELETE FROM sync_conversations WHERE account_id = ?"),
                QStringLiteral("DELETE FROM sync_accounts WHERE account_id = ?") }) {
            if (auto d = m_session.run(s, {accountId}); !d)
                return std::unexpected(d.error());
        }
    }
    m_session.forgetCaches();
    change.accountIds.append(accountId);
    change.removedConversationIds += conversations;
    return {};
}

Status DirectoryWriter::upsertContact(const Contact &c, StoreChange &change)
{
    if (c.id.isEmpty())
        return fail(Error::Kind::Invalid, QStringLiteral("a contact needs an id"));
    auto q = m_session.run(QStringLiteral(R"(INSERT INTO contacts(id, name, username, profile_pic_url,
            follower_count, follows_business, business_follows, verified, fetched_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, username = excluded.username,
            profile_pic_url = excluded.profile_pic_url, follower_count = excluded.follower_count,
            follows_business = excluded.follows_business, business_follows = excluded.business_follows,
            verified = excluded.verified, fetched_ms = excluded.fetched_ms)"),
                           {c.id, sql::text(c.name), sql::text(c.username), sql::text(c.profilePicUrl),
                            c.followerCount, c.followsBusiness ? 1 : 0, c.businessFollows ? 1 : 0,
                            c.verified ? 1 : 0, msOrZero(c.fetchedAt)});
    if (!q)
        return std::unexpected(q.error());
    change.contactIds.append(c.id);
    auto ids = m_session.run(QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"), {c.id});
    if (!ids)
        return std::unexpected(ids.error());
    while ((*ids)->next())
        change.addConversation((*ids)->value(0).toLongLong());
    (*ids)->finish();
    return {};
}

Status DirectoryWriter::markConversationRead(qint64 conversationId, StoreChange &change)
{
    auto q
        = m_session.run(QStringLiteral("UPDATE conversations SET unread_count = 0, read_up_to_ms = "
                                       "MAX(read_up_to_ms, last_activity_ms), marked_unread = 0 "
                                       "WHERE id = ?"),
            { conversationId });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid, QStringLiteral("no conversation %1").arg(conversationId));
    change.addConversation(conversationId);
    return {};
}

Status DirectoryWriter::linkConversation(const QString &accountId, const QString &customerId,
                                         const QString &instagramConversationId, StoreChange &change)
{
    auto id = m_session.ensureConversation(accountId, customerId);
    if (!id)
        return std::unexpected(id.error());
    auto q = m_session.run(QStringLiteral("UPDATE conversations SET ig_conversation_id = ? WHERE id = ? "
                                          "AND ig_conversation_id IS NOT ?"),
                           {instagramConversationId, *id, instagramConversationId});
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() > 0)
        change.addConversation(*id);
    return {};
}

Status DirectoryWriter::rememberConversationSynced(
    const QString &accountId, const QString &instagramConversationId, qint64 updatedMs)
{
    auto q = m_session.run(QStringLiteral(R"(INSERT INTO sync_conversations(account_id,
            ig_conversation_id, updated_ms) VALUES (?, ?, ?) ON CONFLICT(account_id,
            ig_conversation_id) DO UPDATE SET updated_ms = excluded.updated_ms)"),
        { accountId, instagramConversationId, updatedMs });
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Status DirectoryWriter::setSyncWalkComplete(const QString &accountId, bool complete, qint64 atMs)
{
    auto q = m_session.run(QStringLiteral(R"(INSERT INTO sync_accounts(account_id, walk_complete,
            walked_ms) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET
            walk_complete = excluded.walk_complete, walked_ms = excluded.walked_ms)"),
        { accountId, complete ? 1 : 0, atMs });
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Status DirectoryWriter::markOlderMissing(
    const QString &accountId, const QString &customerId, bool missing, StoreChange &change)
{
    auto id = m_session.ensureConversation(accountId, customerId);
    if (!id)
        return std::unexpected(id.error());
    auto q = m_session.run(QStringLiteral("UPDATE conversations SET older_missing = ? WHERE id = ? "
                                          "AND older_missing IS NOT ?"),
        { missing ? 1 : 0, *id, missing ? 1 : 0 });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() > 0)
        change.addConversation(*id);
    return {};
}

Status DirectoryWriter::setConversationStatus(qint64 conversationId, ConversationStatus status,
    qint64 snoozedUntilMs, qint64 nowMs, StoreChange &change)
{
    if (status == ConversationStatus::Snoozed && snoozedUntilMs <= nowMs)
        return fail(Error::Kind::Invalid, QStringLiteral("a snooze must end in the future"));
    const qint64 until = status == ConversationStatus::Snoozed ? snoozedUntilMs : 0;
    // The status covers the messages up to the newest one; a newer customer message reopens it.
    auto q
        = m_session.run(QStringLiteral("UPDATE conversations SET status = ?, snoozed_until_ms = ?, "
                                       "status_through_ms = last_activity_ms, status_by = '' "
                                       "WHERE id = ?"),
            { int(status), until, conversationId });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid, QStringLiteral("no conversation %1").arg(conversationId));
    if (status == ConversationStatus::Done) { // the report's time to Done
        auto done = m_session.run(
            QStringLiteral(
                "INSERT INTO conversation_done (conversation_id, done_ms) VALUES (?, ?)"),
            { conversationId, nowMs });
        if (!done)
            return std::unexpected(done.error());
    }
    change.addConversation(conversationId);
    change.snoozesChanged = true;
    return {};
}

Status DirectoryWriter::markConversationUnread(qint64 conversationId, StoreChange &change)
{
    auto q
        = m_session.run(QStringLiteral("UPDATE conversations SET marked_unread = 1 WHERE id = ?"),
            { conversationId });
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() == 0)
        return fail(Error::Kind::Invalid, QStringLiteral("no conversation %1").arg(conversationId));
    change.addConversation(conversationId);
    return {};
}

Result<qint64> DirectoryWriter::wakeSnoozed(qint64 nowMs, StoreChange &change)
{
    auto due = m_session.run(QStringLiteral("SELECT id FROM conversations WHERE status = 2 AND "
                                            "snoozed_until_ms <= ?"),
        { nowMs });
    if (!due)
        return std::unexpected(due.error());
    QList<qint64> ids;
    while ((*due)->next())
        ids.append((*due)->value(0).toLongLong());
    (*due)->finish();
    if (!ids.isEmpty()) {
        auto q = m_session.run(
            QStringLiteral("UPDATE conversations SET status = 0, snoozed_until_ms = 0, "
                           "status_through_ms = last_activity_ms, marked_unread = 1 "
                           "WHERE status = 2 AND snoozed_until_ms <= ?"),
            { nowMs });
        if (!q)
            return std::unexpected(q.error());
        for (qint64 id : std::as_const(ids))
            change.addConversation(id);
    }
    auto next = m_session.run(
        QStringLiteral("SELECT MIN(snoozed_until_ms) FROM conversations WHERE status = 2"), {});
    if (!next)
        return std::unexpected(next.error());
    qint64 nextMs = 0;
    if ((*next)->next())
        nextMs = (*next)->value(0).toLongLong();
    (*next)->finish();
    return nextMs;
}

} // namespace inlet
