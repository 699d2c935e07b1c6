#pragma once

#include "sandbox/demoworld.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace inlet::sandbox {

// One message of a conversation, as the sandbox keeps it.
struct WorldMessage {
    QString mid;
    QString customerIgsid;
    bool fromCustomer = true;
    QString text;
    QJsonArray attachments; // webhook shape: [{"type":..,"payload":{"url":..}}]
    QString replyToMid;
    QString storyUrl; // story reply
    QString storyId;
    qint64 timestampMs = 0;
    bool deleted = false;
    int editCount = 0;
    QString customerReaction; // the customer's reaction on this (business) message
    QString customerEmoji;
    QString businessReaction; // the business's reaction on this (customer) message
};

struct WorldCustomer {
    DemoCustomer profile;
    bool unavailable = false;   // blocked the business / deactivated: sends get 551
    bool profileHidden = false; // the User Profile API refuses their profile (code 230)
    qint64 lastInboundMs = 0;   // last customer message: opens the messaging windows
    QString lastSeenMid;        // the customer read the business's messages up to this one
    qint64 businessSeenMs = 0;  // mark_seen by the business
};

// Webhook subscriptions: the app's callback (POST /{app-id}/subscriptions) and the account's
// install (POST /me/subscribed_apps). Events flow only when both exist.
struct Subscriptions {
    QUrl callbackUrl;
    QString verifyToken;
    QStringList appFields;
    QStringList accountFields; // empty: the account is not subscribed
};

// The sandbox's Instagram: customers and their conversations with the business account.
// One conversation per customer; messages are kept in time order.
class World {
public:
    void load(const DemoWorld &demo);

    QList<WorldCustomer> &customers() { return m_customers; }
    const QList<WorldCustomer> &customers() const { return m_customers; }
    WorldCustomer *customer(const QString &igsid);

    const QList<WorldMessage> &messages() const { return m_messages; }
    WorldMessage *message(const QString &mid);
    bool hasMid(const QString &mid) const { return m_messageIndex.contains(mid); }
    // Adds a message (timestamps only move forward) and opens the window for customer messages.
    WorldMessage &addMessage(WorldMessage message);

    // A conversation's visible messages (not unsent), newest first.
    QList<const WorldMessage *> conversation(const QString &igsid) const;
    // Customers that have at least one message, most recently updated first.
    QStringList conversationsByRecency() const;
    std::optional<qint64> updatedMs(const QString &igsid) const;
    // The newest visible message of a conversation from one side, or empty.
    QString latestMid(const QString &igsid, bool fromCustomer) const;

    QString conversationId(const QString &igsid) const;
    QString customerForConversation(const QString &conversationId) const;

    void setBusinessId(const QString &id) { m_businessId = id; }
    Subscriptions &subscriptions() { return m_subscriptions; }

private:
    QString m_businessId;
    QList<WorldCustomer> m_customers;
    QHash<QString, qsizetype> m_customerIndex;
    QList<WorldMessage> m_messages;
    QHash<QString, qsizetype> m_messageIndex;
    QHash<QString, qint64> m_updatedMs; // igsid -> last message time
    Subscriptions m_subscriptions;
};

} // namespace inlet::sandbox
