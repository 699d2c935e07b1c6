#pragma once

#include "common/result.h"
#include "model/types.h"
#include "store/storechange.h"
#include "store/writesession.h"

namespace inlet {

// Accounts, contacts and per-conversation bookkeeping (read marks, Instagram's conversation id).
// Runs on the writer thread.
class DirectoryWriter {
public:
    explicit DirectoryWriter(WriteSession &session) : m_session(session) {}

    Status upsertAccount(const Account &account, StoreChange &change);
    // deleteMessages: the account and all its conversations go. Otherwise the account is only
    // hidden (its history stays and comes back if it is added again).
    Status removeAccount(const QString &accountId, bool deleteMessages, StoreChange &change);
    Status upsertContact(const Contact &contact, StoreChange &change);
    Status markConversationRead(qint64 conversationId, StoreChange &change);
    Status linkConversation(const QString &accountId, const QString &customerId,
                            const QString &instagramConversationId, StoreChange &change);
    // Sync bookkeeping (SyncEngine): a conversation walked up to Instagram's updated_time, and
    // whether the last walk of the account's conversation list went through to the end.
    Status rememberConversationSynced(
        const QString &accountId, const QString &instagramConversationId, qint64 updatedMs);
    Status setSyncWalkComplete(const QString &accountId, bool complete, qint64 atMs);
    // More messages arrived than Instagram lets a client read (the 20 newest): older ones of this
    // conversation may be missing. Cleared when `missing` is false.
    Status markOlderMissing(
        const QString &accountId, const QString &customerId, bool missing, StoreChange &change);

    // Triage (issue 13). Snoozed needs `snoozedUntilMs` after `nowMs`; Open and Done clear it.
    Status setConversationStatus(qint64 conversationId, ConversationStatus status,
        qint64 snoozedUntilMs, qint64 nowMs, StoreChange &change);
    // The manager's "mark as unread"; markConversationRead clears it.
    Status markConversationUnread(qint64 conversationId, StoreChange &change);
    // Snoozed conversations whose time has come are Open again (and marked unread, so they are
    // seen); returns the end of the next snooze, 0 when none is left.
    Result<qint64> wakeSnoozed(qint64 nowMs, StoreChange &change);

private:
    WriteSession &m_session;
};

} // namespace inlet
