#pragma once

#include "models/inboxsource.h"

#include <QString>

#include <memory>

namespace inlet {

class StoreReader;
struct StoredConversation;
struct StoredMessage;

// InboxSource over the store's database file: one StoreReader per calling thread (Qt Sql
// connections belong to their thread), created on first use and closed on that thread when it
// finishes. Avatars are looked up in `avatarDir/<igsid>` (where the profile cache writes them).
class StoreInboxSource : public InboxSource {
public:
    explicit StoreInboxSource(QString databasePath, QString avatarDir = {});
    ~StoreInboxSource() override;

    Result<QList<ConversationRow>> inboxPage(const InboxFilter &filter,
                                             std::optional<InboxKey> after, int limit) override;
    Result<std::optional<ConversationRow>> conversation(qint64 id) override;
    Result<QList<ConversationRow>> search(const QString &query, const InboxFilter &filter,
                                          int limit) override;
    Result<QList<ConversationRow>> findByContact(const QString &text, const InboxFilter &filter,
                                                 int limit) override;
    Result<QList<MessageRow>> newestMessages(qint64 conversationId, int limit) override;
    Result<QList<MessageRow>> messagesBefore(qint64 conversationId, MessageKey before,
                                             int limit) override;
    Result<QList<MessageRow>> messagesAfter(qint64 conversationId, MessageKey after,
                                            int limit) override;
    Result<std::optional<MessageRow>> message(qint64 id) override;

    ConversationRow toRow(const StoredConversation &c) const;
    static MessageRow toRow(const StoredMessage &m);

private:
    struct Readers;
    Result<StoreReader *> reader();

    QString m_path;
    QString m_avatarDir;
    std::shared_ptr<Readers> m_readers;
};

} // namespace inlet
