#include "sandbox/sandboxmedia.h"

#include <QFile>

// The resources live in a static library: referencing their initializer keeps the linker from
// dropping them. Q_INIT_RESOURCE must be used outside any namespace.
static void initSandboxMediaResources()
{
    Q_INIT_RESOURCE(media);
}

namespace inlet::sandbox {

namespace {

struct Entry {
    const char *name;
    const char *mimeType;
    const char *attachmentType;
};

constexpr Entry Entries[] = {
    { "latte.png", "image/png", "image" },
    { "shirt.png", "image/png", "image" },
    { "storefront.png", "image/png", "image" },
    { "sunset.png", "image/png", "image" },
    { "voice-note.wav", "audio/wav", "audio" },
    { "clip.mp4", "video/mp4", "video" },
    { "menu.pdf", "application/pdf", "file" },
};

const Entry *find(const QString &name)
{
    for (const Entry &entry : Entries) {
        if (name == QLatin1StringView(entry.name))
            return &entry;
    }
    return nullptr;
}

} // namespace

std::optional<MediaFile> sandboxMedia(const QString &name)
{
    const Entry *entry = find(name);
    if (!entry)
        return std::nullopt;
    static const bool initialized = [] {
        initSandboxMediaResources();
        return true;
    }();
    Q_UNUSED(initialized);
    QFile file(QStringLiteral(":/sandbox/media/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return MediaFile { file.readAll(), QByteArray(entry->mimeType) };
}

QStringList sandboxMediaNames()
{
    QStringList names;
    for (const Entry &entry : Entries)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

QStringList sandboxImageNames()
{
    QStringList names;
    for (const Entry &entry : Entries) {
        if (qstrcmp(entry.attachmentType, "image") == 0)
            names.append(QString::fromLatin1(entry.name));
    }
    return names;
}

QString sandboxMediaAttachmentType(const QString &name)
{
    const Entry *entry = find(name);
    return entry ? QString::fromLatin1(entry->attachmentType) : QString();
}

} // namespace inlet::sandbox
