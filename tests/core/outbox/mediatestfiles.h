#pragma once

// Files for the attachment tests: bytes written to disk, the sandbox's demo media, a large video,
// and how many files the sandbox's media host holds.
#include "sandbox/sandboxmedia.h"
#include "sandbox/sandboxtestclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace inlet::test {

inline QString writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write the test file");
    return path;
}

// One of the sandbox's demo files (latte.png, clip.mp4, voice-note.wav, menu.pdf, ...) as dir/name.
inline QString writeDemoMedia(const QString &dir, const QString &name)
{
    return writeFile(QDir(dir).filePath(name), sandbox::sandboxMedia(name)->data);
}

// A real MP4 header followed by patterned filler: `size` bytes that MediaPolicy takes as a video.
inline QString writeLargeVideo(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the test file");
    const QByteArray clip = sandbox::sandboxMedia(QStringLiteral("clip.mp4"))->data;
    file.write(clip);
    QByteArray chunk(1024 * 1024, '\0');
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = char(i * 7);
    for (qint64 left = size - clip.size(); left > 0; left -= chunk.size())
        file.write(chunk.constData(), std::min<qint64>(left, chunk.size()));
    return path;
}

inline int mediaHostUploads(SandboxTestClient &client)
{
    return int(client.get(QStringLiteral("/__sandbox/uploads"))
                   .json()
                   .value(QStringLiteral("data"))
                   .toArray()
                   .size());
}

} // namespace inlet::test
