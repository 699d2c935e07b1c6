#include "common/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace inlet::privatefiles {

namespace {
constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOwnerDir = kOwnerFile | QFile::ExeOwner;
} // namespace

unsigned restrictUmask()
{
#ifdef Q_OS_UNIX
    return unsigned(::umask(077));
#else
    return 0;
#endif
}

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
#ifdef Q_OS_UNIX
    QFile::setPermissions(path, kOwnerDir);
#endif
    return true;
}

bool makePrivateFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        // Created, then narrowed before anything is written into it.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return QFileInfo::exists(path); // lost a race: someone else made it
        file.close();
    }
    restrictFile(path);
    return true;
}

void restrictFile(const QString &path)
{
#ifdef Q_OS_UNIX
    if (QFileInfo::exists(path))
        QFile::setPermissions(path, kOwnerFile);
#else
    Q_UNUSED(path);
#endif
}

} // namespace inlet::privatefiles
