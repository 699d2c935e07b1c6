#include "common/redact.h"

#include <QUrlQuery>

namespace inlet {

QString redactSecret(const QString &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("(empty)");
    return secret.left(4) + QStringLiteral("…(%1 chars)").arg(secret.size());
}

QString redactUrl(const QUrl &url)
{
    static const QStringList sensitive = {
        QStringLiteral("access_token"), QStringLiteral("client_secret"), QStringLiteral("code"),
        QStringLiteral("fb_exchange_token"), QStringLiteral("input_token"),
        QStringLiteral("hub.verify_token"), QStringLiteral("verify_token"),
    };
    QUrl copy(url);
    QUrlQuery query(copy);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (sensitive.contains(key)) {
            query.removeAllQueryItems(key);
            query.addQueryItem(key, QStringLiteral("REDACTED"));
        }
    }
    copy.setQuery(query);
    return copy.toString(QUrl::RemoveUserInfo);
}

} // namespace inlet
