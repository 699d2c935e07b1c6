#pragma once

#include "outbox/mediapolicy.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace inlet::app {

class ImageCache;

// The file about to be sent, above the reply text: a small thumbnail (images, loaded off the GUI
// thread through ImageCache) or a type icon, the name, the size, and × to remove it.
class AttachmentChip : public QFrame {
    Q_OBJECT
public:
    static constexpr int kThumbSize = 40;

    explicit AttachmentChip(QWidget *parent = nullptr);
    void setImageCache(ImageCache *images);

    void setFile(const QString &path, const MediaInfo &info);
    QString path() const { return m_path; }

    QLabel *thumbnailLabel() const { return m_thumb; }
    QLabel *nameLabel() const { return m_name; }
    QLabel *sizeLabel() const { return m_size; }
    QToolButton *removeButton() const { return m_remove; }

signals:
    void removeRequested();

private:
    void refreshThumbnail();

    ImageCache *m_images = nullptr;
    QString m_path;
    MediaInfo m_info;
    QLabel *m_thumb;
    QLabel *m_name;
    QLabel *m_size;
    QToolButton *m_remove;
};

} // namespace inlet::app
