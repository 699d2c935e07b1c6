#include "common/backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace inlet {

qint64 backoffMs(int attempt, qint64 baseMs, qint64 maxMs, Jitter jitter)
{
    const int shift = std::clamp(attempt - 1, 0, 30);
    const qint64 base = std::max<qint64>(baseMs, 0);
    // Saturate before shifting: base << 30 of an hour's worth of ms would overflow.
    const qint64 full = base > (maxMs >> shift) ? maxMs : std::min(base << shift, maxMs);
    if (jitter == Jitter::None || full <= 1) {
        return full;
    }
    const qint64 half = full / 2;
    return half + qint64(QRandomGenerator::global()->bounded(quint64(full - half + 1)));
}

} // namespace inlet
