#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The server's side of the team outbox (inlet.outbox): claiming work so that several servers on
// one database never take the same row.
namespace inlet::team::outbox {

struct Claimed {
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 conversationId = 0;
    QString agentRole; // who wrote the reply
    QString kind;
    QByteArray body; // JSON
    int attempts = 0; // including this one
};

// Marks up to `limit` queued rows due at `nowMs` as 'sending' by `worker` and returns them, oldest
// first. Rows locked by another transaction are skipped (FOR UPDATE SKIP LOCKED), so claims made
// at the same time from two connections are disjoint. Run it in the caller's transaction or alone.
Result<QList<Claimed>> claim(
    const QSqlDatabase &db, const QString &worker, int limit, qint64 nowMs);

} // namespace inlet::team::outbox
