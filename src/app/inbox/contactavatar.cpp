#include "app/inbox/contactavatar.h"

#include "app/inbox/avatarpainter.h"
#include "app/inbox/contactpanel.h"
#include "app/inbox/imagecache.h"

#include <QPainter>

namespace inlet::app {

namespace {
constexpr int kPicture = 96;
}

ContactAvatar::ContactAvatar(QWidget *parent)
    : QWidget(parent)
{
    setFixedSize(kPicture, kPicture);
}

void ContactAvatar::setImageCache(ImageCache *images)
{
    if (m_images)
        disconnect(m_images, nullptr, this, nullptr);
    m_images = images;
    if (m_images)
        connect(m_images, &ImageCache::ready, this, [this](const QString &source) {
            if (source == m_path)
                update();
        });
}

void ContactAvatar::set(const QString &path, const QString &customerId, const QString &name)
{
    m_path = path;
    m_customerId = customerId;
    m_name = name;
    setAccessibleName(name.isEmpty() ? QString() : ContactPanel::tr("Picture of %1").arg(name));
    update();
}

void ContactAvatar::paintEvent(QPaintEvent *)
{
    if (m_name.isEmpty() && m_path.isEmpty())
        return;
    QPainter painter(this);
    AvatarPainter::paint(&painter, QRectF(rect()), m_images, m_path, m_customerId, m_name);
}

} // namespace inlet::app
