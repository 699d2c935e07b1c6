#pragma once

// A small synchronous HTTP client for the sandbox tests: real requests over loopback to a
// sandbox running in-process (its event loop turns while the client waits).
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace inlet::test {

struct HttpResult {
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray location;
    QByteArray contentType;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject graphError() const { return json().value(QStringLiteral("error")).toObject(); }
    int graphCode() const { return graphError().value(QStringLiteral("code")).toInt(); }
    int graphSubcode() const { return graphError().value(QStringLiteral("error_subcode")).toInt(); }
};

class SandboxTestClient {
public:
    explicit SandboxTestClient(QUrl base) : m_base(std::move(base)) {}

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(m_base.toString() + pathAndQuery);
    }

    HttpResult get(const QString &pathAndQuery, const QString &bearer = {})
    {
        return run(QByteArrayLiteral("GET"), url(pathAndQuery), {}, {}, bearer);
    }
    HttpResult getUrl(const QUrl &absolute) { return run(QByteArrayLiteral("GET"), absolute, {}, {}, {}); }
    HttpResult del(const QString &pathAndQuery, const QString &bearer = {})
    {
        return run(QByteArrayLiteral("DELETE"), url(pathAndQuery), {}, {}, bearer);
    }
    HttpResult postJson(const QString &pathAndQuery, const QJsonObject &body, const QString &bearer = {})
    {
        return run(QByteArrayLiteral("POST"), url(pathAndQuery), QJsonDocument(body).toJson(QJsonDocument::Compact),
                   QByteArrayLiteral("application/json"), bearer);
    }
    HttpResult postRaw(const QString &pathAndQuery, const QByteArray &body, const QByteArray &contentType,
                       const QString &bearer = {})
    {
        return run(QByteArrayLiteral("POST"), url(pathAndQuery), body, contentType, bearer);
    }
    HttpResult postForm(const QString &pathAndQuery, const QList<QPair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &[key, value] : fields) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        return run(QByteArrayLiteral("POST"), url(pathAndQuery), body,
                   QByteArrayLiteral("application/x-www-form-urlencoded"), {});
    }
    // POST /__sandbox/<path> with a JSON body.
    HttpResult control(const QString &path, const QJsonObject &body = {})
    {
        return postJson(QStringLiteral("/__sandbox/") + path, body);
    }

    HttpResult run(const QByteArray &method, const QUrl &target, const QByteArray &body,
                   const QByteArray &contentType, const QString &bearer, int timeoutMs = 15000)
    {
        QNetworkRequest request(target);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        if (!reply->isFinished()) {
            reply->abort();
            result.error = QNetworkReply::TimeoutError;
        } else {
            result.error = reply->error();
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.location = reply->rawHeader("Location");
        result.contentType = reply->rawHeader("Content-Type");
        result.elapsedMs = timer.elapsed();
        delete reply;
        return result;
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

} // namespace inlet::test
