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
#include "store/store.h"
#include "team/replicafollower.h"

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
    if (!privatefiles::makePrivateDir(m_options.dataDir))
        return fail(Error::Kind::Storage, QStringLiteral("cannot create the data directory %1")
                                              .arg(m_options.dataDir));
    if (!m_options.teamConnection.isEmpty())
        return startTeam();
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

// `--team`: only the local store and the replica follower (no webhook, no Instagram token: the
// team server has them). Prints "team: connected" and "team: caught up to N" on stdout.
Status HeadlessRunner::startTeam()
{
    auto connection = team::TeamConnection::parse(m_options.teamConnection);
    if (!connection)
        return std::unexpected(connection.error());
    auto store = Store::open(m_options.dataDir);
    if (!store)
        return std::unexpected(store.error());
    m_teamStore = std::move(*store);
    // For tests and benchmarks: read once, then removed from the environment (children of this
    // process do not inherit it). Never a command-line argument, never logged.
    const QByteArray fromEnvironment = qgetenv("INLET_TEAM_PASSWORD");
    if (!fromEnvironment.isEmpty()) {
        qunsetenv("INLET_TEAM_PASSWORD");
        followTeam(QString::fromUtf8(fromEnvironment));
        return {};
    }
    auto *vault = new TokenVault(QStringLiteral("inlet"), this);
    if (m_options.sessionOnlySecrets)
        vault->setSessionOnlyFallback(true);
    const QString key = connection->vaultKey();
    onDone(vault->read(key), this, [this, key](const Result<QString> &password) {
        if (!password) {
            failHard(QStringLiteral("no password for the team database in the keychain (%1): %2")
                         .arg(key, password.error().message));
            return;
        }
        followTeam(*password);
    });
    return {};
}

void HeadlessRunner::followTeam(const QString &password)
{
    auto connection = team::TeamConnection::parse(m_options.teamConnection);
    connection->password = password;
    m_follower = std::make_unique<team::ReplicaFollower>(m_teamStore.get(), *connection);
    connect(m_follower.get(), &team::ReplicaFollower::connected, this,
        [] { QTextStream(stdout) << "team: connected" << Qt::endl; });
    connect(m_follower.get(), &team::ReplicaFollower::caughtUp, this,
        [](qint64 seq) { QTextStream(stdout) << "team: caught up to " << seq << Qt::endl; });
    m_follower->start();
}

} // namespace inlet
