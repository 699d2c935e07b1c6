#include "service/sandboxlink.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "service/appsetup.h"
#include "service/signinflow.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPromise>
#include <QUrlQuery>

#include <memory>

namespace inlet {

namespace {
constexpr int kControlTimeoutMs = 10'000;

// The answer of a control call as JSON, or why there is none.
Result<QJsonObject> jsonAnswer(QNetworkReply *reply)
{
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        return fail(Error::Kind::Network, reply->errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return fail(Error::Kind::Parse, parseError.errorString());
    return document.object();
}
} // namespace

SandboxLink::SandboxLink(AppSetup *app, SignInFlow *signIn, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_signIn(signIn)
{
    // Settings that point the hosts elsewhere end the sandbox's turn.
    connect(m_app, &AppSetup::configChanged, this, [this](const AppConfig &config) {
        if (!m_base.isEmpty() && config.hosts != InstagramHosts::allAt(m_base))
            m_base = QUrl();
    });
}

SandboxLink::~SandboxLink() = default;

QUrl SandboxLink::controlUrl(const QString &path) const
{
    QUrl url = m_base;
    url.setPath(path);
    return url;
}

QFuture<Result<SandboxApp>> SandboxLink::connectTo(const QUrl &baseUrl)
{
    auto promise = std::make_shared<QPromise<Result<SandboxApp>>>();
    promise->start();
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/__sandbox/app"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kControlTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, baseUrl, promise] {
        reply->deleteLater();
        const auto answer = jsonAnswer(reply);
        if (!answer || answer->value(QStringLiteral("app_id")).toString().isEmpty()) {
            promise->addResult(fail(Error::Kind::Network,
                QStringLiteral("cannot read the sandbox's app credentials: %1")
                    .arg(answer ? QStringLiteral("no app_id") : answer.error().message)));
            promise->finish();
            return;
        }
        SandboxApp app { AppCredentials::fromJson(*answer),
            answer->value(QStringLiteral("business_id")).toString() };
        onDone(use(baseUrl, app.credentials), this, [this, app, promise](const Status &stored) {
            if (stored) {
                m_businessId = app.businessId;
                promise->addResult(app);
            } else {
                promise->addResult(std::unexpected(stored.error()));
            }
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<Status> SandboxLink::use(const QUrl &baseUrl, const AppCredentials &app)
{
    AppConfig config = m_app->config();
    config.appId = app.appId;
    config.metaAppId = app.metaAppId;
    config.hosts = InstagramHosts::allAt(baseUrl);
    // The sandbox's media host, unless the manager set up one of their own (not on loopback).
    const QString mediaHost = config.mediaUploadUrl.host();
    if (!config.hasMediaHost() || mediaHost == QLatin1String("localhost")
        || QHostAddress(mediaHost).isLoopback())
        config.useSandboxMediaHost(baseUrl);
    // The sandbox accepts any https redirect URI; keep the manager's if it is one.
    if (config.redirectUri.scheme() != QLatin1String("https"))
        config.redirectUri = AppConfig::defaultRedirectUri();
    m_base = baseUrl;
    m_app->setConfig(config);
    qCInfo(lcApp) << "using the sandbox at" << baseUrl.toString();
    const QString metaSecret = app.metaAppSecret;
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    const auto finish = [promise](const Status &status) {
        promise->addResult(status);
        promise->finish();
    };
    onDone(m_app->storeAppSecret(app.appSecret), this,
        [this, metaSecret, finish](const Status &stored) {
            if (!stored || m_app->config().metaAppId.isEmpty() || metaSecret.isEmpty())
                return finish(stored);
            onDone(m_app->storeMetaAppSecret(metaSecret), this, finish);
        });
    return promise->future();
}

bool SandboxLink::isActive() const
{
    return !m_base.isEmpty() && m_app->config().hosts == InstagramHosts::allAt(m_base);
}

void SandboxLink::signInWithoutBrowser()
{
    onDone(m_signIn->beginSignIn(), this, [this](const Result<SignInRequest> &request) {
        if (!request) {
            m_signIn->abortSignIn(request.error());
            return;
        }
        // The consent control takes the same parameters as the authorize page.
        const QUrlQuery query(request->authorizeUrl);
        QJsonObject body;
        for (const char *key : { "client_id", "redirect_uri", "scope", "state" })
            body.insert(
                QLatin1String(key), query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded));
        QNetworkRequest consent(controlUrl(QStringLiteral("/__sandbox/consent")));
        consent.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        consent.setTransferTimeout(kControlTimeoutMs);
        QNetworkReply *reply
            = m_network.post(consent, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const auto answer = jsonAnswer(reply);
            if (!answer) {
                m_signIn->abortSignIn(answer.error());
                return;
            }
            const QUrl redirect(answer->value(QStringLiteral("redirect")).toString());
            const auto code = m_signIn->handleRedirect(redirect);
            if (!code) {
                m_signIn->abortSignIn(code.error());
                return;
            }
            m_signIn->completeSignIn(*code);
        });
    });
}

} // namespace inlet
