#include "common/imageheader.h"

namespace inlet {

namespace {

quint32 be16(const QByteArray &b, qsizetype at)
{
    return (quint32(quint8(b[at])) << 8) | quint8(b[at + 1]);
}
quint32 be32(const QByteArray &b, qsizetype at)
{
    return (be16(b, at) << 16) | be16(b, at + 2);
}
quint32 le16(const QByteArray &b, qsizetype at)
{
    return quint8(b[at]) | (quint32(quint8(b[at + 1])) << 8);
}
quint32 le24(const QByteArray &b, qsizetype at)
{
    return le16(b, at) | (quint32(quint8(b[at + 2])) << 16);
}

QSize sized(quint64 width, quint64 height)
{
    constexpr quint64 kMax = 1u << 30; // beyond any real image, and within int
    return QSize(int(qMin(width, kMax)), int(qMin(height, kMax)));
}

QSize jpegSize(const QByteArray &b)
{
    qsizetype at = 2;
    while (at + 9 <= b.size()) {
        if (quint8(b[at]) != 0xFF)
            return {};
        const quint8 marker = quint8(b[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
            && marker != 0xCC;
        if (sof)
            return sized(be16(b, at + 7), be16(b, at + 5));
        if (marker == 0xDA || marker == 0xD9) // scan data or the end before any frame
            return {};
        at += 2 + be16(b, at + 2);
    }
    return {};
}

} // namespace

QSize declaredImageSize(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n") && b.size() >= 24 && b.mid(12, 4) == "IHDR")
        return sized(be32(b, 16), be32(b, 20));
    if ((b.startsWith("GIF87a") || b.startsWith("GIF89a")) && b.size() >= 10)
        return sized(le16(b, 6), le16(b, 8));
    if (b.startsWith("\xFF\xD8"))
        return jpegSize(b);
    if (b.startsWith("RIFF") && b.size() >= 30 && b.mid(8, 4) == "WEBP") {
        const QByteArray chunk = b.mid(12, 4);
        if (chunk == "VP8X")
            return sized(le24(b, 24) + 1, le24(b, 27) + 1);
        if (chunk == "VP8L") {
            const quint32 bits = le16(b, 21) | (quint32(le16(b, 23)) << 16);
            return sized((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk == "VP8 ")
            return sized(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
    }
    return {};
}

} // namespace inlet
