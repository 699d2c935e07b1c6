#pragma once

// The sandbox's control API (/__sandbox/..., docs/sandbox.md) and its public endpoints as a test
// calls them: synchronous calls over real HTTP on loopback (the event loop turns meanwhile).
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

namespace inlet::test {

// A loopback URL nobody listens on.
inline QUrl closedPortUrl()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

class SandboxControl {
public:
    explicit SandboxControl(QUrl base)
        : m_base(std::move(base))
    {
    }

    QJsonObject call(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
        int *status = nullptr)
    {
        QUrl url(m_base);
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(
            request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            qWarning("sandbox control call timed out");
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return result;
    }

    // GET with manual redirects: returns the status, the body and the Location header.
    struct Raw {
        int status = 0;
        QByteArray body;
        QUrl location;
    };
    Raw fetch(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network.get(request);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            qWarning("sandbox control call timed out");
        Raw raw { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->readAll(), QUrl::fromEncoded(reply->rawHeader("Location")) };
        delete reply;
        return raw;
    }

    void advanceClock(qint64 seconds)
    {
        call("POST", QStringLiteral("/__sandbox/clock/advance"),
            { { QStringLiteral("seconds"), seconds } });
    }
    void fault(const QJsonObject &spec) { call("POST", QStringLiteral("/__sandbox/faults"), spec); }
    void clearFaults() { call("DELETE", QStringLiteral("/__sandbox/faults")); }

    // Headless consent: the redirect URL Instagram would send the browser to.
    QUrl consent(const QUrl &authorizeUrl)
    {
        const QUrlQuery query(authorizeUrl);
        const auto item = [&query](const char *key) {
            return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        };
        const QJsonObject reply = call("POST", QStringLiteral("/__sandbox/consent"),
            { { QStringLiteral("client_id"), item("client_id") },
                { QStringLiteral("redirect_uri"), item("redirect_uri") },
                { QStringLiteral("scope"), item("scope") },
                { QStringLiteral("state"), item("state") } });
        return QUrl::fromEncoded(reply.value(QLatin1String("redirect")).toString().toUtf8());
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};

} // namespace inlet::test
