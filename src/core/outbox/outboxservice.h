#pragma once

#include <QObject>

#include <memory>

namespace inlet {

class GraphClient;
class GraphOutboxTransport;
class HttpMediaUploader;
class Outbox;
class ReactionQueue;
class SenderActions;
class Store;
class StoreOutboxStorage;
class TokenVault;

// The outbox wired to the real Store, GraphClient and TokenVault (tokens "account/<IG_ID>").
// One for all accounts; lives in the thread that created it. The service layer does:
//   auto *out = new OutboxService(store, client, vault, this);
//   out->outbox()->start();                                   // resends what a restart left
//   out->outbox()->send({accountId, igsid, text});            // composer
//   out->outbox()->retry(localId); out->outbox()->remove(localId);   // failed message buttons
//   out->senderActions()->typingOn(accountId, igsid);
//   out->mediaUploader()->setHost(uploadUrl, publicUrl);     // attachments from a file
//   out->reactions()->start(); out->reactions()->react(messageId, emoji);  // the manager's own
class OutboxService : public QObject
{
    Q_OBJECT
public:
    OutboxService(Store *store, GraphClient *client, TokenVault *vault, QObject *parent = nullptr);
    ~OutboxService() override;

    Outbox *outbox() const { return m_outbox.get(); }
    SenderActions *senderActions() const { return m_actions.get(); }
    ReactionQueue *reactions() const { return m_reactions.get(); }
    GraphOutboxTransport *transport() const { return m_transport.get(); }
    // Uploads attachments given by file (token "media-host/token" from the vault, if any).
    HttpMediaUploader *mediaUploader() const { return m_uploader.get(); }

private:
    std::unique_ptr<StoreOutboxStorage> m_storage;
    std::unique_ptr<GraphOutboxTransport> m_transport;
    std::unique_ptr<HttpMediaUploader> m_uploader;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<SenderActions> m_actions;
    std::unique_ptr<ReactionQueue> m_reactions;
};

} // namespace inlet
