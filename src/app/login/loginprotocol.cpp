#include "app/login/loginprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inlet::app::loginprotocol {

namespace {

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QJsonObject> object(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QByteArray encode(const Request &request)
{
    const QRect &g = request.parentGeometry;
    return line({ { QStringLiteral("authorizeUrl"),
                      request.authorizeUrl.toString(QUrl::FullyEncoded) },
        { QStringLiteral("redirectUri"), request.redirectUri.toString(QUrl::FullyEncoded) },
        { QStringLiteral("dataDir"), request.dataDir }, { QStringLiteral("theme"), request.theme },
        { QStringLiteral("parentWindow"), QString::number(request.parentWindow) },
        { QStringLiteral("parentGeometry"), QJsonArray { g.x(), g.y(), g.width(), g.height() } } });
}

QByteArray encode(Command command)
{
    return line({ { QStringLiteral("command"),
        command == Command::Raise ? QStringLiteral("raise") : QStringLiteral("cancel") } });
}

QByteArray encode(const Event &event)
{
    switch (event.type) {
    case Event::Type::Opened:
        return line({ { QStringLiteral("event"), QStringLiteral("opened") } });
    case Event::Type::Loaded:
        return line({ { QStringLiteral("event"), QStringLiteral("loaded") } });
    case Event::Type::Redirect:
        return line({ { QStringLiteral("event"), QStringLiteral("redirect") },
            { QStringLiteral("url"), event.redirect.toString(QUrl::FullyEncoded) } });
    case Event::Type::Failed:
        break;
    }
    return line({ { QStringLiteral("event"), QStringLiteral("failed") },
        { QStringLiteral("cancelled"), event.error.kind == Error::Kind::Cancelled },
        { QStringLiteral("message"), event.error.message } });
}

std::optional<Request> decodeRequest(const QByteArray &line)
{
    const auto o = object(line);
    if (!o)
        return std::nullopt;
    Request request;
    request.authorizeUrl = QUrl(text(*o, "authorizeUrl"), QUrl::StrictMode);
    request.redirectUri = QUrl(text(*o, "redirectUri"), QUrl::StrictMode);
    if (!request.authorizeUrl.isValid() || !request.redirectUri.isValid())
        return std::nullopt;
    request.dataDir = text(*o, "dataDir");
    request.theme = text(*o, "theme");
    request.parentWindow = quintptr(text(*o, "parentWindow").toULongLong());
    const QJsonArray g = o->value(QLatin1String("parentGeometry")).toArray();
    request.parentGeometry
        = QRect(g.at(0).toInt(), g.at(1).toInt(), g.at(2).toInt(), g.at(3).toInt());
    return request;
}

std::optional<Command> decodeCommand(const QByteArray &line)
{
    const auto o = object(line);
    const QString command = o ? text(*o, "command") : QString();
    if (command == QLatin1String("raise"))
        return Command::Raise;
    if (command == QLatin1String("cancel"))
        return Command::Cancel;
    return std::nullopt;
}

std::optional<Event> decodeEvent(const QByteArray &line)
{
    const auto o = object(line);
    if (!o)
        return std::nullopt;
    const QString type = text(*o, "event");
    Event event;
    if (type == QLatin1String("opened")) {
        event.type = Event::Type::Opened;
    } else if (type == QLatin1String("loaded")) {
        event.type = Event::Type::Loaded;
    } else if (type == QLatin1String("redirect")) {
        event.type = Event::Type::Redirect;
        event.redirect = QUrl(text(*o, "url"), QUrl::StrictMode);
        if (!event.redirect.isValid())
            return std::nullopt;
    } else if (type == QLatin1String("failed")) {
        event.type = Event::Type::Failed;
        const bool cancelled = o->value(QLatin1String("cancelled")).toBool();
        // The login window's own sentence, worded in its process with tr().
        event.error = Error::because(cancelled ? Error::Kind::Cancelled : Error::Kind::Network,
            Error::Reason::Worded, text(*o, "message"));
    } else {
        return std::nullopt;
    }
    return event;
}

} // namespace inlet::app::loginprotocol
