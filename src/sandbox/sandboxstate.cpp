#include "sandbox/sandboxstate.h"

#include "sandbox/demoworld.h"
#include "sandbox/webhookdelivery.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QtEndian>

namespace inlet::sandbox {

QString SandboxState::newMid()
{
    // Sends and injected events use their own counter space, away from the demo world's mids.
    QString mid;
    do {
        mid = makeMid(quint64(options.seed) + 0x5A5D0000ULL, 1000000 + ++midCounter);
    } while (world.hasMid(mid));
    if (changed)
        changed();
    return mid;
}

QString SandboxState::appScopedUserId() const
{
    const QByteArray hash = QCryptographicHash::hash((options.appId + options.businessId).toUtf8(),
                                                     QCryptographicHash::Sha256);
    const quint64 n = qFromBigEndian<quint64>(hash.constData()) % 10000000000000000ULL;
    return QStringLiteral("2%1").arg(n, 16, 10, QLatin1Char('0'));
}

QString SandboxState::url(const QString &path) const
{
    QString base = baseUrl.toString(QUrl::StripTrailingSlash);
    return base + path;
}

QString SandboxState::avatarUrl(const QString &igsid) const
{
    return url(QStringLiteral("/__sandbox/avatars/%1.svg").arg(igsid));
}

QString SandboxState::mediaUrl(const QString &name) const
{
    return url(QStringLiteral("/__sandbox/media/%1").arg(name));
}

bool SandboxState::deliver(const QJsonObject &item, const QString &field)
{
    Subscriptions &subs = world.subscriptions();
    if (!delivery || subs.accountFields.isEmpty() || subs.callbackUrl.isEmpty()
        || !subs.appFields.contains(field))
        return false;
    delivery->enqueue(options.businessId, item);
    return true;
}

std::optional<HttpReply> SandboxState::requireUserToken(const ApiRequest &request) const
{
    const QString token = request.accessToken();
    if (token == appToken())
        return HttpReply::graphError(
            2500, QStringLiteral("An active access token must be used to query information about the current user."));
    const qint64 now = clock.nowMs();
    switch (tokens.check(token, now)) {
    case TokenStore::Check::Valid:
        return std::nullopt;
    case TokenStore::Check::Missing:
        return HttpReply::graphError(
            2500, QStringLiteral("An active access token must be used to query information about the current user."));
    case TokenStore::Check::Unknown:
        return HttpReply::graphError(190, QStringLiteral("Invalid OAuth access token - Cannot parse access token"));
    case TokenStore::Check::Revoked:
        return HttpReply::graphError(
            190, QStringLiteral("Error validating access token: The session is invalid because the user logged out."),
            467);
    case TokenStore::Check::Expired: {
        const QLocale c = QLocale::c();
        const auto fmt = QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'UTC'");
        const qint64 expiredAt = tokens.token(token)->expiresMs;
        return HttpReply::graphError(
            190,
            QStringLiteral("Error validating access token: Session has expired on %1. The current time is %2.")
                .arg(c.toString(QDateTime::fromMSecsSinceEpoch(expiredAt, Qt::UTC), fmt),
                     c.toString(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC), fmt)),
            463);
    }
    }
    return std::nullopt;
}

QString graphTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+0000"));
}

} // namespace inlet::sandbox
