#pragma once

#include "models/modelrows.h"

#include <QList>
#include <QString>
#include <QStringList>

// The collision guard of team mode (issue 13): before a reply goes out, whether another agent
// answered the conversation since this agent opened it, or is typing a reply to it right now; the
// app then asks before sending.
namespace inlet::collision {

struct Warning {
    QStringList repliedBy; // agents (roles) who replied since it was opened, in order
    bool repliedFromPhone = false; // a reply came from the Instagram app meanwhile
    QStringList typing; // agents typing a reply now
    bool any() const { return !repliedBy.isEmpty() || repliedFromPhone || !typing.isEmpty(); }
};

// `rows`: the open conversation's messages; `openedAtMs`: when this agent opened it; `me`: its
// role; `othersTyping`: the other agents typing on it (presence).
Warning beforeSending(const QList<MessageRow> &rows, qint64 openedAtMs, const QString &me,
    const QStringList &othersTyping);

} // namespace inlet::collision
