// libFuzzer harness for HttpRequestParser (not built by CMake yet; see docs/webhook-server.md):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fPIC -Isrc/core \
//     $(pkg-config --cflags Qt6Core) tests/fuzz/fuzz_httprequestparser.cpp \
//     src/core/webhook/httprequestparser.cpp src/core/webhook/httprequest.cpp \
//     $(pkg-config --libs Qt6Core) -o build/fuzz_httprequestparser
//   ./build/fuzz_httprequestparser -max_total_time=60 -max_len=4096 tests/fixtures/webhook
// The first input byte seeds how the rest is split into reads. Besides crashes and sanitizer
// reports it checks two properties: the verdict (requests and error status) does not depend on
// how the bytes were split into reads, and the parser never holds more than a head, a body and
// one read.
#include "webhook/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

using namespace inlet;

namespace {

struct Outcome {
    QList<QByteArray> requests; // method, target, body of each complete request
    int error = 0;
    bool operator==(const Outcome &) const = default;
};

HttpRequestParser::Limits limits()
{
    HttpRequestParser::Limits l;
    l.maxHeadBytes = 512;
    l.maxBodyBytes = 1024;
    return l;
}

void drain(HttpRequestParser &p, HttpRequestParser::State state, Outcome &out)
{
    while (state == HttpRequestParser::State::Complete) {
        const HttpRequest r = p.takeRequest();
        out.requests.append(r.method + ' ' + r.target + ' ' + r.body);
        state = p.feed({});
    }
    if (state == HttpRequestParser::State::Error)
        out.error = p.errorStatus();
}

Outcome whole(const QByteArray &data)
{
    HttpRequestParser p(limits());
    Outcome out;
    drain(p, p.feed(data), out);
    return out;
}

Outcome split(const QByteArray &data, uint8_t seed)
{
    HttpRequestParser p(limits());
    Outcome out;
    qsizetype pos = 0;
    uint32_t rng = seed * 2654435761u + 1;
    while (pos < data.size() && out.error == 0) {
        rng = rng * 1103515245u + 12345u;
        const qsizetype n = qMin<qsizetype>(data.size() - pos, 1 + (rng >> 16) % 64);
        drain(p, p.feed(data.mid(pos, n)), out);
        if (p.bufferedBytes() > 512 + 1024 + 64 + 8)
            abort(); // held more than a head, a body and one read
        pos += n;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (!(whole(bytes) == split(bytes, data[0])))
        abort(); // the verdict depends on read boundaries: a proxy could read it differently
    return 0;
}
