#include "app/login/loginprofile.h"

#include "app/login/chromiumsandbox.h"
#include "common/logging.h"

#include <QDir>
#include <QWebEngineCookieStore>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace inlet::app {

QWebEngineProfile *createLoginProfile(const QString &dataDir, QObject *parent)
{
    // Chromium starts with the first profile: as root it must know then that it runs unsandboxed
    // (main() decided already; tests and other callers get the same decision here).
    prepareChromiumSandbox();
    // Versions before issue 12 kept a named, persistent profile (Instagram's cookies) here.
    QDir legacy(QDir(dataDir).filePath(QStringLiteral("webengine")));
    if (!dataDir.isEmpty() && legacy.exists()) {
        if (legacy.removeRecursively())
            qCInfo(lcApp) << "removed the old on-disk login profile" << legacy.path();
        else
            qCWarning(lcApp) << "could not remove the old on-disk login profile" << legacy.path();
    }
    auto *profile = new QWebEngineProfile(parent); // no storage name: off the record
    // The view is for the login page only: nothing there needs plugins or local files.
    QWebEngineSettings *s = profile->settings();
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true); // go to the system browser
    return profile;
}

void forgetLoginSession(QWebEngineProfile *profile)
{
    if (!profile)
        return;
    qCInfo(lcApp) << "forgetting the login view's Instagram session";
    // Not clearHttpCache(): in Qt 6.4 it stalls the loads that follow it (seen in
    // tst_loginwindow); the off-the-record cache is in memory and holds no session.
    profile->cookieStore()->deleteAllCookies();
    profile->clearAllVisitedLinks();
}

} // namespace inlet::app
