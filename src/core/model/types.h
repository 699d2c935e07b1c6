#pragma once

#include <QDateTime>
#include <QString>

namespace inlet {

// A connected Instagram professional account. Its token lives in the keychain, never here.
struct Account {
    QString id; // IG_ID (/me?fields=user_id), the webhook entry[].id
    QString username;
    QString name;
    QString profilePictureUrl;
    bool needsSignIn = false;
    QDateTime tokenIssuedAt;  // when the current long-lived token was obtained or refreshed
    QDateTime tokenExpiresAt; // when it stops working unless refreshed
};

// A customer, by IGSID, with the profile fields Instagram's User Profile API returns.
struct Contact {
    QString id; // IGSID
    QString name;
    QString username;
    QString profilePicUrl;
    int followerCount = 0;
    bool followsBusiness = false;
    bool businessFollows = false;
    bool verified = false;
    QDateTime fetchedAt; // when the profile was last fetched (refresh after a day)
};

enum class MessageState {
    Received,  // inbound
    Queued,    // outbox: written, not yet sent
    Sending,   // outbox: request in flight
    Sent,      // Instagram accepted it (has an Instagram message id)
    Failed,    // final error; shown with reason, Retry and Delete
};

} // namespace inlet
