#include "service/headlessrunner.h"

#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "common/quitonsignal.h"
#include "service/accountservice.h"
#include "service/appconfig.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/teamreplicarunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTextStream>

namespace inlet {

void HeadlessRunner::installSignalHandlers()
{
    if (!quitOnTerminationSignals("inlet --headless"))
        qCWarning(lcApp) << "cannot install signal handlers";
}

HeadlessRunner::HeadlessRunner(HeadlessOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

HeadlessRunner::~HeadlessRunner() = default;

Status HeadlessRunner::start()
{
    if (!m_options.teamConnection.isEmpty())
        return startTeam();
    if (!privatefiles::makePrivateDir(m_options.dataDir))
        return fail(Error::Kind::Storage, QStringLiteral("cannot create the data directory %1")
                                              .arg(m_options.dataDir));
    // Headless settings live beside the data, so several headless instances don't share them.
    const QString iniPath = m_options.dataDir + QStringLiteral("/inlet.ini");
    privatefiles::makePrivateFile(iniPath);
    QSettings settings(iniPath, QSettings::IniFormat);
    const QString verifyToken = webhookVerifyToken(settings);

    CoreOptions options;
    options.dataDir = m_options.dataDir;
    options.webhookPort = m_options.webhookPort;
    options.verifyToken = verifyToken;
    options.pollingMode = m_options.pollingMode;
    options.pollIntervalMs = m_options.pollIntervalMs;
    auto core = CoreServices::create(options);
    if (!core)
        return std::unexpected(core.error());
    m_core = std::move(*core);
    if (m_options.sessionOnlySecrets)
        m_core->vault()->setSessionOnlyFallback(true);

    connect(m_core.get(), &CoreServices::webhookStarted, this, [this](const QUrl &url) {
        QTextStream out(stdout);
        out << "webhook: " << url.toString() << Qt::endl;
        // Polling mode is for managers without a public URL: nothing is registered with Meta.
        if (!m_options.sandboxBase.isEmpty() && !m_options.pollingMode)
            m_core->subscribeWebhooks();
        m_core->startAccounts();
        emit ready(url);
    });
    connect(m_core.get(), &CoreServices::webhookFailed, this,
            [this](const Error &error) { failHard(error.message); });
    connect(m_core.get(), &CoreServices::webhookSubscriptionFailed, this,
            [](const QString &id, const Error &error) {
                qCWarning(lcWebhook) << "subscribing" << id << "failed:" << error.message;
            });

    AccountService *accounts = m_core->accounts();
    accounts->setConfig(AppConfig::load(settings));
    if (!m_options.sandboxBase.isEmpty()) {
        connectToSandbox();
    } else {
        onDone(
            accounts->load(), this, [this, accounts](const Status &) {
                if (accounts->accounts().isEmpty())
                    qCWarning(lcApp)
                        << "no connected account: connect one in the app first, or use --sandbox";
                afterAccountsReady();
            });
    }
    return {};
}

void HeadlessRunner::connectToSandbox()
{
    AccountService *accounts = m_core->accounts();
    SandboxLink *link = m_core->sandboxLink();
    onDone(link->connectTo(m_options.sandboxBase), this,
        [this, accounts, link](const Result<SandboxApp> &app) {
            if (!app) {
                failHard(app.error().kind == Error::Kind::Keychain
                        ? QStringLiteral("cannot store the app secret in the keychain: %1 "
                                         "(use --session-only-secrets without a keyring)")
                              .arg(app.error().message)
                        : app.error().message);
                return;
            }
            onDone(accounts->load(), this, [this, accounts, link](const Status &) {
                const auto all = accounts->accounts();
                const bool usable = std::any_of(
                    all.begin(), all.end(), [](const Account &a) { return !a.needsSignIn; });
                if (usable)
                    afterAccountsReady();
                else
                    signInThroughSandbox(link);
            });
        });
}

void HeadlessRunner::signInThroughSandbox(SandboxLink *link)
{
    AccountService *accounts = m_core->accounts();
    connect(
        accounts, &AccountService::signedIn, this,
        [this](const Account &account) {
            qCInfo(lcApp) << "signed in as" << account.username;
            afterAccountsReady();
        },
        Qt::SingleShotConnection);
    connect(
        accounts, &AccountService::signInFailed, this,
        [this](const Error &error) { failHard(QStringLiteral("sign-in failed: %1").arg(error.message)); },
        Qt::SingleShotConnection);
    link->signInWithoutBrowser();
}

void HeadlessRunner::afterAccountsReady()
{
    m_core->startWebhookServer();
}

void HeadlessRunner::failHard(const QString &message)
{
    qCCritical(lcApp).noquote() << message;
    emit fatal(message);
    QCoreApplication::exit(1);
}

// `--team`: an agent's replica instead of the core (service/teamreplicarunner.h).
Status HeadlessRunner::startTeam()
{
    m_team = std::make_unique<TeamReplicaRunner>(
        m_options.dataDir, m_options.teamConnection, m_options.sessionOnlySecrets);
    connect(m_team.get(), &TeamReplicaRunner::fatal, this, &HeadlessRunner::failHard);
    return m_team->start();
}

} // namespace inlet
