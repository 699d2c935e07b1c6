#pragma once

#include <QtGlobal>

namespace inlet {

// The one retry delay of the core: exponential from `baseMs` (attempt 1) doubling up to `maxMs`.
// Jitter::Equal picks uniformly in the upper half, so that several accounts or queued messages that
// failed together don't come back in step; Jitter::None is for schedules shown to the user.
enum class Jitter { Equal, None };
qint64 backoffMs(int attempt, qint64 baseMs, qint64 maxMs, Jitter jitter = Jitter::Equal);

} // namespace inlet
