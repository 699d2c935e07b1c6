#pragma once

#include "common/result.h"

#include <QFuture>
#include <QString>

#include <functional>

namespace inlet {

class Store;

// Where the inbox writes an internal note of a conversation (issue 13): a row of its timeline
// that is never sent to Instagram. Solo mode: LocalNotebook, straight into the local store
// (without an author). Team mode: TeamMode, into the team database as the agent, and back into
// every desktop's store through the replica.
class Notebook {
public:
    virtual ~Notebook() = default;
    virtual QFuture<Status> addNote(qint64 conversationId, const QString &accountId,
        const QString &customerId, const QString &text)
        = 0;
    // Changes or deletes a note of the timeline: its local message id and its client id (the
    // uuid it was written with; the team database knows it by that). Only its author may: the
    // team database refuses another agent's note (Invalid); solo mode's notes have no author.
    virtual QFuture<Status> editNote(qint64 messageId, const QString &clientId, const QString &text)
        = 0;
    virtual QFuture<Status> deleteNote(qint64 messageId, const QString &clientId) = 0;
};

// Solo mode's notes: a Store::write (never the GUI thread).
class LocalNotebook : public Notebook {
public:
    explicit LocalNotebook(Store *store, std::function<qint64()> nowMs = {});
    QFuture<Status> addNote(qint64 conversationId, const QString &accountId,
        const QString &customerId, const QString &text) override;
    QFuture<Status> editNote(
        qint64 messageId, const QString &clientId, const QString &text) override;
    QFuture<Status> deleteNote(qint64 messageId, const QString &clientId) override;

private:
    Store *m_store;
    std::function<qint64()> m_now;
};

} // namespace inlet
