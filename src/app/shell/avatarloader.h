#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace inlet::app {

// Profile pictures for the accounts list. Downloads run on QNetworkAccessManager (asynchronous)
// and decoding/scaling runs on the thread pool, so the GUI thread only turns a finished QImage
// into a pixmap. Until a picture is there, a disc with the initials stands in.
class AvatarLoader : public QObject {
    Q_OBJECT
public:
    explicit AvatarLoader(QNetworkAccessManager *network, QObject *parent = nullptr);

    // A round picture of `size` px for `key`: the downloaded one, or initials of `name`.
    QPixmap avatar(const QString &key, const QString &name, int size) const;
    bool hasPicture(const QString &key) const { return m_images.contains(key); }

    // Starts a download unless one for this key/url is running or done.
    void request(const QString &key, const QUrl &url);

    // Decodes and crops to a circle (runs on any thread).
    static QImage decodeRound(const QByteArray &data, int size);
    static QPixmap initialsAvatar(const QString &name, int size);

signals:
    void avatarReady(const QString &key);
    void avatarFailed(const QString &key);

private:
    QNetworkAccessManager *m_network;
    QHash<QString, QImage> m_images;
    QHash<QString, QUrl> m_requested;
};

} // namespace inlet::app
