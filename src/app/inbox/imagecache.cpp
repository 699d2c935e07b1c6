#include "app/inbox/imagecache.h"

#include "common/logging.h"
#include "common/redact.h"

#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtConcurrent/QtConcurrentRun>

#include <QBuffer>

namespace inlet::app {

namespace {

// Decodes at (about) the size shown; big photos never get decoded in full.
QImage loadScaled(const QByteArray &bytes, const QString &path, QSize box)
{
    QBuffer buffer;
    QImageReader reader;
    if (!path.isEmpty()) {
        reader.setFileName(path);
    } else {
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        reader.setDevice(&buffer);
    }
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > box.width() || image.height() > box.height()))
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace

ImageCache::ImageCache(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_cache(64 * 1024 * 1024) // cost = bytes
{
}

ImageCache::~ImageCache() = default;

QString ImageCache::key(const QString &source, QSize box)
{
    return QStringLiteral("%1x%2|").arg(box.width()).arg(box.height()) + source;
}

bool ImageCache::hasFailed(const QString &source, QSize box) const
{
    return m_failed.contains(key(source, box));
}

QPixmap ImageCache::thumbnail(const QString &source, QSize box)
{
    if (source.isEmpty())
        return {};
    const QString k = key(source, box);
    if (QPixmap *cached = m_cache.object(k))
        return *cached;
    if (m_pending.contains(k) || m_failed.contains(k))
        return {};
    m_pending.insert(k);

    const QUrl url(source);
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
        QNetworkRequest request(url);
        request.setTransferTimeout(30'000);
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, source, box] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError) {
                qCInfo(lcApp) << "image download failed:" << redactUrl(reply->url())
                              << reply->errorString();
                m_pending.remove(key(source, box));
                m_failed.insert(key(source, box));
                emit ready(source);
                return;
            }
            decode(source, box, reply->readAll(), {});
        });
    } else {
        decode(source, box, {}, url.isLocalFile() ? url.toLocalFile() : source);
    }
    return {};
}

void ImageCache::decode(const QString &source, QSize box, QByteArray bytes, QString path)
{
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, source, box] {
        watcher->deleteLater();
        const QImage image = watcher->result();
        const QString k = key(source, box);
        m_pending.remove(k);
        if (image.isNull()) {
            m_failed.insert(k);
        } else {
            auto *pixmap = new QPixmap(QPixmap::fromImage(image));
            m_cache.insert(k, pixmap, qMax<qsizetype>(1, image.sizeInBytes()));
        }
        emit ready(source);
    });
    watcher->setFuture(QtConcurrent::run([bytes = std::move(bytes), path = std::move(path), box] {
        return loadScaled(bytes, path, box);
    }));
}

} // namespace inlet::app
