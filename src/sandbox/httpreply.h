#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace inlet::sandbox {

// One answer of the sandbox, built by the API parts and written by Sandbox (possibly later, when a
// latency fault or an asynchronous handshake delays it).
struct HttpReply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray location; // for redirects
    QByteArray setCookie; // a Set-Cookie header (the login session of the consent page)
    bool drop = false;   // close the connection without an answer (fault injection)

    static HttpReply json(const QJsonObject &object, int status = 200);
    static HttpReply rawJson(QByteArray body, int status = 200);
    static HttpReply html(QByteArray body, int status = 200);
    static HttpReply bytes(QByteArray body, QByteArray contentType);
    static HttpReply redirect(const QUrl &to);
    static HttpReply dropped();

    // Graph's envelope: {"error":{"message","type","code","error_subcode","fbtrace_id"}}.
    static HttpReply graphError(int code, const QString &message, int subcode = 0,
                                const QString &type = QStringLiteral("OAuthException"),
                                int status = 400);
    // api.instagram.com's OAuth shape: {"error_type":"OAuthException","code":400,"error_message"}.
    static HttpReply oauthError(const QString &message, int status = 400);
    // The error the sandbox's own /__sandbox/ control API gives: {"error":"..."}.
    static HttpReply controlError(const QString &message, int status = 400);
};

} // namespace inlet::sandbox
