#pragma once

// Menus as a person sees them (offscreen widget tests): the open popup menu with an object name,
// and a menu's entry by its text.
#include <QAction>
#include <QApplication>
#include <QMenu>

namespace inlet::test {

// The visible top-level menu named `name`, nullptr if none is open.
inline QMenu *visibleMenu(const QString &name)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *menu = qobject_cast<QMenu *>(w);
        if (menu && menu->isVisible() && menu->objectName() == name)
            return menu;
    }
    return nullptr;
}

// The entry of `menu` whose text is `text`, nullptr if none.
inline QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace inlet::test
