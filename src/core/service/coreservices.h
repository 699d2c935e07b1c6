#pragma once

#include "common/result.h"
#include "model/types.h"
#include "service/webhookcontrol.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>

namespace inlet {

class AccountList;
class AccountSync;
class AppSetup;
class Connectivity;
class GraphClient;
class HttpMediaUploader;
class Outbox;
class OutboxService;
class OutboxTransport;
class ProfileCache;
class ReactionQueue;
class SandboxLink;
class SenderActions;
class SignInFlow;
class SnoozeWaker;
class Store;
class SubscriptionKeeper;
class SyncEngine;
class TokenRefreshScheduler;
class TokenVault;
class WebhookServer;
struct SyncReport;

struct CoreOptions {
    QString dataDir;
    quint16 webhookPort = 0;      // 0 picks a free port
    QString verifyToken;          // what Meta's dashboard must send in the GET handshake
    bool pollingMode = false;     // no public webhook URL: walk the Conversations API on a timer
    int pollIntervalMs = 30'000;
    int rateLimitCapMs = -1;      // caps rate-limit waits (tests); negative = Instagram's own
};

// Everything the app (windowed or --headless) runs, created and wired in one place:
// Store (own writer thread), TokenVault, GraphClient, TokenRefreshScheduler, AppSetup, AccountList,
// SignInFlow,
// the WebhookServer (own thread; commits through Store::applyEvents before answering 200),
// one SyncEngine + ProfileCache per connected account, and the Outbox with its sender.
class CoreServices : public WebhookControl {
    Q_OBJECT
public:
    static Result<std::unique_ptr<CoreServices>> create(const CoreOptions &options,
                                                        QObject *parent = nullptr);
    ~CoreServices() override;

    const CoreOptions &options() const { return m_options; }
    Store *store() const { return m_store.get(); }
    TokenVault *vault() const { return m_vault; }
    GraphClient *graph() const { return m_graph; }
    // Whether Instagram (or the sandbox) answers, from the GraphClient's calls (offline indicator).
    Connectivity *connectivity() const { return m_connectivity; }
    TokenRefreshScheduler *scheduler() const { return m_scheduler; }
    // The Meta app's set-up (AppConfig) and its secrets in the keychain.
    AppSetup *appSetup() const { return m_appSetup; }
    // The connected accounts.
    AccountList *accounts() const { return m_accounts; }
    // Signing an account in (the OAuth code flow), one at a time.
    SignInFlow *signInFlow() const { return m_signIn; }
    // The sandbox's control API, when one stands in for Instagram (service/sandboxlink.h).
    SandboxLink *sandboxLink() const { return m_sandboxLink; }
    Outbox *outbox() const;
    SenderActions *senderActions() const;
    OutboxTransport *outboxTransport() const;
    // Attachments from a file go to the media host of AppSetup::config() (kept in step).
    HttpMediaUploader *mediaUploader() const;
    ReactionQueue *reactions() const; // the manager's own reactions, durable like the outbox
    WebhookServer *webhookServer() const { return m_webhook.get(); }
    // Every account's webhook subscription: subscribed at start-up and sign-in, checked every few
    // hours and after a sleep, re-subscribed when Meta switched it off; its state per account.
    SubscriptionKeeper *subscriptions() const { return m_keeper; }
    // Opens snoozed conversations when their snooze ends.
    SnoozeWaker *snoozes() const { return m_snoozes; }
    SyncEngine *syncEngine(const QString &accountId) const;
    ProfileCache *profileCache(const QString &accountId) const;

    // Starts the webhook server with the app secrets from the keychain: the Instagram App Secret
    // (required) and the Meta app secret (when a Meta App ID is set); a signature made with either
    // is accepted. Ends in webhookStarted(url) or webhookFailed(error).
    void startWebhookServer();
    // A secret was entered in Settings: the running server checks signatures with it at once.
    void reloadWebhookSecrets();
    QUrl webhookUrl() const override;
    QString verifyToken() const override { return m_options.verifyToken; }

    // Two steps. App level: registers the webhook URL with Meta (graph.facebook.com
    // POST /{meta-app-id}/subscriptions with the Meta app's token, which first calls back for the
    // handshake); ends in appWebhooksSubscribed() or appWebhookSubscriptionFailed(), whose code is
    // AppSubscriptionInDashboard when the Meta pair is not given. Then, whatever the first step
    // did, per account: POST /me/subscribed_apps for every connected account (through subscriptions()),
    // each ending in webhooksSubscribed(id) or webhookSubscriptionFailed(id, error).
    // `publicUrl` is what Meta should call (a tunnel in front of webhookUrl(); empty =
    // webhookUrl()).
    void subscribeWebhooks(const QUrl &publicUrl = {}) override;

    // Starts syncing every connected account (an Incremental run from the sync state kept on disk,
    // which walks everything the first time; then polling if enabled), keeps its webhook
    // subscription (subscriptions()), and starts the outbox. Called after load().
    void startAccounts();
    // The reverse, for a switch into team mode without a restart (CoreLifecycle::enterTeam): every
    // account's sync, subscription upkeep and token refresh stop, and the webhook server.
    void stopAccounts();
    void setPollingMode(bool enabled, int intervalMs = 0) override;
    bool pollingMode() const override { return m_options.pollingMode; }

signals:
    // (webhookStarted and the subscription's outcomes are WebhookControl's.)
    void webhookFailed(const inlet::Error &error);
    void syncProgress(const QString &accountId, int done, int total);
    void syncFinished(const QString &accountId, bool ok, const QString &message);

private:
    explicit CoreServices(const CoreOptions &options, QObject *parent);
    void withWebhookSecrets(std::function<void(const QByteArray &, const QByteArray &)> use);
    void startWebhookServerWith(const QByteArray &appSecret, const QByteArray &metaAppSecret);
    QFuture<Status> subscribeApp(const QUrl &callback); // the app-level step
    // fullSync: after a sign-in; otherwise Incremental from the state kept on disk.
    void startAccount(const Account &account, bool fullSync);
    // Webhooks may have missed messages (a sleep, the connection back, the subscription found
    // off): an Incremental sync fetches what the conversations list shows as updated.
    void catchUp(const QString &accountId);
    void stopAccount(const QString &accountId);

    CoreOptions m_options;
    std::unique_ptr<Store> m_store;
    TokenVault *m_vault = nullptr;
    GraphClient *m_graph = nullptr;
    Connectivity *m_connectivity = nullptr;
    TokenRefreshScheduler *m_scheduler = nullptr;
    AppSetup *m_appSetup = nullptr;
    AccountList *m_accounts = nullptr;
    SignInFlow *m_signIn = nullptr;
    SandboxLink *m_sandboxLink = nullptr;
    OutboxService *m_outboxService = nullptr;
    std::unique_ptr<WebhookServer> m_webhook;
    QHash<QString, AccountSync *> m_syncs; // children of this object
    SubscriptionKeeper *m_keeper = nullptr;
    SnoozeWaker *m_snoozes = nullptr;
    QSet<QString> m_subscribing; // subscribeWebhooks() asked, the account's answer not in yet
};

} // namespace inlet
