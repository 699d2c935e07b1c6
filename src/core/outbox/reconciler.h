#pragma once

#include <QObject>

#include <functional>
#include <optional>

#include "common/result.h"
#include "outbox/outboxports.h"

namespace inlet {

// Finds out whether a message that may have reached Instagram (in flight when the app died, or a
// send that got no clear answer) is already there, so it is never sent twice.
//
// The rule: look at the customer's conversation on Instagram (Conversations API, the newest
// `scanLimit` messages, i.e. the readable ones). The message counts as delivered when one of
// them was sent BY THE BUSINESS, carries the SAME TEXT (for an attachment-only message: no text
// and an attachment), was created no earlier than the enqueue time minus `skewMs` (clocks
// differ), and its mid is not already owned by another outbox row (two identical "ok"s stay two).
// The oldest such message wins. An echo webhook that arrived meanwhile is covered by the same
// look-up (it is the same message on Instagram), and the store merges its row on markSent.
// If Instagram cannot be asked (network, rate limit), the answer is an error, never "not found":
// the caller retries later instead of risking a double.
class Reconciler : public QObject
{
    Q_OBJECT
public:
    // Found -> the mid; not there -> nullopt; could not tell -> error.
    using Done = std::function<void(const Result<std::optional<QString>> &)>;

    Reconciler(OutboxTransport *transport, OutboxStorage *storage, QObject *parent = nullptr);
    // Which of `mids` other outbox rows own already, from any store (the team server asks
    // PostgreSQL): the storage's claimedMids in the constructor above.
    using ClaimedMids = std::function<QFuture<Result<QSet<QString>>>(
        const QString &accountId, const QStringList &mids)>;
    Reconciler(OutboxTransport *transport, ClaimedMids claimedMids, QObject *parent = nullptr);

    void setSkewMs(qint64 ms) { m_skewMs = ms; }
    void setScanLimit(int n) { m_scanLimit = n; }

    void reconcile(const OutboxItem &item, Done done);

private:
    struct Job;
    void checkCandidates(const std::shared_ptr<Job> &job);

    OutboxTransport *m_transport;
    ClaimedMids m_claimedMids;
    qint64 m_skewMs = 5 * 60 * 1000;
    int m_scanLimit = 20;
};

} // namespace inlet
