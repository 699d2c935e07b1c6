#include "app/inbox/imagecache.h"

#include "common/cappeddownload.h"
#include "common/logging.h"
#include "common/redact.h"
#include "common/urlorigin.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace inlet::app {

namespace {

// Limits on customer-controlled images (attachments arrive in signed webhooks, but their bytes are
// whatever the sender uploaded): bytes read, time taken, and memory a decoder may allocate.
constexpr qint64 kMaxDownloadBytes = 25'000'000; // Instagram's largest attachment (medialimits)
constexpr int kDownloadDeadlineMs = 60'000;
constexpr int kDecodeAllocationLimitMb = 128; // Qt's default, stated (QT_IMAGEIO_MAXALLOC cannot raise it)

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
    reader.setAllocationLimit(kDecodeAllocationLimitMb);
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

bool ImageCache::isFetchable(const QUrl &url)
{
    return isRemoteMediaUrl(url); // https, or loopback http (the sandbox)
}

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
    if (!url.scheme().isEmpty() && !isFetchable(url)) {
        // file:, smb:, or plain http off this machine: never read (a signed payload chooses it).
        qCInfo(lcApp) << "image source refused:" << redactUrl(url);
        m_pending.remove(k);
        m_failed.insert(k);
        return {};
    }
    if (!url.scheme().isEmpty()) {
        QNetworkRequest request(url);
        request.setTransferTimeout(30'000);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        readCapped(m_network->get(request), kMaxDownloadBytes, kDownloadDeadlineMs, this,
            [this, source, box, url](Result<QByteArray> body) {
                if (!body) {
                    qCInfo(lcApp) << "image download failed:" << redactUrl(url)
                                  << body.error().message;
                    m_pending.remove(key(source, box));
                    m_failed.insert(key(source, box));
                    emit ready(source);
                    return;
                }
                decode(source, box, std::move(*body), {});
            });
    } else {
        decode(source, box, {}, source); // a local path (a file the user picked or we saved)
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
