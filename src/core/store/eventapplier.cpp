#include "store/eventapplier.h"

#include "common/logging.h"
#include "store/eventcodec.h"

#include <QCryptographicHash>

#include <algorithm>

namespace inlet {

namespace {

using Kind = InboundEvent::Kind;

QString hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool targetsExistingMessage(Kind k)
{
    return k == Kind::Edit || k == Kind::Deleted || k == Kind::Reaction || k == Kind::Unreaction;
}

// Postbacks and referrals may come without a mid; a stable key keeps them idempotent.
QString keyFor(const InboundEvent &e)
{
    if (!e.mid.isEmpty())
        return e.mid;
    const QString prefix = e.kind == Kind::Referral   ? QStringLiteral("referral:")
                           : e.kind == Kind::Postback ? QStringLiteral("postback:")
                                                      : QStringLiteral("message:");
    return prefix + e.customerId + QLatin1Char(':') + QString::number(e.timestampMs) + QLatin1Char(':')
         + hashOf(e.rawJson.isEmpty() ? e.text.toUtf8() : e.rawJson).left(16);
}

} // namespace

Status EventApplier::applyAll(const QList<InboundEvent> &events, StoreChange &change)
{
    QList<InboundEvent> ordered = events;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const InboundEvent &a, const InboundEvent &b) { return a.timestampMs < b.timestampMs; });
    for (const InboundEvent &e : std::as_const(ordered)) {
        if (auto ok = apply(e, change); !ok)
            return ok;
    }
    return {};
}

Status EventApplier::apply(const InboundEvent &e, StoreChange &change)
{
    // An event we cannot place is kept raw rather than failing the batch (a failed batch would
    // be redelivered by Instagram forever).
    const bool needsCustomer = e.kind != Kind::Unknown;
    if (e.accountId.isEmpty() || (needsCustomer && e.customerId.isEmpty())
        || (targetsExistingMessage(e.kind) && e.mid.isEmpty())) {
        if (e.kind != Kind::Unknown)
            qCWarning(lcStore) << "event of kind" << int(e.kind) << "lacks ids; kept as unknown";
        return storeUnknown(e);
    }

    switch (e.kind) {
    case Kind::Message:
    case Kind::Postback:
    case Kind::Referral:
        return applyMessage(e, change);
    case Kind::Read:
        return applyRead(e, change);
    case Kind::Unknown:
        return storeUnknown(e);
    case Kind::Edit:
    case Kind::Deleted:
    case Kind::Reaction:
    case Kind::Unreaction:
        break;
    }

    auto target = m_session.findByMid(e.accountId, e.mid);
    if (!target)
        return std::unexpected(target.error());
    if (!*target)
        return defer(e);
    const MessageHandle &m = **target;
    switch (e.kind) {
    case Kind::Edit:
        return applyEdit(e, m, change);
    case Kind::Deleted:
        return applyDeleted(m, change);
    default:
        return applyReaction(e, m, change);
    }
}

Status EventApplier::applyMessage(const InboundEvent &e, StoreChange &change)
{
    const QString mid = keyFor(e);
    auto conversation = m_session.ensureConversation(e.accountId, e.customerId);
    if (!conversation)
        return std::unexpected(conversation.error());
    if (!e.customerUsername.isEmpty() && !e.isSelf) {
        // A username the event carried names the customer until a profile says more; it never
        // replaces one the profile gave.
        auto q = m_session.run(QStringLiteral("UPDATE contacts SET username = ? WHERE id = ? AND username = ''"),
                               {e.customerUsername, e.customerId});
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->numRowsAffected() > 0) {
            change.contactIds.append(e.customerId);
            change.addConversation(*conversation);
        }
    }

    NewMessageRow row;
    row.conversationId = *conversation;
    row.accountId = e.accountId;
    row.mid = mid;
    row.outgoing = e.outgoing;
    row.createdMs = e.timestampMs;
    row.state = e.outgoing ? MessageState::Sent : MessageState::Received;
    row.rawJson = e.rawJson;
    row.replyToMid = e.replyToMid;
    row.replyToStoryUrl = e.replyToStoryUrl;
    if (!e.replyToStoryId.isEmpty())
        row.meta.insert(QStringLiteral("reply_to_story_id"), e.replyToStoryId);
    if (!e.quickReplyPayload.isEmpty())
        row.meta.insert(QStringLiteral("quick_reply_payload"), e.quickReplyPayload);
    if (e.isUnsupported)
        row.meta.insert(QStringLiteral("is_unsupported"), true);
    if (e.isSelf)
        row.meta.insert(QStringLiteral("is_self"), true);
    switch (e.kind) {
    case Kind::Postback:
        row.kind = MessageKind::Postback;
        row.text = e.postbackTitle.isEmpty() ? e.text : e.postbackTitle;
        row.meta.insert(QStringLiteral("payload"), e.postbackPayload);
        break;
    case Kind::Referral:
        row.kind = MessageKind::Referral;
        row.text = e.text.isEmpty() ? e.referral.value(QStringLiteral("ref")).toString() : e.text;
        row.meta.insert(QStringLiteral("referral"), e.referral);
        break;
    default:
        row.kind = MessageKind::Message;
        row.text = e.text;
        row.attachments = e.attachments;
        break;
    }

    if (e.outgoing && e.kind == Kind::Message && !e.mid.isEmpty()) {
        auto matched = matchEchoToOutbox(e, *conversation, change);
        if (!matched)
            return std::unexpected(matched.error());
        if (*matched)
            return {};
    }

    auto id = m_session.insertMessage(row);
    if (!id)
        return std::unexpected(id.error());
    if (!*id) {
        // Redelivery, the same message through sync, or the echo of a message the outbox sent
        // (markSent stored its mid): keep the row, only fill in the raw JSON if it had none.
        if (!e.rawJson.isEmpty()) {
            auto q = m_session.run(QStringLiteral("UPDATE messages SET raw_json = ? WHERE account_id = ? "
                                                  "AND mid = ? AND raw_json = ''"),
                                   {QString::fromUtf8(e.rawJson), e.accountId, mid});
            if (!q)
                return std::unexpected(q.error());
        }
        return {};
    }
    change.addMessage(*conversation, **id);
    if (!e.outgoing) {
        // The customer wrote: a Done or Snoozed conversation is open again, in this transaction.
        // Only a message newer than those the status covers: an older one that sync fetches late
        // does not undo it.
        auto reopened = m_session.run(
            QStringLiteral("UPDATE conversations SET status = 0, snoozed_until_ms = 0, "
                           "status_through_ms = ? WHERE id = ? AND status <> 0 AND ? > "
                           "status_through_ms"),
            { e.timestampMs, *conversation, e.timestampMs });
        if (!reopened)
            return std::unexpected(reopened.error());
        if ((*reopened)->numRowsAffected() > 0)
            change.snoozesChanged = true;
    }
    return replayDeferred(e.accountId, mid, change);
}

Result<bool> EventApplier::matchEchoToOutbox(
    const InboundEvent &e, qint64 conversationId, StoreChange &change)
{
    auto known = m_session.findByMid(e.accountId, e.mid);
    if (!known)
        return std::unexpected(known.error());
    if (*known)
        return false; // the usual case: markSent stored this mid
    const QString attachmentType
        = e.attachments.isEmpty() ? QString() : e.attachments.constFirst().type;
    auto sent = m_session.findUnechoedOutboxMessage(
        conversationId, e.text, attachmentType, e.timestampMs, e.mid);
    if (!sent)
        return std::unexpected(sent.error());
    if (!*sent)
        return false; // sent from elsewhere (the Instagram app, another tool): a message of its own
    // The echo's mid is the one Instagram uses from now on (reactions, edits, replies, the
    // Conversations API); the Send API's is kept in meta.
    const WriteSession::EchoMatch &m = **sent;
    auto q = m_session.run(
        QStringLiteral("UPDATE messages SET mid = ?, raw_json = ?, "
                       "meta_json = json_set(meta_json, '$.send_api_mid', ?) WHERE id = ?"),
        { e.mid, sql::text(QString::fromUtf8(e.rawJson)), m.mid, m.id });
    if (!q)
        return std::unexpected(q.error());
    qCInfo(lcStore) << "echo with another mid than the Send API's matched outbox message" << m.id;
    change.addMessage(conversationId, m.id);
    if (auto ok = replayDeferred(e.accountId, e.mid, change); !ok)
        return std::unexpected(ok.error());
    return true;
}

Status EventApplier::applyEdit(const InboundEvent &e, const MessageHandle &m, StoreChange &change)
{
    if (m.deleted)
        return {};
    // num_edit orders edits that arrive out of order; without it an edit is the next version if
    // it changes the text.
    int version = e.editCount;
    if (version <= 0)
        version = e.text != m.text ? m.editCount + 1 : 0;
    if (version <= 0)
        return {};
    if (m.editCount == 0) {
        auto q = m_session.run(QStringLiteral("INSERT OR IGNORE INTO message_edits(message_id, version, "
                                              "text, edited_ms) VALUES (?, 0, ?, ?)"),
                               {m.id, sql::text(m.text), m.createdMs});
        if (!q)
            return std::unexpected(q.error());
    }
    auto q = m_session.run(QStringLiteral("INSERT OR IGNORE INTO message_edits(message_id, version, text, "
                                          "edited_ms) VALUES (?, ?, ?, ?)"),
                           {m.id, version, sql::text(e.text), e.timestampMs});
    if (!q)
        return std::unexpected(q.error());
    if (version <= m.editCount)
        return {}; // a late, older edit: history only
    auto u = m_session.run(QStringLiteral("UPDATE messages SET text = ?, edit_count = ? WHERE id = ?"),
                           {sql::text(e.text), version, m.id});
    if (!u)
        return std::unexpected(u.error());
    auto p = m_session.run(QStringLiteral("UPDATE conversations SET last_message_preview = ? "
                                          "WHERE id = ? AND last_activity_ms <= ?"),
                           {previewFor(e.text, {}), m.conversationId, m.createdMs});
    if (!p)
        return std::unexpected(p.error());
    change.addMessage(m.conversationId, m.id);
    return {};
}

Status EventApplier::applyDeleted(const MessageHandle &m, StoreChange &change)
{
    if (m.deleted)
        return {};
    // The customer unsent it: keep the row (order, replies) but not what it said.
    const QStringList statements{
        QStringLiteral("UPDATE messages SET deleted = 1, text = '', raw_json = '', meta_json = '{}' WHERE id = ?"),
        QStringLiteral("DELETE FROM attachments WHERE message_id = ?"),
        QStringLiteral("DELETE FROM message_edits WHERE message_id = ?"),
        QStringLiteral("DELETE FROM reactions WHERE message_id = ?"),
    };
    for (const QString &s : statements) {
        if (auto q = m_session.run(s, {m.id}); !q)
            return std::unexpected(q.error());
    }
    auto p = m_session.run(QStringLiteral("UPDATE conversations SET last_message_preview = '' "
                                          "WHERE id = ? AND last_activity_ms <= ?"),
                           {m.conversationId, m.createdMs});
    if (!p)
        return std::unexpected(p.error());
    change.addMessage(m.conversationId, m.id);
    return {};
}

Status EventApplier::applyReaction(const InboundEvent &e, const MessageHandle &m, StoreChange &change)
{
    if (m.deleted)
        return {};
    const bool removed = e.kind == Kind::Unreaction;
    const QString reactor = e.outgoing ? e.accountId : e.customerId;
    // The newest event per reactor wins, whatever order they arrive in.
    auto q = m_session.run(QStringLiteral(R"(INSERT INTO reactions(message_id, reactor_id, reaction,
            emoji, reacted_ms, removed) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(message_id, reactor_id) DO UPDATE SET reaction = excluded.reaction,
            emoji = excluded.emoji, reacted_ms = excluded.reacted_ms, removed = excluded.removed
            WHERE excluded.reacted_ms >= reactions.reacted_ms AND (excluded.removed != reactions.removed
            OR excluded.reaction != reactions.reaction OR excluded.emoji != reactions.emoji))"),
                           {m.id, reactor, removed ? QStringLiteral("") : sql::text(e.reaction).toString(),
                            removed ? QStringLiteral("") : sql::text(e.emoji).toString(), e.timestampMs,
                            removed ? 1 : 0});
    if (!q)
        return std::unexpected(q.error());
    if ((*q)->numRowsAffected() > 0)
        change.addMessage(m.conversationId, m.id);
    return {};
}

Status EventApplier::applyRead(const InboundEvent &e, StoreChange &change)
{
    auto conversation = m_session.findConversation(e.accountId, e.customerId);
    if (!conversation)
        return std::unexpected(conversation.error());
    if (!*conversation)
        return {}; // nothing of ours to mark
    qint64 watermark = e.timestampMs;
    if (!e.mid.isEmpty()) {
        auto m = m_session.findByMid(e.accountId, e.mid);
        if (!m)
            return std::unexpected(m.error());
        if (*m)
            watermark = (*m)->createdMs;
    }
    auto c = m_session.run(QStringLiteral("UPDATE conversations SET customer_seen_ms = ? "
                                          "WHERE id = ? AND customer_seen_ms < ?"),
                           {watermark, **conversation, watermark});
    if (!c)
        return std::unexpected(c.error());
    auto q = m_session.run(QStringLiteral("UPDATE messages SET seen = 1 WHERE conversation_id = ? AND "
                                          "outgoing = 1 AND seen = 0 AND created_ms <= ? RETURNING id"),
                           {**conversation, watermark});
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next())
        change.addMessage(**conversation, (*q)->value(0).toLongLong());
    (*q)->finish();
    return {};
}

Status EventApplier::storeUnknown(const InboundEvent &e)
{
    QByteArray raw = e.rawJson;
    if (raw.isEmpty())
        raw = eventcodec::encode(e);
    qCDebug(lcStore) << "keeping an event of unknown kind raw";
    auto q = m_session.run(QStringLiteral("INSERT OR IGNORE INTO unknown_events(account_id, received_ms, "
                                          "timestamp_ms, raw_json, raw_hash) VALUES (?, ?, ?, ?, ?)"),
                           {sql::text(e.accountId), m_session.now(), e.timestampMs,
                            QString::fromUtf8(raw), hashOf(raw)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Status EventApplier::defer(const InboundEvent &e)
{
    const QByteArray json = eventcodec::encode(e);
    auto q = m_session.run(QStringLiteral("INSERT OR IGNORE INTO deferred_events(account_id, mid, "
                                          "timestamp_ms, event_json, event_hash) VALUES (?, ?, ?, ?, ?)"),
                           {e.accountId, e.mid, e.timestampMs, QString::fromUtf8(json), hashOf(json)});
    if (!q)
        return std::unexpected(q.error());
    m_session.noteDeferred((*q)->numRowsAffected());
    return {};
}

Status EventApplier::replayDeferred(const QString &accountId, const QString &mid, StoreChange &change)
{
    auto any = m_session.mayHaveDeferred();
    if (!any)
        return std::unexpected(any.error());
    if (!*any)
        return {};
    auto q = m_session.run(QStringLiteral("SELECT id, event_json FROM deferred_events WHERE account_id = ? "
                                          "AND mid = ? ORDER BY timestamp_ms, id"),
                           {accountId, mid});
    if (!q)
        return std::unexpected(q.error());
    QList<InboundEvent> waiting;
    while ((*q)->next()) {
        if (auto e = eventcodec::decode((*q)->value(1).toString().toUtf8()))
            waiting.append(*e);
    }
    (*q)->finish();
    if (waiting.isEmpty())
        return {};
    auto d = m_session.run(QStringLiteral("DELETE FROM deferred_events WHERE account_id = ? AND mid = ?"),
                           {accountId, mid});
    if (!d)
        return std::unexpected(d.error());
    m_session.noteDeferred(-(*d)->numRowsAffected());
    for (const InboundEvent &e : std::as_const(waiting)) {
        if (auto ok = apply(e, change); !ok)
            return ok;
    }
    return {};
}

} // namespace inlet
