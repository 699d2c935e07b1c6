#include "service/appconfig.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>

namespace inlet {

AppConfig AppConfig::load(const QSettings &settings)
{
    AppConfig config;
    config.appId = settings.value(QStringLiteral("app/id")).toString();
    config.metaAppId = settings.value(QStringLiteral("app/metaAppId")).toString();
    const QUrl redirect(settings.value(QStringLiteral("app/redirectUri")).toString());
    if (redirect.isValid() && !redirect.isEmpty())
        config.redirectUri = redirect;
    config.hosts = InstagramHosts::load(settings);
    config.mediaUploadUrl = QUrl(settings.value(QStringLiteral("media/uploadUrl")).toString());
    config.mediaPublicUrl = QUrl(settings.value(QStringLiteral("media/publicUrl")).toString());
    return config;
}

void AppConfig::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("app/id"), appId);
    settings.setValue(QStringLiteral("app/metaAppId"), metaAppId);
    settings.setValue(QStringLiteral("app/redirectUri"), redirectUri.toString());
    hosts.save(settings);
    settings.setValue(QStringLiteral("media/uploadUrl"), mediaUploadUrl.toString());
    settings.setValue(QStringLiteral("media/publicUrl"), mediaPublicUrl.toString());
}

void AppConfig::useSandboxMediaHost(const QUrl &sandboxBase)
{
    QUrl media = sandboxBase;
    media.setPath(QStringLiteral("/media"));
    mediaUploadUrl = media;
    mediaPublicUrl = media;
}

AppCredentials AppCredentials::fromJson(const QJsonObject &app)
{
    const auto text = [&app](const char *key) { return app.value(QLatin1String(key)).toString(); };
    return AppCredentials { text("app_id"), text("app_secret"), text("meta_app_id"),
        text("meta_app_secret") };
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
