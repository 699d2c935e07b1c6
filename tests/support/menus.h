#pragma once

// Menus as the manager sees them (header only, for tests that build the real widgets).
#include <QApplication>
#include <QMenu>

namespace inlet::test {

// The popup menu named `name` that is on screen (a context menu is a top-level window), or null.
inline QMenu *visibleMenu(const QString &name)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *menu = qobject_cast<QMenu *>(w);
        if (menu && menu->isVisible() && menu->objectName() == name)
            return menu;
    }
    return nullptr;
}

} // namespace inlet::test
