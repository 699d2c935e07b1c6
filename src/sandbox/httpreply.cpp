#include "sandbox/httpreply.h"

#include <QJsonDocument>
#include <QRandomGenerator>

namespace inlet::sandbox {

namespace {

// Meta puts a random trace id on every error; clients show it in bug reports.
QString fbtraceId()
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString id;
    for (int i = 0; i < 27; ++i)
        id.append(QChar::fromLatin1(alphabet[QRandomGenerator::global()->bounded(64)]));
    return id;
}

} // namespace

HttpReply HttpReply::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpReply HttpReply::rawJson(QByteArray body, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

HttpReply HttpReply::html(QByteArray body, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = std::move(body);
    return reply;
}

HttpReply HttpReply::bytes(QByteArray body, QByteArray contentType)
{
    HttpReply reply;
    reply.contentType = std::move(contentType);
    reply.body = std::move(body);
    return reply;
}

HttpReply HttpReply::redirect(const QUrl &to)
{
    HttpReply reply;
    reply.status = 302;
    reply.contentType = "text/html; charset=utf-8";
    reply.location = to.toEncoded();
    return reply;
}

HttpReply HttpReply::dropped()
{
    HttpReply reply;
    reply.drop = true;
    return reply;
}

HttpReply HttpReply::graphError(int code, const QString &message, int subcode, const QString &type,
                                int status)
{
    QJsonObject error{
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type},
        {QStringLiteral("code"), code},
        {QStringLiteral("fbtrace_id"), fbtraceId()},
    };
    if (subcode != 0)
        error.insert(QStringLiteral("error_subcode"), subcode);
    if (code == 1 || code == 2 || code == 4 || code == 17 || code == 32 || code == 613)
        error.insert(QStringLiteral("is_transient"), true);
    return json(QJsonObject{{QStringLiteral("error"), error}}, status);
}

HttpReply HttpReply::oauthError(const QString &message, int status)
{
    return json(QJsonObject{{QStringLiteral("error_type"), QStringLiteral("OAuthException")},
                            {QStringLiteral("code"), status},
                            {QStringLiteral("error_message"), message}},
                status);
}

HttpReply HttpReply::controlError(const QString &message, int status)
{
    return json(QJsonObject{{QStringLiteral("error"), message}}, status);
}

} // namespace inlet::sandbox
