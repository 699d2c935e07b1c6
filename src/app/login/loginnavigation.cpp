#include "app/login/loginnavigation.h"

#include "common/urlorigin.h"

#include <QDesktopServices>

namespace inlet::app {

namespace {

bool isWeb(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
        && !url.host().isEmpty();
}

} // namespace

ExternalOpener systemBrowserOpener()
{
    return [](const QUrl &url) { QDesktopServices::openUrl(url); };
}

LoginNavigation::LoginNavigation(const QUrl &authorizeUrl)
    : m_authorizeOrigin(authorizeUrl.adjusted(
        QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo))
{
}

bool LoginNavigation::isMetaHost(const QString &host)
{
    const QString h = host.toLower();
    for (const QLatin1String domain : { QLatin1String("instagram.com"),
             QLatin1String("facebook.com"), QLatin1String("meta.com") }) {
        if (h == domain || h.endsWith(QLatin1Char('.') + domain))
            return true;
    }
    return false;
}

LoginNavigation::Decision LoginNavigation::decide(const QUrl &url, bool isMainFrame) const
{
    if (sameOrigin(url, m_authorizeOrigin))
        return Decision::Load;
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (!isMainFrame) {
        const QString scheme = url.scheme().toLower();
        return https || scheme == QLatin1String("about") || scheme == QLatin1String("blob")
                || scheme == QLatin1String("data")
            ? Decision::Load
            : Decision::Refuse;
    }
    if (https && isMetaHost(url.host()))
        return Decision::Load;
    return isWeb(url) ? Decision::OpenExternally : Decision::Refuse;
}

} // namespace inlet::app
