#pragma once

#include "common/result.h"

#include <QString>

namespace inlet {

struct WriteContext;

// Internal notes (issue 13): rows of the conversation's timeline (messages, kind Note) that are
// never sent. Not outgoing and never Queued, so the outbox never picks one (it sends outgoing
// Queued rows only); they do not move the conversation's preview, unread count or "needs reply".
// Solo mode writes them here directly; team mode writes them to the team database, and the
// replica inserts them here.
namespace notes {

struct NewNote {
    qint64 conversationId = 0;
    QString text;
    QString author; // the agent's role in team mode, empty in solo mode
    qint64 createdMs = 0;
    // A uuid: the same note written twice (a replica reading a batch again) is stored once.
    QString clientId;
};

// Inserts the note (or finds it by clientId, and takes its text when it was edited since); its
// local message id. Runs in a Store::write job.
Result<qint64> insert(WriteContext &context, const NewNote &note);
// Changes a note's text (the message `id` must be a note: Invalid otherwise, and for an empty
// text). Runs in a Store::write job.
Status edit(WriteContext &context, qint64 id, const QString &text);
// Deletes a note (only a note: Invalid otherwise). Runs in a Store::write job.
Status remove(WriteContext &context, qint64 id);

} // namespace notes
} // namespace inlet
