#include "app/login/loginprofile.h"

#include "app/login/chromiumsandbox.h"

#include <QDir>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace inlet::app {

QWebEngineProfile *createLoginProfile(const QString &dataDir, QObject *parent)
{
    // Chromium starts with the first profile: as root it must know then that it runs unsandboxed
    // (main() decided already; tests and other callers get the same decision here).
    prepareChromiumSandbox();
    auto *profile = new QWebEngineProfile(QStringLiteral("inlet-login"), parent);
    const QString root = QDir(dataDir).filePath(QStringLiteral("webengine"));
    profile->setPersistentStoragePath(root + QStringLiteral("/storage"));
    profile->setCachePath(root + QStringLiteral("/cache"));
    profile->setPersistentCookiesPolicy(QWebEngineProfile::AllowPersistentCookies);
    // The view is for the login page only: nothing there needs plugins or local files.
    QWebEngineSettings *s = profile->settings();
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true); // go to the system browser
    return profile;
}

} // namespace inlet::app
