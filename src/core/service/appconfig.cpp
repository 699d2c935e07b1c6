#include "service/appconfig.h"

#include <QSettings>

namespace inlet {

AppConfig AppConfig::load(const QSettings &settings)
{
    AppConfig config;
    config.appId = settings.value(QStringLiteral("app/id")).toString();
    const QUrl redirect(settings.value(QStringLiteral("app/redirectUri")).toString());
    if (redirect.isValid() && !redirect.isEmpty())
        config.redirectUri = redirect;
    config.hosts = InstagramHosts::load(settings);
    return config;
}

void AppConfig::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("app/id"), appId);
    settings.setValue(QStringLiteral("app/redirectUri"), redirectUri.toString());
    hosts.save(settings);
}

} // namespace inlet
