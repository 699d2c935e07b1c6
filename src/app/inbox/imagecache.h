#pragma once

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QUrl>

class QNetworkAccessManager;

namespace inlet::app {

// Thumbnails for message images and avatars, loaded and scaled OFF the GUI thread and kept in
// memory: the delegates ask with thumbnail(); a miss starts loading and `ready` says when to repaint.
// Sources are local paths or https URLs (Instagram's signed CDN links, fetched once; see isFetchable).
class ImageCache : public QObject {
    Q_OBJECT
public:
    explicit ImageCache(QObject *parent = nullptr);
    ~ImageCache() override;

    // The image scaled to fit `box` (keeping its aspect), or a null pixmap while it loads or when
    // it cannot be loaded.
    QPixmap thumbnail(const QString &source, QSize box);
    bool hasFailed(const QString &source, QSize box) const;
    // Whether a URL may be downloaded: https, or http on loopback (the sandbox). Anything else
    // with a scheme (file:, smb:, http elsewhere) is refused; a plain local path is a file.
    static bool isFetchable(const QUrl &url);
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void ready(const QString &source);

private:
    static QString key(const QString &source, QSize box);
    void decode(const QString &source, QSize box, QByteArray bytes, QString path);

    QNetworkAccessManager *m_network = nullptr;
    QCache<QString, QPixmap> m_cache;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
};

} // namespace inlet::app
