#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
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
// `agentNames` (role -> display name, from inlet.agents) names the sender of outgoing messages:
// meta.sent_by_name beside meta.sent_by (the bubble shows it, falling back to the role).
Result<Applied> apply(WriteContext &context, const QList<Change> &changes, const QString &agentRole,
    const QHash<QString, QString> &agentNames = {});

// An account granted to the agent after its replica had passed some of its changes: the
// account's older changes (read by account, seq up to what the replica had applied, ascending)
// applied now, without moving the stored number. Malformed rows are skipped as in apply().
Result<Applied> backfill(WriteContext &context, const QList<Change> &changes,
    const QString &agentRole, const QHash<QString, QString> &agentNames = {});

// The accounts whose whole log this replica has (team ids), and recording more of them.
Result<QList<qint64>> followedAccounts(WriteContext &context);
Status setFollowed(WriteContext &context, const QList<qint64> &accountIds);

// An account this agent may no longer see (access revoked): its conversations and messages leave
// the local store (Store::changed reports them removed), with their team ids, so that a later
// grant reads the account from the start again (backfill) into fresh rows; it is no longer
// followed. The account itself stays listed as removed.
Status forgetAccount(WriteContext &context, qint64 teamAccountId);
// The team id of the local row `localId` the replica made for `entity` ("conversation", "label",
// "saved_reply"), 0 if none; and the other way round.
Result<qint64> teamIdOf(WriteContext &context, const QString &entity, qint64 localId);
Result<qint64> localIdOf(WriteContext &context, const QString &entity, qint64 teamId);

// Which team database the store follows (empty for a new replica), and recording it.
Result<QString> teamDatabase(WriteContext &context);
Status setTeamDatabase(WriteContext &context, const QString &identity);

// The agents' display names changed (or were first read): every replicated message sent by one of
// `changed`'s roles is named again (meta.sent_by_name; removed for an empty name).
Status renameAgents(WriteContext &context, const QHash<QString, QString> &changed);

} // namespace inlet::team::replica
