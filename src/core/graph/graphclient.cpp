#include "graph/graphclient.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "common/redact.h"
#include "graph/grapherror.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QUrlQuery>

namespace inlet {

using namespace std::chrono_literals;

namespace {

// Why a host did not answer, in the system's words (Qt's, e.g. "Connection refused"); empty for
// a timeout, whose only words are the core's log line: the app says it in its own.
QString reachabilityReason(const Error &error)
{
    return error.code == QNetworkReply::OperationCanceledError ? QString() : error.message;
}

QUrl withQuery(QUrl url, const QList<QPair<QString, QString>> &items)
{
    QUrlQuery query(url);
    for (const auto &[key, value] : items) {
        // Encode '+', '&', '=' ourselves: QUrlQuery would leave '+' as is.
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(query);
    return url;
}

} // namespace

GraphClient::GraphClient(InstagramHosts hosts, QObject *parent)
    : QObject(parent), m_hosts(std::move(hosts)), m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(30000);
}

GraphClient::~GraphClient() = default;

void GraphClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_network->setTransferTimeout(int(timeout.count()));
}

QByteArray GraphClient::formEncode(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QFuture<Result<QJsonObject>> GraphClient::get(const QUrl &url, const AccessToken &auth)
{
    return send({"GET", url, auth, {}, {}});
}

QFuture<Result<QJsonObject>> GraphClient::postJson(const QUrl &url, const AccessToken &auth,
                                                   const QJsonObject &body)
{
    return send({"POST", url, auth, QJsonDocument(body).toJson(QJsonDocument::Compact),
                 "application/json"});
}

QFuture<Result<QJsonObject>> GraphClient::postForm(const QUrl &url, const FormFields &fields,
                                                   const AccessToken &auth)
{
    return send({"POST", url, auth, formEncode(fields), "application/x-www-form-urlencoded"});
}

QFuture<Result<QJsonObject>> GraphClient::deleteResource(const QUrl &url, const AccessToken &auth)
{
    return send({"DELETE", url, auth, {}, {}});
}

QFuture<Result<QJsonObject>> GraphClient::me(const AccessToken &auth, const QString &fields)
{
    const QUrl url = withQuery(m_hosts.graphUrl(QStringLiteral("me")),
                               {{QStringLiteral("fields"), fields}});
    return get(url, auth).then([](Result<QJsonObject> result) -> Result<QJsonObject> {
        if (!result)
            return result;
        return unwrapData(*result);
    });
}

QFuture<Result<QJsonObject>> GraphClient::userProfile(const AccessToken &auth, const QString &igsid)
{
    const QUrl url = withQuery(
        m_hosts.graphUrl(InstagramHosts::encodeSegment(igsid)),
        {{QStringLiteral("fields"),
          QStringLiteral("name,username,profile_pic,follower_count,is_user_follow_business,"
                         "is_business_follow_user,is_verified_user")}});
    return get(url, auth);
}

QFuture<Result<QJsonObject>> GraphClient::conversations(const AccessToken &auth,
                                                        const QString &after, int limit)
{
    QList<QPair<QString, QString>> items{{QStringLiteral("platform"), QStringLiteral("instagram")}};
    if (limit > 0)
        items.append({QStringLiteral("limit"), QString::number(limit)});
    if (!after.isEmpty())
        items.append({QStringLiteral("after"), after});
    return get(withQuery(m_hosts.graphUrl(QStringLiteral("me/conversations")), items), auth);
}

QFuture<Result<QJsonObject>> GraphClient::conversationMessages(const AccessToken &auth,
                                                               const QString &conversationId,
                                                               const QString &after)
{
    QList<QPair<QString, QString>> items{{QStringLiteral("fields"), QStringLiteral("messages")}};
    if (!after.isEmpty())
        items.append({QStringLiteral("after"), after});
    return get(withQuery(m_hosts.graphUrl(InstagramHosts::encodeSegment(conversationId)), items),
               auth);
}

QFuture<Result<QJsonObject>> GraphClient::message(const AccessToken &auth, const QString &mid,
                                                  const QString &fields)
{
    return get(withQuery(m_hosts.graphUrl(InstagramHosts::encodeSegment(mid)),
                         {{QStringLiteral("fields"), fields}}),
               auth);
}

QFuture<Result<QJsonObject>> GraphClient::sendMessage(const AccessToken &auth,
                                                      const QJsonObject &body)
{
    return postJson(m_hosts.graphUrl(QStringLiteral("me/messages")), auth, body);
}

QFuture<Result<QJsonObject>> GraphClient::subscribeApp(const AccessToken &auth,
                                                       const QStringList &fields)
{
    const QUrl url =
        withQuery(m_hosts.graphUrl(QStringLiteral("me/subscribed_apps")),
                  {{QStringLiteral("subscribed_fields"), fields.join(QLatin1Char(','))}});
    return send({"POST", url, auth, {}, "application/x-www-form-urlencoded"});
}

QFuture<Result<QJsonObject>> GraphClient::subscribedApps(const AccessToken &auth)
{
    return get(m_hosts.graphUrl(QStringLiteral("me/subscribed_apps")), auth);
}

QFuture<Result<QJsonObject>> GraphClient::unsubscribeApp(const AccessToken &auth)
{
    return deleteResource(m_hosts.graphUrl(QStringLiteral("me/subscribed_apps")), auth);
}

QFuture<Result<QJsonObject>> GraphClient::appSubscription(const QString &appId,
                                                          const QString &appSecret,
                                                          const QUrl &callbackUrl,
                                                          const QString &verifyToken,
                                                          const QStringList &fields)
{
    // The app token goes in the form body and the header, never into the URL.
    const QString appToken = appId + QLatin1Char('|') + appSecret;
    const FormFields form{
        {QStringLiteral("object"), QStringLiteral("instagram")},
        {QStringLiteral("callback_url"), callbackUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("fields"), fields.join(QLatin1Char(','))},
        {QStringLiteral("include_values"), QStringLiteral("true")},
        {QStringLiteral("verify_token"), verifyToken},
        {QStringLiteral("access_token"), appToken},
    };
    return postForm(m_hosts.facebookGraphUrl(InstagramHosts::encodeSegment(appId)
                                             + QStringLiteral("/subscriptions")),
                    form, AccessToken{appToken, {}});
}

QFuture<Result<TokenGrant>> GraphClient::exchangeLongLived(const QString &shortLivedToken,
                                                           const QString &appSecret)
{
    // Documented as query parameters; redactUrl masks both in logs.
    return tokenGrant(withQuery(m_hosts.graphUnversionedUrl(QStringLiteral("access_token")),
                                {{QStringLiteral("grant_type"), QStringLiteral("ig_exchange_token")},
                                 {QStringLiteral("client_secret"), appSecret},
                                 {QStringLiteral("access_token"), shortLivedToken}}));
}

QFuture<Result<TokenGrant>> GraphClient::refreshToken(const AccessToken &auth)
{
    const QUrl url =
        withQuery(m_hosts.graphUnversionedUrl(QStringLiteral("refresh_access_token")),
                  {{QStringLiteral("grant_type"), QStringLiteral("ig_refresh_token")},
                   {QStringLiteral("access_token"), auth.token}});
    return send({"GET", url, AccessToken{{}, auth.accountId}, {}, {}})
        .then([](Result<QJsonObject> result) -> Result<TokenGrant> {
            if (!result)
                return std::unexpected(result.error());
            return parseTokenGrant(*result, "refresh");
        });
}

QFuture<Result<TokenGrant>> GraphClient::tokenGrant(const QUrl &url)
{
    return send({"GET", url, {}, {}, {}}).then([](Result<QJsonObject> result) -> Result<TokenGrant> {
        if (!result)
            return std::unexpected(result.error());
        return parseTokenGrant(*result, "exchange");
    });
}

Result<TokenGrant> GraphClient::parseTokenGrant(const QJsonObject &reply, const char *what)
{
    const QJsonObject grant = unwrapData(reply);
    const QString token = grant.value(QLatin1String("access_token")).toString();
    if (token.isEmpty())
        return fail(Error::Kind::Parse,
            QStringLiteral("no access_token in the %1 reply").arg(QLatin1String(what)));
    return TokenGrant { token, grant.value(QLatin1String("expires_in")).toVariant().toLongLong() };
}

QFuture<Result<QJsonObject>> GraphClient::send(Request request)
{
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    QFuture<Result<QJsonObject>> future = promise->future();
    promise->start();
    if (QThread::currentThread() == thread()) {
        start(request, promise);
    } else {
        // The network manager lives in this object's thread: hand the request over.
        QMetaObject::invokeMethod(
            this, [this, request = std::move(request), promise] { start(request, promise); },
            Qt::QueuedConnection);
    }
    return future;
}

void GraphClient::start(const Request &request, const Promise &promise)
{
    QNetworkRequest networkRequest(request.url);
    // Graph does not redirect; following one could carry the Authorization header elsewhere.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    if (!request.auth.token.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + request.auth.token.toUtf8());
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);

    QNetworkReply *reply = request.verb == "GET"
        ? m_network->get(networkRequest)
        : m_network->sendCustomRequest(networkRequest, request.verb, request.body);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, promise, timer] {
        reply->deleteLater();
        Result<QJsonObject> result = interpret(reply, request);
        qCDebug(lcGraph).noquote()
            << request.verb << redactUrl(request.url) << "->"
            << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
            << (result ? QStringLiteral("ok") : result.error().message) << timer->elapsed() << "ms";
        const bool reached = result || result.error().kind != Error::Kind::Network;
        // Only the origin: the full URL of some calls carries secrets in its query.
        emit reachabilityObserved(request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery
                                      | QUrl::RemoveFragment | QUrl::RemoveUserInfo),
            reached, reached ? QString() : reachabilityReason(result.error()));
        if (!result && isAuthInvalid(result.error()) && m_currentToken
            && !request.auth.accountId.isEmpty() && !request.auth.token.isEmpty()
            && !request.retriedWithCurrentToken) {
            // Was it the current token? If a refresh replaced it meanwhile, try the new one.
            onDone(m_currentToken(request.auth.accountId), this,
                [this, request, promise, result](const Result<QString> &current) mutable {
                    if (current && !current->isEmpty() && *current != request.auth.token) {
                        qCInfo(lcGraph)
                            << "a call of account" << request.auth.accountId
                            << "carried a replaced token: sent again with the current one";
                        Request again = request;
                        again.auth.token = *current;
                        again.retriedWithCurrentToken = true;
                        start(again, promise);
                        return;
                    }
                    finish(request, promise, std::move(result));
                });
            return;
        }
        finish(request, promise, std::move(result));
    });
}

void GraphClient::finish(const Request &request, const Promise &promise, Result<QJsonObject> result)
{
    if (!result) {
        const Error &error = result.error();
        m_rateLimiter.observeError(request.auth.accountId, error);
        if (isAuthInvalid(error) && !request.auth.accountId.isEmpty()) {
            qCWarning(lcGraph) << "token of account" << request.auth.accountId
                               << "is no longer valid:" << error.code << error.subcode;
            emit tokenInvalid(request.auth.accountId);
        }
    } else {
        m_rateLimiter.observeSuccess(request.auth.accountId);
    }
    promise->addResult(std::move(result));
    promise->finish();
}

Result<QJsonObject> GraphClient::interpret(QNetworkReply *reply, const Request &request)
{
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all.
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        return fail(Error::Kind::Network,
                    timedOut ? QStringLiteral("the request timed out") : reply->errorString(),
                    int(reply->error()));
    }
    const int status = statusAttribute.toInt();
    m_rateLimiter.observeHeaders(request.auth.accountId, reply->rawHeader("X-App-Usage"),
                                 reply->rawHeader("X-Business-Use-Case-Usage"));

    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(quoteIdNumbers(body), &parseError);
    const QJsonObject object = document.object();
    if (auto error = errorFromBody(object, status))
        return std::unexpected(*error);
    if (status >= 300) {
        return fail(Error::Kind::Http,
                    QStringLiteral("HTTP %1 %2")
                        .arg(status)
                        .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()),
                    0, 0, status);
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(Error::Kind::Parse,
                    QStringLiteral("unexpected response body: %1").arg(parseError.errorString()), 0,
                    0, status);
    }
    return object;
}

} // namespace inlet
