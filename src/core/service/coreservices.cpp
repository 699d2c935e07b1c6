#include "service/coreservices.h"

#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/connectivity.h"
#include "graph/graphclient.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/httpmediauploader.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "outbox/reactionqueue.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "service/subscriptionkeeper.h"
#include "store/snoozewaker.h"
#include "store/store.h"
#include "sync/accountsync.h"
#include "sync/graphsyncsource.h"
#include "sync/syncengine.h"
#include "webhook/webhookserver.h"

#include <QDateTime>

namespace inlet {

namespace {
const QStringList &webhookFields()
{
    return SubscriptionKeeper::webhookFields();
}
} // namespace

CoreServices::CoreServices(const CoreOptions &options, QObject *parent)
    : WebhookControl(parent)
    , m_options(options)
{
}

Result<std::unique_ptr<CoreServices>> CoreServices::create(const CoreOptions &options,
                                                           QObject *parent)
{
    // No PRAGMA quick_check at start-up: it reads every page (seconds on a large inbox) and the
    // window must paint in well under a second. A damaged header or schema still fails to open;
    // damage deeper in the file surfaces as a Storage error on the query that meets it.
    StoreOptions storeOptions;
    storeOptions.checkIntegrity = false;
    // synchronous=FULL: a webhook is answered 200 only after a commit that survives a power cut,
    // and so is every other write (why the whole store: StoreOptions::durableAgainstPowerLoss).
    storeOptions.durableAgainstPowerLoss = true;
    auto store = Store::open(options.dataDir, storeOptions);
    if (!store)
        return std::unexpected(store.error());

    std::unique_ptr<CoreServices> core(new CoreServices(options, parent));
    CoreServices *c = core.get();
    c->m_store = std::move(*store);
    c->m_vault = new TokenVault(QStringLiteral("inlet"), c);
    c->m_graph = new GraphClient({}, c);
    // Every user reads an account's token from the vault per request; a call that still carried
    // the token a refresh just replaced is retried with the new one instead of signing out.
    TokenVault *vault = c->m_vault;
    c->m_graph->setCurrentToken([vault](const QString &accountId) {
        return vault->read(TokenVault::accountKey(accountId));
    });
    c->m_connectivity = new Connectivity(c->m_graph, c);
    c->m_scheduler = new TokenRefreshScheduler(c->m_graph, c->m_vault, c);
    c->m_appSetup = new AppSetup(c->m_vault, c->m_graph, c);
    c->m_accounts = new AccountList(c->m_store.get(), c->m_vault, c->m_graph, c->m_scheduler, c);
    c->m_signIn = new SignInFlow(c->m_appSetup, c->m_accounts, c->m_vault, c->m_graph, c);
    c->m_sandboxLink = new SandboxLink(c->m_appSetup, c->m_signIn, c);
    c->m_outboxService = new OutboxService(c->m_store.get(), c->m_graph, c->m_vault, c);
    // Snoozed conversations open again when their time comes (triage).
    c->m_snoozes = new SnoozeWaker(c->m_store.get(), {}, c);
    c->m_snoozes->start();
    if (options.rateLimitCapMs >= 0)
        c->m_outboxService->transport()->setMaxSuggestedDelayMs(options.rateLimitCapMs);

    c->m_keeper = new SubscriptionKeeper(
        c->m_graph, [vault](const QString &id) { return vault->read(TokenVault::accountKey(id)); },
        webhookFields(), c);
    c->m_keeper->setPollingMode(options.pollingMode, options.pollIntervalMs);
    connect(c->m_keeper, &SubscriptionKeeper::catchUpNeeded, c, &CoreServices::catchUp);
    connect(c->m_keeper, &SubscriptionKeeper::subscribed, c, [c](const QString &id) {
        if (c->m_subscribing.remove(id))
            emit c->webhooksSubscribed(id);
    });
    connect(c->m_keeper, &SubscriptionKeeper::subscriptionFailed, c,
        [c](const QString &id, const Error &error) {
            if (c->m_subscribing.remove(id))
                emit c->webhookSubscriptionFailed(id, error);
        });

    // Replies queued while offline go as soon as Instagram answers again, not after their backoff;
    // in webhook mode, what was delivered meanwhile may be lost: check and catch up.
    connect(c->m_connectivity, &Connectivity::onlineChanged, c, [c](bool online) {
        if (online) {
            c->m_outboxService->outbox()->wake();
            c->m_outboxService->reactions()->wake();
            if (!c->m_options.pollingMode) {
                const QStringList ids = c->m_syncs.keys();
                for (const QString &id : ids) {
                    c->catchUp(id);
                    c->m_keeper->check(id);
                }
            }
        }
    });
    // The media host for attachments follows the settings (and the sandbox, see
    // SandboxLink::use()).
    connect(c->m_appSetup, &AppSetup::configChanged, c, [c](const AppConfig &config) {
        c->m_outboxService->mediaUploader()->setHost(config.mediaUploadUrl, config.mediaPublicUrl);
    });
    connect(c->m_appSetup, &AppSetup::appSecretsChanged, c, &CoreServices::reloadWebhookSecrets);
    connect(c->m_signIn, &SignInFlow::signedIn, c,
        [c](const Account &account) { c->startAccount(account, true); });
    connect(c->m_accounts, &AccountList::accountDisconnected, c,
        [c](const QString &id) { c->stopAccount(id); });
    connect(c->m_accounts, &AccountList::accountNeedsSignIn, c, [c](const QString &id) {
        if (SyncEngine *engine = c->syncEngine(id))
            engine->cancel();
    });
    return core;
}

CoreServices::~CoreServices()
{
    // Network users first, the store (and its writer thread) last.
    const auto ids = m_syncs.keys();
    for (const QString &id : ids)
        stopAccount(id);
    m_webhook.reset();
}

Outbox *CoreServices::outbox() const
{
    return m_outboxService->outbox();
}

SenderActions *CoreServices::senderActions() const
{
    return m_outboxService->senderActions();
}

OutboxTransport *CoreServices::outboxTransport() const
{
    return m_outboxService->transport();
}

HttpMediaUploader *CoreServices::mediaUploader() const
{
    return m_outboxService->mediaUploader();
}

ReactionQueue *CoreServices::reactions() const
{
    return m_outboxService->reactions();
}

SyncEngine *CoreServices::syncEngine(const QString &accountId) const
{
    AccountSync *sync = m_syncs.value(accountId);
    return sync ? sync->engine() : nullptr;
}

ProfileCache *CoreServices::profileCache(const QString &accountId) const
{
    AccountSync *sync = m_syncs.value(accountId);
    return sync ? sync->profiles() : nullptr;
}

QUrl CoreServices::webhookUrl() const
{
    return m_webhook ? m_webhook->callbackUrl() : QUrl();
}

void CoreServices::startWebhookServer()
{
    withWebhookSecrets([this](const QByteArray &appSecret, const QByteArray &metaAppSecret) {
        startWebhookServerWith(appSecret, metaAppSecret);
    });
}

void CoreServices::reloadWebhookSecrets()
{
    if (!m_webhook)
        return; // read when the server starts
    withWebhookSecrets([this](const QByteArray &appSecret, const QByteArray &metaAppSecret) {
        if (m_webhook)
            m_webhook->setSecrets(appSecret, metaAppSecret);
    });
}

void CoreServices::withWebhookSecrets(
    std::function<void(const QByteArray &, const QByteArray &)> use)
{
    const AppConfig config = m_appSetup->config();
    // The Instagram App Secret is required; the Meta app secret is read too when a Meta App ID is
    // set, since either may sign deliveries (instagram-api.md §11). A missing one is not an error.
    auto metaSecret = [this, config]() -> QFuture<Result<QString>> {
        if (!config.hasMetaApp())
            return QtFuture::makeReadyFuture<Result<QString>>(QString());
        return m_vault->read(TokenVault::metaAppSecretKey(config.metaAppId));
    };
    // onDone, not then(this): a continuation whose context is gone when the future ends (the app
    // quits while the keychain answers) asserts in Qt 6.4.
    onDone(m_vault->read(TokenVault::appSecretKey(config.appId)), this,
        [this, metaSecret, use](const Result<QString> &secret) {
            if (!secret) {
                qCWarning(lcWebhook)
                    << "no app secret, webhook server not started:" << secret.error().message;
                emit webhookFailed(secret.error());
                return;
            }
            onDone(metaSecret(), this, [use, instagram = *secret](const Result<QString> &meta) {
                if (!meta)
                    qCWarning(lcWebhook) << "no Meta app secret (signatures are checked with the "
                                            "Instagram App Secret only):"
                                         << meta.error().message;
                use(instagram.toUtf8(), meta ? meta->toUtf8() : QByteArray());
            });
        });
}

void CoreServices::startWebhookServerWith(
    const QByteArray &appSecret, const QByteArray &metaAppSecret)
{
    WebhookServerConfig config;
    config.port = m_options.webhookPort;
    config.appSecret = appSecret;
    config.metaAppSecret = metaAppSecret;
    config.verifyToken = m_options.verifyToken;
    Store *store = m_store.get();
    SubscriptionKeeper *keeper = m_keeper; // outlives the server (a child, deleted after it)
    m_webhook = std::make_unique<WebhookServer>(
        config, [store, keeper](const QList<InboundEvent> &events) {
            QStringList ids;
            for (const InboundEvent &e : events) {
                if (!ids.contains(e.accountId))
                    ids.append(e.accountId);
            }
            // On the webhook thread: the keeper hears of the events on its own thread.
            return store->applyEvents(events).then([keeper, ids](const Status &status) {
                if (status) {
                    const qint64 now = QDateTime::currentMSecsSinceEpoch();
                    QMetaObject::invokeMethod(
                        keeper, [keeper, ids, now] { keeper->noteEvents(ids, now); },
                        Qt::QueuedConnection);
                }
                return status;
            });
        });
    const auto port = m_webhook->start();
    if (!port) {
        qCWarning(lcWebhook) << "webhook server failed:" << port.error().message;
        emit webhookFailed(port.error());
        m_webhook.reset();
        return;
    }
    emit webhookStarted(m_webhook->callbackUrl());
}

QFuture<Status> CoreServices::subscribeApp(const QUrl &callback)
{
    const AppConfig config = m_appSetup->config();
    const auto inDashboard = [](Error::Reason why, const QString &logMessage) {
        Error e = Error::because(Error::Kind::Invalid, why, logMessage);
        e.code = AppSubscriptionInDashboard;
        return QtFuture::makeReadyFuture<Status>(std::unexpected(e));
    };
    if (!config.hasMetaApp())
        return inDashboard(Error::Reason::WebhookNoMetaAppId,
            QStringLiteral("no Meta App ID: the app-level webhook subscription is "
                           "left to Meta's dashboard"));
    const QString metaAppId = config.metaAppId;
    // Sync with a guard rather than then(this): the keychain may answer while the core is being
    // destroyed, and Qt 6.4 asserts on a continuation whose context is gone.
    return m_vault->read(TokenVault::metaAppSecretKey(metaAppId))
        .then(QtFuture::Launch::Sync,
            [graph = QPointer<GraphClient>(m_graph), verifyToken = m_options.verifyToken,
                metaAppId, callback, inDashboard](const Result<QString> &secret) {
                if (!secret && TokenVault::isNotFound(secret.error()))
                    return inDashboard(Error::Reason::WebhookNoMetaAppSecret,
                        QStringLiteral("no Meta App Secret in the keychain: the "
                                       "app-level webhook subscription is left "
                                       "to Meta's dashboard"));
                if (!secret)
                    return QtFuture::makeReadyFuture<Status>(std::unexpected(secret.error()));
                GraphClient *client = graph.data();
                if (client == nullptr)
                    return QtFuture::makeReadyFuture<Status>(
                        fail(Error::Kind::Cancelled, QStringLiteral("cancelled")));
                return client->appSubscription(metaAppId, *secret, callback, verifyToken, webhookFields())
                    .then([](const Result<QJsonObject> &done) -> Status {
                        if (!done)
                            return std::unexpected(done.error());
                        return {};
                    });
            })
        .unwrap();
}

void CoreServices::subscribeWebhooks(const QUrl &publicUrl)
{
    const QUrl callback = publicUrl.isEmpty() ? webhookUrl() : publicUrl;
    const QList<Account> accounts = m_accounts->accounts();
    onDone(subscribeApp(callback), this, [this, accounts](const Status &app) {
        if (app) {
            qCInfo(lcWebhook) << "app-level webhook subscription done";
            emit appWebhooksSubscribed();
        } else {
            qCWarning(lcWebhook) << "app-level webhook subscription not done:"
                                 << app.error().message;
            emit appWebhookSubscriptionFailed(app.error());
        }
        // Per account, whatever the app-level step did: it may have been done in the dashboard,
        // and an account that is not subscribed gets no events at all.
        for (const Account &account : accounts) {
            m_subscribing.insert(account.id);
            m_keeper->subscribe(account.id);
        }
    });
}

void CoreServices::startAccounts()
{
    const QList<Account> accounts = m_accounts->accounts();
    for (const Account &account : accounts) {
        if (!m_syncs.contains(account.id)) // already syncing since its sign-in
            startAccount(account, false);
    }
    if (!outbox()->isStarted())
        outbox()->start();
    if (!reactions()->isStarted())
        reactions()->start();
}

void CoreServices::stopAccounts()
{
    const QStringList syncing = m_syncs.keys();
    for (const QString &id : syncing)
        stopAccount(id);
    for (const Account &account : m_accounts->accounts()) {
        m_keeper->removeAccount(account.id);
        m_scheduler->untrack(account.id);
    }
    if (m_webhook) {
        m_webhook->stop();
        m_webhook.reset();
    }
}

void CoreServices::setPollingMode(bool enabled, int intervalMs)
{
    m_options.pollingMode = enabled;
    if (intervalMs > 0)
        m_options.pollIntervalMs = intervalMs;
    for (AccountSync *sync : std::as_const(m_syncs))
        sync->engine()->setPollInterval(enabled ? m_options.pollIntervalMs : 0);
    m_keeper->setPollingMode(enabled, m_options.pollIntervalMs);
}

void CoreServices::catchUp(const QString &accountId)
{
    if (m_options.pollingMode)
        return; // polling walks on its own schedule
    if (SyncEngine *engine = syncEngine(accountId)) {
        qCInfo(lcSync) << "catching up on" << accountId << "after a gap in webhooks";
        engine->start(SyncEngine::Mode::Incremental);
    }
}

void CoreServices::startAccount(const Account &account, bool fullSync)
{
    if (account.needsSignIn)
        return;
    const QString id = account.id;
    const auto mode = fullSync ? SyncEngine::Mode::Full : SyncEngine::Mode::Incremental;
    m_keeper->addAccount(id); // subscribes (webhook mode) at start-up and sign-in
    onDone(m_vault->read(TokenVault::accountKey(id)), this,
        [this, id, mode](const Result<QString> &token) {
            if (!token) {
                qCWarning(lcSync) << "no token for account" << id
                                  << "- not syncing:" << token.error().message;
                return;
            }
            if (AccountSync *existing = m_syncs.value(id)) { // signed in again (it reads the new token)
                existing->engine()->start(mode);
                return;
            }
            TokenVault *vault = m_vault;
            auto *sync = new AccountSync(
                m_graph, m_store.get(), id,
                [vault, id] { return vault->read(TokenVault::accountKey(id)); }, m_options.dataDir,
                this);
            if (m_options.rateLimitCapMs >= 0)
                sync->source()->setMaxSuggestedDelayMs(m_options.rateLimitCapMs);
            SyncEngine *engine = sync->engine();
            connect(engine, &SyncEngine::progress, this,
                [this, id](int done, int total) { emit syncProgress(id, done, total); });
            connect(engine, &SyncEngine::finished, this, [this, id](const SyncReport &report) {
                qCInfo(lcSync) << "sync of" << id << (report.ok ? "done:" : "stopped:")
                               << report.conversations << "conversations," << report.messagesFetched
                               << "messages fetched"
                               << (report.ok ? QString() : report.error.message);
                emit syncFinished(id, report.ok, report.ok ? QString() : report.error.message);
            });
            connect(engine, &SyncEngine::needsSignIn, m_accounts, [this](const QString &accountId) {
                m_accounts->markNeedsSignIn(accountId,
                    tr("Instagram no longer accepts this account's "
                       "access token."));
            });
            m_syncs.insert(id, sync);
            engine->start(mode);
            if (m_options.pollingMode)
                engine->setPollInterval(m_options.pollIntervalMs);
        });
}

void CoreServices::stopAccount(const QString &accountId)
{
    m_keeper->removeAccount(accountId);
    AccountSync *sync = m_syncs.take(accountId);
    if (!sync)
        return;
    sync->engine()->cancel();
    delete sync;
}

} // namespace inlet
