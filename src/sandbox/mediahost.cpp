#include "sandbox/mediahost.h"

#include "sandbox/sandboxlogging.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace inlet::sandbox {

namespace {

bool isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return re.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

HttpReply error(const QString &message, int status)
{
    return HttpReply::json(QJsonObject { { QStringLiteral("error"), message } }, status);
}

} // namespace

bool MediaHost::matches(const ApiRequest &request)
{
    const QString first = request.path.value(0);
    return request.path.size() == 2
        && (first == QLatin1String("media") || first == QLatin1String("cdn"));
}

HttpReply MediaHost::handle(const ApiRequest &request)
{
    const bool cdn = request.path.first() == QLatin1String("cdn");
    const QString name = request.path.at(1);
    if (!isValidName(name))
        return error(QStringLiteral("invalid file name"), 400);
    QHash<QString, StoredMedia> &files = cdn ? m_state.media.cdn : m_state.media.uploads;

    if (request.method == "GET") {
        const auto it = files.constFind(name);
        if (it == files.cend())
            return error(QStringLiteral("no such file"), 404);
        return HttpReply::bytes(it->data, it->contentType);
    }
    if (request.method == "PUT" && !cdn) {
        if (request.body.size() > m_state.media.maxBytes) {
            return error(QStringLiteral("The file is %1; this media host takes up to %2.")
                             .arg(media::formatSize(request.body.size()),
                                 media::formatSize(m_state.media.maxBytes)),
                413);
        }
        const bool replaced = files.contains(name);
        const QByteArray type = request.contentType.isEmpty()
            ? QByteArray("application/octet-stream")
            : request.contentType;
        files.insert(name, StoredMedia { request.body, type });
        qCInfo(lcSandbox) << "media host stored" << name << request.body.size() << "bytes of"
                          << type;
        return HttpReply::json(
            QJsonObject { { QStringLiteral("url"), m_state.url(QStringLiteral("/media/") + name) },
                { QStringLiteral("size"), double(request.body.size()) },
                { QStringLiteral("content_type"), QString::fromUtf8(type) } },
            replaced ? 200 : 201);
    }
    if (request.method == "DELETE" && !cdn) {
        if (files.remove(name) == 0)
            return error(QStringLiteral("no such file"), 404);
        return HttpReply::json(QJsonObject { { QStringLiteral("success"), true } });
    }
    return error(QStringLiteral("use GET, PUT or DELETE"), 405);
}

QString MediaHost::publishToCdn(
    SandboxState &state, const StoredMedia &media, const QString &suffix)
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    QString name = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
    if (!suffix.isEmpty())
        name += QLatin1Char('.') + suffix;
    state.media.cdn.insert(name, media);
    const qint64 expires = state.clock.nowMs() / 1000 + 3 * 24 * 3600;
    return state.url(
        QStringLiteral("/cdn/%1?oe=%2").arg(name, QString::number(expires, 16).toUpper()));
}

} // namespace inlet::sandbox
