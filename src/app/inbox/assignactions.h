#pragma once

#include "models/modelrows.h"
#include "team/replicafollower.h"

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace inlet {
class Assigner;
}

namespace inlet::app {

// Team mode's assignment of a conversation (issue 13): a menu of "Assign to me", the agents of
// the team granted the conversation's account (ticked: the assignee) and "Nobody", for the open
// conversation (the header's button, a key: window shortcut on `parent`) and for any row (the
// list's context menu); and "Assign to me" when the agent replies to an unassigned conversation
// (assignOnReply, on by default). The write goes to the team database (Assigner, off the GUI
// thread); the rows and counts follow from the replica's change of the local store. Solo mode has
// no AssignActions.
class AssignActions : public QObject {
    Q_OBJECT
public:
    AssignActions(Assigner *assigner, QWidget *parent);

    static QKeySequence menuKeys();

    // The conversation the key and the header act on (id 0: none; the action is disabled).
    void setCurrent(const ConversationRow &row);
    // Where the key pops the menu up (the header's button).
    void setAnchor(QWidget *anchor) { m_anchor = anchor; }

    QAction *menuAction() const { return m_action; }
    QMenu *currentMenu() const { return m_menu; }
    // Assign to me / the agents / Nobody for `row` (clears `menu` first).
    void fillMenu(QMenu *menu, const ConversationRow &row);

    // The agent using this desktop.
    QString me() const;
    // The agents known so far (refreshAgents: read again), by display name.
    QList<team::TeamAgent> agents() const { return m_agents; }
    void refreshAgents();
    // How an agent is named: its display name, or its role.
    QString nameOf(const QString &role) const;
    // "Ana is assigned" in the header: the assignee's name, or "Unassigned".
    QString assigneeText(const ConversationRow &row) const;

    void assign(const ConversationRow &row, const QString &assignee);
    // Replying to `row`: assigns it to me when nobody has it and assignOnReply is on.
    void replied(const ConversationRow &row);
    bool assignOnReply() const { return m_assignOnReply; }
    void setAssignOnReply(bool on);

signals:
    void agentsChanged();
    // A change the team database refused or could not take, in words for the user.
    void failed(const QString &reason);
    // The manager switched "Assign to me when I reply" (the composition root keeps it).
    void assignOnReplyChanged(bool on);

private:
    Assigner *m_assigner;
    QWidget *m_anchor = nullptr;
    ConversationRow m_current;
    QList<team::TeamAgent> m_agents;
    bool m_assignOnReply = true;
    bool m_retrying = false; // a read of the agents is due (none known yet)
    QAction *m_action;
    QMenu *m_menu;
};

} // namespace inlet::app
