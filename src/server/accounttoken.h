#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace inlet::server {

// The Instagram token of the account `igUserId` from inlet.secrets (readable by the server's role
// only). No token is an Error::Kind::Graph with code 190, as Instagram answers for a lost one.
Result<QString> instagramToken(const QSqlDatabase &db, const QString &igUserId);

} // namespace inlet::server
