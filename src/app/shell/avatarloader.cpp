#include "app/shell/avatarloader.h"

#include "common/cappeddownload.h"
#include "common/logging.h"
#include "common/redact.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace inlet::app {

namespace {
constexpr int kDecodedSize = 128; // enough for every place an avatar is shown, at 2x
constexpr qint64 kMaxAvatarBytes = 5 * 1024 * 1024;
constexpr int kAvatarDeadlineMs = 30'000;
constexpr int kDecodeAllocationLimitMb = 64; // a decompression bomb is refused, not decoded
} // namespace

AvatarLoader::AvatarLoader(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

QPixmap AvatarLoader::avatar(const QString &key, const QString &name, int size) const
{
    const auto it = m_images.constFind(key);
    if (it == m_images.constEnd())
        return initialsAvatar(name, size);
    return QPixmap::fromImage(it->scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void AvatarLoader::request(const QString &key, const QUrl &url)
{
    if (!url.isValid() || url.isEmpty() || m_requested.value(key) == url)
        return;
    m_requested.insert(key, url);
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    readCapped(m_network->get(request), kMaxAvatarBytes, kAvatarDeadlineMs, this,
        [this, key, url](Result<QByteArray> body) {
            if (m_requested.value(key) != url)
                return; // superseded by a newer picture
            if (!body) {
                qCWarning(lcApp) << "avatar download failed:" << redactUrl(url)
                                 << body.error().message;
                m_requested.remove(key);
                emit avatarFailed(key);
                return;
            }
            const QByteArray data = std::move(*body);
            auto *watcher = new QFutureWatcher<QImage>(this);
            connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key, url] {
                watcher->deleteLater();
                const QImage image = watcher->result();
                if (image.isNull() || m_requested.value(key) != url) {
                    if (image.isNull())
                        emit avatarFailed(key);
                    return;
                }
                m_images.insert(key, image);
                emit avatarReady(key);
            });
            watcher->setFuture(QtConcurrent::run(&AvatarLoader::decodeRound, data, kDecodedSize));
        });
}

QImage AvatarLoader::decodeRound(const QByteArray &data, int size)
{
    QBuffer buffer;
    buffer.setData(data);
    QImageReader reader(&buffer);
    reader.setAllocationLimit(kDecodeAllocationLimitMb);
    // Vector formats (the sandbox serves SVG) render straight at the target size.
    if (reader.format() == "svg" || reader.format() == "svgz")
        reader.setScaledSize(QSize(size, size));
    QImage source = reader.read();
    if (source.isNull())
        return {};
    source = source.scaled(size, size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    QImage round(size, size, QImage::Format_ARGB32_Premultiplied);
    round.fill(Qt::transparent);
    QPainter painter(&round);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(0, 0, size, size);
    painter.setClipPath(circle);
    painter.drawImage((size - source.width()) / 2, (size - source.height()) / 2, source);
    return round;
}

QPixmap AvatarLoader::initialsAvatar(const QString &name, int size)
{
    QString initials;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QChar first = part.front();
        if (first.isLetterOrNumber())
            initials += first.toUpper();
        if (initials.size() == 2)
            break;
    }
    if (initials.isEmpty())
        initials = QStringLiteral("?");
    // A stable colour per name, so the same account keeps its colour.
    const QColor colour = QColor::fromHsl(int(qHash(name) % 360), 120, 110);

    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(0, 0, size, size);
    QFont font = painter.font();
    font.setPixelSize(qMax(8, size * 2 / 5));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, initials);
    return pixmap;
}

} // namespace inlet::app
