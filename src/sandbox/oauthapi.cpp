#include "sandbox/oauthapi.h"

#include "common/redact.h"
#include "sandbox/sandboxlogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace inlet::sandbox {

namespace {

const QStringList &knownScopes()
{
    static const QStringList scopes{
        QStringLiteral("instagram_business_basic"),
        QStringLiteral("instagram_business_manage_messages"),
        QStringLiteral("instagram_business_manage_comments"),
        QStringLiteral("instagram_business_content_publish"),
        QStringLiteral("instagram_business_manage_insights"),
    };
    return scopes;
}

QByteArray pct(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

QByteArray withQuery(const QString &redirectUri, const QByteArray &params)
{
    QByteArray base = QUrl(redirectUri).toEncoded(QUrl::RemoveFragment);
    return base + (base.contains('?') ? '&' : '?') + params;
}

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

HttpReply errorPage(const QString &message)
{
    const QString page = QStringLiteral(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Error</title></head>"
        "<body><h1>Invalid Request</h1><p id=\"error\">%1</p></body></html>").arg(htmlEscape(message));
    return HttpReply::html(page.toUtf8(), 400);
}

} // namespace

std::optional<HttpReply> OAuthApi::handle(const ApiRequest &request)
{
    const QStringList &p = request.path;
    const bool get = request.method == "GET";
    if (p.size() >= 2 && p.at(0) == QLatin1String("oauth") && p.at(1) == QLatin1String("authorize")) {
        if (!get)
            return std::nullopt;
        if (p.size() == 2)
            return authorizePage(request);
        if (p.size() == 3 && p.at(2) == QLatin1String("allow"))
            return decide(request, true);
        if (p.size() == 3 && p.at(2) == QLatin1String("deny"))
            return decide(request, false);
        return std::nullopt;
    }
    if (p == QStringList{QStringLiteral("oauth"), QStringLiteral("access_token")}) {
        if (request.method != "POST")
            return HttpReply::oauthError(QStringLiteral("Unsupported method, use POST"), 400);
        return exchangeCode(request);
    }
    if (p == QStringList{QStringLiteral("access_token")} && get)
        return longLived(request);
    if (p == QStringList{QStringLiteral("refresh_access_token")} && get)
        return refresh(request);
    return std::nullopt;
}

bool OAuthApi::isAcceptableRedirect(const QString &redirectUri) const
{
    // Registered URIs always; otherwise any https URI or an http URI on a loopback host (the
    // sandbox has no app dashboard where they could be registered).
    if (m_state.redirectUris.contains(redirectUri))
        return true;
    const QUrl url(redirectUri, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    const QString host = url.host();
    return url.scheme() == QLatin1String("http")
           && (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
               || host == QLatin1String("::1"));
}

QString OAuthApi::validateAuthorize(const QString &clientId, const QString &redirectUri,
                                    const QString &scope, const QString &responseType) const
{
    if (clientId.isEmpty())
        return QStringLiteral("Invalid platform app: missing client_id");
    if (clientId != m_state.options.appId)
        return QStringLiteral("Invalid platform app");
    if (redirectUri.isEmpty() || !isAcceptableRedirect(redirectUri))
        return QStringLiteral("Invalid redirect_uri: not registered for this app");
    if (responseType != QLatin1String("code"))
        return QStringLiteral("Invalid response_type: must be \"code\"");
    const QStringList scopes = splitList(scope);
    if (!scopes.contains(QLatin1String("instagram_business_basic")))
        return QStringLiteral("Invalid Scopes: instagram_business_basic is required");
    for (const QString &s : scopes) {
        if (!knownScopes().contains(s))
            return QStringLiteral("Invalid Scopes: %1").arg(s);
    }
    return {};
}

HttpReply OAuthApi::authorizePage(const ApiRequest &request)
{
    const QString clientId = request.param(QStringLiteral("client_id"));
    const QString redirectUri = request.param(QStringLiteral("redirect_uri"));
    const QString scope = request.param(QStringLiteral("scope"));
    const QString error = validateAuthorize(clientId, redirectUri, scope,
                                            request.param(QStringLiteral("response_type")));
    if (!error.isEmpty()) {
        qCInfo(lcSandbox) << "authorize refused:" << error;
        return errorPage(error);
    }
    QFile file(QStringLiteral(":/sandbox/consent.html"));
    QString page = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                  : QStringLiteral("<a id=\"allow\" href=\"{{ALLOW_URL}}\">Allow</a> "
                                                                   "<a id=\"deny\" href=\"{{DENY_URL}}\">Deny</a>");
    // The links carry the same parameters; the decision endpoints validate them again.
    const QByteArray query = request.query.toString(QUrl::FullyEncoded).toUtf8();
    const QString allow = QStringLiteral("/oauth/authorize/allow?") + QString::fromUtf8(query);
    const QString deny = QStringLiteral("/oauth/authorize/deny?") + QString::fromUtf8(query);
    QStringList scopeItems;
    for (const QString &s : splitList(scope))
        scopeItems.append(QStringLiteral("<li>%1</li>").arg(htmlEscape(s)));
    // Instagram's force_reauth=true: a remembered session is not enough, the login comes back.
    const QString force = request.param(QStringLiteral("force_reauth"));
    const bool forced = force == QLatin1String("true") || force == QLatin1String("1");
    if (forced)
        qCInfo(lcSandbox) << "authorize with force_reauth: the login is asked again";
    const QString business = htmlEscape(m_state.options.businessUsername);
    const QString session = hasSession(request) && !forced
        ? QStringLiteral("<p id=\"session\">Continue as <b>@%1</b> (remembered session).</p>")
        : forced ? QStringLiteral("<p id=\"login\">Logged in as <b>@%1</b> (force_reauth: the "
                                  "login was asked again).</p>")
                 : QStringLiteral("<p id=\"login\">Logged in as <b>@%1</b>.</p>");
    page.replace(QStringLiteral("{{SESSION}}"), session.arg(business));
    page.replace(QStringLiteral("{{BUSINESS}}"), business);
    page.replace(QStringLiteral("{{APP_ID}}"), htmlEscape(clientId));
    page.replace(QStringLiteral("{{SCOPES}}"), scopeItems.join(QString()));
    page.replace(QStringLiteral("{{REDIRECT}}"), htmlEscape(redirectUri));
    page.replace(QStringLiteral("{{ALLOW_URL}}"), htmlEscape(allow));
    page.replace(QStringLiteral("{{DENY_URL}}"), htmlEscape(deny));
    return HttpReply::html(page.toUtf8());
}

OAuthApi::Consent OAuthApi::consent(const QString &clientId, const QString &redirectUri,
                                    const QString &scope, const QString &state,
                                    const QStringList &grantOnly)
{
    const QString error = validateAuthorize(clientId, redirectUri, scope, QStringLiteral("code"));
    if (!error.isEmpty())
        return { {}, {}, error, {} };
    QStringList granted = splitList(scope);
    if (!grantOnly.isEmpty()) {
        granted.removeIf([&](const QString &s) { return !grantOnly.contains(s); });
        if (!granted.contains(QLatin1String("instagram_business_basic")))
            granted.prepend(QStringLiteral("instagram_business_basic"));
    }
    granted.removeDuplicates();
    const QString code = m_state.tokens.issueCode(redirectUri, granted, m_state.clock.nowMs());
    QByteArray params = "code=" + pct(code);
    if (!state.isEmpty())
        params += "&state=" + pct(state);
    // Logged in: a year-long session cookie, as instagram.com's sessionid.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray sessionId
        = QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
    m_sessions.insert(sessionId);
    qCInfo(lcSandbox) << "consent granted, code" << redactSecret(code);
    return { code, withQuery(redirectUri, params) + "#_", {},
        "sessionid=" + sessionId + "; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax" };
}

bool OAuthApi::hasSession(const ApiRequest &request) const
{
    for (const QByteArray &pair : request.cookie.split(';')) {
        const QByteArray trimmed = pair.trimmed();
        if (trimmed.startsWith("sessionid=") && m_sessions.contains(trimmed.mid(10)))
            return true;
    }
    return false;
}

HttpReply OAuthApi::decide(const ApiRequest &request, bool allow)
{
    const QString clientId = request.param(QStringLiteral("client_id"));
    const QString redirectUri = request.param(QStringLiteral("redirect_uri"));
    const QString scope = request.param(QStringLiteral("scope"));
    const QString state = request.param(QStringLiteral("state"));
    const QString error = validateAuthorize(clientId, redirectUri, scope,
                                            request.param(QStringLiteral("response_type")));
    if (!error.isEmpty())
        return errorPage(error);
    HttpReply reply;
    reply.status = 302;
    reply.contentType = "text/html; charset=utf-8";
    if (allow) {
        const Consent granted = consent(clientId, redirectUri, scope, state);
        reply.location = granted.redirect;
        reply.setCookie = granted.setCookie;
    } else {
        QByteArray params = "error=access_denied&error_reason=user_denied"
                            "&error_description=The+user+denied+your+request";
        if (!state.isEmpty())
            params += "&state=" + pct(state);
        reply.location = withQuery(redirectUri, params);
    }
    return reply;
}

HttpReply OAuthApi::exchangeCode(const ApiRequest &request)
{
    auto field = [&](const char *name) { return request.param(QLatin1String(name)); };
    for (const char *name : {"client_id", "client_secret", "grant_type", "redirect_uri", "code"}) {
        if (field(name).isEmpty())
            return HttpReply::oauthError(QStringLiteral("Missing required field %1").arg(QLatin1String(name)));
    }
    if (field("client_id") != m_state.options.appId)
        return HttpReply::oauthError(QStringLiteral("Invalid platform app"));
    if (field("client_secret") != m_state.options.appSecret)
        return HttpReply::oauthError(QStringLiteral("Error validating client secret."));
    if (field("grant_type") != QLatin1String("authorization_code"))
        return HttpReply::oauthError(QStringLiteral("Invalid grant_type: must be authorization_code"));
    QString codeValue = field("code");
    if (codeValue.endsWith(QLatin1String("#_")))
        codeValue.chop(2);
    TokenStore::Code *code = m_state.tokens.code(codeValue);
    const qint64 now = m_state.clock.nowMs();
    if (!code || code->used)
        return HttpReply::oauthError(QStringLiteral("Matching code was not found or was already used"));
    if (code->redirectUri != field("redirect_uri"))
        return HttpReply::oauthError(QStringLiteral(
            "Error validating verification code. Please make sure your redirect_uri is identical to the one "
            "you used in the OAuth dialog request"));
    code->used = true; // a failed attempt after this point still burns the code, as on Instagram
    if (now - code->issuedMs > TokenStore::kCodeLifetimeMs)
        return HttpReply::oauthError(QStringLiteral("This authorization code has expired."));
    const QString token = m_state.tokens.issueToken(false, code->scopes, now);
    qCInfo(lcSandbox) << "code exchanged for short-lived token" << redactSecret(token);
    // Instagram's observed shape: flat, numeric user_id (17 digits, beyond a double's precision,
    // so written by hand), permissions as an array.
    QJsonArray permissions;
    for (const QString &p : code->scopes)
        permissions.append(p);
    const QByteArray body = "{\"access_token\":\"" + token.toUtf8() + "\",\"user_id\":"
                            + m_state.appScopedUserId().toUtf8() + ",\"permissions\":"
                            + QJsonDocument(permissions).toJson(QJsonDocument::Compact) + '}';
    return HttpReply::rawJson(body);
}

HttpReply OAuthApi::longLived(const ApiRequest &request)
{
    if (request.param(QStringLiteral("grant_type")) != QLatin1String("ig_exchange_token"))
        return HttpReply::graphError(100, QStringLiteral("Unsupported grant_type: expected ig_exchange_token"));
    if (request.param(QStringLiteral("client_secret")).isEmpty())
        return HttpReply::graphError(100, QStringLiteral("Missing client_secret parameter."));
    if (request.param(QStringLiteral("client_secret")) != m_state.options.appSecret)
        return HttpReply::graphError(101, QStringLiteral("Error validating client secret."));
    if (auto error = m_state.requireUserToken(request))
        return *error;
    const QStringList permissions = m_state.tokens.token(request.accessToken())->permissions;
    const qint64 now = m_state.clock.nowMs();
    const QString token = m_state.tokens.issueToken(true, permissions, now);
    qCInfo(lcSandbox) << "long-lived token issued" << redactSecret(token);
    return HttpReply::json(QJsonObject{{QStringLiteral("access_token"), token},
                                       {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                       {QStringLiteral("expires_in"), TokenStore::kLongLifetimeMs / 1000}});
}

HttpReply OAuthApi::refresh(const ApiRequest &request)
{
    if (request.param(QStringLiteral("grant_type")) != QLatin1String("ig_refresh_token"))
        return HttpReply::graphError(100, QStringLiteral("Unsupported grant_type: expected ig_refresh_token"));
    if (auto error = m_state.requireUserToken(request))
        return *error;
    const TokenStore::Token *old = m_state.tokens.token(request.accessToken());
    const qint64 now = m_state.clock.nowMs();
    if (!old->longLived)
        return HttpReply::graphError(100, QStringLiteral("(#100) Only long-lived access tokens can be refreshed."));
    if (now - old->issuedMs < TokenStore::kRefreshMinAgeMs)
        return HttpReply::graphError(
            100, QStringLiteral("(#100) The access token can not be refreshed: it is less than 24 hours old."));
    const QStringList permissions = old->permissions;
    const QString token = m_state.tokens.issueToken(true, permissions, now);
    qCInfo(lcSandbox) << "token refreshed" << redactSecret(token);
    if (m_state.options.revokeOnRefresh) {
        m_state.tokens.revoke(request.accessToken());
        qCInfo(lcSandbox) << "the refreshed token was revoked";
    }
    return HttpReply::json(QJsonObject { { QStringLiteral("access_token"), token },
        { QStringLiteral("token_type"), QStringLiteral("bearer") },
        { QStringLiteral("expires_in"), TokenStore::kLongLifetimeMs / 1000 } });
}

} // namespace inlet::sandbox
