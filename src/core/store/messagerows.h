#pragma once

#include "common/result.h"
#include "store/sqlutil.h"
#include "store/storetypes.h"

// Reading message rows into StoredMessage, shared by the reader and the outbox.
namespace inlet::messagerows {

// "SELECT <columns> FROM messages m JOIN conversations c ... LEFT JOIN messages q (the quoted one)"
// ready for a WHERE clause.
QString selectSql();
StoredMessage fromRow(const QSqlQuery &row);
// Fills attachments and reactions of `messages` (two queries for the whole list).
Status loadDetails(sql::StatementCache &statements, QList<StoredMessage> &messages);

} // namespace inlet::messagerows
