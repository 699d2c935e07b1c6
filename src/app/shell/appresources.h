#pragma once

namespace inlet::app {

// The app's resources (icons) live in a static library, whose resource initialiser the linker
// would drop; call once before the first use (MainWindow does).
void initResources();

} // namespace inlet::app
