#include "graph/instagramhosts.h"

#include <QSettings>

namespace inlet {

namespace {

QUrl joined(const QUrl &base, const QString &path)
{
    QUrl url(base);
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    return url;
}

QUrl urlSetting(const QSettings &settings, const QString &key, const QUrl &fallback)
{
    const QString value = settings.value(key).toString();
    const QUrl url(value);
    return value.isEmpty() || !url.isValid() ? fallback : url;
}

} // namespace

InstagramHosts InstagramHosts::allAt(const QUrl &base)
{
    InstagramHosts hosts;
    hosts.www = hosts.api = hosts.graph = hosts.facebookGraph = base;
    return hosts;
}

InstagramHosts InstagramHosts::load(const QSettings &settings)
{
    const InstagramHosts defaults;
    InstagramHosts hosts;
    hosts.www = urlSetting(settings, QStringLiteral("instagram/www"), defaults.www);
    hosts.api = urlSetting(settings, QStringLiteral("instagram/api"), defaults.api);
    hosts.graph = urlSetting(settings, QStringLiteral("instagram/graph"), defaults.graph);
    hosts.facebookGraph =
        urlSetting(settings, QStringLiteral("instagram/facebookGraph"), defaults.facebookGraph);
    hosts.apiVersion =
        settings.value(QStringLiteral("instagram/apiVersion"), defaults.apiVersion).toString();
    return hosts;
}

void InstagramHosts::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("instagram/www"), www.toString());
    settings.setValue(QStringLiteral("instagram/api"), api.toString());
    settings.setValue(QStringLiteral("instagram/graph"), graph.toString());
    settings.setValue(QStringLiteral("instagram/facebookGraph"), facebookGraph.toString());
    settings.setValue(QStringLiteral("instagram/apiVersion"), apiVersion);
}

QUrl InstagramHosts::authorizeEndpoint() const
{
    return joined(www, QStringLiteral("/oauth/authorize"));
}

QUrl InstagramHosts::tokenEndpoint() const
{
    return joined(api, QStringLiteral("/oauth/access_token"));
}

QUrl InstagramHosts::graphUrl(const QString &path) const
{
    return joined(graph, QLatin1Char('/') + apiVersion + QLatin1Char('/') + path);
}

QUrl InstagramHosts::graphUnversionedUrl(const QString &path) const
{
    return joined(graph, QLatin1Char('/') + path);
}

QUrl InstagramHosts::facebookGraphUrl(const QString &path) const
{
    return joined(facebookGraph, QLatin1Char('/') + apiVersion + QLatin1Char('/') + path);
}

QString InstagramHosts::encodeSegment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace inlet
