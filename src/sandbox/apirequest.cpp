#include "sandbox/apirequest.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace inlet::sandbox {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    default: return "OTHER";
    }
}

QUrlQuery formQuery(const QByteArray &body)
{
    QByteArray copy = body;
    copy.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(copy));
}

} // namespace

ApiRequest ApiRequest::fromHttp(const QHttpServerRequest &request)
{
    ApiRequest api;
    api.method = methodName(request.method());
    static const QRegularExpression version(QStringLiteral("^v\\d+(\\.\\d+)?$"));
    const QStringList segments = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i == 0 && version.match(segments.at(i)).hasMatch())
            continue;
        api.path.append(segments.at(i));
    }
    // '+' in a query string is a space for Instagram (form encoding); QUrlQuery keeps it literal.
    QByteArray rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    api.query = formQuery(rawQuery);
    api.body = request.body();
    api.contentType = request.value("content-type").toLower();
    api.authorization = request.value("authorization");
    api.cookie = request.value("cookie");
    return api;
}

bool ApiRequest::isJsonBody() const
{
    return contentType.startsWith("application/json");
}

bool ApiRequest::isFormBody() const
{
    return contentType.startsWith("application/x-www-form-urlencoded");
}

QUrlQuery ApiRequest::form() const
{
    if (!isFormBody())
        return {};
    return formQuery(body);
}

bool ApiRequest::hasParam(const QString &name) const
{
    if (query.hasQueryItem(name) || form().hasQueryItem(name))
        return true;
    if (isJsonBody()) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        return doc.isObject() && doc.object().contains(name);
    }
    return false;
}

QString ApiRequest::param(const QString &name) const
{
    if (query.hasQueryItem(name))
        return query.queryItemValue(name, QUrl::FullyDecoded);
    const QUrlQuery f = form();
    if (f.hasQueryItem(name))
        return f.queryItemValue(name, QUrl::FullyDecoded);
    if (isJsonBody()) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject()) {
            const QJsonValue value = doc.object().value(name);
            if (value.isString())
                return value.toString();
            if (value.isDouble())
                return QString::number(value.toInteger());
            if (value.isArray()) {
                QStringList parts;
                for (const QJsonValue &v : value.toArray())
                    parts.append(v.toString());
                return parts.join(QLatin1Char(','));
            }
        }
    }
    return {};
}

QString ApiRequest::accessToken() const
{
    const QString fromParam = param(QStringLiteral("access_token"));
    if (!fromParam.isEmpty())
        return fromParam;
    if (authorization.toLower().startsWith("bearer "))
        return QString::fromUtf8(authorization.mid(7)).trimmed();
    return {};
}

QStringList splitList(const QString &value)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return value.split(separators, Qt::SkipEmptyParts);
}

} // namespace inlet::sandbox
