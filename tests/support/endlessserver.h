#pragma once

// A loopback HTTP server that answers every request with an image header and then bytes without
// end (up to a safety stop), writing only as fast as the client reads: sent() says how much the
// client took, to prove a download was cut off while reading.
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace inlet::test {

class EndlessServer : public QObject {
public:
    explicit EndlessServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            const auto pump = [this, socket] {
                const QByteArray chunk(256 * 1024, '\0');
                while (socket->state() == QAbstractSocket::ConnectedState
                    && socket->bytesToWrite() < 1024 * 1024 && m_sent < kSafetyStop) {
                    socket->write(chunk);
                    m_sent += chunk.size();
                }
            };
            connect(socket, &QTcpSocket::readyRead, socket, [socket, pump] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n");
                pump();
            });
            connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        });
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    qint64 sent() const { return m_sent; }
    static constexpr qint64 kSafetyStop = 200'000'000;

private:
    QTcpServer m_server;
    qint64 m_sent = 0;
};

} // namespace inlet::test
