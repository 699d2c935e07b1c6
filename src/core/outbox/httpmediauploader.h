#pragma once

#include "common/result.h"
#include "outbox/outboxports.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace inlet {

class TokenVault;

// MediaUploader over HTTP PUT, for the manager's media host (WebDAV, an S3-compatible bucket with
// public read, nginx dav, the sandbox's /media/): the file is STREAMED from disk to
// <uploadUrl>/<128-bit random hex>.<ext> with its Content-Type (and "Authorization: Bearer" when a
// token is stored under mediaTokenKey()); 200/201/204 -> <publicUrl>/<same name>. A 4xx is final
// (Error::Kind::Http), no answer, a 5xx or no progress for stallTimeoutMs is Error::Kind::Network.
// The name is unguessable, so the public URL reveals nothing about other uploads.
class HttpMediaUploader : public QObject, public MediaUploader {
    Q_OBJECT
public:
    using TokenProvider = std::function<QFuture<Result<QString>>()>; // empty token: no header

    explicit HttpMediaUploader(TokenProvider token = {}, QObject *parent = nullptr);
    // The token from the keychain (mediaTokenKey()); not found means the host needs none.
    explicit HttpMediaUploader(TokenVault *vault, QObject *parent = nullptr);
    ~HttpMediaUploader() override;

    static QString mediaTokenKey() { return QStringLiteral("media-host/token"); }

    void setHost(const QUrl &uploadUrl, const QUrl &publicUrl);
    QUrl uploadUrl() const { return m_uploadUrl; }
    QUrl publicUrl() const { return m_publicUrl; }
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }

    MediaUpload *upload(const QString &accountId, const QString &filePath) override;
    bool isConfigured() const override;

    // "<base>/<name>", whether or not base ends with a slash.
    static QUrl join(const QUrl &base, const QString &name);

private:
    QNetworkAccessManager *m_network;
    TokenProvider m_token;
    QUrl m_uploadUrl;
    QUrl m_publicUrl;
    int m_stallTimeoutMs = 60'000;
};

} // namespace inlet
