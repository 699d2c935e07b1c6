#pragma once

#include "common/result.h"
#include "models/modelrows.h"

#include <QFuture>
#include <QKeySequence>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace inlet {
class Labels;
}

namespace inlet::app {

// Labels on a conversation: a checkable menu of every label (ticked: on the conversation) and
// "Manage labels…". The open conversation's menu hangs on the header's Labels button and pops up
// with a key (window shortcut on `parent`); fillMenu() gives the same for any row (the list's
// context menu). Each tick is a write through the store's writer; the rows, chips and counts follow
// from the store's change.
class LabelActions : public QObject {
    Q_OBJECT
public:
    LabelActions(Labels *labels, QWidget *parent);

    static QKeySequence menuKeys();

    // The conversation the key and the header act on (id 0: none; the action is disabled).
    void setCurrent(const ConversationRow &row);
    // Where the key pops the menu up (the header's Labels button).
    void setAnchor(QWidget *anchor) { m_anchor = anchor; }

    // The keyed action: pops up the open conversation's label menu.
    QAction *menuAction() const { return m_action; }
    // The open conversation's menu (filled as it opens).
    QMenu *currentMenu() const { return m_menu; }
    // The labels of `row`, checkable, then "Manage labels…" (clears `menu` first).
    void fillMenu(QMenu *menu, const ConversationRow &row);

    // Puts the label on (or takes it off) the conversation.
    void setLabel(qint64 conversationId, qint64 labelId, bool on);

signals:
    // "Manage labels…": the composition root opens the labels editor.
    void manageRequested();
    // A change the store refused, in words for the user.
    void failed(const QString &reason);

private:
    Labels *m_labels;
    QWidget *m_anchor = nullptr;
    ConversationRow m_current;
    QAction *m_action;
    QMenu *m_menu;
};

} // namespace inlet::app
