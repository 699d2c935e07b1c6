#pragma once

#include <QList>
#include <QMetaType>
#include <QSet>
#include <QStringList>

namespace inlet {

// What one commit touched, so views refresh only those rows. Emitted by Store::changed, each id
// once, in the order first touched.
struct StoreChange {
    QList<qint64> conversationIds;   // rows of the inbox to refresh (created or updated)
    QList<qint64> messageIds;        // messages created or updated
    QList<qint64> removedMessageIds; // messages gone (outbox row deleted, echo merged into outbox)
    QList<qint64> removedConversationIds;
    QStringList accountIds;          // accounts created, updated or removed
    QStringList contactIds;          // contacts whose profile changed
    bool snoozesChanged = false; // a conversation was snoozed or woke (SnoozeWaker re-arms)
    bool savedRepliesChanged = false; // a saved reply was added, changed or deleted
    // A label was added, renamed, recoloured or deleted, or put on or taken off a conversation
    // (whose row is in conversationIds).
    bool labelsChanged = false;

    bool isEmpty() const
    {
        return conversationIds.isEmpty() && messageIds.isEmpty() && removedMessageIds.isEmpty()
            && removedConversationIds.isEmpty() && accountIds.isEmpty() && contactIds.isEmpty()
            && !snoozesChanged && !savedRepliesChanged && !labelsChanged;
    }
    // While a change is collected ids are only appended (a group commit touches tens of thousands);
    // normalize() drops the repeats once, before the change is announced.
    void addConversation(qint64 id) { conversationIds.append(id); }
    void addMessage(qint64 conversationId, qint64 messageId)
    {
        conversationIds.append(conversationId);
        messageIds.append(messageId);
    }
    void merge(const StoreChange &other)
    {
        conversationIds += other.conversationIds;
        messageIds += other.messageIds;
        removedMessageIds += other.removedMessageIds;
        removedConversationIds += other.removedConversationIds;
        accountIds += other.accountIds;
        contactIds += other.contactIds;
        snoozesChanged = snoozesChanged || other.snoozesChanged;
        savedRepliesChanged = savedRepliesChanged || other.savedRepliesChanged;
        labelsChanged = labelsChanged || other.labelsChanged;
    }
    void normalize()
    {
        dedupe(conversationIds);
        dedupe(messageIds);
        dedupe(removedMessageIds);
        dedupe(removedConversationIds);
        dedupe(accountIds);
        dedupe(contactIds);
    }

private:
    template <typename T>
    static void dedupe(QList<T> &list)
    {
        if (list.size() < 2)
            return;
        QSet<T> seen;
        QList<T> unique;
        unique.reserve(list.size());
        for (const T &v : std::as_const(list))
            if (!seen.contains(v)) {
                seen.insert(v);
                unique.append(v);
            }
        list = std::move(unique);
    }
};

} // namespace inlet

Q_DECLARE_METATYPE(inlet::StoreChange)
