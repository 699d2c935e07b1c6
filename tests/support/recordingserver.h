#pragma once

// A loopback HTTP server that records every byte it receives (heads and bodies, all connections)
// and answers each request head with a fixed reply: proves what a client did or did not send to
// a host it should never talk to.
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace inlet::test {

class RecordingServer : public QObject {
public:
    explicit RecordingServer(QByteArray reply = "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
        QObject *parent = nullptr)
        : QObject(parent)
        , m_reply(std::move(reply))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            ++m_connections;
            auto head = std::make_shared<QByteArray>(); // this connection's bytes until answered
            auto answered = std::make_shared<bool>(false);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head, answered] {
                const QByteArray bytes = socket->readAll();
                m_received += bytes;
                if (*answered)
                    return;
                head->append(bytes);
                if (head->contains("\r\n\r\n")) {
                    *answered = true;
                    head->clear();
                    socket->write(m_reply);
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }
    const QByteArray &received() const { return m_received; }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    QByteArray m_reply;
    QByteArray m_received;
    int m_connections = 0;
};

} // namespace inlet::test
