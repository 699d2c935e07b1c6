#include "common/medialimits.h"

#include <QLatin1StringView>

namespace inlet::media {

namespace {

struct Format {
    const char *type;
    const char *mime;
};

// Order matters for typeForMime(): the first type that lists a MIME type wins.
constexpr Format formats[] = {
    { "image", "image/png" },
    { "image", "image/jpeg" },
    { "image", "image/pjpeg" },
    { "image", "image/gif" },
    { "video", "video/mp4" },
    { "video", "video/x-m4v" },
    { "video", "video/ogg" },
    { "video", "video/x-ogg" },
    { "video", "application/ogg" },
    { "video", "audio/ogg" }, // .ogg files are named audio/ogg; Instagram lists ogg as video
    { "video", "video/x-msvideo" },
    { "video", "video/avi" },
    { "video", "video/msvideo" },
    { "video", "video/quicktime" },
    { "video", "video/webm" },
    { "audio", "audio/aac" },
    { "audio", "audio/x-aac" },
    { "audio", "audio/mp4" },
    { "audio", "audio/m4a" },
    { "audio", "audio/x-m4a" },
    { "audio", "video/mp4" },
    { "audio", "audio/wav" },
    { "audio", "audio/x-wav" },
    { "audio", "audio/wave" },
    { "audio", "audio/vnd.wave" },
    { "file", "application/pdf" },
    { "file", "application/x-pdf" },
};

QString bareMime(const QString &mimeType)
{
    return mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

} // namespace

QString typeForMime(const QString &mimeType)
{
    const QString mime = bareMime(mimeType);
    for (const Format &f : formats) {
        if (mime == QLatin1StringView(f.mime))
            return QString::fromLatin1(f.type);
    }
    return {};
}

bool accepts(const QString &type, const QString &mimeType)
{
    const QString mime = bareMime(mimeType);
    for (const Format &f : formats) {
        if (type == QLatin1StringView(f.type) && mime == QLatin1StringView(f.mime))
            return true;
    }
    return false;
}

qint64 maxBytes(const QString &type)
{
    if (type == QLatin1String("image"))
        return maxImageBytes;
    if (type == QLatin1String("video") || type == QLatin1String("audio")
        || type == QLatin1String("file"))
        return maxMediaBytes;
    return 0;
}

QString formatSize(qint64 bytes)
{
    if (bytes >= 1'000'000)
        return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
    if (bytes >= 1'000)
        return QStringLiteral("%1 KB").arg((bytes + 500) / 1000);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace inlet::media
