#include "outbox/mediarefusal.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace inlet {

namespace {
// Tells a refusal from any other Invalid error's message (and from older sentences).
constexpr int kVersion = 1;
const QLatin1String kMarker("mediaRefusal");
} // namespace

MediaRefusal MediaRefusal::forFile(Reason reason, const QString &filePath)
{
    MediaRefusal r;
    r.reason = reason;
    r.fileName = QFileInfo(filePath).fileName();
    return r;
}

Error MediaRefusal::error() const
{
    const QJsonObject object { { kMarker, kVersion }, { QStringLiteral("reason"), int(reason) },
        { QStringLiteral("file"), fileName }, { QStringLiteral("type"), type },
        { QStringLiteral("namedType"), namedType }, { QStringLiteral("suffix"), suffix },
        { QStringLiteral("mime"), mimeType }, { QStringLiteral("namedMime"), namedMimeType },
        { QStringLiteral("limit"), limitBytes }, { QStringLiteral("size"), sizeBytes } };
    const QString message = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (reason == Reason::TooLarge)
        return Error::make(Error::Kind::Invalid, message, 100, 2018109);
    return Error::make(Error::Kind::Invalid, message);
}

std::optional<MediaRefusal> MediaRefusal::of(const Error &error)
{
    if (error.kind != Error::Kind::Invalid || !error.message.startsWith(QLatin1Char('{')))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(error.message.toUtf8()).object();
    if (o.value(kMarker).toInt() != kVersion)
        return std::nullopt;
    const int reason = o.value(QLatin1String("reason")).toInt(-1);
    if (reason < 0 || reason > int(Reason::NoMediaHost))
        return std::nullopt;
    MediaRefusal r;
    r.reason = Reason(reason);
    r.fileName = o.value(QLatin1String("file")).toString();
    r.type = o.value(QLatin1String("type")).toString();
    r.namedType = o.value(QLatin1String("namedType")).toString();
    r.suffix = o.value(QLatin1String("suffix")).toString();
    r.mimeType = o.value(QLatin1String("mime")).toString();
    r.namedMimeType = o.value(QLatin1String("namedMime")).toString();
    r.limitBytes = o.value(QLatin1String("limit")).toInteger();
    r.sizeBytes = o.value(QLatin1String("size")).toInteger();
    return r;
}

} // namespace inlet
