#include "service/headlessrunner.h"

#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "common/quitonsignal.h"
#include "service/accountservice.h"
#include "service/appconfig.h"
#include "service/coreservices.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSettings>
#include <QTextStream>
#include <QUrlQuery>


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
        fetchSandboxApp();
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

void HeadlessRunner::fetchSandboxApp()
{
    QUrl url = m_options.sandboxBase;
    url.setPath(QStringLiteral("/__sandbox/app"));
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonObject app = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError || app.value(QStringLiteral("app_id")).isUndefined()) {
            failHard(QStringLiteral("cannot read the sandbox's app credentials: %1").arg(reply->errorString()));
            return;
        }
        AccountService *accounts = m_core->accounts();
        accounts->useSandbox(m_options.sandboxBase, AppCredentials::fromJson(app))
            .then(this, [this, accounts](const Status &stored) {
                if (!stored) {
                    failHard(QStringLiteral("cannot store the app secret in the keychain: %1 "
                                            "(use --session-only-secrets without a keyring)")
                                 .arg(stored.error().message));
                    return;
                }
                onDone(accounts->load(), this, [this, accounts](const Status &) {
                    const auto all = accounts->accounts();
                    const bool usable = std::any_of(
                        all.begin(), all.end(), [](const Account &a) { return !a.needsSignIn; });
                    if (usable)
                        afterAccountsReady();
                    else
                        signInThroughSandbox();
                });
            });
    });
}

void HeadlessRunner::signInThroughSandbox()
{
    AccountService *accounts = m_core->accounts();
    connect(accounts, &AccountService::signedIn, this, [this](const Account &account) {
        qCInfo(lcApp) << "signed in as" << account.username;
        afterAccountsReady();
    }, Qt::SingleShotConnection);
    connect(accounts, &AccountService::signInFailed, this,
            [this](const Error &error) { failHard(QStringLiteral("sign-in failed: %1").arg(error.message)); },
            Qt::SingleShotConnection);

    accounts->beginSignIn().then(this, [this, accounts](const Result<SignInRequest> &request) {
        if (!request) {
            failHard(QStringLiteral("cannot start sign-in: %1").arg(request.error().message));
            return;
        }
        // The consent control takes the same parameters as the authorize page.
        const QUrlQuery query(request->authorizeUrl);
        QJsonObject body;
        for (const char *key : {"client_id", "redirect_uri", "scope", "state"})
            body.insert(QLatin1String(key),
                        query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded));
        QUrl url = m_options.sandboxBase;
        url.setPath(QStringLiteral("/__sandbox/consent"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_network.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply, accounts] {
            reply->deleteLater();
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            const QUrl redirect(answer.value(QStringLiteral("redirect")).toString());
            const auto code = accounts->handleRedirect(redirect);
            if (!code) {
                accounts->abortSignIn(code.error());
                return;
            }
            accounts->completeSignIn(*code);
        });
    });
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

} // namespace inlet
