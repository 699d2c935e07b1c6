#pragma once

// App tests only (needs the app library's Theme): a widget's screenshots in the light and the dark
// theme, `stem`-light.png and `stem`-dark.png in test::screenshotDir(), then the system theme.
#include "app/shell/theme.h"
#include "support/testsupport.h"

#include <QDir>
#include <QTest>
#include <QWidget>

namespace inlet::test {

inline bool saveInBothThemes(QWidget *widget, const QString &stem)
{
    using app::Theme;
    using app::ThemeMode;
    const QString dir = screenshotDir();
    bool saved = QDir().mkpath(dir);
    for (const auto &[mode, suffix] : { std::pair { ThemeMode::Light, "-light.png" },
             std::pair { ThemeMode::Dark, "-dark.png" } }) {
        Theme::apply(mode);
        QTest::qWait(50);
        const QString path = dir + QLatin1Char('/') + stem + QLatin1String(suffix);
        saved = widget->grab().save(path) && saved;
        qInfo("screenshot: %s", qPrintable(path));
    }
    Theme::apply(ThemeMode::System);
    return saved;
}

} // namespace inlet::test
