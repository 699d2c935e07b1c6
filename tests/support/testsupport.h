#pragma once

// Shared helpers for tests (temporary data dirs, starting the sandbox on port 0, waiting on signals).
#include <QString>

namespace inlet::test {

// The project's source dir (for fixtures under tests/fixtures).
inline QString sourceDir() { return QStringLiteral(INLET_SOURCE_DIR); }

} // namespace inlet::test
