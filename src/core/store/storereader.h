#pragma once

#include "common/result.h"
#include "model/label.h"
#include "model/savedreply.h"
#include "model/types.h"
#include "store/activityreport.h"
#include "store/contactindex.h"
#include "store/storetypes.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

namespace inlet {

class Database;
namespace sql { class StatementCache; }

// Read access to the store through its own connection. A reader belongs to the thread that
// opened it (Qt Sql connections are per thread): make one per thread that reads. Thanks to WAL
// it reads while the writer commits, and sees everything committed before each call.
class StoreReader {
public:
    static Result<std::unique_ptr<StoreReader>> open(const QString &databasePath);
    ~StoreReader();

    // Conversations by last activity (newest first) with their contact; keyset paging via
    // query.after (or offset).
    Result<QList<StoredConversation>> inbox(const InboxQuery &query);
    Result<std::optional<StoredConversation>> conversation(qint64 id);
    // How many conversations each triage view holds, with query's account and filters (the
    // Reply window at query.nowMs). One scan of the conversations table: off the GUI thread.
    Result<ViewCounts> viewCounts(const InboxQuery &query);
    Result<std::optional<StoredConversation>> conversationFor(const QString &accountId,
                                                              const QString &customerId);

    // Message pages come back OLDEST FIRST (ready to show), ordered by (createdMs, id).
    Result<QList<StoredMessage>> newestMessages(qint64 conversationId, int limit = 50);
    Result<QList<StoredMessage>> messagesBefore(qint64 conversationId, MessageCursor before, int limit = 50);
    Result<QList<StoredMessage>> messagesAfter(qint64 conversationId, MessageCursor after, int limit = 50);
    Result<std::optional<StoredMessage>> message(qint64 id);
    Result<std::optional<StoredMessage>> messageByMid(const QString &accountId, const QString &mid);
    // Every version of an edited message's text, version 0 (the original) first; empty if never edited.
    Result<QList<MessageVersion>> messageVersions(qint64 messageId);

    // Full-text search over message text, diacritics and case insensitive; newest first.
    // `text` is what the user typed (escaped here). Whole words first; when they give fewer than
    // `limit` hits, the last word also matches as a prefix ("cafe" then finds "cafeteria").
    Result<QList<SearchHit>> search(const QString &text, const QString &accountId = {}, int limit = 50);
    // Contacts whose name or username contains `text`.
    Result<QList<Contact>> searchContacts(const QString &text, int limit = 50);
    Result<std::optional<Contact>> contact(const QString &id);
    // Each contact's profile picture URL (contacts without one are left out), by id; `ids` empty:
    // every contact's.
    Result<QHash<QString, QString>> contactPictures(const QStringList &ids = {});
    // Conversations whose contact name or username contains `text`, ignoring case and accents
    // (the quick switcher), or that carry a label whose name does. Prefix matches (of the name,
    // a word of it, or the username) come first, then a label's name's prefix matches, then
    // other substring matches; each group newest activity first. Reads and folds
    // every conversation's names (contactIndex(), tens of ms at 10,000): for one lookup; to
    // match keystroke after keystroke, keep the ContactIndex and use conversationsByIds().
    Result<QList<StoredConversation>> conversationsByContact(
        const QString &text, const QString &accountId = {}, int limit = 50);
    // Every live conversation's contact name and username and its labels' names, folded,
    // newest activity first (of one account, or of all when accountId is empty).
    Result<ContactIndex> contactIndex(const QString &accountId = {});
    // The conversations with these ids, in the order given (ids not found are left out).
    Result<QList<StoredConversation>> conversationsByIds(const QList<qint64> &ids);
    // Accounts not removed.
    Result<QList<Account>> accounts();
    // Counts everything, messages included: a full index scan, tens of ms to seconds at 1,000,000
    // messages. Not for the GUI thread; unreadConversationsByAccount() is the cheap one.
    Result<StoreCounts> counts(const QString &accountId = {});
    // Per account, its conversations with unread messages (accounts without any are left out);
    // their sum is the title's and tray's count, each one an account's badge in the rail. Reads
    // the conversations table only, about 2 ms at 10,000 conversations.
    Result<QHash<QString, int>> unreadConversationsByAccount();
    // Which of `mids` the store holds for `accountId` (sync skips fetching those).
    Result<QSet<QString>> knownMids(const QString &accountId, const QStringList &mids);
    // What sync remembered of the account's conversation list (Store::rememberConversationSynced).
    Result<SyncState> syncState(const QString &accountId);
    // Every saved reply (schema v7), by title.
    Result<QList<SavedReply>> savedReplies();
    // Every label (schema v10), by name ignoring case.
    Result<QList<Label>> labels();
    // The report window's figures for `period` (store/activityreport.h): scans the period's
    // messages, so only on a reader thread.
    Result<ActivityReport> activityReport(const ReportPeriod &period);
    // Raw JSON of events the store kept without understanding them, newest first.
    Result<QList<QByteArray>> unknownEvents(int limit = 100);

private:
    explicit StoreReader(std::unique_ptr<Database> database);
    Result<QList<StoredMessage>> messages(const QString &where, const QString &order,
                                          const QVariantList &values, bool reverse);
    Result<QList<StoredConversation>> conversations(const QString &where, const QVariantList &values);
    Result<QList<SearchHit>> searchMatching(const QString &match, const QString &accountId, int limit);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<sql::StatementCache> m_statements;
};

} // namespace inlet
