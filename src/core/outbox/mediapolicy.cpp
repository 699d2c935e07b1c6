#include "outbox/mediapolicy.h"

#include "common/medialimits.h"
#include "outbox/mediarefusal.h"

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

} // namespace

Result<MediaInfo> MediaPolicy::inspect(const QString &filePath)
{
    const QFileInfo file(filePath);
    MediaRefusal refusal = MediaRefusal::forFile(MediaRefusal::Reason::Missing, filePath);
    const auto refuse = [&refusal](MediaRefusal::Reason reason) {
        refusal.reason = reason;
        return std::unexpected(refusal.error());
    };
    if (!file.exists())
        return refuse(MediaRefusal::Reason::Missing);
    if (!file.isFile() || !file.isReadable())
        return refuse(MediaRefusal::Reason::Unreadable);
    if (file.size() == 0)
        return refuse(MediaRefusal::Reason::Empty);

    const QMimeDatabase db;
    const QMimeType byContent = db.mimeTypeForFile(file, QMimeDatabase::MatchContent);
    const QMimeType byName = db.mimeTypeForFile(file, QMimeDatabase::MatchExtension);
    refusal.type = typeOf(byContent);
    refusal.namedType = typeOf(byName);
    refusal.suffix = file.suffix().isEmpty() ? QString() : QStringLiteral(".") + file.suffix();
    refusal.mimeType = byContent.name();
    refusal.namedMimeType = byName.name();
    refusal.sizeBytes = file.size();
    if (refusal.type.isEmpty()) {
        return refuse(refusal.namedType.isEmpty() ? MediaRefusal::Reason::Unsupported
                                                  : MediaRefusal::Reason::NotAsNamed);
    }
    if (!refusal.namedType.isEmpty() && refusal.namedType != refusal.type)
        return refuse(MediaRefusal::Reason::NameMismatch);
    refusal.limitBytes = media::maxBytes(refusal.type);
    if (file.size() > refusal.limitBytes)
        return refuse(MediaRefusal::Reason::TooLarge);
    MediaInfo info;
    info.type = refusal.type;
    info.mimeType = byContent.name();
    info.size = file.size();
    // The file's own suffix when it fits the content ("mov", not QMimeType's preferred "qt").
    const QString own = file.suffix().toLower();
    info.suffix = byContent.suffixes().contains(own) ? own : byContent.preferredSuffix();
    return info;
}

} // namespace inlet
