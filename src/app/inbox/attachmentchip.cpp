#include "app/inbox/attachmentchip.h"

#include "app/inbox/imagecache.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace inlet::app {

namespace {

QStyle::StandardPixmap typeIcon(const QString &type)
{
    if (type == QLatin1String("video") || type == QLatin1String("audio"))
        return QStyle::SP_MediaPlay;
    return QStyle::SP_FileIcon;
}

} // namespace

AttachmentChip::AttachmentChip(QWidget *parent)
    : QFrame(parent)
    , m_thumb(new QLabel(this))
    , m_name(new QLabel(this))
    , m_size(new QLabel(this))
    , m_remove(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Attachment"));
    m_thumb->setFixedSize(kThumbSize, kThumbSize);
    m_thumb->setAlignment(Qt::AlignCenter);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_size->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_size->setFont(small);
    m_size->setForegroundRole(QPalette::PlaceholderText);
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setAutoRaise(true);
    m_remove->setAccessibleName(tr("Remove attachment"));
    m_remove->setToolTip(tr("Remove attachment"));

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_name);
    text->addWidget(m_size);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_thumb);
    layout->addLayout(text, 1);
    layout->addWidget(m_remove, 0, Qt::AlignTop);

    connect(m_remove, &QToolButton::clicked, this, &AttachmentChip::removeRequested);
}

void AttachmentChip::setImageCache(ImageCache *images)
{
    if (m_images)
        disconnect(m_images, nullptr, this, nullptr);
    m_images = images;
    if (m_images) {
        connect(m_images, &ImageCache::ready, this, [this](const QString &source) {
            if (source == m_path)
                refreshThumbnail();
        });
    }
}

void AttachmentChip::setFile(const QString &path, const MediaInfo &info)
{
    m_path = path;
    m_info = info;
    const QString name = QFileInfo(path).fileName();
    m_name->setText(m_name->fontMetrics().elidedText(name, Qt::ElideMiddle, 360));
    m_name->setToolTip(path);
    // In the manager's language and the same units as the sent bubble's card (MessageLayout).
    m_size->setText(QLocale().formattedDataSize(info.size));
    refreshThumbnail();
}

void AttachmentChip::refreshThumbnail()
{
    QPixmap pixmap;
    if (m_info.type == QLatin1String("image") && m_images) {
        const qreal dpr = devicePixelRatioF();
        pixmap = m_images->thumbnail(m_path, QSize(kThumbSize, kThumbSize) * dpr);
        pixmap.setDevicePixelRatio(dpr);
    }
    if (pixmap.isNull())
        pixmap = style()
                     ->standardIcon(typeIcon(m_info.type))
                     .pixmap(QSize(kThumbSize, kThumbSize) * 3 / 4);
    m_thumb->setPixmap(pixmap);
}

} // namespace inlet::app
