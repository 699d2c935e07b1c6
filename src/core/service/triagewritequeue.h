#pragma once

#include "common/result.h"
#include "model/label.h"
#include "model/savedreply.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace inlet {

class Store;

// Team mode's label and saved-reply writes made while the team database cannot be reached
// (issue 13, like replies in the outbox): applied to the local store at once (the UI shows them)
// and kept in `team_pending_writes` (schema step 14) in the same transaction, with how to undo
// each; sent in order when the connection returns (flush). A write the team refuses then (the
// label was deleted meanwhile, a name taken) is undone locally and announced (rolledBack); one
// that finds the database away again waits for the next flush. While writes wait, new ones wait
// behind them (the order holds). `send` performs one write in the team database (TeamMode's
// follower); its failure with code triagewrites::TeamUnreachable means "not reachable".
class TriageWriteQueue : public QObject {
    Q_OBJECT
public:
    using Send = std::function<QFuture<Result<qint64>>(const QJsonObject &write)>;
    TriageWriteQueue(Store *store, Send send, QObject *parent = nullptr);

    // Reads the writes left from an earlier run; flush() sends them.
    void load();
    int pending() const { return m_pending; }

    QFuture<Result<qint64>> saveLabel(const Label &label);
    QFuture<Status> removeLabel(qint64 id);
    QFuture<Status> setConversationLabel(qint64 conversationId, qint64 labelId, bool on);
    QFuture<Result<qint64>> saveReply(const SavedReply &reply);
    QFuture<Status> removeReply(qint64 id);

    // Sends the waiting writes, oldest first (the connection is back).
    void flush();

signals:
    void pendingChanged(int count);
    // A queued write the team refused was undone here. `write`: its op ("saveLabel", ...) and
    // fields (name, title); the app words it.
    void rolledBack(const QJsonObject &write, const inlet::Error &reason);

private:
    struct Local;
    // Tries the team first when nothing waits; queues locally when it cannot be reached.
    QFuture<Result<qint64>> write(const QJsonObject &write);
    QFuture<Result<qint64>> queueLocally(const QJsonObject &write);
    void sendNext();
    void setPending(int count);

    Store *m_store;
    Send m_send;
    int m_pending = 0;
    bool m_flushing = false;
};

} // namespace inlet
