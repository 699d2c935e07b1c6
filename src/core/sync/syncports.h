#pragma once

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

#include "common/result.h"
#include "model/events.h"
#include "model/types.h"

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
};

} // namespace inlet
