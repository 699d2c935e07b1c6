#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace inlet {

// One attachment of a message, as Instagram describes it (webhook or Conversations API).
struct AttachmentData {
    QString type;        // image, video, audio, file, share, ig_post, story_mention, ig_reel, reel, ...
    QString url;         // CDN URL (signed, expiring)
    QString title;       // caption of a shared post/reel, when given
    QJsonObject payload; // everything Instagram sent, kept as is
};

// A messaging event addressed to one business account, parsed from a webhook's
// entry[].messaging[] item or built by the sync engine from the Conversations API.
// The store applies it idempotently (keyed on `mid` and `kind`).
struct InboundEvent {
    enum class Kind {
        Message,    // a new message (customer -> business, or an echo business -> customer)
        Edit,       // message_edit
        Reaction,   // reaction.action == react
        Unreaction, // reaction.action == unreact
        Read,       // messaging_seen: the customer read up to `mid`
        Deleted,    // message.is_deleted: the customer unsent `mid`
        Postback,   // icebreaker / button tap
        Referral,   // ig.me link opened in an existing thread
        Unknown,    // a kind we do not understand yet: stored raw, never dropped
    };

    Kind kind = Kind::Unknown;
    QString accountId;  // the business's IG_ID (entry[].id)
    QString customerId; // the customer's IGSID (sender on inbound, recipient on echoes)
    // Their @username when the event carried it (the Conversations API's from/to do; webhooks
    // never): names a customer whose profile Instagram refuses (model/contactname.h).
    QString customerUsername;
    bool outgoing = false; // true for echoes (sent by the business)
    qint64 timestampMs = 0;

    QString mid;
    QString text;
    QList<AttachmentData> attachments;
    QString replyToMid;
    QString replyToStoryUrl;
    QString replyToStoryId;
    QString quickReplyPayload;
    QString reaction; // reaction name ("love") for Reaction
    QString emoji;    // the emoji for Reaction
    QString postbackTitle;
    QString postbackPayload;
    QJsonObject referral;
    int editCount = 0;
    bool isSelf = false;
    bool isUnsupported = false;

    QByteArray rawJson; // the messaging item exactly as received (compact JSON)
};

} // namespace inlet
