#pragma once

#include "common/result.h"

#include <QString>

namespace inlet {

// What a local file is as an Instagram attachment.
struct MediaInfo {
    QString type; // "image", "video", "audio" or "file" (the Send API's attachment type)
    QString mimeType; // from the file's content, e.g. "image/png"
    qint64 size = 0; // bytes
    QString suffix; // for the uploaded name, from the content: "png", "mp4", ...
};

// Whether Instagram would take a local file as an attachment (instagram-api.md §3.2 media limits):
// the type by the file's CONTENT (QMimeDatabase), the name only as a cross-check, and the size
// limit of that type. A refusal is an Error carrying a MediaRefusal (a reason and its parameters,
// mediarefusal.h), worded by the app. Reads the first bytes of the file.
// The composer calls it before queueing; Outbox::send and the upload step check again.
class MediaPolicy {
public:
    static Result<MediaInfo> inspect(const QString &filePath);
};

} // namespace inlet
