#pragma once

#include "models/inboxsource.h"
#include "store/storetypes.h"

#include <QString>

#include <memory>

namespace inlet {

class ReaderPool;
class StoreReader;
struct StoredConversation;
struct StoredMessage;

// InboxSource over the store: each call reads through the calling thread's reader from the
// store's ReaderPool (Store::readers()), so call it from a worker thread (the models do), never
// from the GUI thread. Avatars are looked up in `avatarDir/<igsid>` (where the profile cache
// writes them).
class StoreInboxSource : public InboxSource {
public:
    explicit StoreInboxSource(std::shared_ptr<ReaderPool> readers, QString avatarDir = {});
    ~StoreInboxSource() override;

    Result<QList<ConversationRow>> inboxPage(const InboxFilter &filter,
                                             std::optional<InboxKey> after, int limit) override;
    Result<std::optional<ConversationRow>> conversation(qint64 id) override;
    Result<ViewCounts> viewCounts(const InboxFilter &filter) override;
    Result<QList<ConversationRow>> search(const QString &query, const InboxFilter &filter,
                                          int limit) override;
    Result<QList<ConversationRow>> findByContact(const QString &text, const InboxFilter &filter,
                                                 int limit) override;
    Result<std::optional<ContactIndex>> contactIndex() override;
    Result<QList<ConversationRow>> conversationsByIds(const QList<qint64> &ids) override;
    Result<QList<MessageRow>> newestMessages(qint64 conversationId, int limit) override;
    Result<QList<MessageRow>> messagesBefore(qint64 conversationId, MessageKey before,
                                             int limit) override;
    Result<QList<MessageRow>> messagesAfter(qint64 conversationId, MessageKey after,
                                            int limit) override;
    Result<std::optional<MessageRow>> message(qint64 id) override;

    ConversationRow toRow(const StoredConversation &c) const;
    // The store's query for a list filter (its view, account and filters, "now").
    static InboxQuery queryFor(const InboxFilter &filter);
    static MessageRow toRow(const StoredMessage &m);

private:
    Result<StoreReader *> reader();

    std::shared_ptr<ReaderPool> m_readers;
    QString m_avatarDir;
};

} // namespace inlet
