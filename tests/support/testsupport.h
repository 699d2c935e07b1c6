#pragma once

// Shared helpers for tests (temporary data dirs, starting the sandbox on port 0, waiting on signals).
#include <QString>
#include <QtGlobal>

namespace inlet::test {

// The project's source dir (for fixtures under tests/fixtures).
inline QString sourceDir() { return QStringLiteral(INLET_SOURCE_DIR); }

// Where screenshot tests save their pictures: the build dir, so a test run leaves the work tree
// clean; with INLET_UPDATE_SCREENSHOTS=1 the documentation's own docs/screenshots (docs/releasing.md).
inline QString screenshotDir()
{
    return qEnvironmentVariableIsSet("INLET_UPDATE_SCREENSHOTS")
               ? sourceDir() + QStringLiteral("/docs/screenshots")
               : QStringLiteral(INLET_BINARY_DIR "/screenshots");
}

} // namespace inlet::test
