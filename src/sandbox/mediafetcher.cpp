#include "sandbox/mediafetcher.h"

#include "sandbox/sandboxmedia.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace inlet::sandbox {

std::optional<FetchedMedia> MediaFetcher::local(const QUrl &url) const
{
    const QUrl base = m_state.baseUrl;
    if (url.scheme() != base.scheme() || url.host() != base.host() || url.port() != base.port())
        return std::nullopt;
    const QStringList path = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    FetchedMedia fetched;
    const auto find
        = [](const QHash<QString, StoredMedia> &files, const QString &name) -> const StoredMedia * {
        const auto it = files.constFind(name);
        return it == files.cend() ? nullptr : &*it;
    };
    const StoredMedia *found = nullptr;
    if (path.size() == 2 && path.first() == QLatin1String("media")) {
        found = find(m_state.media.uploads, path.at(1));
    } else if (path.size() == 2 && path.first() == QLatin1String("cdn")) {
        found = find(m_state.media.cdn, path.at(1));
    } else if (path.size() == 3 && path.first() == QLatin1String("__sandbox")
        && path.at(1) == QLatin1String("media")) {
        if (auto demo = sandboxMedia(path.at(2))) {
            fetched.ok = true;
            fetched.media = StoredMedia { demo->data, demo->mimeType };
            return fetched;
        }
    }
    if (found) {
        fetched.ok = true;
        fetched.media = *found;
    } else {
        fetched.error = QStringLiteral("HTTP 404 from %1").arg(url.toString(QUrl::RemoveQuery));
    }
    return fetched;
}

void MediaFetcher::fetch(const QUrl &url, std::function<void(FetchedMedia)> done)
{
    if (auto answer = local(url))
        return done(*answer);
    if (!m_state.network
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        FetchedMedia failed;
        failed.error = QStringLiteral("unsupported URL");
        return done(failed);
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_state.network->get(request);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > media::maxMediaBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        FetchedMedia fetched;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            fetched.error
                = QStringLiteral("larger than %1").arg(media::formatSize(media::maxMediaBytes));
        } else if (status < 200 || status >= 300) {
            fetched.error = status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        } else {
            fetched.ok = true;
            fetched.media = StoredMedia { reply->readAll(),
                reply->header(QNetworkRequest::ContentTypeHeader).toByteArray() };
        }
        done(fetched);
    });
}

std::optional<HttpReply> checkFetchedMedia(const QString &type, const FetchedMedia &fetched)
{
    if (!fetched.ok)
        return HttpReply::graphError(100,
            QStringLiteral("(#100) Upload attachment failure: the URL could not be fetched (%1).")
                .arg(fetched.error),
            2018047);
    const QString contentType = QString::fromUtf8(fetched.media.contentType);
    if (!media::accepts(type, contentType))
        return HttpReply::graphError(100,
            QStringLiteral("(#100) Upload attachment failure: the content type %1 does not match "
                           "the attachment type %2.")
                .arg(contentType.isEmpty() ? QStringLiteral("(none)") : contentType, type),
            2018047);
    if (fetched.media.data.size() > media::maxBytes(type))
        return HttpReply::graphError(100,
            QStringLiteral("(#100) Attachment size exceeds allowable limit (%1 for %2).")
                .arg(media::formatSize(media::maxBytes(type)), type),
            2018109);
    return std::nullopt;
}

} // namespace inlet::sandbox
