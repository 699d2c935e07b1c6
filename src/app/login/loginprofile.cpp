#include "app/login/loginprofile.h"

#include <QDir>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace inlet::app {

QWebEngineProfile *createLoginProfile(const QString &dataDir, QObject *parent)
{
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
