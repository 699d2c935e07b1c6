#pragma once

#include "app/login/loginnavigation.h"

#include <QUrl>
#include <QWebEnginePage>

namespace inlet::app {

// The page of the login window. It watches every navigation and catches the one to the OAuth
// redirect URI before Chromium sends any request there: the code must never reach the network.
// Every other navigation goes through LoginNavigation: Instagram, Meta and the authorize origin
// load here, other links go to the system browser (through the ExternalOpener).
class LoginPage : public QWebEnginePage {
    Q_OBJECT
public:
    LoginPage(QWebEngineProfile *profile, const QUrl &authorizeUrl, const QUrl &redirectUri,
        QObject *parent = nullptr);

    // Where links that leave Instagram go (default: the system browser).
    void setExternalOpener(ExternalOpener opener) { m_opener = std::move(opener); }

    // Same scheme, host, port and path (a trailing slash is ignored: Meta's dashboard may add one).
    static bool matchesRedirect(const QUrl &candidate, const QUrl &redirectUri);

signals:
    void redirectCaptured(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    // Links that want a new window (target=_blank, window.open) go to the system browser.
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    QUrl m_redirectUri;
    LoginNavigation m_navigation;
    ExternalOpener m_opener = systemBrowserOpener();
};

} // namespace inlet::app
