#include "app/inbox/attachmentwiring.h"

#include "app/inbox/composer.h"
#include "app/inbox/imageviewer.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messageview.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "models/messagelistmodel.h"
#include "outbox/outbox.h"

#include <QDropEvent>
#include <QMimeData>

namespace inlet::app {

namespace {

QString firstLocalFile(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return {};
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

AttachmentWiring::AttachmentWiring(const Parts &parts, QWidget *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_parent(parent)
{
    Q_ASSERT(parts.messages && parts.delegate && parts.view && parts.composer && parts.images);
    parts.composer->setImageCache(parts.images);
    if (parts.outbox) {
        connect(parts.outbox, &Outbox::uploadProgress, parts.messages,
            &MessageListModel::setUploadProgress);
    }
    connect(parts.delegate, &MessageDelegate::cancelRequested, this, &AttachmentWiring::cancel);
    connect(parts.view, &MessageView::cancelRequested, this, &AttachmentWiring::cancel);
    connect(parts.delegate, &MessageDelegate::imageActivated, this, &AttachmentWiring::openImage);
    if (parts.dropTarget) {
        parts.dropTarget->setAcceptDrops(true);
        parts.dropTarget->installEventFilter(this);
    }
}

void AttachmentWiring::cancel(qint64 messageId)
{
    if (!m_parts.outbox)
        return;
    // The row goes when the store removes it (the model follows the store's change).
    onDone(m_parts.outbox->cancel(messageId), this, [this](const Status &status) {
        if (!status)
            emit cancelFailed(errorText(status.error()));
    });
}

void AttachmentWiring::openImage(const QString &source, const QUrl &url)
{
    if (!m_viewer) {
        m_viewer = new ImageViewer(m_parts.images, m_parent);
        m_viewer->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_viewer->showImage(source, url);
    m_viewer->show();
    m_viewer->raise();
    m_viewer->activateWindow();
}

bool AttachmentWiring::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_parts.dropTarget)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        if (firstLocalFile(drag->mimeData()).isEmpty() || !m_parts.composer->isVisible())
            return false;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = firstLocalFile(drop->mimeData());
        if (path.isEmpty() || !m_parts.composer->isVisible())
            return false;
        drop->acceptProposedAction();
        m_parts.composer->attachFile(path);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace inlet::app
