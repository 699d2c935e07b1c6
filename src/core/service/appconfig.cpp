#include "service/appconfig.h"

#include <QRandomGenerator>
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

QString webhookVerifyToken(QSettings &settings)
{
    const QString key = QStringLiteral("webhook/verifyToken");
    QString token = settings.value(key).toString();
    if (token.isEmpty()) {
        QByteArray bytes(16, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
        token = QString::fromLatin1(bytes.toHex());
        settings.setValue(key, token);
    }
    return token;
}

} // namespace inlet
