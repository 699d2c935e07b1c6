#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace inlet {

class AvatarDownloader;
class Store;
struct StoreChange;

// Customers' pictures in team mode (issue 11). The team server fetches the profiles and the
// replica brings each contact's profile_pic_url into the local store; this desktop downloads the
// picture from that URL (the CDN's: no token, instagram-api.md §5) into the same cache as solo
// mode's ProfileCache, `<dataDir>/avatars/<igsid>`, through the same AvatarDownloader (limits on
// bytes and pixels). At start: every contact with a URL and no picture yet; then each contact the
// replica changes whose URL is not the one downloaded last (the server fetches profiles again
// after a day: the URL expires, the picture may change). Once a picture is written the store
// announces the contact's conversations, so the list and the header paint it.
class TeamAvatars : public QObject {
    Q_OBJECT
public:
    TeamAvatars(Store *store, const QString &dataDir, QObject *parent = nullptr);
    ~TeamAvatars() override;

    void start();
    AvatarDownloader *downloader() const { return m_downloader; }
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    void avatarReady(const QString &igsid, const QString &path);

private:
    void onStoreChanged(const StoreChange &change);
    // Reads the URLs of `ids` (empty: every contact's) off the GUI thread, then downloads.
    void check(const QStringList &ids, bool missingOnly);
    void fetch(const QString &igsid, const QString &url);
    void onFinished(const QString &igsid, const QString &path);

    Store *m_store;
    AvatarDownloader *m_downloader;
    bool m_started = false;
    QHash<QString, QString> m_downloaded; // igsid -> the URL its file came from (this session)
    QHash<QString, QString> m_inFlight; // igsid -> the URL being downloaded
    QHash<QString, QString> m_next; // igsid -> a newer URL, to download after the one in flight
};

} // namespace inlet
