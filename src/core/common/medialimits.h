#pragma once

#include <QString>

namespace inlet::media {

// What the Send API takes as an attachment by URL (instagram-api.md §3.2, "Media limits"), shared
// by the core (MediaPolicy, before queueing) and the sandbox (its Send API and media host).
// Sizes are decimal megabytes: the stricter reading of Instagram's "8 MB" / "25 MB".
inline constexpr qint64 maxImageBytes = 8'000'000;
inline constexpr qint64 maxMediaBytes = 25'000'000; // video, audio, file: also the largest of all

// "image", "video", "audio" or "file" for a MIME type Instagram takes (aliases included), else
// empty. video/mp4 is a video (Instagram also takes it as audio, see accepts()).
QString typeForMime(const QString &mimeType);
// Whether an attachment of `type` may have this MIME type (parameters such as "; charset" ignored).
bool accepts(const QString &type, const QString &mimeType);
// The size limit of an attachment type; 0 for a type Instagram does not take by URL.
qint64 maxBytes(const QString &type);
// "11.2 MB", "800 KB", "12 bytes" (decimal units, like the limits above).
QString formatSize(qint64 bytes);

} // namespace inlet::media
