#include "outbox/reconciler.h"

#include <QJsonArray>

#include "common/logging.h"
#include "common/ondone.h"
#include "model/conversationjson.h"

namespace inlet {

struct Reconciler::Job {
    OutboxItem item;
    Done done;
    QStringList candidates; // oldest first
};

Reconciler::Reconciler(OutboxTransport *transport, OutboxStorage *storage, QObject *parent)
    : Reconciler(transport,
          [storage](const QString &accountId, const QStringList &mids) {
              return storage->claimedMids(accountId, mids);
          },
          parent)
{
}

Reconciler::Reconciler(OutboxTransport *transport, ClaimedMids claimedMids, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_claimedMids(std::move(claimedMids))
{
}

void Reconciler::reconcile(const OutboxItem &item, Done done)
{
    auto job = std::make_shared<Job>(Job{item, std::move(done), {}});
    const QString accountId = item.message.accountId;
    onDone(m_transport->findConversation(accountId, item.message.customerId), this,
           [this, job, accountId](const Result<QJsonObject> &found) {
               if (!found) {
                   job->done(std::unexpected(found.error()));
                   return;
               }
               const QJsonArray data = found->value(QStringLiteral("data")).toArray();
               if (data.isEmpty()) {
                   job->done(std::optional<QString>()); // no conversation: nothing was delivered
                   return;
               }
               const QString conversationId = data.first().toObject().value(QStringLiteral("id")).toString();
               onDone(m_transport->conversationMessages(accountId, conversationId), this,
                      [this, job, accountId](const Result<QJsonObject> &listed) {
                          if (!listed) {
                              job->done(std::unexpected(listed.error()));
                              return;
                          }
                          const Result<MessageIdPage> page = parseMessageIdPage(*listed);
                          if (!page) {
                              job->done(std::unexpected(page.error()));
                              return;
                          }
                          QStringList mids;
                          const qint64 since = job->item.enqueuedMs - m_skewMs;
                          for (int i = 0; i < page->messages.size() && i < m_scanLimit; ++i) {
                              const MessageRef &m = page->messages.at(i);
                              if (m.createdMs == 0 || m.createdMs >= since) {
                                  mids.prepend(m.mid); // newest-first list -> oldest first
                              }
                          }
                          if (mids.isEmpty()) {
                              job->done(std::optional<QString>());
                              return;
                          }
                          onDone(m_claimedMids(accountId, mids), this,
                                 [this, job, mids](const Result<QSet<QString>> &claimed) {
                                     if (!claimed) {
                                         job->done(std::unexpected(claimed.error()));
                                         return;
                                     }
                                     for (const QString &mid : mids) {
                                         if (!claimed->contains(mid)) {
                                             job->candidates.append(mid);
                                         }
                                     }
                                     checkCandidates(job);
                                 });
                      });
           });
}

void Reconciler::checkCandidates(const std::shared_ptr<Job> &job)
{
    if (job->candidates.isEmpty()) {
        job->done(std::optional<QString>());
        return;
    }
    const QString mid = job->candidates.takeFirst();
    const OutgoingMessage &msg = job->item.message;
    onDone(m_transport->message(msg.accountId, mid), this, [this, job, mid](const Result<QJsonObject> &r) {
        if (!r) {
            // Unreadable (deleted meanwhile) is not ours to judge; anything else: can't tell.
            if (r.error().kind == Error::Kind::Graph && r.error().code == 100) {
                checkCandidates(job);
            } else {
                job->done(std::unexpected(r.error()));
            }
            return;
        }
        const OutgoingMessage &m = job->item.message;
        const Result<InboundEvent> e = messageToEvent(*r, m.accountId);
        const bool hasAttachment = !m.attachmentUrl.isEmpty() || !m.attachmentPath.isEmpty();
        const bool sameText = e && (hasAttachment ? e->text.isEmpty() && !e->attachments.isEmpty()
                                                  : e->text == m.text);
        if (e && e->outgoing && e->customerId == m.customerId && sameText) {
            qCInfo(lcOutbox) << "message" << job->item.localId << "was already delivered";
            job->done(std::optional<QString>(mid));
            return;
        }
        checkCandidates(job);
    });
}

} // namespace inlet
