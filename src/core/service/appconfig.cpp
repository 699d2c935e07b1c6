#include "service/appconfig.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>

namespace inlet {

namespace {
// inlet.ini's keys of the app config, each written and read here only.
const QString kAppIdKey = QStringLiteral("app/id");
const QString kMetaAppIdKey = QStringLiteral("app/metaAppId");
const QString kRedirectUriKey = QStringLiteral("app/redirectUri");
const QString kMediaUploadUrlKey = QStringLiteral("media/uploadUrl");
const QString kMediaPublicUrlKey = QStringLiteral("media/publicUrl");
} // namespace

AppConfig AppConfig::load(const QSettings &settings)
{
    AppConfig config;
    config.appId = settings.value(kAppIdKey).toString();
    config.metaAppId = settings.value(kMetaAppIdKey).toString();
    const QUrl redirect(settings.value(kRedirectUriKey).toString());
    if (redirect.isValid() && !redirect.isEmpty())
        config.redirectUri = redirect;
    config.hosts = InstagramHosts::load(settings);
    config.mediaUploadUrl = QUrl(settings.value(kMediaUploadUrlKey).toString());
    config.mediaPublicUrl = QUrl(settings.value(kMediaPublicUrlKey).toString());
    return config;
}

void AppConfig::save(QSettings &settings) const
{
    settings.setValue(kAppIdKey, appId);
    settings.setValue(kMetaAppIdKey, metaAppId);
    settings.setValue(kRedirectUriKey, redirectUri.toString());
    hosts.save(settings);
    settings.setValue(kMediaUploadUrlKey, mediaUploadUrl.toString());
    settings.setValue(kMediaPublicUrlKey, mediaPublicUrl.toString());
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
