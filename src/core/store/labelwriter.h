#pragma once

#include "common/result.h"
#include "model/label.h"
#include "store/storechange.h"

#include <QVariantList>

namespace inlet {

class WriteSession;

// Labels (schema v10) on the writer thread, inside its open transaction. A refused label is an
// Error::Kind::Invalid whose code is a label::Problem. A team replica can fill the same tables
// through Store::write with these calls.
class LabelWriter {
public:
    explicit LabelWriter(WriteSession &session)
        : m_session(session)
    {
    }

    // Inserts (id 0) or updates (rename, recolour) the label; returns its id. The name is stored
    // normalized (normalizedLabelName) and must not be another label's (ignoring case).
    Result<qint64> save(const Label &label, qint64 nowMs, StoreChange &change);
    // Deletes the label and takes it off every conversation (their rows are announced).
    Status remove(qint64 id, StoreChange &change);
    // Puts the label on the conversation (`on`) or takes it off; doing what is already done is
    // no change.
    Status setOnConversation(qint64 conversationId, qint64 labelId, bool on, StoreChange &change);

private:
    // The label named `name` (ignoring case), 0 if none.
    Result<qint64> holderOf(const QString &name);
    // The conversations carrying label `id`.
    Result<QList<qint64>> conversationsWith(qint64 id);
    // Runs a statement; returns the rows it changed.
    Result<int> change(const QString &sql, const QVariantList &values);

    WriteSession &m_session;
};

} // namespace inlet
