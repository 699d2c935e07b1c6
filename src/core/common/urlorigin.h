#pragma once

#include <QHostAddress>
#include <QUrl>

namespace inlet {

// The URL's port, or its scheme's default (https 443, http 80; -1 for other schemes).
inline int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1String("https") ? 443
            : scheme == QLatin1String("http")        ? 80
                                                     : -1);
}

// Same scheme, host and (effective) port: where a bearer token or a session may go.
inline bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && effectivePort(a) == effectivePort(b);
}

// Where customer-controlled media (attachments, profile pictures) may be fetched from: https, or
// plain http on this machine only (the sandbox). Never file:, smb: or anything read as a path.
inline bool isRemoteMediaUrl(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https"))
        return !url.host().isEmpty();
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QHostAddress address(url.host());
    return url.host() == QLatin1String("localhost") || address.isLoopback();
}

} // namespace inlet
