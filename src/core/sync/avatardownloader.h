#pragma once

#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace inlet {

// Customers' profile pictures, downloaded to `<dataDir>/avatars/<igsid>` (instagram-api.md §5: the
// URL expires after a few days, the file doesn't). One cache for both modes: solo mode's
// ProfileCache downloads the picture of the profile it fetched, team mode's TeamAvatars the one
// whose URL the replica brought. The URL is the CDN's (or the sandbox's): no token goes with it.
// Network is asynchronous and the file is written on the thread pool: nothing blocks the GUI.
class AvatarDownloader : public QObject {
    Q_OBJECT
public:
    explicit AvatarDownloader(QString dataDir, QObject *parent = nullptr);

    // Limits on a profile picture (its URL and bytes are the customer's): bytes read (enforced
    // while reading), and the pixel size its header may declare (a decompression bomb is refused
    // before it is stored; Instagram's profile pictures are at most 1080 px).
    static constexpr qint64 kMaxAvatarBytes = 5 * 1024 * 1024;
    static constexpr int kMaxAvatarSide = 4096;
    // The whole download, however slowly it trickles (default 30 s).
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }

    // Instagram's scoped ids are all digits (a file name is built from one: never a path).
    static bool isScopedId(const QString &igsid);
    // <dataDir>/avatars/<igsid>; empty for an id that is not a scoped id.
    QString avatarPath(const QString &igsid) const;

    // Downloads `url` (https, or http on loopback) to avatarPath(igsid); finished() either way.
    void download(const QString &igsid, const QString &url);

signals:
    // `path`: the stored file; empty when nothing was stored (refused, failed, too big).
    void finished(const QString &igsid, const QString &path);

private:
    QString m_dataDir;
    int m_deadlineMs = 30'000;
    QNetworkAccessManager *m_network;
};

} // namespace inlet
