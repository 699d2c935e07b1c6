#pragma once

#include "webhook/httprequest.h"

#include <QByteArray>

namespace inlet {

// An incremental HTTP/1.0/1.1 request parser (Content-Length and chunked bodies, keep-alive,
// pipelining). It exists because Qt 6.4's QHttpServer reads every body whole before any handler
// runs: this parser decides on the size from the head (Content-Length) or while de-chunking, so a
// body over the limit is refused before it is read. Pure: no sockets, fed with bytes.
class HttpRequestParser {
public:
    struct Limits {
        qsizetype maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
    };

    enum class State {
        NeedMore, // feed more bytes
        Complete, // takeRequest()
        Error,    // errorStatus() says which; the connection should answer it and close
    };

    explicit HttpRequestParser(Limits limits);

    // Appends `data` and parses as far as possible.
    State feed(const QByteArray &data);
    State state() const { return m_state; }

    // The complete request; the parser then starts on the next one (pipelined bytes are kept).
    // Call feed({}) afterwards to parse what was already buffered.
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; } // 400, 413, 431, 501 or 505
    QByteArray errorReason() const { return m_errorReason; }

    // True once the head of a request that sent "Expect: 100-continue" was accepted and its body
    // has not fully arrived yet: the connection then sends "100 Continue" once.
    bool wantsContinue() const;
    bool headComplete() const { return m_phase != Phase::Head; }
    bool idle() const; // nothing buffered and no request in progress
    qsizetype bufferedBytes() const { return m_buf.size() - m_pos; }
    qsizetype bufferCapacity() const { return m_buf.capacity(); } // memory held, for tests

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };

    void parse();
    bool parseHead(qsizetype end);
    void fail(int status, const char *reason);
    void compact();

    Limits m_limits;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::Head;
    QByteArray m_buf;
    qsizetype m_pos = 0;      // first unconsumed byte in m_buf
    qsizetype m_scanFrom = 0; // where to resume looking for the end of the head
    HttpRequest m_request;
    bool m_chunked = false;
    bool m_expectContinue = false;
    qint64 m_remaining = 0; // body bytes (or current chunk bytes) still to read
    qsizetype m_skipped
        = 0; // blank lines before the request line + trailer lines, parsed and dropped
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace inlet
