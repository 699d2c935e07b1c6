#pragma once

#include "model/triagetypes.h"
#include "model/types.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace inlet {

// What the inbox shows for one conversation: one read of the conversation joined with its contact.
struct ConversationRow {
    qint64 id = 0;
    QString accountId;
    QString customerId;
    QString name;
    QString username;
    QString avatarPath; // local file cached by the profile cache; empty when not downloaded yet
    QString preview;    // last message text (or a description of its attachment)
    qint64 lastActivityMs = 0;
    qint64 lastCustomerMessageMs = 0; // start of the messaging window; 0 = the customer never wrote
    int unreadCount = 0;
    bool lastFromCustomer = false; // "needs reply"
    int followerCount = 0;
    bool followsBusiness = false;
    qint64 startedMs = 0;
    // Webhooks lapsed and more messages came than Instagram lets a client read (the 20 newest).
    bool olderMissing = false;
    // Triage: the status (Snoozed until snoozedUntilMs), the manager's "mark as unread", and what
    // the filters look for.
    ConversationStatus status = ConversationStatus::Open;
    qint64 snoozedUntilMs = 0;
    bool markedUnread = false;
    bool hasAttachment = false;
    bool hasStory = false;
    QList<qint64> labelIds; // the labels on it (Label ids)
    QString assignee; // team mode: the agent (PostgreSQL role) it is assigned to; empty: nobody
    QString statusBy; // team mode: the agent (role) who set the status; empty: solo, or reopened

    bool isUnread() const { return unreadCount > 0 || markedUnread; }

    // Search results only: the message that matched (0 = the contact's name matched) and a snippet.
    qint64 hitMessageId = 0;
    QString snippet;
};

struct AttachmentRow {
    QString type; // image, video, audio, file, share, story_mention, ig_reel, ...
    QString url;
    QString title;
    QString localPath; // a downloaded copy, when there is one
};

struct ReactionRow {
    QString reactorId;
    QString emoji;
    bool own = false; // the business's own reaction (reactor = the account)
};

// Messages are ordered by (createdMs, id): the key pages use.
struct MessageKey {
    qint64 createdMs = 0;
    qint64 id = 0;
    friend auto operator<=>(const MessageKey &, const MessageKey &) = default;
};

struct MessageRow {
    // Note: an internal note of the team, never sent (sentBy: its author; empty in solo mode).
    enum class Kind { Message, Postback, Referral, Other, Note };

    qint64 id = 0; // local row id (also the outbox's local id for outgoing messages)
    qint64 conversationId = 0;
    QString mid; // Instagram's id; empty while queued
    Kind kind = Kind::Message;
    bool outgoing = false;
    QString text;
    qint64 createdMs = 0;
    MessageState state = MessageState::Received;
    QString error; // reason of a final send failure
    QString replyToMid;
    QString replyToText; // text of the quoted message, when it is in the store
    QString replyToStoryUrl;
    QList<AttachmentRow> attachments;
    QList<ReactionRow> reactions;
    int editCount = 0;
    bool deleted = false;
    bool seen = false;
    // Team mode: the agent (PostgreSQL role) who sent an outgoing message; or, when
    // sentElsewhere, it was sent from outside Inlet (the Instagram app). Both empty in solo mode.
    QString sentBy;
    bool sentElsewhere = false;
    QString noteId; // a note's client id (a uuid): how an edit or a delete names it

    MessageKey key() const { return {createdMs, id}; }
};

// Inbox filters; they are applied by the query, since the inbox is paged from disk, and by
// accepts() to the rows a store change brings.
struct InboxFilter {
    QString accountId; // empty = all accounts
    bool unreadOnly = false; // unread messages, or marked as unread
    bool needsReplyOnly = false;
    std::optional<InboxView> view {}; // triage view; none = every status
    bool hasAttachment = false;
    bool storyOnly = false; // a story mention or a reply to a story
    qint64 labelId = 0; // the label filter: only conversations carrying this label (0: any)
    qint64 viewLabelId = 0; // view Label: the label it lists
    QString agent {}; // team mode: the agent whose conversations view Mine lists
    // The date range: only conversations whose last activity is at or after activeFromMs (0: no
    // start) and before activeUntilMs (0: no end), ms since the epoch.
    qint64 activeFromMs = 0;
    qint64 activeUntilMs = 0;
    // "Now" for the Reply window view, set by the caller of a query (not part of the filter's
    // identity: the model keeps it 0 in the filter it compares).
    qint64 nowMs = 0;
    friend bool operator==(const InboxFilter &, const InboxFilter &) = default;

    // Whether `row` belongs in the list at `atMs`.
    bool accepts(const ConversationRow &row, qint64 atMs) const;
    // The Reply window view lists the soonest to close first instead of the newest first.
    bool ordersByDeadline() const { return view == InboxView::ReplyWindow; }
    // The same account and filters, without the view (search looks at every status).
    InboxFilter withoutView() const
    {
        InboxFilter f = *this;
        f.view.reset();
        f.viewLabelId = 0;
        return f;
    }
};

// Inbox order is (lastActivityMs DESC, id DESC); a page continues after the last row of the previous.
struct InboxKey {
    qint64 lastActivityMs = 0;
    qint64 id = 0;
};

} // namespace inlet

Q_DECLARE_METATYPE(inlet::ConversationRow)
Q_DECLARE_METATYPE(inlet::MessageRow)
