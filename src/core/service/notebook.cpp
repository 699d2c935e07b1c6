#include "service/notebook.h"

#include "store/notewriter.h"
#include "store/store.h"

#include <QDateTime>
#include <QUuid>

namespace inlet {

LocalNotebook::LocalNotebook(Store *store, std::function<qint64()> nowMs)
    : m_store(store)
    , m_now(nowMs ? std::move(nowMs) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

QFuture<Status> LocalNotebook::addNote(
    qint64 conversationId, const QString &accountId, const QString &customerId, const QString &text)
{
    (void)accountId;
    (void)customerId;
    notes::NewNote note;
    note.conversationId = conversationId;
    note.text = text;
    note.createdMs = m_now();
    note.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return m_store->write([note](WriteContext &c) -> Status {
        auto id = notes::insert(c, note);
        if (!id)
            return std::unexpected(id.error());
        return {};
    });
}

QFuture<Status> LocalNotebook::editNote(
    qint64 messageId, const QString &clientId, const QString &text)
{
    (void)clientId;
    return m_store->write(
        [messageId, text](WriteContext &c) -> Status { return notes::edit(c, messageId, text); });
}

QFuture<Status> LocalNotebook::deleteNote(qint64 messageId, const QString &clientId)
{
    (void)clientId;
    return m_store->write(
        [messageId](WriteContext &c) -> Status { return notes::remove(c, messageId); });
}

} // namespace inlet
