#include "app/login/loginpage.h"

#include "common/logging.h"
#include "common/redact.h"

#include <QDesktopServices>

namespace inlet::app {

namespace {

QString normalizedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int fallback = scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1;
    return url.port(fallback);
}

// A throw-away page for window.open/target=_blank: it never renders anything, it only takes the
// first navigation, hands it to the desktop, and deletes itself.
class ExternalLinkPage : public QWebEnginePage {
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
            qCInfo(lcApp) << "opening in the system browser:" << redactUrl(url);
            QDesktopServices::openUrl(url);
        }
        deleteLater();
        return false;
    }
};

} // namespace

LoginPage::LoginPage(QWebEngineProfile *profile, const QUrl &redirectUri, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_redirectUri(redirectUri)
{
}

bool LoginPage::matchesRedirect(const QUrl &candidate, const QUrl &redirectUri)
{
    if (!candidate.isValid() || !redirectUri.isValid())
        return false;
    return candidate.scheme().compare(redirectUri.scheme(), Qt::CaseInsensitive) == 0
        && candidate.host().compare(redirectUri.host(), Qt::CaseInsensitive) == 0
        && effectivePort(candidate) == effectivePort(redirectUri)
        && normalizedPath(candidate) == normalizedPath(redirectUri);
}

bool LoginPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (matchesRedirect(url, m_redirectUri)) {
        qCInfo(lcApp) << "login redirect captured (navigation type" << type << "main frame"
                      << isMainFrame << "):" << redactUrl(url);
        emit redirectCaptured(url);
        return false;
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

QWebEnginePage *LoginPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type);
    return new ExternalLinkPage(profile(), this);
}

} // namespace inlet::app
