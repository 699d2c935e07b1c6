#pragma once

#include "common/result.h"
#include "model/events.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace inlet {

// What sync needs from Instagram for ONE account (token already bound). The production
// implementation wraps GraphClient (graphsyncsource.h); tests may use a fake.
class SyncSource
{
public:
    virtual ~SyncSource() = default;

    // GET /me/conversations?platform=instagram&limit=&after= -> {"data":[{id,updated_time}],"paging"}
    virtual QFuture<Result<QJsonObject>> conversations(const QString &after, int limit) = 0;
    // GET /<conversation>?fields=messages -> {"messages":{"data":[{id,created_time}],"paging"}}
    // (later pages: the paging.cursors.after of the previous page)
    virtual QFuture<Result<QJsonObject>> conversationMessages(const QString &conversationId,
                                                              const QString &after) = 0;
    // GET /<mid>?fields=messageNodeFields() (every field messageToEvent reads)
    virtual QFuture<Result<QJsonObject>> message(const QString &mid) = 0;
    // GET /<igsid>?fields=name,username,profile_pic,follower_count,...
    virtual QFuture<Result<QJsonObject>> userProfile(const QString &igsid) = 0;
    // Extra wait the client suggests from the usage headers (X-App-Usage, BUC), 0 if none.
    virtual qint64 suggestedDelayMs() const { return 0; }
};

// What sync needs from the local store. Production: StoreSyncTarget over Store + StoreReader.
class SyncTarget
{
public:
    virtual ~SyncTarget() = default;

    // Idempotent on mids: the webhook path hands the same events in, nothing is doubled.
    virtual QFuture<Status> applyEvents(const QList<InboundEvent> &events) = 0;
    // Which of `mids` the store already has (for `accountId`), so their details are not fetched.
    virtual QFuture<Result<QSet<QString>>> knownMids(const QString &accountId,
                                                     const QStringList &mids) = 0;
    virtual QFuture<Status> upsertContact(const QString &accountId, const Contact &contact) = 0;
    // When a contact's profile was last fetched, if it ever was.
    virtual QFuture<Result<std::optional<QDateTime>>> contactFetchedAt(const QString &accountId,
                                                                       const QString &igsid) = 0;
    // Remembers Instagram's conversation id for (account, customer); optional.
    virtual QFuture<Status> linkConversation(const QString &accountId, const QString &customerId,
                                             const QString &conversationId)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(customerId);
        Q_UNUSED(conversationId);
        return QtFuture::makeReadyFuture(Status{});
    }
    // What the engine knew of Instagram's conversation list when the app last ran (optional:
    // without it the first Incremental run after a start walks every conversation).
    virtual QFuture<Result<SyncState>> syncState(const QString &accountId)
    {
        Q_UNUSED(accountId);
        return QtFuture::makeReadyFuture(Result<SyncState>(SyncState {}));
    }
    virtual QFuture<Status> rememberConversationSynced(
        const QString &accountId, const QString &conversationId, qint64 updatedMs)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(conversationId);
        Q_UNUSED(updatedMs);
        return QtFuture::makeReadyFuture(Status {});
    }
    virtual QFuture<Status> setSyncWalkComplete(const QString &accountId, bool complete)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(complete);
        return QtFuture::makeReadyFuture(Status {});
    }
    // Older messages of the conversation with `customerId` may be missing (more new ones than the
    // 20 Instagram lets a client read).
    virtual QFuture<Status> markOlderMissing(const QString &accountId, const QString &customerId)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(customerId);
        return QtFuture::makeReadyFuture(Status {});
    }
};

} // namespace inlet
