#include "support/devtools.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

namespace inlet::test {

quint16 useDevToolsPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    qputenv("QTWEBENGINE_REMOTE_DEBUGGING", QStringLiteral("127.0.0.1:%1").arg(port).toLatin1());
    return port;
}

QString devToolsPage(quint16 port, const QString &urlPart)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(port)));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = network.get(request);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 3000);
    const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
    delete reply;
    for (const QJsonValue &target : targets) {
        const QJsonObject t = target.toObject();
        if (t.value(QStringLiteral("type")).toString() == QLatin1String("page")
            && t.value(QStringLiteral("url")).toString().contains(urlPart))
            return t.value(QStringLiteral("webSocketDebuggerUrl")).toString();
    }
    return {};
}

QVariant devToolsEvaluate(const QString &socketUrl, const QString &expression)
{
    QWebSocket socket;
    QVariant value;
    bool answered = false;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &message) {
        const QJsonObject reply = QJsonDocument::fromJson(message.toUtf8()).object();
        if (reply.value(QStringLiteral("id")).toInt() != 1)
            return;
        answered = true;
        value = reply.value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("value"))
                    .toVariant();
    });
    socket.open(QUrl(socketUrl));
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    const QJsonObject call { { QStringLiteral("id"), 1 },
        { QStringLiteral("method"), QStringLiteral("Runtime.evaluate") },
        { QStringLiteral("params"),
            QJsonObject { { QStringLiteral("expression"), expression } } } };
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
    (void)QTest::qWaitFor([&] { return answered; }, 5000);
    socket.close();
    return value;
}

bool clickInPage(quint16 port, const QString &urlPart, const QString &id, int timeoutMs,
    const std::function<bool()> &alive)
{
    const QString click
        = QStringLiteral("(function(){var a=document.getElementById('%1');if(!a)return false;"
                         "setTimeout(function(){a.click();},100);return true;})()")
              .arg(id);
    bool clicked = false;
    (void)QTest::qWaitFor(
        [&] {
            if (alive && !alive())
                return true;
            const QString page = devToolsPage(port, urlPart);
            clicked = !page.isEmpty() && devToolsEvaluate(page, click).toBool();
            return clicked;
        },
        timeoutMs);
    return clicked;
}

} // namespace inlet::test
