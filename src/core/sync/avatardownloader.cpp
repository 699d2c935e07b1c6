#include "sync/avatardownloader.h"

#include "common/cappeddownload.h"
#include "common/imageheader.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/privatefiles.h"
#include "common/redact.h"
#include "common/urlorigin.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace inlet {

namespace {

// Runs on the thread pool: disk I/O stays off the GUI thread.
bool writeFile(const QString &path, const QByteArray &data)
{
    privatefiles::makePrivateDir(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    return file.commit();
}

} // namespace

AvatarDownloader::AvatarDownloader(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(30'000);
}

bool AvatarDownloader::isScopedId(const QString &igsid)
{
    if (igsid.isEmpty() || igsid.size() > 32)
        return false;
    return std::all_of(
        igsid.cbegin(), igsid.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString AvatarDownloader::avatarPath(const QString &igsid) const
{
    if (!isScopedId(igsid))
        return {}; // a file name from a customer id: digits only, never a path
    return m_dataDir + QStringLiteral("/avatars/") + igsid;
}

void AvatarDownloader::download(const QString &igsid, const QString &url)
{
    const QUrl source(url);
    const QString path = avatarPath(igsid);
    if (path.isEmpty() || !isRemoteMediaUrl(source)) {
        qCInfo(lcSync) << "avatar URL refused:" << redactUrl(source);
        emit finished(igsid, QString());
        return;
    }
    QNetworkRequest request(source);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    readCapped(m_network->get(request), kMaxAvatarBytes, m_deadlineMs, this,
        [this, igsid, url, path](Result<QByteArray> body) {
            if (!body) {
                qCInfo(lcSync) << "avatar download failed:" << redactUrl(QUrl(url))
                               << body.error().message;
                emit finished(igsid, QString());
                return;
            }
            const QSize declared = declaredImageSize(*body);
            if (declared.width() > kMaxAvatarSide || declared.height() > kMaxAvatarSide) {
                qCInfo(lcSync) << "avatar refused: it declares" << declared.width() << "x"
                               << declared.height() << "pixels";
                emit finished(igsid, QString());
                return;
            }
            onDone(QtConcurrent::run(writeFile, path, std::move(*body)), this,
                [this, igsid, path](bool ok) {
                    if (!ok)
                        qCWarning(lcSync) << "avatar not written to" << path;
                    emit finished(igsid, ok ? path : QString());
                });
        });
}

} // namespace inlet
