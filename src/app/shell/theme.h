#pragma once

#include <QPalette>
#include <QString>

namespace inlet::app {

// Light and dark: Fusion everywhere (it draws well from any palette); "System" keeps the
// palette the platform theme gave at start-up.
enum class ThemeMode { System, Light, Dark };

class Theme {
public:
    // Call once after QApplication exists: remembers the platform's palette and sets Fusion.
    static void initialize();
    static void apply(ThemeMode mode);
    static ThemeMode current();

    static QPalette lightPalette();
    static QPalette darkPalette();

    static QString toString(ThemeMode mode);
    static ThemeMode fromString(const QString &name);
};

} // namespace inlet::app
