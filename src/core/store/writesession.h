#pragma once

#include "common/result.h"
#include "model/events.h"
#include "store/sqlutil.h"
#include "store/storechange.h"
#include "store/storetypes.h"

#include <QSet>

#include <optional>

namespace inlet {

// What the writer knows of a stored message when an event refers to it.
struct MessageHandle {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString text;
    qint64 createdMs = 0;
    int editCount = 0;
    bool deleted = false;
    bool outgoing = false;
    MessageState state = MessageState::Received;
};

// A new message row, before it has an id.
struct NewMessageRow {
    qint64 conversationId = 0;
    QString accountId;
    QString mid; // empty for a queued outgoing message
    MessageKind kind = MessageKind::Message;
    bool outgoing = false;
    QString text;
    qint64 createdMs = 0;
    MessageState state = MessageState::Received;
    QString replyToMid;
    QString replyToStoryUrl;
    QJsonObject meta;
    QByteArray rawJson;
    QList<AttachmentData> attachments;
    QString clientId;
    QString tag;
};

// The writer connection's shared row operations, used by the event, outbox and directory writers.
// Lives on the writer thread, inside the writer's open transaction.
class WriteSession {
public:
    WriteSession(QSqlDatabase db, std::function<qint64()> clock);

    sql::StatementCache &statements() { return m_statements; }
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values)
    {
        return m_statements.run(sql, values);
    }
    qint64 now() const { return m_clock(); }

    Status ensureAccount(const QString &accountId);
    Status ensureContact(const QString &customerId);
    // The conversation of (account, customer), created (with its account and contact) if needed.
    Result<qint64> ensureConversation(const QString &accountId, const QString &customerId);
    // The existing conversation, if any.
    Result<std::optional<qint64>> findConversation(const QString &accountId, const QString &customerId);

    Result<std::optional<MessageHandle>> findByMid(const QString &accountId, const QString &mid);
    Result<std::optional<MessageHandle>> findById(qint64 id);
    // Inserts the row and its attachments, and updates the conversation's activity, unread count,
    // messaging window and preview. Nothing (nullopt) if the account already has a message `mid`.
    Result<std::optional<qint64>> insertMessage(const NewMessageRow &message);

    // The fallback for echoes whose mid differs from the Send API's message_id (instagram-api.md
    // §11): the echo is still the message the outbox sent when it goes to the same conversation,
    // says the same (the same text; without text, a first attachment of the same type) and was
    // sent within kEchoMatchWindowMs of it.
    static constexpr qint64 kEchoMatchWindowMs = 2 * 60 * 1000;
    struct EchoMatch {
        qint64 id = 0;
        QString mid;
    };
    // An outbox message (client_id set) that Instagram accepted (Sent, with the Send API's mid)
    // and no echo has matched yet (raw_json still empty), sent around `timeMs`; not `echoMid`.
    Result<std::optional<EchoMatch>> findUnechoedOutboxMessage(qint64 conversationId,
        const QString &text, const QString &attachmentType, qint64 timeMs, const QString &echoMid);
    // An echo stored as a message of its own (outgoing, no client_id) created around `timeMs`,
    // not before `notBeforeMs` (the echo of a message comes after it was queued).
    Result<std::optional<EchoMatch>> findUnclaimedEcho(qint64 conversationId, const QString &text,
        const QString &attachmentType, qint64 timeMs, qint64 notBeforeMs);

    // Whether deferred_events may hold rows (a cached count saves a lookup per new message).
    Result<bool> mayHaveDeferred();
    void noteDeferred(qint64 delta)
    {
        if (m_deferredRows)
            *m_deferredRows += delta;
    }

    // Drops the small caches; after a rollback or an account removal they may name gone rows.
    void forgetCaches();

private:
    sql::StatementCache m_statements;
    std::function<qint64()> m_clock;
    QSet<QString> m_knownAccounts;
    QSet<QString> m_knownContacts;
    QHash<QString, qint64> m_conversationIds; // "account\ncustomer" -> id
    std::optional<qint64> m_deferredRows;     // unknown after a rollback
};

// The preview line of a conversation for a message.
QString previewFor(const QString &text, const QList<AttachmentData> &attachments);

} // namespace inlet
