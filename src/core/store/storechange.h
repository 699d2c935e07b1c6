#pragma once

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace inlet {

// What one commit touched, so views refresh only those rows. Emitted by Store::changed.
struct StoreChange {
    QList<qint64> conversationIds;   // rows of the inbox to refresh (created or updated)
    QList<qint64> messageIds;        // messages created or updated
    QList<qint64> removedMessageIds; // messages gone (outbox row deleted, echo merged into outbox)
    QList<qint64> removedConversationIds;
    QStringList accountIds;          // accounts created, updated or removed
    QStringList contactIds;          // contacts whose profile changed

    bool isEmpty() const
    {
        return conversationIds.isEmpty() && messageIds.isEmpty() && removedMessageIds.isEmpty()
            && removedConversationIds.isEmpty() && accountIds.isEmpty() && contactIds.isEmpty();
    }
    void addConversation(qint64 id) { addUnique(conversationIds, id); }
    void addMessage(qint64 conversationId, qint64 messageId)
    {
        addConversation(conversationId);
        addUnique(messageIds, messageId);
    }
    // Appends `other` (a later change) without duplicates.
    void merge(const StoreChange &other)
    {
        for (qint64 id : other.conversationIds)
            addUnique(conversationIds, id);
        for (qint64 id : other.messageIds)
            addUnique(messageIds, id);
        for (qint64 id : other.removedMessageIds)
            addUnique(removedMessageIds, id);
        for (qint64 id : other.removedConversationIds)
            addUnique(removedConversationIds, id);
        for (const QString &id : other.accountIds)
            if (!accountIds.contains(id))
                accountIds.append(id);
        for (const QString &id : other.contactIds)
            if (!contactIds.contains(id))
                contactIds.append(id);
    }

private:
    static void addUnique(QList<qint64> &list, qint64 id)
    {
        if (!list.contains(id))
            list.append(id);
    }
};

} // namespace inlet

Q_DECLARE_METATYPE(inlet::StoreChange)
