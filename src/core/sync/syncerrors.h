#pragma once

#include "common/result.h"

namespace inlet::syncerrors {

// How sync reacts to an error (instagram-api.md §6.2). Kept local to sync and small; the codes are
// the same GraphClient classifies.
inline bool isAuthInvalid(const Error &e)
{
    return e.kind == Error::Kind::Graph && (e.code == 190 || e.code == 102);
}

inline bool isRateLimit(const Error &e)
{
    if (e.httpStatus == 429) {
        return true;
    }
    return e.kind == Error::Kind::Graph
           && (e.code == 4 || e.code == 17 || e.code == 32 || e.code == 613 || e.code == 80002);
}

inline bool isTransient(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Network:
        return true;
    case Error::Kind::Http:
    case Error::Kind::Parse: // a cut-off body: worth one more try
        return e.httpStatus >= 500 || e.httpStatus == 0;
    case Error::Kind::Graph:
        return e.code == 1 || e.code == 2 || e.code == 1200 || e.httpStatus >= 500;
    default:
        return false;
    }
}

} // namespace inlet::syncerrors
