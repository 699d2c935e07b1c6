#pragma once

#include "common/result.h"
#include "graph/instagramhosts.h"
#include "graph/ratelimiter.h"
#include "model/conversationjson.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPromise>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace inlet {

// A token and the account it belongs to. The account id (IG_ID) is only used to tell who lost
// their token (tokenInvalid) and for per-account rate limits; it may be empty during sign-in.
struct AccessToken {
    QString token;
    QString accountId;
};

// What the long-lived exchange and the refresh return.
struct TokenGrant {
    QString token;
    qint64 expiresIn = 0; // seconds
};

// Talks to Instagram's Graph API (or the sandbox) over one QNetworkAccessManager.
// Every call is asynchronous and returns a QFuture that finishes with the parsed JSON object or an
// inlet::Error (never an exception). Calls may come from any thread: they hop to the client's
// thread, where replies are handled; consume results with future.then(context, ...).
// Tokens travel in the Authorization header; logs show URLs through redactUrl only.
// Ids in responses (id, user_id, ..._id) always arrive as JSON strings, even if Instagram sent
// them as numbers: 17-digit ids do not survive doubles.
class GraphClient : public QObject {
    Q_OBJECT
public:
    using FormFields = QList<QPair<QString, QString>>;

    explicit GraphClient(InstagramHosts hosts = {}, QObject *parent = nullptr);
    ~GraphClient() override;

    // Set before the first call; read from any thread afterwards.
    const InstagramHosts &hosts() const { return m_hosts; }
    void setHosts(const InstagramHosts &hosts) { m_hosts = hosts; }
    void setTransferTimeout(std::chrono::milliseconds timeout);
    RateLimiter &rateLimiter() { return m_rateLimiter; }
    // Where an account's current token is (TokenVault in the app). With it, a call refused with
    // 190 whose token is no longer the current one (a refresh replaced it while the call was on
    // its way, and Meta may revoke the old one) is sent again once with the current token, and
    // only a refused current token means tokenInvalid.
    using CurrentToken = std::function<QFuture<Result<QString>>(const QString &accountId)>;
    void setCurrentToken(CurrentToken current) { m_currentToken = std::move(current); }

    // Generic calls. `auth.token` empty: no Authorization header.
    QFuture<Result<QJsonObject>> get(const QUrl &url, const AccessToken &auth);
    QFuture<Result<QJsonObject>> postJson(const QUrl &url, const AccessToken &auth,
                                          const QJsonObject &body);
    // application/x-www-form-urlencoded, every key and value percent-encoded ('+' too).
    QFuture<Result<QJsonObject>> postForm(const QUrl &url, const FormFields &fields,
                                          const AccessToken &auth = {});
    QFuture<Result<QJsonObject>> deleteResource(const QUrl &url, const AccessToken &auth);

    // /me: flat or data[] shape, always returned flat.
    QFuture<Result<QJsonObject>> me(
        const AccessToken &auth,
        const QString &fields = QStringLiteral("user_id,username,name,profile_picture_url"));
    QFuture<Result<QJsonObject>> userProfile(const AccessToken &auth, const QString &igsid);
    // /me/conversations?platform=instagram; `after` empty for the first page; limit 0 = default.
    QFuture<Result<QJsonObject>> conversations(const AccessToken &auth, const QString &after = {},
                                               int limit = 0);
    QFuture<Result<QJsonObject>> conversationMessages(const AccessToken &auth,
                                                      const QString &conversationId,
                                                      const QString &after = {});
    QFuture<Result<QJsonObject>> message(
        const AccessToken &auth, const QString &mid, const QString &fields = messageNodeFields());
    // POST /me/messages with a Send API body ({"recipient":..,"message":..} or sender_action).
    QFuture<Result<QJsonObject>> sendMessage(const AccessToken &auth, const QJsonObject &body);
    // POST /me/subscribed_apps?subscribed_fields=... (per-account webhook install).
    QFuture<Result<QJsonObject>> subscribeApp(const AccessToken &auth, const QStringList &fields);
    // GET /me/subscribed_apps: {"data":[{"id","name","subscribed_fields":[...]}]}; empty data when
    // the account's subscription is off (never made, removed, or switched off by Meta).
    QFuture<Result<QJsonObject>> subscribedApps(const AccessToken &auth);
    // DELETE /me/subscribed_apps: the account's webhooks stop (an account disconnected).
    QFuture<Result<QJsonObject>> unsubscribeApp(const AccessToken &auth);
    // POST graph.facebook.com/{app-id}/subscriptions with the app token APP_ID|APP_SECRET.
    QFuture<Result<QJsonObject>> appSubscription(const QString &appId, const QString &appSecret,
                                                 const QUrl &callbackUrl,
                                                 const QString &verifyToken,
                                                 const QStringList &fields);
    // GET graph/access_token?grant_type=ig_exchange_token (short-lived -> 60 days).
    QFuture<Result<TokenGrant>> exchangeLongLived(const QString &shortLivedToken,
                                                  const QString &appSecret);
    // GET graph/refresh_access_token?grant_type=ig_refresh_token (another 60 days).
    QFuture<Result<TokenGrant>> refreshToken(const AccessToken &auth);

    static QByteArray formEncode(const FormFields &fields);
    // The answer of the long-lived exchange or the refresh (flat or data[] shape); `what` names the
    // call in the error. Public for tests and tests/fuzz.
    static Result<TokenGrant> parseTokenGrant(const QJsonObject &reply, const char *what);

signals:
    // A call made with this account's token was answered with 190/102: it needs to sign in again.
    void tokenInvalid(const QString &accountId);
    // Every finished call, by origin (scheme, host, port): `reached` is false when no HTTP answer came (Error::Kind::Network:
    // refused, timeout, DNS, TLS), with the reason. Connectivity tracks offline state from it.
    void reachabilityObserved(const QUrl &url, bool reached, const QString &reason);

private:
    struct Request {
        QByteArray verb;
        QUrl url;
        AccessToken auth;
        QByteArray body;
        QByteArray contentType;
        bool retriedWithCurrentToken = false;
    };
    using Promise = std::shared_ptr<QPromise<Result<QJsonObject>>>;

    QFuture<Result<QJsonObject>> send(Request request);
    void start(const Request &request, const Promise &promise);
    void finish(const Request &request, const Promise &promise, Result<QJsonObject> result);
    Result<QJsonObject> interpret(QNetworkReply *reply, const Request &request);
    QFuture<Result<TokenGrant>> tokenGrant(const QUrl &url);

    InstagramHosts m_hosts;
    QNetworkAccessManager *m_network;
    RateLimiter m_rateLimiter;
    CurrentToken m_currentToken;
};

} // namespace inlet
