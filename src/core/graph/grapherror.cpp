#include "graph/grapherror.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace inlet {

namespace {

bool hasGraphCode(const Error &error)
{
    return error.kind == Error::Kind::Graph || error.kind == Error::Kind::Auth;
}

} // namespace

std::optional<Error> errorFromBody(const QJsonObject &body, int httpStatus)
{
    const QJsonValue error = body.value(QLatin1String("error"));
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        QString message = e.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = e.value(QLatin1String("error_user_msg")).toString();
        return Error::make(Error::Kind::Graph, message, e.value(QLatin1String("code")).toInt(),
                           e.value(QLatin1String("error_subcode")).toInt(), httpStatus);
    }
    if (body.contains(QLatin1String("error_type")) || body.contains(QLatin1String("error_message"))) {
        return Error::make(Error::Kind::Auth, body.value(QLatin1String("error_message")).toString(),
                           body.value(QLatin1String("code")).toInt(), 0, httpStatus);
    }
    if (error.isString()) {
        QString message = body.value(QLatin1String("error_description")).toString();
        if (message.isEmpty())
            message = error.toString();
        return Error::make(Error::Kind::Auth, message, 0, 0, httpStatus);
    }
    return std::nullopt;
}

bool isRateLimit(const Error &error)
{
    if (error.httpStatus == 429)
        return true;
    if (!hasGraphCode(error))
        return false;
    switch (error.code) {
    case 4:
    case 17:
    case 32:
    case 613:
    case 80002:
        return true;
    default:
        return false;
    }
}

bool isAuthInvalid(const Error &error)
{
    return hasGraphCode(error) && (error.code == 190 || error.code == 102);
}

bool isTransient(const Error &error)
{
    if (error.kind == Error::Kind::Network)
        return true;
    if (isAuthInvalid(error) || isRateLimit(error))
        return false;
    if (error.kind == Error::Kind::Graph
        && (error.code == 1 || error.code == 2 || error.code == 1200))
        return true;
    // No status at all: the connection broke before a whole reply arrived (a cut-off body).
    if ((error.kind == Error::Kind::Http || error.kind == Error::Kind::Parse)
        && error.httpStatus == 0)
        return true;
    return error.httpStatus >= 500 && error.httpStatus < 600;
}

bool isOutsideWindow(const Error &error)
{
    return hasGraphCode(error) && error.code == 10
        && (error.subcode == 2534022 || error.subcode == 2018278);
}

bool isUserUnavailable(const Error &error)
{
    if (!hasGraphCode(error))
        return false;
    return error.code == 551 || (error.code == 10 && error.subcode == 2018108)
        || (error.code == 100 && error.subcode == 2534014);
}

QByteArray quoteIdNumbers(const QByteArray &json)
{
    // A key ending in "id" followed by a bare integer. Inside JSON strings quotes are escaped
    // (\"id\"), so text that merely looks like JSON is not touched. Latin-1 maps each byte to one
    // character and back, so every byte outside a match is kept as it came (a UTF-8 round trip
    // would replace invalid bytes and change what the JSON parser sees).
    static const QRegularExpression idNumber(
        QStringLiteral(R"re(("(?:id|[A-Za-z0-9_]*_id)"\s*:\s*)(-?[0-9]+)(?=\s*[,}\]]))re"));
    if (!json.contains("id\""))
        return json;
    QString text = QString::fromLatin1(json);
    text.replace(idNumber, QStringLiteral(R"re(\1"\2")re"));
    return text.toLatin1();
}

QJsonObject unwrapData(const QJsonObject &object)
{
    const QJsonValue data = object.value(QLatin1String("data"));
    if (data.isArray() && !data.toArray().isEmpty() && data.toArray().first().isObject())
        return data.toArray().first().toObject();
    return object;
}

} // namespace inlet
