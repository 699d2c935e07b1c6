#include "app/inbox/menukey.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace inlet::app {

void popUpMenuOnKey(QAction *action, QMenu *menu, const QKeySequence &keys, QWidget *window,
    std::function<QWidget *()> anchor)
{
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    QObject::connect(action, &QAction::triggered, menu, [menu, window, anchor = std::move(anchor)] {
        QWidget *button = anchor();
        QWidget *under = button && button->isVisible() ? button : window;
        menu->popup(under->mapToGlobal(QPoint(0, under->height())));
    });
}

} // namespace inlet::app
