#pragma once
// Shared by the libFuzzer harnesses in tests/fuzz (see docs/fuzzing.md).

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace inlet::fuzz {

// The parsers log what they refuse (qCInfo/qCWarning): at thousands of inputs a second that is
// noise. Critical and fatal messages still go to stderr; fatal ones abort as usual.
inline void quietQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "%s\n", qPrintable(message));
        if (type == QtFatalMsg)
            std::abort();
    });
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property of the code under test that does not hold: a finding, like a crash.
[[noreturn]] inline void violated(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "fuzz property violated at %s:%d: %s\n", file, line, what);
    std::abort();
}

} // namespace inlet::fuzz

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::inlet::fuzz::violated(#cond, __FILE__, __LINE__);                                    \
    } while (false)
