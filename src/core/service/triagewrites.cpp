#include "service/triagewrites.h"

#include "store/store.h"

namespace inlet {

QFuture<Status> LocalTriageWrites::setConversationStatus(
    qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs)
{
    return m_store->setConversationStatus(conversationId, status, snoozedUntilMs);
}

QFuture<Result<qint64>> LocalTriageWrites::saveLabel(const Label &label)
{
    return m_store->saveLabel(label);
}

QFuture<Status> LocalTriageWrites::removeLabel(qint64 id)
{
    return m_store->removeLabel(id);
}

QFuture<Status> LocalTriageWrites::setConversationLabel(
    qint64 conversationId, qint64 labelId, bool on)
{
    return m_store->setConversationLabel(conversationId, labelId, on);
}

QFuture<Result<qint64>> LocalTriageWrites::saveReply(const SavedReply &reply)
{
    return m_store->saveReply(reply);
}

QFuture<Status> LocalTriageWrites::removeReply(qint64 id)
{
    return m_store->removeReply(id);
}

QFuture<Result<int>> LocalTriageWrites::importReplies(const QList<SavedReply> &replies)
{
    return m_store->importReplies(replies);
}

} // namespace inlet
