#pragma once

#include "common/result.h"
#include "outbox/outboxports.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The team outbox (inlet.outbox): the body a desktop writes and the server reads, and the
// server's claims, so that several servers on one database never take the same row.
namespace inlet::team::outbox {

// The body of a reply row (kind text or attachment), the one format both sides use:
// {"text", "reply_to_mid", "human_agent", "attachment_type", "attachment_url"}. The recipient is
// not in it: the server takes it from the row's conversation.
QJsonObject replyBody(const OutgoingMessage &message);
// The fields of `body` into `message` (account and customer untouched); what is missing stays
// empty, anything else in it is ignored.
void readReplyBody(const QJsonObject &body, OutgoingMessage &message);

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
