#pragma once

#include "common/result.h"
#include "model/types.h"

#include <QSqlDatabase>
#include <QString>

namespace inlet::server {

// Stores a connected Instagram account and its token in one transaction: the inlet.accounts row
// (created, or updated and shown again when it was removed; an empty name or picture keeps the
// old one) and the token in inlet.secrets (readable by the server's role only), with its expiry
// in ms since the epoch (0: unknown, refreshed at the next token refresh). When `grantTo` names
// an agent, that agent may see the account. What `inlet-server account add` and the sign-in
// hand-off both use. Returns the account's inlet.accounts id.
Result<qint64> storeAccount(const QSqlDatabase &db, const Account &account, const QString &token,
    qint64 expiresMs, const QString &grantTo = {});

} // namespace inlet::server
