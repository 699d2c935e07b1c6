#pragma once

#include <QKeySequence>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace inlet::app {

// A header button's menu behind a window-wide key (Labels, Assign): `action` gets `keys` as a
// shortcut on `window`, and triggering it pops `menu` up under the widget `anchor()` gives when it
// is shown (the header's button), else under `window`'s corner. The caller keeps `action` disabled
// while no conversation is open, so the key then does nothing.
void popUpMenuOnKey(QAction *action, QMenu *menu, const QKeySequence &keys, QWidget *window,
    std::function<QWidget *()> anchor);

} // namespace inlet::app
