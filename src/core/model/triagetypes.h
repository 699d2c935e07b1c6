#pragma once

#include <QHash>

// Triage (issue 13): a conversation's status and the conversation list's views.
namespace inlet {

// Where a conversation stands in the manager's work (triage). Done keeps it out of the inbox until
// the customer writes again; Snoozed keeps it out until a time (or the customer writes). Stored as
// these numbers.
enum class ConversationStatus {
    Open = 0,
    Done = 1,
    Snoozed = 2,
};

// The conversation list's views (triage). Mine and Unassigned belong to team mode (the views
// model lists them only when it knows the agent).
enum class InboxView {
    All = 0, // every conversation that is not Done or Snoozed
    NeedsReply = 1, // open, and the last message came from the customer
    ReplyWindow = 2, // open, needs a reply, window not closed; the soonest to close first
    Snoozed = 3,
    Done = 4,
    Label = 5, // open, and carrying the label the filter names (InboxFilter::viewLabelId)
    Mine = 6, // team mode: open, and assigned to the agent (InboxFilter::agent)
    Unassigned = 7, // team mode: open, and assigned to nobody
};

// How many conversations each view shows (with the same account and filters).
struct ViewCounts {
    int all = 0;
    int needsReply = 0;
    int replyWindow = 0;
    int snoozed = 0;
    int done = 0;
    int mine = 0;
    int unassigned = 0;
    QHash<qint64, int> labels; // label id -> open conversations carrying it (absent: none)
    int ofLabel(qint64 labelId) const { return labels.value(labelId); }
    int of(InboxView view) const
    {
        switch (view) {
        case InboxView::All:
            return all;
        case InboxView::NeedsReply:
            return needsReply;
        case InboxView::ReplyWindow:
            return replyWindow;
        case InboxView::Snoozed:
            return snoozed;
        case InboxView::Done:
            return done;
        case InboxView::Mine:
            return mine;
        case InboxView::Unassigned:
            return unassigned;
        case InboxView::Label:
            return 0; // per label: ofLabel()
        }
        return 0;
    }
};

} // namespace inlet
