#pragma once

#include <QUrl>

#include <functional>

namespace inlet::app {

// Whatever the login view hands to the desktop (a link or popup outside Instagram's and Meta's
// hosts). The app opens it in the system browser; tests record it.
using ExternalOpener = std::function<void(const QUrl &url)>;
ExternalOpener systemBrowserOpener(); // QDesktopServices::openUrl

// Where the login view may go. Its page is Instagram's login and consent (or the sandbox's): the
// top-level page stays on https Instagram and Meta hosts (Instagram's login passes through
// facebook.com and Meta's accounts centre) or on the origin of the authorize URL itself (the
// sandbox, or whatever host the settings name); any other http(s) link goes to the system
// browser, never into the view, whose Chromium 102 has no security support. Other schemes
// (file:, javascript:, custom ones) go nowhere.
class LoginNavigation {
public:
    enum class Decision { Load, OpenExternally, Refuse };

    explicit LoginNavigation(const QUrl &authorizeUrl);

    // Frames inside an allowed page (e.g. a captcha) load as that page wants, over https (or
    // about:, blob:, data:, or the authorize origin), and are never handed to the browser.
    Decision decide(const QUrl &url, bool isMainFrame) const;

    // instagram.com, facebook.com, meta.com and their subdomains.
    static bool isMetaHost(const QString &host);

private:
    QUrl m_authorizeOrigin;
};

} // namespace inlet::app
