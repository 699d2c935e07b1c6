#include "sync/profilecache.h"

#include "common/backoff.h"
#include "common/cappeddownload.h"
#include "common/imageheader.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "common/redact.h"
#include "common/urlorigin.h"
#include "graph/grapherror.h"
#include "model/conversationjson.h"
#include "sync/requestpacer.h"
#include "sync/syncports.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <memory>

namespace inlet {

namespace {

// Runs on the thread pool: disk I/O stays off the GUI thread.
bool writeFile(const QString &path, const QByteArray &data)
{
    privatefiles::makePrivateDir(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(data);
    return file.commit();
}

} // namespace

ProfileCache::ProfileCache(QString accountId, SyncSource *source, SyncTarget *target,
                           RequestPacer *pacer, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_source(source)
    , m_target(target)
    , m_pacer(pacer)
    , m_dataDir(std::move(dataDir))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(30'000);
}

ProfileCache::~ProfileCache()
{
    m_pacer->dropFor(this);
}

bool ProfileCache::isScopedId(const QString &igsid)
{
    if (igsid.isEmpty() || igsid.size() > 32)
        return false;
    return std::all_of(igsid.cbegin(), igsid.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString ProfileCache::avatarPath(const QString &igsid) const
{
    if (!isScopedId(igsid))
        return {}; // a file name from a customer id: digits only, never a path
    return m_dataDir + QStringLiteral("/avatars/") + igsid;
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
                    downloadAvatar(contact.id, contact.profilePicUrl);
                }
            });
        });
    });
}

void ProfileCache::downloadAvatar(const QString &igsid, const QString &url)
{
    const QUrl source(url);
    if (!isRemoteMediaUrl(source)) {
        qCInfo(lcSync) << "avatar URL refused:" << redactUrl(source);
        done(igsid);
        return;
    }
    QNetworkRequest request(source);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    readCapped(m_network->get(request), kMaxAvatarBytes, m_avatarDeadlineMs, this,
        [this, igsid, url](Result<QByteArray> body) {
            if (!body) {
                qCInfo(lcSync) << "avatar download failed:" << redactUrl(QUrl(url))
                               << body.error().message;
                done(igsid);
                return;
            }
            const QSize declared = declaredImageSize(*body);
            if (declared.width() > kMaxAvatarSide || declared.height() > kMaxAvatarSide) {
                qCInfo(lcSync) << "avatar refused: it declares" << declared.width() << "x"
                               << declared.height() << "pixels";
                done(igsid);
                return;
            }
            const QString path = avatarPath(igsid);
            onDone(QtConcurrent::run(writeFile, path, std::move(*body)), this,
                [this, igsid, path](bool ok) {
                    if (ok) {
                        emit avatarReady(igsid, path);
                    } else {
                        qCWarning(lcSync) << "avatar not written to" << path;
                    }
                    done(igsid);
                });
        });
}

void ProfileCache::done(const QString &igsid)
{
    m_inFlight.remove(igsid);
}

} // namespace inlet
