#include "outbox/mediapolicy.h"

#include "common/medialimits.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace inlet {

namespace {

// The Instagram type of a detected MIME type, by its name or one of its aliases.
QString typeOf(const QMimeType &mime)
{
    QString type = media::typeForMime(mime.name());
    for (const QString &alias : mime.aliases()) {
        if (!type.isEmpty())
            break;
        type = media::typeForMime(alias);
    }
    return type;
}

QString article(const QString &type)
{
    if (type == QLatin1String("image"))
        return QStringLiteral("an image");
    if (type == QLatin1String("audio"))
        return QStringLiteral("an audio file");
    if (type == QLatin1String("file"))
        return QStringLiteral("a PDF");
    return QStringLiteral("a ") + type;
}

QString plural(const QString &type)
{
    if (type == QLatin1String("audio"))
        return QStringLiteral("audio files");
    if (type == QLatin1String("file"))
        return QStringLiteral("PDF files");
    return type + QLatin1Char('s');
}

const QString kinds
    = QStringLiteral("Instagram takes images (PNG, JPEG, GIF), videos (MP4, OGG, AVI, MOV, "
                     "WEBM), audio (AAC, M4A, WAV) and PDF files");

} // namespace

Result<MediaInfo> MediaPolicy::inspect(const QString &filePath)
{
    const QFileInfo file(filePath);
    if (!file.exists())
        return fail(Error::Kind::Invalid,
            QStringLiteral("The file %1 no longer exists.").arg(file.fileName()));
    if (!file.isFile() || !file.isReadable())
        return fail(Error::Kind::Invalid,
            QStringLiteral("The file %1 cannot be read.").arg(file.fileName()));
    if (file.size() == 0)
        return fail(
            Error::Kind::Invalid, QStringLiteral("The file %1 is empty.").arg(file.fileName()));

    const QMimeDatabase db;
    const QMimeType byContent = db.mimeTypeForFile(file, QMimeDatabase::MatchContent);
    const QMimeType byName = db.mimeTypeForFile(file, QMimeDatabase::MatchExtension);
    const QString type = typeOf(byContent);
    const QString namedType = typeOf(byName);
    const QString suffix
        = file.suffix().isEmpty() ? QString() : QStringLiteral(".") + file.suffix();
    if (type.isEmpty()) {
        if (!namedType.isEmpty()) {
            return fail(Error::Kind::Invalid,
                QStringLiteral("%1 is named like %2 (%3) but its content is not %4.")
                    .arg(file.fileName(), article(namedType), suffix, byName.comment()));
        }
        return fail(Error::Kind::Invalid,
            QStringLiteral("%1; %2 is %3.").arg(kinds, file.fileName(), byContent.comment()));
    }
    if (!namedType.isEmpty() && namedType != type) {
        return fail(Error::Kind::Invalid,
            QStringLiteral("%1 is named like %2 (%3) but contains %4 (%5). Rename it or pick "
                           "another file.")
                .arg(file.fileName(), article(namedType), suffix, article(type),
                    byContent.comment()));
    }
    const qint64 limit = media::maxBytes(type);
    if (file.size() > limit) {
        return fail(Error::Kind::Invalid,
            QStringLiteral("Instagram takes %1 up to %2 MB; this one is %3.")
                .arg(plural(type))
                .arg(limit / 1'000'000)
                .arg(media::formatSize(file.size())),
            100, 2018109);
    }
    MediaInfo info;
    info.type = type;
    info.mimeType = byContent.name();
    info.size = file.size();
    // The file's own suffix when it fits the content ("mov", not QMimeType's preferred "qt").
    const QString own = file.suffix().toLower();
    info.suffix = byContent.suffixes().contains(own) ? own : byContent.preferredSuffix();
    return info;
}

} // namespace inlet
