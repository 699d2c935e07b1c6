#include "service/corelifecycle.h"

#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "service/accountlist.h"
#include "service/appconfig.h"
#include "service/appsetup.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "service/teamavatars.h"
#include "service/teammode.h"
#include "service/teamsettings.h"
#include "store/store.h"
#include "store/storechange.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace inlet {

CoreLifecycle::CoreLifecycle(const LifecycleOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

CoreLifecycle::~CoreLifecycle() = default;

Result<std::unique_ptr<CoreLifecycle>> CoreLifecycle::open(
    const LifecycleOptions &options, QObject *parent)
{
    if (!privatefiles::makePrivateDir(options.dataDir))
        return fail(Error::Kind::Storage, Error::Reason::DataDirNotCreatable,
            QStringLiteral("cannot create the data directory %1").arg(options.dataDir),
            { options.dataDir });
    // Settings live beside the data, so --data-dir is a whole profile and several instances
    // don't share them.
    const QString iniPath = QDir(options.dataDir).filePath(QStringLiteral("inlet.ini"));
    privatefiles::makePrivateFile(iniPath);
    auto settings = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);

    CoreOptions core;
    core.dataDir = options.dataDir;
    core.webhookPort = options.webhookPort != 0
        ? options.webhookPort
        : quint16(settings->value(kWebhookPortKey, 0).toUInt());
    core.pollingMode = options.pollingMode || settings->value(kWebhookPollingKey).toBool();
    core.pollIntervalMs = options.pollIntervalMs;
    core.verifyToken = webhookVerifyToken(*settings);
    auto created = CoreServices::create(core);
    if (!created)
        return std::unexpected(created.error());

    std::unique_ptr<CoreLifecycle> life(new CoreLifecycle(options, parent));
    life->m_settings = std::move(settings);
    life->m_core = std::move(*created);
    if (options.sessionOnlySecrets)
        life->m_core->vault()->setSessionOnlyFallback(true);
    life->m_core->appSetup()->setConfig(AppConfig::load(*life->m_settings));
    const TeamSettings team = TeamSettings::load(*life->m_settings);
    if (team.isSet()) {
        auto connection = team.connection();
        if (connection) {
            CoreServices *services = life->m_core.get();
            life->m_team = std::make_unique<TeamMode>(
                services->store(), services->outbox(), services->vault(), *connection);
            life->m_team->setSenderQueues(services->reactions(), services->senderActions());
        } else {
            qCWarning(lcApp).noquote() << "team mode refused:" << connection.error().message;
            life->m_teamError = connection.error();
        }
    }
    life->wire();
    return life;
}

void CoreLifecycle::wire()
{
    CoreServices *core = m_core.get();
    QSettings *settings = m_settings.get();
    connect(core->appSetup(), &AppSetup::configChanged, this, [settings](const AppConfig &config) {
        config.save(*settings);
        settings->sync();
    });
    connect(core, &CoreServices::webhookStarted, this, [this, core, settings](const QUrl &url) {
        // The port is picked once and kept (a tunnel in front of it keeps working).
        if (settings->value(kWebhookPortKey, 0).toUInt() == 0)
            settings->setValue(kWebhookPortKey, url.port());
        if (subscribesOnStart())
            core->subscribeWebhooks();
        core->startAccounts();
    });
    connect(core, &CoreServices::webhookFailed, this, [this, core](const Error &error) {
        if (m_options.webhookRequired) {
            emit fatal(error);
            return;
        }
        core->startAccounts(); // without webhooks, sync (backfill, polling) still works
    });
    connect(core->signInFlow(), &SignInFlow::signedIn, this, [this, core] {
        if (core->webhookUrl().isEmpty())
            core->startWebhookServer(); // the App Secret may only now be in the keychain
        else if (subscribesOnStart())
            core->subscribeWebhooks(); // subscribe the new account too
    });
}

bool CoreLifecycle::subscribesOnStart() const
{
    // Polling mode is for managers without a public URL: nothing is registered with Meta then.
    return m_core->sandboxLink()->isActive() && !m_core->pollingMode();
}

void CoreLifecycle::start()
{
    if (m_team || m_teamError) {
        startTeam();
        return;
    }
    if (!m_options.sandboxBase.isEmpty())
        connectToSandbox();
    else
        loadAccounts();
}

void CoreLifecycle::connectToSandbox()
{
    onDone(m_core->sandboxLink()->connectTo(m_options.sandboxBase), this,
        [this](const Result<SandboxApp> &app) {
            if (!app) {
                Error error = app.error();
                if (error.kind == Error::Kind::Keychain)
                    error.message
                        = QStringLiteral("cannot store the app secret in the keychain: "
                                         "%1 (use --session-only-secrets without a keyring)")
                              .arg(error.message);
                emit fatal(error);
                return;
            }
            loadAccounts();
        });
}

void CoreLifecycle::loadAccounts()
{
    AccountList *accounts = m_core->accounts();
    onDone(accounts->load(), this, [this, accounts](const Status &) {
        const QList<Account> all = accounts->accounts();
        const bool usable
            = std::any_of(all.begin(), all.end(), [](const Account &a) { return !a.needsSignIn; });
        if (!m_options.sandboxBase.isEmpty() && !usable) {
            signInThroughSandbox(); // the webhook server starts at the sign-in
            return;
        }
        if (all.isEmpty() && m_options.webhookRequired)
            qCWarning(lcApp)
                << "no connected account: connect one in the app first, or use --sandbox";
        startWebhooks();
    });
}

void CoreLifecycle::signInThroughSandbox()
{
    SignInFlow *signIn = m_core->signInFlow();
    connect(
        signIn, &SignInFlow::signedIn, this,
        [](const Account &account) { qCInfo(lcApp) << "signed in as" << account.username; },
        Qt::SingleShotConnection);
    auto failed = std::make_shared<QMetaObject::Connection>();
    *failed = connect(signIn, &SignInFlow::signInFailed, this, [this, failed](const Error &error) {
        disconnect(*failed);
        Error fatalError = error;
        fatalError.message = QStringLiteral("sign-in failed: %1").arg(error.message);
        emit fatal(fatalError);
    });
    connect(
        signIn, &SignInFlow::signedIn, this, [failed] { QObject::disconnect(*failed); },
        Qt::SingleShotConnection);
    m_core->sandboxLink()->signInWithoutBrowser();
}

void CoreLifecycle::startTeam()
{
    // The accounts are the replica's (their tokens are the server's): listed again whenever the
    // replica changes one.
    AccountList *accounts = m_core->accounts();
    accounts->setTokensOnServer(true);
    accounts->load();
    disconnect(m_teamAccounts);
    m_teamAccounts
        = connect(m_core->store(), &Store::changed, this, [accounts](const StoreChange &change) {
              if (!change.accountIds.isEmpty())
                  accounts->load();
          });
    if (!m_team)
        return;
    // Pictures as in solo mode: downloaded here from the URL the replica brings (issue 11).
    m_teamAvatars = std::make_unique<TeamAvatars>(m_core->store(), m_options.dataDir);
    m_teamAvatars->start();
    Outbox *outbox = m_core->outbox();
    // The outbox starts once its hand-off is set: without it a reply would go to Instagram's API.
    ReactionQueue *reactions = m_core->reactions();
    connect(m_team.get(), &TeamMode::started, this, [outbox, reactions] {
        if (!outbox->isStarted())
            outbox->start();
        if (!reactions->isStarted())
            reactions->start();
    });
    m_team->start();
}

void CoreLifecycle::enterTeam()
{
    auto connection = TeamSettings::load(*m_settings).connection();
    if (!connection) {
        qCWarning(lcApp).noquote() << "team mode refused:" << connection.error().message;
        m_teamError = connection.error();
        emit teamChanged(m_team.get());
        return;
    }
    m_teamError.reset();
    if (m_team) {
        emit teamChanged(nullptr); // what shows the old team lets go of it first
        m_team.reset(); // the other team's follower and hand-off
    } else {
        m_core->stopAccounts();
    }
    CoreServices *services = m_core.get();
    m_team = std::make_unique<TeamMode>(
        services->store(), services->outbox(), services->vault(), *connection);
    startTeam();
    emit teamChanged(m_team.get());
}

void CoreLifecycle::leaveTeam()
{
    if (!m_team && !m_teamError)
        return;
    m_teamError.reset();
    emit teamChanged(nullptr); // what shows the team lets go of it first
    m_teamAvatars.reset();
    m_team.reset(); // the outbox's hand-off removed, the follower stopped
    disconnect(m_teamAccounts);
    m_core->accounts()->setTokensOnServer(false);
    loadAccounts(); // then the webhook server, sync and subscriptions, as at start
}

void CoreLifecycle::startWebhooks()
{
    if (!m_core->webhookUrl().isEmpty())
        return;
    if (m_options.webhookRequired || !m_core->appSetup()->config().appId.isEmpty())
        m_core->startWebhookServer();
}

} // namespace inlet
