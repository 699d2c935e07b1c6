#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace inlet {

class RequestPacer;
class SyncSource;
class SyncTarget;

// Contact profiles of one account (instagram-api.md §5): fetched once per contact, refreshed when
// older than `maxAge` (a day), stored through SyncTarget::upsertContact; the profile picture is
// downloaded to `<dataDir>/avatars/<igsid>` (the URL expires after a few days, the file doesn't).
// Network is asynchronous and the file is written on the thread pool: nothing blocks the GUI.
class ProfileCache : public QObject
{
    Q_OBJECT
public:
    ProfileCache(QString accountId, SyncSource *source, SyncTarget *target, RequestPacer *pacer,
                 QString dataDir, QObject *parent = nullptr);
    ~ProfileCache() override;

    void setMaxAgeMs(qint64 ms) { m_maxAgeMs = ms; }
    // The whole picture download, however slowly it trickles (default 30 s).
    void setAvatarDeadlineMs(int ms) { m_avatarDeadlineMs = ms; }

    // Limits on a profile picture (its URL and bytes are the customer's): bytes read (enforced
    // while reading), and the pixel size its header may declare (a decompression bomb is refused
    // before it is stored; Instagram's profile pictures are at most 1080 px).
    static constexpr qint64 kMaxAvatarBytes = 5 * 1024 * 1024;
    static constexpr int kMaxAvatarSide = 4096;
    // For tests: what "now" is (default: the system clock).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Fetches the profile unless a fresh one is stored or a fetch is already under way.
    void ensure(const QString &igsid);
    // Fetches now, whatever its age.
    void refresh(const QString &igsid);

    // <dataDir>/avatars/<igsid>; empty for an id that is not all digits (Instagram's scoped ids
    // are), so a customer id never names a path.
    QString avatarPath(const QString &igsid) const;
    static bool isScopedId(const QString &igsid);
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    void contactUpdated(const QString &igsid);
    void avatarReady(const QString &igsid, const QString &path);
    void fetchFailed(const QString &igsid, const QString &reason);

private:
    void fetch(const QString &igsid, int attempt);
    void downloadAvatar(const QString &igsid, const QString &url);
    void done(const QString &igsid);

    QString m_accountId;
    SyncSource *m_source;
    SyncTarget *m_target;
    RequestPacer *m_pacer;
    QString m_dataDir;
    qint64 m_maxAgeMs = 24LL * 3600 * 1000;
    int m_avatarDeadlineMs = 30'000;
    std::function<QDateTime()> m_clock;
    QNetworkAccessManager *m_network;
    QSet<QString> m_inFlight;
    QHash<QString, QDateTime> m_fetchedAt; // what this session already knows is fresh
    QHash<QString, QDateTime> m_failedAt;  // no profile (no consent yet, blocked): ask again later
};

} // namespace inlet
