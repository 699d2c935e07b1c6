#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace inlet::sandbox {

// The sandbox's demo media (a few small images, a voice note, a clip and a PDF), served at
// /__sandbox/media/<name> and used as attachment URLs by the demo world and the simulator.
struct MediaFile {
    QByteArray data;
    QByteArray mimeType;
};

// nullopt for an unknown name (only the names below exist; no paths, no "..").
std::optional<MediaFile> sandboxMedia(const QString &name);

// Every name, in a stable order.
QStringList sandboxMediaNames();

// The names of the images only (image/png), for picture attachments.
QStringList sandboxImageNames();

// The attachment type Instagram uses for a media file: image, audio, video or file.
QString sandboxMediaAttachmentType(const QString &name);

} // namespace inlet::sandbox
