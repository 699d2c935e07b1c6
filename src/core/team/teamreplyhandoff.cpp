#include "team/teamreplyhandoff.h"

#include "store/readerpool.h"
#include "store/storereader.h"
#include "team/replicafollower.h"
#include "team/teamoutbox.h"

#include <QPromise>

namespace inlet::team {

TeamReplyHandOff::TeamReplyHandOff(ReplicaFollower *follower, std::shared_ptr<ReaderPool> readers)
    : m_follower(follower)
    , m_readers(std::move(readers))
{
}

QFuture<Status> TeamReplyHandOff::handOff(qint64 localId, const OutgoingMessage &message)
{
    ReplicaFollower *follower = m_follower;
    return m_readers
        ->read<QString>([localId](StoreReader &reader) -> Result<QString> {
            auto m = reader.message(localId);
            if (!m)
                return std::unexpected(m.error());
            if (!*m || (*m)->clientId.isEmpty())
                return fail(Error::Kind::Invalid, QStringLiteral("no such outbox message"));
            return (*m)->clientId;
        })
        .then([follower, message](const Result<QString> &clientId) -> QFuture<Status> {
            if (!clientId) {
                QPromise<Status> failed;
                failed.start();
                failed.addResult(Status(std::unexpected(clientId.error())));
                failed.finish();
                return failed.future();
            }
            const QString kind = message.attachmentUrl.isEmpty() ? QStringLiteral("text")
                                                                 : QStringLiteral("attachment");
            // Posted to the follower's thread: the reader thread does not wait for PostgreSQL.
            return follower->enqueueReply(
                *clientId, message.accountId, message.customerId, kind, outbox::replyBody(message));
        })
        .unwrap();
}

} // namespace inlet::team
