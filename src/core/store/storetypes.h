#pragma once

#include "model/events.h"
#include "model/triagetypes.h"
#include "model/types.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

// Plain values the store hands out. Names are prefixed (Stored*) so they never clash with the
// view-facing rows of core/models, which are built from these.
namespace inlet {

// SQLite primary result codes the store reports in Error::code (Error::Kind::Storage).
namespace sqlite {
inline constexpr int Busy = 5;
inline constexpr int ReadOnly = 8;
inline constexpr int IoError = 10;
inline constexpr int Corrupt = 11;
inline constexpr int Full = 13;
inline constexpr int CantOpen = 14;
inline constexpr int NotADatabase = 26;
// Not SQLite's: the file's schema is newer than this build understands.
inline constexpr int SchemaTooNew = 1001;
} // namespace sqlite

struct StoreOptions {
    // false: WAL + synchronous=NORMAL. A committed transaction survives a crash or SIGKILL of the
    // process (it is in the WAL file, which the OS has), not a power loss or kernel panic.
    // true: synchronous=FULL, every commit is fsync'ed; survives power loss, costs an fsync each.
    // The app and `inlet --headless` run true (CoreServices): a webhook's 200 tells Meta never to
    // send the event again, so it may only follow a commit that survives the battery dying. The
    // store has ONE write connection whose group commit carries webhook batches and the UI's
    // writes in the same transactions, so the setting is the whole store's, and that is wanted:
    // the UI's writes are promises too (a reply the user queued; markSent, whose loss would make
    // the outbox send a reply twice). The cost is one fsync per transaction, on the writer thread
    // (never the GUI's), shared by every job of a group: docs/benchmarks-webhook.md.
    // Left false by default for tests and benchmarks that measure other things.
    bool durableAgainstPowerLoss = false;
    // Run PRAGMA quick_check when opening (reads every page: about a second per GB).
    bool checkIntegrity = true;
    int busyTimeoutMs = 5000;
    // Clock for times the store stamps itself (outbox enqueue). Empty = the system clock.
    std::function<qint64()> clock;
    // WAL checkpoints on their own thread (Checkpointer) instead of inside the commit that
    // crosses SQLite's threshold; 0 leaves them to SQLite (wal_autocheckpoint).
    int checkpointIntervalMs = 500;
    // Bounding the WAL file: once no commit came for this long, the Checkpointer runs one
    // TRUNCATE checkpoint, which leaves the -wal file at 0 bytes (PASSIVE ones only reuse it, and
    // journal_size_limit only trims it to 64 MiB). 0 = never. Needs checkpointIntervalMs > 0.
    int walTruncateIdleMs = 30'000;
    // Tests only: PRAGMA max_page_count, to provoke SQLITE_FULL without filling a disk.
    int maxPageCount = 0;
};

enum class MessageKind {
    Message = 0, // text and/or attachments
    Postback = 1, // icebreaker / button tap: text = button title, meta.payload
    Referral = 2, // ig.me link: text = ref, meta = the referral object
    // An internal note of the team (issue 13): never sent to Instagram (not outgoing, never in the
    // outbox), meta.note_author = the agent who wrote it (empty in solo mode).
    Note = 3,
};

struct StoredReaction {
    QString reactorId; // the customer's IGSID, or the account id for the business's own
    QString reaction;  // "love", ...
    QString emoji;
    qint64 reactedMs = 0;
};

// Messages are ordered by (createdMs, id); pages continue from such a key.
struct MessageCursor {
    qint64 createdMs = 0;
    qint64 id = 0;
};

struct StoredMessage {
    qint64 id = 0; // local row id; also the outbox's local id for outgoing messages
    qint64 conversationId = 0;
    QString accountId;
    QString customerId;
    QString mid; // Instagram's id; empty while queued
    MessageKind kind = MessageKind::Message;
    bool outgoing = false;
    QString text;
    qint64 createdMs = 0;
    MessageState state = MessageState::Received;
    QString errorText;
    QString replyToMid;
    QString replyToText; // text of the quoted message when the store has it
    QString replyToStoryUrl;
    bool deleted = false;
    int editCount = 0;
    bool seen = false; // outgoing: the customer has read it
    QJsonObject meta;  // kind-specific extras: quick_reply_payload, payload, referral, story id
    QByteArray rawJson;
    QList<AttachmentData> attachments;
    QList<StoredReaction> reactions;
    // Outbox
    QString clientId;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    QString tag; // e.g. HUMAN_AGENT

    bool edited() const { return editCount > 0; }
    MessageCursor cursor() const { return {createdMs, id}; }
};

// One version of an edited message's text: version 0 is the original.
struct MessageVersion {
    int version = 0;
    QString text;
    qint64 editedMs = 0;
};

struct StoredConversation {
    qint64 id = 0;
    QString accountId;
    QString customerId;
    QString instagramConversationId;
    qint64 startedMs = 0;
    qint64 lastActivityMs = 0;
    int unreadCount = 0;
    qint64 lastCustomerMessageMs = 0; // start of the 24 h / 7 d messaging window
    qint64 lastOutgoingMs = 0;
    qint64 customerSeenMs = 0;
    QString lastMessagePreview;
    bool lastMessageOutgoing = false;
    // More new messages came in (while webhooks were lapsed) than Instagram lets a client read:
    // older ones may be missing (Instagram returns only the 20 newest).
    bool olderMissing = false;
    // Triage: status (Snoozed: until snoozedUntilMs), the manager's own "mark as unread", and what
    // the filters look for (kept up to date as messages arrive).
    ConversationStatus status = ConversationStatus::Open;
    qint64 snoozedUntilMs = 0;
    bool markedUnread = false;
    bool hasAttachment = false; // a message with an attachment other than a story mention
    bool hasStory = false; // the customer mentioned a story of the account or replied to one
    QList<qint64> labelIds; // the labels on it, by id
    QString assignee; // team mode: the agent (role) it is assigned to; empty: nobody
    QString
        statusBy; // team mode: the agent (role) who set the status; empty: solo, or the customer
    Contact contact;

    bool needsReply() const { return lastCustomerMessageMs > lastOutgoingMs; }
};

// What the sync engine remembers of an account's conversation list between runs (and restarts).
struct SyncState {
    QHash<QString, qint64> updatedMs; // Instagram conversation id -> updated_time last walked
    bool walkComplete = false; // the last walk of the list went through to the end
};

// Inbox order is (lastActivityMs DESC, id DESC).
struct InboxCursor {
    qint64 lastActivityMs = 0;
    qint64 id = 0;
};

struct InboxQuery {
    QString accountId; // empty = all accounts
    bool unreadOnly = false; // unread messages, or marked as unread
    bool needsReplyOnly = false;
    std::optional<InboxCursor> after; // keyset paging: continue after this row
    int offset = 0;                   // alternative to `after` (slower on deep pages)
    int limit = 100;
    // Triage views and filters. `view` ReplyWindow orders by time left (needs nowMs) and ignores
    // `after`.
    std::optional<InboxView> view {}; // none: every status (search, older callers)
    bool hasAttachment = false;
    bool storyOnly = false;
    qint64 labelId = 0; // the label filter: only conversations carrying it (0: any)
    qint64 viewLabelId = 0; // the label of `view` Label
    QString agent {}; // team mode: the agent of `view` Mine
    qint64 activeFromMs = 0; // last activity at or after (0: no start)
    qint64 activeUntilMs = 0; // last activity before (0: no end)
    qint64 nowMs = 0;
};

struct SearchHit {
    qint64 messageId = 0;
    qint64 conversationId = 0;
    qint64 createdMs = 0;
    QString snippet; // matched terms wrapped in [ ]
};

struct StoreCounts {
    int accounts = 0;
    int conversations = 0;
    int unreadConversations = 0;
    qint64 messages = 0;
    int pendingOutgoing = 0;
    int unknownEvents = 0;
};

} // namespace inlet
