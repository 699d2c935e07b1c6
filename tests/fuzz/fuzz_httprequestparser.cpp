// libFuzzer harness for HttpRequestParser (src/core/webhook), the most exposed code in the product.
// Built and run by `./inlet.sh fuzz` (docs/fuzzing.md). The first input byte seeds how the rest is
// split into reads. Besides crashes and sanitizer reports it checks two properties: the verdict
// (requests and error status) does not depend on how the bytes were split into reads, and the
// parser never holds more than a head, a body and one read.
#include "fuzzsupport.h"
#include "webhook/httprequestparser.h"

#include <cstdint>

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
        // Never more than a head, a body and one read.
        FUZZ_CHECK(p.bufferedBytes() <= 512 + 1024 + 64 + 8);
        pos += n;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // A verdict that depends on read boundaries is one a proxy could read differently.
    FUZZ_CHECK(whole(bytes) == split(bytes, data[0]));
    return 0;
}
