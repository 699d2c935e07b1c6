#include "service/savedreplies.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "model/savedreplyjson.h"
#include "service/triagewrites.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QFuture>

namespace inlet {

SavedReplies::SavedReplies(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_local(std::make_unique<LocalTriageWrites>(store))
    , m_writes(m_local.get())
{
    connect(store, &Store::changed, this, &SavedReplies::onStoreChanged);
    reload();
}

SavedReplies::~SavedReplies() = default;

void SavedReplies::setWrites(TriageWrites *writes)
{
    m_writes = writes ? writes : m_local.get();
}

void SavedReplies::onStoreChanged(const StoreChange &change)
{
    if (change.savedRepliesChanged)
        reload();
}

void SavedReplies::reload()
{
    // The pool answers in the order asked: the last answer is the newest list.
    auto read = m_store->readers()->read<QList<SavedReply>>(
        [](StoreReader &reader) { return reader.savedReplies(); });
    onDone(read, this, [this](const Result<QList<SavedReply>> &list) {
        if (!list) {
            if (list.error().kind != Error::Kind::Cancelled) {
                qCWarning(lcStore) << "saved replies not read:" << list.error().message;
                emit loadFailed(list.error());
            }
            return;
        }
        m_replies = *list;
        m_loaded = true;
        emit repliesChanged();
    });
}

QFuture<Result<qint64>> SavedReplies::save(const SavedReply &reply)
{
    return m_writes->saveReply(reply);
}

QFuture<Status> SavedReplies::remove(qint64 id)
{
    return m_writes->removeReply(id);
}

QFuture<Result<int>> SavedReplies::importJson(const QByteArray &json)
{
    auto replies = savedreplyjson::read(json);
    if (!replies)
        return QtFuture::makeReadyFuture(Result<int>(std::unexpected(replies.error())));
    return m_writes->importReplies(*replies);
}

QByteArray SavedReplies::exportJson() const
{
    return savedreplyjson::write(m_replies);
}

void SavedReplies::setAgentName(const QString &name)
{
    const QString simple = name.simplified();
    if (simple == m_agentName)
        return;
    m_agentName = simple;
    emit agentNameChanged(m_agentName);
}

} // namespace inlet
