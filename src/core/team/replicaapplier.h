#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace inlet {
struct WriteContext;
}

// The desktop's side of the team database: rows of inlet.change_log applied to the local SQLite
// store (docs/team.md, "Replicas"). Runs on the store's writer thread, inside its transaction
// (Store::write), so the rows and the number of the last change applied commit together: a crash
// neither skips nor doubles a change.
namespace inlet::team::replica {

// One row of inlet.change_log.
struct Change {
    qint64 seq = 0;
    qint64 accountId = 0;
    QString entity; // accounts, contacts, conversations, messages, outbox, assignments, notes
    qint64 entityId = 0;
    QChar op; // I, U, D
    QByteArray rowData; // the row after the change as JSON text; empty on delete
};

struct Applied {
    qint64 lastSeq = 0; // the number now stored as applied
    int applied = 0; // changes applied (or with nothing to do)
    int skipped = 0; // malformed, or naming a row the replica never received: logged
};

// The last change-log number applied (0 for a new replica).
Result<qint64> lastSeq(WriteContext &context);

// Applies `changes` (ascending seq) as `agentRole` (whose replies' results come back through the
// outbox rows) and stores the last seq. Changes at or below the stored number are ignored (a batch
// read twice applies once). A malformed row is skipped with a logged warning and its number still
// counts as applied: the log is append-only, so waiting would stall the replica for good, and the
// entity's next change carries its whole row again. A failure of the local store fails the whole
// batch (nothing of it is kept) so that it is read again.
Result<Applied> apply(
    WriteContext &context, const QList<Change> &changes, const QString &agentRole);

} // namespace inlet::team::replica
