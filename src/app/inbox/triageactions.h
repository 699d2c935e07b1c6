#pragma once

#include "common/result.h"
#include "models/modelrows.h"

#include <QFuture>
#include <QKeySequence>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace inlet {
class Store;
class TriageWrites;
} // namespace inlet

namespace inlet::app {

// The triage actions on a conversation: Done (Reopen when it is done), Snooze (a menu: in an
// hour, this evening, tomorrow morning, next week, a custom time; Open now when it is snoozed)
// and Mark as unread. The three keyed actions act on the open conversation and live on `parent`
// (window shortcuts); fillMenu() gives the same actions for any row (the list's context menu).
// Done and Snooze go through the TriageWrites port (the local store in solo mode, the team
// database in team mode), Mark as unread (this desktop's read state) through the store's writer;
// the rows follow from the store's change.
class TriageActions : public QObject {
    Q_OBJECT
public:
    // `writes` null: the local store's (solo mode).
    TriageActions(Store *store, QWidget *parent, TriageWrites *writes = nullptr);
    ~TriageActions() override;

    static QKeySequence doneKeys();
    static QKeySequence snoozeKeys();
    static QKeySequence unreadKeys();

    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Where Done and Snooze go from now on (team mode entered or left); null: the local store.
    void setWrites(TriageWrites *writes);
    // The conversation the keys and the header act on (id 0: none; the actions are disabled).
    void setCurrent(const ConversationRow &row);
    // Where the Snooze key pops the menu up (the header's Snooze button).
    void setSnoozeAnchor(QWidget *anchor) { m_anchor = anchor; }

    QAction *doneAction() const { return m_done; }
    QAction *snoozeAction() const { return m_snooze; }
    QAction *unreadAction() const { return m_unread; }
    // The open conversation's Snooze menu (filled as it opens).
    QMenu *snoozeMenu() const { return m_snoozeMenu; }
    // Done / Snooze ▸ / Mark as unread for `row`.
    void fillMenu(QMenu *menu, const ConversationRow &row);

    // What the actions do (also for callers without a menu).
    void toggleDone(const ConversationRow &row);
    void snooze(qint64 conversationId, qint64 untilMs);
    void reopen(qint64 conversationId);
    void markUnread(qint64 conversationId);

signals:
    // A change the store refused, in words for the user.
    void failed(const QString &reason);

private:
    void fillSnoozeMenu(QMenu *menu, const ConversationRow &row);
    void askCustomSnooze(qint64 conversationId);
    void report(QFuture<Status> done);
    void updateTexts();

    Store *m_store;
    std::unique_ptr<TriageWrites> m_local; // the local store's
    TriageWrites *m_writes;
    QWidget *m_parent;
    QWidget *m_anchor = nullptr;
    std::function<qint64()> m_now;
    ConversationRow m_current;
    QAction *m_done;
    QAction *m_snooze;
    QAction *m_unread;
    QMenu *m_snoozeMenu;
};

} // namespace inlet::app
