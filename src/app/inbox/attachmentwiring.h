#pragma once

#include "app/inbox/imageviewer.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWidget;

namespace inlet {
class MessageListModel;
class Outbox;
} // namespace inlet

namespace inlet::app {

class Composer;
class ImageCache;
class MessageDelegate;
class MessageView;

// The attachment side of the conversation pane, kept out of InboxWidget: upload progress from the
// outbox into the message model, Cancel from the bubble or its context menu, files dropped onto
// the pane into the composer, and image thumbnails into the in-app ImageViewer.
class AttachmentWiring : public QObject {
    Q_OBJECT
public:
    struct Parts {
        Outbox *outbox = nullptr; // optional
        MessageListModel *messages = nullptr;
        MessageDelegate *delegate = nullptr;
        MessageView *view = nullptr;
        Composer *composer = nullptr;
        ImageCache *images = nullptr;
        QWidget *dropTarget = nullptr; // accepts dropped files (the conversation pane)
    };
    AttachmentWiring(const Parts &parts, QWidget *parent);

    // Opens (or reuses) the viewer on an image: a local path or an http(s) URL.
    void openImage(const QString &source, const QUrl &url = {});
    ImageViewer *imageViewer() const { return m_viewer; }

signals:
    // Outbox::cancel refused (the message is already on its way to Instagram).
    void cancelFailed(const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cancel(qint64 messageId);

    Parts m_parts;
    QWidget *m_parent;
    QPointer<ImageViewer> m_viewer;
};

} // namespace inlet::app
