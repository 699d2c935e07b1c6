#pragma once

#include "common/result.h"
#include "graph/graphclient.h"
#include "model/types.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

namespace inlet {

// The Meta app the manager brought: its id, its secret (from the keychain) and the registered
// redirect URI the login view intercepts.
struct OAuthConfig {
    QString appId;
    QString appSecret;
    QString redirectUri;
    // Connecting another account: `force_reauth=true` makes Instagram ask for the login again, so
    // a session the login view remembers cannot silently connect the same account once more.
    bool forceReauth = false;
};

struct ShortLivedToken {
    QString token;
    QString userId; // app-scoped id from the exchange; not the IG_ID (that comes from /me)
    QStringList permissions;
};

struct SignInResult {
    Account account; // id = IG_ID, tokenIssuedAt/tokenExpiresAt set
    QString longLivedToken;
    QDateTime expiresAt;
};

// One sign-in attempt with Business Login for Instagram (instagram-api.md §1), hand-rolled
// (QOAuth2 6.4 swallows errors). Create one per attempt: the state is single-use.
//   authorizeUrl() -> the login view -> handleRedirect(url) -> code -> signIn(code)
// signIn() = exchangeCode -> exchangeLongLived -> fetchAccount.
class OAuthFlow : public QObject {
    Q_OBJECT
public:
    static constexpr auto requiredScope = "instagram_business_manage_messages";

    OAuthFlow(GraphClient *client, OAuthConfig config, QObject *parent = nullptr);

    // www.instagram.com/oauth/authorize?client_id&redirect_uri&response_type=code&scope&state
    // [&force_reauth=true]
    QUrl authorizeUrl() const;
    QString state() const { return m_state; }

    // True when `url` is a navigation to the redirect URI (what the login view must intercept).
    bool isRedirect(const QUrl &url) const;
    // Checks state (constant time), strips Instagram's trailing "#_" and returns the code.
    // Kind::Auth errors: access_denied, other OAuth errors, wrong or missing state, no code, and
    // any second call (the state is spent by the first, whatever its outcome).
    Result<QString> handleRedirect(const QUrl &url);

    // POST api.instagram.com/oauth/access_token (form). Fails (Kind::Auth) when the manager
    // unticked the messages permission.
    QFuture<Result<ShortLivedToken>> exchangeCode(const QString &code);
    // GET graph/access_token?grant_type=ig_exchange_token -> {token, expiresIn}.
    QFuture<Result<TokenGrant>> exchangeLongLived(const QString &shortLivedToken);
    // GET /me?fields=user_id,username,name,profile_picture_url.
    QFuture<Result<Account>> fetchAccount(const QString &token);
    // All three in a row.
    QFuture<Result<SignInResult>> signIn(const QString &code);

    // Helpers, public for tests.
    static QString randomState();
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
    static QString stripFragmentMarker(QString code);
    static Result<ShortLivedToken> parseCodeExchange(const QJsonObject &reply);
    static Result<Account> parseMe(const QJsonObject &reply);

private:
    GraphClient *m_client;
    OAuthConfig m_config;
    QString m_state;
    bool m_stateUsed = false;
};

} // namespace inlet
