#include "outbox/outboxservice.h"

#include "outbox/graphoutboxtransport.h"
#include "outbox/httpmediauploader.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "outbox/senderactions.h"
#include "outbox/storeoutboxstorage.h"

namespace inlet {

OutboxService::OutboxService(Store *store, GraphClient *client, TokenVault *vault, QObject *parent)
    : QObject(parent)
    , m_storage(std::make_unique<StoreOutboxStorage>(store))
    , m_transport(std::make_unique<GraphOutboxTransport>(client, vault))
    , m_uploader(std::make_unique<HttpMediaUploader>(vault))
    , m_outbox(std::make_unique<Outbox>(m_storage.get(), m_transport.get()))
    , m_actions(std::make_unique<SenderActions>(m_transport.get()))
    , m_reactions(std::make_unique<ReactionQueue>(store, m_transport.get()))
{
    m_outbox->setUploader(m_uploader.get());
}

OutboxService::~OutboxService()
{
    m_reactions.reset();
    m_actions.reset();
    m_outbox.reset();
}

} // namespace inlet
