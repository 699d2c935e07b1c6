#include "sync/profilecache.h"

#include "common/backoff.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/grapherror.h"
#include "model/conversationjson.h"
#include "sync/requestpacer.h"
#include "sync/syncports.h"

#include <QTimer>

#include <algorithm>
#include <memory>

namespace inlet {

ProfileCache::ProfileCache(QString accountId, SyncSource *source, SyncTarget *target,
    RequestPacer *pacer, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_source(source)
    , m_target(target)
    , m_pacer(pacer)
    , m_dataDir(std::move(dataDir))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_avatars(new AvatarDownloader(m_dataDir, this))
{
    connect(m_avatars, &AvatarDownloader::finished, this,
        [this](const QString &igsid, const QString &path) {
            if (!path.isEmpty())
                emit avatarReady(igsid, path);
            done(igsid);
        });
}

ProfileCache::~ProfileCache()
{
    m_pacer->dropFor(this);
}

void ProfileCache::ensure(const QString &igsid)
{
    if (!isScopedId(igsid) || m_inFlight.contains(igsid)) {
        return;
    }
    const QDateTime now = m_clock();
    if (const auto it = m_fetchedAt.constFind(igsid);
        it != m_fetchedAt.constEnd() && it->msecsTo(now) < m_maxAgeMs) {
        return;
    }
    // A profile Instagram refused is asked for again after an hour, not on every sync.
    if (const auto it = m_failedAt.constFind(igsid);
        it != m_failedAt.constEnd() && it->msecsTo(now) < 3600 * 1000) {
        return;
    }
    m_inFlight.insert(igsid);
    onDone(m_target->contactFetchedAt(m_accountId, igsid), this,
           [this, igsid](const Result<std::optional<QDateTime>> &stored) {
               const QDateTime at = (stored && *stored) ? **stored : QDateTime();
               if (at.isValid() && at.msecsTo(m_clock()) < m_maxAgeMs) {
                   m_fetchedAt.insert(igsid, at);
                   done(igsid);
                   return;
               }
               fetch(igsid, 0);
           });
}

void ProfileCache::refresh(const QString &igsid)
{
    if (!isScopedId(igsid) || m_inFlight.contains(igsid)) {
        return;
    }
    m_inFlight.insert(igsid);
    fetch(igsid, 0);
}

void ProfileCache::fetch(const QString &igsid, int attempt)
{
    m_pacer->enqueue(this, [this, igsid, attempt] {
        onDone(m_source->userProfile(igsid), this, [this, igsid, attempt](const Result<QJsonObject> &r) {
            if (!r) {
                const Error &e = r.error();
                if ((isRateLimit(e) || isTransient(e)) && attempt < 4) {
                    m_pacer->holdFor(std::max(
                        backoffMs(attempt + 1, 1000, 16'000), m_source->suggestedDelayMs()));
                    fetch(igsid, attempt + 1);
                    return;
                }
                // No consent yet (the person never wrote), blocked, token gone: keep the IGSID.
                qCInfo(lcSync) << "profile not available:" << e.code << e.message;
                m_failedAt.insert(igsid, m_clock());
                emit fetchFailed(igsid, e.message);
                done(igsid);
                return;
            }
            const Contact contact = profileToContact(igsid, *r, m_clock());
            onDone(m_target->upsertContact(m_accountId, contact), this, [this, contact](const Status &s) {
                if (!s) {
                    qCWarning(lcSync) << "contact not stored:" << s.error().message;
                    emit fetchFailed(contact.id, s.error().message);
                    done(contact.id);
                    return;
                }
                m_fetchedAt.insert(contact.id, contact.fetchedAt);
                m_failedAt.remove(contact.id);
                emit contactUpdated(contact.id);
                if (contact.profilePicUrl.isEmpty()) {
                    done(contact.id);
                } else {
                    m_avatars->download(contact.id, contact.profilePicUrl);
                }
            });
        });
    });
}

void ProfileCache::done(const QString &igsid)
{
    m_inFlight.remove(igsid);
}

} // namespace inlet
