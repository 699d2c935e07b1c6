#pragma once

#include "sync/avatardownloader.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace inlet {

class RequestPacer;
class SyncSource;
class SyncTarget;

// Contact profiles of one account (instagram-api.md §5): fetched once per contact, refreshed when
// older than `maxAge` (a day), stored through SyncTarget::upsertContact; the profile picture is
// downloaded to `<dataDir>/avatars/<igsid>` by AvatarDownloader (the URL expires after a few days,
// the file doesn't).
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
    void setAvatarDeadlineMs(int ms) { m_avatars->setDeadlineMs(ms); }

    // Limits on a profile picture: AvatarDownloader's.
    static constexpr qint64 kMaxAvatarBytes = AvatarDownloader::kMaxAvatarBytes;
    static constexpr int kMaxAvatarSide = AvatarDownloader::kMaxAvatarSide;
    // For tests: what "now" is (default: the system clock).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Fetches the profile unless a fresh one is stored or a fetch is already under way.
    void ensure(const QString &igsid);
    // Fetches now, whatever its age.
    void refresh(const QString &igsid);

    // <dataDir>/avatars/<igsid>; empty for an id that is not all digits (Instagram's scoped ids
    // are), so a customer id never names a path.
    QString avatarPath(const QString &igsid) const { return m_avatars->avatarPath(igsid); }
    static bool isScopedId(const QString &igsid) { return AvatarDownloader::isScopedId(igsid); }
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    void contactUpdated(const QString &igsid);
    void avatarReady(const QString &igsid, const QString &path);
    void fetchFailed(const QString &igsid, const QString &reason);

private:
    void fetch(const QString &igsid, int attempt);
    void done(const QString &igsid);

    QString m_accountId;
    SyncSource *m_source;
    SyncTarget *m_target;
    RequestPacer *m_pacer;
    QString m_dataDir;
    qint64 m_maxAgeMs = 24LL * 3600 * 1000;
    std::function<QDateTime()> m_clock;
    AvatarDownloader *m_avatars;
    QSet<QString> m_inFlight;
    QHash<QString, QDateTime> m_fetchedAt; // what this session already knows is fresh
    QHash<QString, QDateTime> m_failedAt;  // no profile (no consent yet, blocked): ask again later
};

} // namespace inlet
