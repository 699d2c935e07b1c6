#pragma once

#include "common/result.h"
#include "model/savedreply.h"
#include "store/storechange.h"

#include <QVariantList>

namespace inlet {

class WriteSession;

// Saved replies (schema v8) on the writer thread, inside its open transaction. A refused reply is
// an Error::Kind::Invalid whose code is a savedreply::Problem.
class SavedReplyWriter {
public:
    explicit SavedReplyWriter(WriteSession &session)
        : m_session(session)
    {
    }

    // Inserts (id 0) or updates the reply; returns its id. The shortcut is stored normalized
    // (normalizedShortcut) and must not be another reply's (ignoring case).
    Result<qint64> save(const SavedReply &reply, qint64 nowMs, StoreChange &change);
    Status remove(qint64 id, StoreChange &change);
    // Adds `replies` in one go; one whose shortcut is already taken replaces that reply's title
    // and text instead of adding a second. Returns how many were added or replaced.
    Result<int> import(const QList<SavedReply> &replies, qint64 nowMs, StoreChange &change);

private:
    // The reply holding `shortcut` (ignoring case), 0 if none.
    Result<qint64> holderOf(const QString &shortcut);
    // Runs an UPDATE or DELETE of one reply; NotFound when it changed no row.
    Status changeOne(const QString &sql, const QVariantList &values);

    WriteSession &m_session;
};

} // namespace inlet
