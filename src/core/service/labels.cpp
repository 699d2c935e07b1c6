#include "service/labels.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "service/triagewrites.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

namespace inlet {

Labels::Labels(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_local(std::make_unique<LocalTriageWrites>(store))
    , m_writes(m_local.get())
{
    connect(store, &Store::changed, this, &Labels::onStoreChanged);
    reload();
}

Labels::~Labels() = default;

void Labels::setWrites(TriageWrites *writes)
{
    m_writes = writes ? writes : m_local.get();
}

void Labels::onStoreChanged(const StoreChange &change)
{
    if (change.labelsChanged)
        reload();
}

Label Labels::label(qint64 id) const
{
    const Label *found = findLabel(m_labels, id);
    return found ? *found : Label {};
}

void Labels::reload()
{
    // The pool answers in the order asked: the last answer is the newest list.
    auto read = m_store->readers()->read<QList<Label>>(
        [](StoreReader &reader) { return reader.labels(); });
    onDone(read, this, [this](const Result<QList<Label>> &list) {
        if (!list) {
            if (list.error().kind != Error::Kind::Cancelled) {
                qCWarning(lcStore) << "labels not read:" << list.error().message;
                emit loadFailed(list.error());
            }
            return;
        }
        const bool same = m_loaded && *list == m_labels;
        m_labels = *list;
        m_loaded = true;
        if (!same)
            emit labelsChanged();
    });
}

QFuture<Result<qint64>> Labels::save(const Label &label)
{
    return m_writes->saveLabel(label);
}

QFuture<Status> Labels::remove(qint64 id)
{
    return m_writes->removeLabel(id);
}

QFuture<Status> Labels::setOnConversation(qint64 conversationId, qint64 labelId, bool on)
{
    return m_writes->setConversationLabel(conversationId, labelId, on);
}

} // namespace inlet
