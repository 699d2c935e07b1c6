#pragma once

class QCoreApplication;

namespace inlet::app {

// The app's resources (icons) live in a static library, whose resource initialiser the linker
// would drop; call once before the first use (MainWindow does).
void initResources();

// Qt's own strings and ours (:/i18n), in the system's language: the app and its login window.
void installTranslators(QCoreApplication &app);

} // namespace inlet::app
