#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace inlet {

// One HTTP/1.x request as read off the wire by HttpRequestParser.
struct HttpRequest {
    QByteArray method;  // "GET", "POST", ... (as sent; methods are case-sensitive)
    QByteArray target;  // request-target, e.g. "/webhook/instagram?hub.mode=subscribe"
    int minorVersion = 1; // HTTP/1.<minorVersion>
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, wire order
    QByteArray body;    // de-chunked
    bool keepAlive = true;

    // First value of a header (name in lower case), or a null QByteArray.
    QByteArray header(const QByteArray &lowerName) const;
    QByteArray path() const;  // target without the query
    QByteArray query() const; // target after '?', still percent-encoded
};

// A reply to write back. `close` asks the connection to close after writing it.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/plain");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers
    bool close = false;

    static HttpResponse text(int status, const QByteArray &body);
    QByteArray serialize(bool keepAlive) const;
};

QByteArray httpReasonPhrase(int status);

} // namespace inlet
