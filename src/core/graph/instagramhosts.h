#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace inlet {

// Where Instagram lives. Every host is a (non-secret) setting defaulting to the real one, so the
// sandbox can stand in for all of them with allAt(sandboxBaseUrl).
struct InstagramHosts {
    QUrl www = QUrl(QStringLiteral("https://www.instagram.com"));       // /oauth/authorize
    QUrl api = QUrl(QStringLiteral("https://api.instagram.com"));       // /oauth/access_token
    QUrl graph = QUrl(QStringLiteral("https://graph.instagram.com"));   // Graph API
    QUrl facebookGraph = QUrl(QStringLiteral("https://graph.facebook.com")); // app subscriptions
    QString apiVersion = QStringLiteral("v25.0");

    static InstagramHosts allAt(const QUrl &base);

    // Read from / write to the "instagram/" group; missing keys keep the real defaults.
    static InstagramHosts load(const QSettings &settings);
    void save(QSettings &settings) const;

    QUrl authorizeEndpoint() const; // www/oauth/authorize
    QUrl tokenEndpoint() const;     // api/oauth/access_token
    // graph/<version>/<path>; `path` segments must already be percent-encoded (see encodeSegment).
    QUrl graphUrl(const QString &path) const;
    // graph/<path> without version (access_token, refresh_access_token are unversioned).
    QUrl graphUnversionedUrl(const QString &path) const;
    QUrl facebookGraphUrl(const QString &path) const;

    // An id as one path segment ("/" and friends percent-encoded).
    static QString encodeSegment(const QString &id);

    bool operator==(const InstagramHosts &) const = default;
};

} // namespace inlet
