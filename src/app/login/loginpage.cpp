#include "app/login/loginpage.h"

#include "common/logging.h"
#include "common/redact.h"
#include "common/urlorigin.h"

namespace inlet::app {

namespace {

QString normalizedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// A throw-away page for window.open/target=_blank: it never renders anything, it only takes the
// first navigation, hands a web address to the opener (the system browser), and deletes itself.
class ExternalLinkPage : public QWebEnginePage {
public:
    ExternalLinkPage(QWebEngineProfile *profile, ExternalOpener opener, QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_opener(std::move(opener))
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
            qCInfo(lcApp) << "opening in the system browser:" << redactUrl(url);
            m_opener(url);
        }
        deleteLater();
        return false;
    }

private:
    ExternalOpener m_opener;
};

} // namespace

LoginPage::LoginPage(
    QWebEngineProfile *profile, const QUrl &authorizeUrl, const QUrl &redirectUri, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_redirectUri(redirectUri)
    , m_navigation(authorizeUrl)
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
    switch (m_navigation.decide(url, isMainFrame)) {
    case LoginNavigation::Decision::Load:
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    case LoginNavigation::Decision::OpenExternally:
        qCInfo(lcApp) << "leaves Instagram, opening in the system browser:" << redactUrl(url);
        m_opener(url);
        return false;
    case LoginNavigation::Decision::Refuse:
        break;
    }
    qCInfo(lcApp) << "login view navigation refused:" << redactUrl(url);
    return false;
}

QWebEnginePage *LoginPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type);
    return new ExternalLinkPage(profile(), m_opener, this);
}

} // namespace inlet::app
