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

// inlet.ini's keys of the hosts, each written and read here only.
const QString kWwwKey = QStringLiteral("instagram/www");
const QString kApiKey = QStringLiteral("instagram/api");
const QString kGraphKey = QStringLiteral("instagram/graph");
const QString kFacebookGraphKey = QStringLiteral("instagram/facebookGraph");
const QString kApiVersionKey = QStringLiteral("instagram/apiVersion");

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
    hosts.www = urlSetting(settings, kWwwKey, defaults.www);
    hosts.api = urlSetting(settings, kApiKey, defaults.api);
    hosts.graph = urlSetting(settings, kGraphKey, defaults.graph);
    hosts.facebookGraph = urlSetting(settings, kFacebookGraphKey, defaults.facebookGraph);
    hosts.apiVersion = settings.value(kApiVersionKey, defaults.apiVersion).toString();
    return hosts;
}

void InstagramHosts::save(QSettings &settings) const
{
    settings.setValue(kWwwKey, www.toString());
    settings.setValue(kApiKey, api.toString());
    settings.setValue(kGraphKey, graph.toString());
    settings.setValue(kFacebookGraphKey, facebookGraph.toString());
    settings.setValue(kApiVersionKey, apiVersion);
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
