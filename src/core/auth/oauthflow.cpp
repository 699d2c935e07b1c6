#include "auth/oauthflow.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "common/redact.h"
#include "graph/grapherror.h"

#include <QJsonArray>
#include <QPromise>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace inlet {

namespace {

const QString scopes =
    QStringLiteral("instagram_business_basic,instagram_business_manage_messages");

QStringList permissionList(const QJsonValue &value)
{
    QStringList permissions;
    if (value.isArray()) {
        for (const QJsonValue &permission : value.toArray())
            permissions.append(permission.toString().trimmed());
    } else {
        for (const QString &permission : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            permissions.append(permission.trimmed());
    }
    return permissions;
}

// "code", "id" etc. as text whether Instagram sent a string or (quoted by GraphClient) a number.
QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace

OAuthFlow::OAuthFlow(GraphClient *client, OAuthConfig config, QObject *parent)
    : QObject(parent), m_client(client), m_config(std::move(config)), m_state(randomState())
{
}

QString OAuthFlow::randomState()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool OAuthFlow::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Length is not secret (the state is always 43 characters); the content is.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString OAuthFlow::stripFragmentMarker(QString code)
{
    // Instagram appends "#_" to the redirect; some stacks deliver it glued to the code, encoded.
    for (const QString &marker : {QStringLiteral("%23_"), QStringLiteral("#_")}) {
        if (code.endsWith(marker))
            code.chop(marker.size());
    }
    return code;
}

QUrl OAuthFlow::authorizeUrl() const
{
    QUrl url = m_client->hosts().authorizeEndpoint();
    QUrlQuery query;
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("client_id"), m_config.appId);
    add(QStringLiteral("redirect_uri"), m_config.redirectUri);
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("scope"), scopes);
    add(QStringLiteral("state"), m_state);
    if (m_config.forceReauth)
        add(QStringLiteral("force_reauth"), QStringLiteral("true"));
    url.setQuery(query);
    return url;
}

bool OAuthFlow::isRedirect(const QUrl &url) const
{
    const QUrl redirect(m_config.redirectUri);
    const auto path = [](const QUrl &u) {
        QString p = u.path();
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        return p;
    };
    return url.scheme() == redirect.scheme() && url.host() == redirect.host()
        && url.port(-1) == redirect.port(-1) && path(url) == path(redirect);
}

Result<QString> OAuthFlow::handleRedirect(const QUrl &url)
{
    if (m_stateUsed)
        return fail(Error::Kind::Auth, Error::Reason::SignInUsed,
            QStringLiteral("This sign-in attempt was already used."));
    m_stateUsed = true;

    const QUrlQuery query(url);
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        description.replace(QLatin1Char('+'), QLatin1Char(' '));
        qCInfo(lcAuth) << "sign-in ended with" << error
                       << query.queryItemValue(QStringLiteral("error_reason"));
        if (error == QLatin1String("access_denied"))
            return fail(Error::Kind::Auth, Error::Reason::SignInDenied,
                QStringLiteral("Access to the Instagram account was not granted."));
        // Instagram's own words are the message, shown as a detail.
        return fail(Error::Kind::Auth, Error::Reason::SignInRefused, description, { error });
    }

    // Strip a glued "#_" here too: our state is base64url and never contains '#'.
    const QString state = stripFragmentMarker(
        query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
    if (!constantTimeEquals(state.toUtf8(), m_state.toUtf8())) {
        qCWarning(lcAuth) << "sign-in redirect with a wrong state: ignored";
        return fail(Error::Kind::Auth, Error::Reason::SignInWrongState,
            QStringLiteral("The sign-in answer did not belong to this attempt (state mismatch)."));
    }

    QString code = stripFragmentMarker(
        query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
    code = stripFragmentMarker(code); // "%23_" decoded once more, if it was double-encoded
    if (code.isEmpty())
        return fail(Error::Kind::Auth, Error::Reason::SignInNoCode,
            QStringLiteral("Instagram's answer carried no code."));
    return code;
}

Result<ShortLivedToken> OAuthFlow::parseCodeExchange(const QJsonObject &reply)
{
    const QJsonObject grant = unwrapData(reply);
    ShortLivedToken token;
    token.token = grant.value(QLatin1String("access_token")).toString();
    token.userId = idText(grant.value(QLatin1String("user_id")));
    token.permissions = permissionList(grant.value(QLatin1String("permissions")));
    if (token.token.isEmpty())
        return fail(Error::Kind::Parse, Error::Reason::SignInNoToken,
            QStringLiteral("The code exchange returned no token."));
    // Without "permissions" we cannot tell; Instagram always sends it, so treat absence as a refusal.
    if (!token.permissions.contains(QLatin1String(requiredScope))) {
        return fail(Error::Kind::Auth, Error::Reason::SignInNoMessagingPermission,
            QStringLiteral("The permission to manage messages was not granted."));
    }
    return token;
}

Result<Account> OAuthFlow::parseMe(const QJsonObject &reply)
{
    const QJsonObject me = unwrapData(reply);
    Account account;
    account.id = idText(me.value(QLatin1String("user_id")));
    account.username = me.value(QLatin1String("username")).toString();
    account.name = me.value(QLatin1String("name")).toString();
    account.profilePictureUrl = me.value(QLatin1String("profile_picture_url")).toString();
    if (account.id.isEmpty())
        return fail(Error::Kind::Parse, Error::Reason::SignInNoUserId,
            QStringLiteral("/me returned no user_id."));
    return account;
}

QFuture<Result<ShortLivedToken>> OAuthFlow::exchangeCode(const QString &code)
{
    const GraphClient::FormFields form{
        {QStringLiteral("client_id"), m_config.appId},
        {QStringLiteral("client_secret"), m_config.appSecret},
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("redirect_uri"), m_config.redirectUri},
        {QStringLiteral("code"), stripFragmentMarker(code)},
    };
    qCDebug(lcAuth) << "exchanging code" << redactSecret(code);
    return m_client->postForm(m_client->hosts().tokenEndpoint(), form)
        .then([](Result<QJsonObject> reply) -> Result<ShortLivedToken> {
            if (!reply)
                return std::unexpected(reply.error());
            return parseCodeExchange(*reply);
        });
}

QFuture<Result<TokenGrant>> OAuthFlow::exchangeLongLived(const QString &shortLivedToken)
{
    return m_client->exchangeLongLived(shortLivedToken, m_config.appSecret);
}

QFuture<Result<Account>> OAuthFlow::fetchAccount(const QString &token)
{
    return m_client
        ->me(AccessToken{token, {}}, QStringLiteral("user_id,username,name,profile_picture_url"))
        .then([](Result<QJsonObject> reply) -> Result<Account> {
            if (!reply)
                return std::unexpected(reply.error());
            return parseMe(*reply);
        });
}

QFuture<Result<SignInResult>> OAuthFlow::signIn(const QString &code)
{
    auto promise = std::make_shared<QPromise<Result<SignInResult>>>();
    QFuture<Result<SignInResult>> future = promise->future();
    promise->start();
    const auto finish = [promise](Result<SignInResult> result) {
        if (!result)
            qCWarning(lcAuth) << "sign-in failed:" << result.error().message;
        promise->addResult(std::move(result));
        promise->finish();
    };

    onDone(exchangeCode(code), this, [this, finish](const Result<ShortLivedToken> &shortLived) {
        if (!shortLived)
            return finish(std::unexpected(shortLived.error()));
        onDone(exchangeLongLived(shortLived->token), this, [this, finish](const Result<TokenGrant> &grant) {
            if (!grant)
                return finish(std::unexpected(grant.error()));
            const QDateTime issuedAt = QDateTime::currentDateTimeUtc();
            const QDateTime expiresAt = issuedAt.addSecs(grant->expiresIn);
            const QString token = grant->token;
            onDone(fetchAccount(token), this, [finish, token, issuedAt, expiresAt](Result<Account> account) {
                if (!account)
                    return finish(std::unexpected(account.error()));
                account->tokenIssuedAt = issuedAt;
                account->tokenExpiresAt = expiresAt;
                qCInfo(lcAuth) << "signed in as" << account->username << "token"
                               << redactSecret(token) << "expires" << expiresAt;
                finish(SignInResult{*account, token, expiresAt});
            });
        });
    });
    return future;
}

} // namespace inlet
