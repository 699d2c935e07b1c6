#pragma once

// A decompression bomb: a valid PNG of a few hundred bytes whose header declares width x height
// RGBA pixels (60000 x 60000 is 14 GB once decoded), for tests that must refuse it before a
// decoder allocates. Built with QtCore only, so core tests can use it too.
#include <QByteArray>
#include <QtEndian>

namespace inlet::test {

inline QByteArray pngBomb(quint32 width = 60000, quint32 height = 60000)
{
    const auto crc32 = [](const QByteArray &data) {
        quint32 crc = 0xFFFFFFFFu;
        for (const char c : data) {
            crc ^= quint8(c);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    };
    const auto be32 = [](quint32 v) {
        QByteArray out(4, '\0');
        qToBigEndian(v, out.data());
        return out;
    };
    const auto chunk = [&](const QByteArray &type, const QByteArray &data) {
        return be32(quint32(data.size())) + type + data + be32(crc32(type + data));
    };
    // 8-bit RGBA, deflate, no filter, not interlaced; the first rows of zeros (filter byte 0).
    const QByteArray ihdr = be32(width) + be32(height) + QByteArray("\x08\x06\x00\x00\x00", 5);
    const QByteArray rows(qsizetype(4 * width + 1) * 4, '\0');
    const QByteArray zlib = qCompress(rows, 9).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", zlib)
        + chunk("IEND", {});
}

} // namespace inlet::test
