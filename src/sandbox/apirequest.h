#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

class QHttpServerRequest;

namespace inlet::sandbox {

// A request as the API parts see it: method, path segments without the optional /vNN.N/ prefix,
// and parameters looked up the way Graph does (query string, then form body, then JSON body).
struct ApiRequest {
    QByteArray method; // "GET", "POST", "DELETE", ...
    QStringList path;  // e.g. {"me", "messages"}
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QByteArray authorization;
    QByteArray cookie; // the Cookie header, as a browser sends it

    static ApiRequest fromHttp(const QHttpServerRequest &request);

    bool isJsonBody() const;
    bool isFormBody() const;
    QUrlQuery form() const; // x-www-form-urlencoded body, '+' read as space
    QString param(const QString &name) const;
    bool hasParam(const QString &name) const;
    QString accessToken() const; // access_token parameter or "Authorization: Bearer"
};

// Splits a comma- (or space-) separated list such as scope or subscribed_fields.
QStringList splitList(const QString &value);

} // namespace inlet::sandbox
