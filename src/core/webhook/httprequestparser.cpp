#include "webhook/httprequestparser.h"

#include <charconv>
#include <limits>

namespace inlet {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Comma-separated header tokens, lower-cased ("Connection: keep-alive, Upgrade").
bool hasToken(const QByteArray &value, const char *token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &p : parts) {
        if (p.trimmed().toLower() == token)
            return true;
    }
    return false;
}

// A header value may hold visible characters, obs-text, spaces and tabs (RFC 9110 §5.5): no NUL,
// no bare CR, no other control character, which a proxy might read differently.
bool isFieldValue(const QByteArray &s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

// A request-target has no spaces or control characters (RFC 9112 §3.2).
bool isTarget(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

// chunk-size [ chunk-ext ] as RFC 9112 §7.1 writes it: 1*HEXDIG, then optional whitespace and
// ";"-extensions (ignored, but without control characters). No "0x", sign or leading space:
// a proxy in front of us may read those differently. -1 when the line is not one.
qint64 parseChunkSize(const QByteArray &line)
{
    // from_chars takes hex digits only: no prefix, sign or space; an overflow is an error.
    quint64 size = 0;
    const char *begin = line.constData();
    const auto [end, error] = std::from_chars(begin, begin + line.size(), size, 16);
    if (error != std::errc() || end == begin || size > quint64(std::numeric_limits<qint64>::max()))
        return -1;
    qsizetype i = end - begin;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    if (i < line.size() && (line.at(i) != ';' || !isFieldValue(line.mid(i))))
        return -1;
    return qint64(size);
}

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

HttpRequestParser::HttpRequestParser(Limits limits) : m_limits(limits) {}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &data)
{
    if (m_state == State::Error)
        return m_state; // everything after an error is discarded by the caller
    if (!data.isEmpty())
        m_buf.append(data);
    if (m_state == State::NeedMore)
        parse();
    if (m_state != State::Error)
        compact(); // what was parsed is dropped, in every phase
    return m_state;
}

HttpRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(m_state == State::Complete);
    HttpRequest r = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::NeedMore;
    m_phase = Phase::Head;
    m_chunked = false;
    m_expectContinue = false;
    m_remaining = 0;
    m_skipped = 0;
    m_scanFrom = m_pos;
    compact();
    return r;
}

bool HttpRequestParser::wantsContinue() const
{
    return m_expectContinue && m_state == State::NeedMore && m_phase != Phase::Head
        && m_phase != Phase::Done && m_request.body.isEmpty() && bufferedBytes() == 0;
}

bool HttpRequestParser::idle() const
{
    return m_state == State::NeedMore && m_phase == Phase::Head && bufferedBytes() == 0
        && m_skipped == 0;
}

void HttpRequestParser::fail(int status, const char *reason)
{
    m_state = State::Error;
    m_errorStatus = status;
    m_errorReason = QByteArray(reason);
    m_buf.clear();
    m_pos = 0;
}

void HttpRequestParser::compact()
{
    // Drop consumed bytes once they are a good part of the buffer, so pipelined input and chunk
    // parsing stay linear.
    if (m_pos > 0 && (m_pos >= m_buf.size() || m_pos > 16 * 1024)) {
        m_buf.remove(0, m_pos);
        m_scanFrom -= m_pos;
        if (m_scanFrom < 0)
            m_scanFrom = 0;
        m_pos = 0;
    }
}

void HttpRequestParser::parse()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Head: {
            // Tolerate empty lines before a request line (RFC 9112 §2.2), but count them
            // against the head limit: they are bytes a client made us read.
            while (m_buf.size() - m_pos >= 2 && m_buf.at(m_pos) == '\r'
                   && m_buf.at(m_pos + 1) == '\n') {
                m_pos += 2;
                m_skipped += 2;
            }
            if (m_skipped > m_limits.maxHeadBytes)
                return fail(431, "request head too large");
            if (m_scanFrom < m_pos)
                m_scanFrom = m_pos;
            const qsizetype end = m_buf.indexOf("\r\n\r\n", m_scanFrom);
            if (end < 0) {
                // Up to 3 of the bytes held may be the start of the blank line that ends a head
                // of exactly the limit: the verdict must not depend on where a read ended.
                if (m_buf.size() - m_pos + m_skipped > m_limits.maxHeadBytes + 3)
                    return fail(431, "request head too large");
                m_scanFrom = qMax(m_pos, m_buf.size() - 3);
                return;
            }
            if (end - m_pos + m_skipped > m_limits.maxHeadBytes)
                return fail(431, "request head too large");
            if (!parseHead(end))
                return;
            m_pos = end + 4;
            break;
        }
        case Phase::Body: {
            const qint64 avail = m_buf.size() - m_pos;
            if (avail < m_remaining)
                return;
            m_request.body = m_buf.mid(m_pos, m_remaining);
            m_pos += m_remaining;
            m_remaining = 0;
            m_phase = Phase::Done;
            break;
        }
        case Phase::ChunkSize: {
            const qsizetype eol = m_buf.indexOf("\r\n", m_pos);
            // The line limit holds whether the line arrives in pieces or in one read.
            if ((eol < 0 ? m_buf.size() : eol) - m_pos > kMaxChunkLine)
                return fail(400, "chunk size line too long");
            if (eol < 0)
                return;
            const qint64 size = parseChunkSize(m_buf.mid(m_pos, eol - m_pos));
            if (size < 0)
                return fail(400, "bad chunk size");
            if (size > m_limits.maxBodyBytes - m_request.body.size()) // no overflow
                return fail(413, "chunked body over the limit");
            m_pos = eol + 2;
            m_remaining = size;
            m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qint64 avail = m_buf.size() - m_pos;
            const qint64 take = qMin(avail, m_remaining);
            m_request.body.append(m_buf.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            compact();
            if (m_remaining > 0)
                return;
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd:
            if (m_buf.size() - m_pos < 2)
                return;
            if (m_buf.at(m_pos) != '\r' || m_buf.at(m_pos + 1) != '\n')
                return fail(400, "chunk not followed by CRLF");
            m_pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers: {
            // Trailer fields are read and ignored, up to an empty line; together they count
            // against the head limit.
            const qsizetype eol = m_buf.indexOf("\r\n", m_pos);
            if ((eol < 0 ? m_buf.size() : eol + 2) - m_pos + m_skipped > m_limits.maxHeadBytes)
                return fail(431, "trailers too large");
            if (eol < 0)
                return;
            const bool last = eol == m_pos;
            if (!last && !isFieldValue(m_buf.mid(m_pos, eol - m_pos)))
                return fail(400, "bad trailer");
            m_skipped += eol + 2 - m_pos;
            m_pos = eol + 2;
            if (last)
                m_phase = Phase::Done;
            break;
        }
        case Phase::Done:
            m_state = State::Complete;
            return;
        }
    }
}

bool HttpRequestParser::parseHead(qsizetype end)
{
    const QByteArray head = m_buf.mid(m_pos, end - m_pos);
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.first();
    if (!requestLine.endsWith('\r') && lines.size() > 1) {
        fail(400, "bare LF in request line");
        return false;
    }
    requestLine.chop(requestLine.endsWith('\r') ? 1 : 0);

    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || !isTarget(parts.at(1))) {
        fail(400, "bad request line");
        return false;
    }
    const QByteArray &version = parts.at(2);
    if (!version.startsWith("HTTP/")) {
        fail(400, "bad HTTP version");
        return false;
    }
    if (version == "HTTP/1.1") {
        m_request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_request.minorVersion = 0;
    } else {
        fail(505, "unsupported HTTP version");
        return false;
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);

    QByteArray contentLength;
    QByteArray transferEncoding;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (!line.endsWith('\r') && i + 1 < lines.size()) {
            fail(400, "bare LF in header");
            return false;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.at(0) == ' ' || line.at(0) == '\t') {
            fail(400, "obsolete header line folding");
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).toLower() : QByteArray();
        if (!isToken(name)) {
            fail(400, "bad header name");
            return false;
        }
        const QByteArray rawValue = line.mid(colon + 1);
        if (!isFieldValue(rawValue)) {
            fail(400, "control character in a header value");
            return false;
        }
        const QByteArray value = rawValue.trimmed(); // only SP and HTAB are left to trim
        if (name == "content-length") {
            if (!contentLength.isNull() && contentLength != value) {
                fail(400, "conflicting Content-Length");
                return false;
            }
            contentLength = value;
        } else if (name == "transfer-encoding") {
            transferEncoding += transferEncoding.isEmpty() ? value : ", " + value;
        } else if (name == "connection") {
            connection += connection.isEmpty() ? value : ", " + value;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue") {
                fail(417, "unsupported Expect");
                return false;
            }
            m_expectContinue = true;
        }
        m_request.headers.append({name, value});
    }

    m_request.keepAlive = m_request.minorVersion == 1 ? !hasToken(connection, "close")
                                                      : hasToken(connection, "keep-alive");

    if (!transferEncoding.isEmpty()) {
        // HTTP/1.0 has no chunked coding: its framing is faulty (RFC 9112 §6.1).
        if (m_request.minorVersion == 0) {
            fail(400, "Transfer-Encoding on HTTP/1.0");
            return false;
        }
        // Both framings at once is a request-smuggling pattern: refuse it (RFC 9112 §6.1).
        if (!contentLength.isNull()) {
            fail(400, "both Content-Length and Transfer-Encoding");
            return false;
        }
        if (transferEncoding.trimmed().toLower() != "chunked") {
            fail(501, "unsupported Transfer-Encoding");
            return false;
        }
        m_chunked = true;
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (!contentLength.isNull()) {
        bool ok = contentLength.size() <= 18;
        for (char c : contentLength)
            ok = ok && c >= '0' && c <= '9';
        const qint64 length = ok && !contentLength.isEmpty() ? contentLength.toLongLong(&ok) : -1;
        if (!ok || length < 0) {
            fail(400, "bad Content-Length");
            return false;
        }
        if (length > m_limits.maxBodyBytes) {
            fail(413, "Content-Length over the limit");
            return false;
        }
        m_remaining = length;
        m_phase = length > 0 ? Phase::Body : Phase::Done;
        return true;
    }
    m_phase = Phase::Done; // no framing: no body (RFC 9112 §6.3)
    return true;
}

} // namespace inlet
