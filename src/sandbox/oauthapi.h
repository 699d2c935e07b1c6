#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

#include <QSet>

#include <optional>

namespace inlet::sandbox {

// Instagram Login: the consent page, the code exchange, the long-lived exchange and refresh.
//   GET  /oauth/authorize             consent page (Allow / Deny links); force_reauth=true logs in again
//   GET  /oauth/authorize/allow|deny  what the page's links do: 302 to the redirect URI
//   POST /oauth/access_token          code -> short-lived token (api.instagram.com's error shape)
//   GET  /access_token                ig_exchange_token: short-lived -> long-lived (Graph errors)
//   GET  /refresh_access_token        ig_refresh_token: long-lived -> new long-lived
class OAuthApi {
public:
    explicit OAuthApi(SandboxState &state) : m_state(state) {}

    // nullopt: not an OAuth path.
    std::optional<HttpReply> handle(const ApiRequest &request);

    struct Consent {
        QString code;
        QByteArray redirect; // the full redirect URL, encoded
        QString error;       // non-empty: invalid request
        QByteArray setCookie; // the browser's new login session (Set-Cookie)
    };
    // Headless consent (POST /__sandbox/consent): as if the user pressed Allow.
    Consent consent(const QString &clientId, const QString &redirectUri, const QString &scope,
                    const QString &state, const QStringList &grantOnly = {});

    bool isAcceptableRedirect(const QString &redirectUri) const;

private:
    QString validateAuthorize(const QString &clientId, const QString &redirectUri,
                              const QString &scope, const QString &responseType) const;
    HttpReply authorizePage(const ApiRequest &request);
    HttpReply decide(const ApiRequest &request, bool allow);
    HttpReply exchangeCode(const ApiRequest &request);
    HttpReply longLived(const ApiRequest &request);
    HttpReply refresh(const ApiRequest &request);

    SandboxState &m_state;
    // The browser's Instagram session, as the consent page sees it: an Allow logs the browser in
    // with a persistent `sessionid` cookie (as instagram.com does); an authorize request carrying
    // a known one offers to continue as the business account, unless force_reauth=true asks for
    // the login again. A browser that kept no cookies sees the login.
    bool hasSession(const ApiRequest &request) const;
    QSet<QByteArray> m_sessions;
};

} // namespace inlet::sandbox
