#include "models/modelrows.h"

#include "models/messagingwindow.h"

namespace inlet {

bool InboxFilter::accepts(const ConversationRow &row, qint64 atMs) const
{
    if (!accountId.isEmpty() && row.accountId != accountId)
        return false;
    if (unreadOnly && !row.isUnread())
        return false;
    if (needsReplyOnly && !row.lastFromCustomer)
        return false;
    if (hasAttachment && !row.hasAttachment)
        return false;
    if (storyOnly && !row.hasStory)
        return false;
    if (labelId != 0 && !row.labelIds.contains(labelId))
        return false;
    if (activeFromMs != 0 && row.lastActivityMs < activeFromMs)
        return false;
    if (activeUntilMs != 0 && row.lastActivityMs >= activeUntilMs)
        return false;
    if (!view)
        return true;
    const bool open = row.status == ConversationStatus::Open;
    switch (*view) {
    case InboxView::All:
        return open;
    case InboxView::NeedsReply:
        return open && row.lastFromCustomer;
    case InboxView::ReplyWindow:
        return open && row.lastFromCustomer
            && MessagingWindow::timeLeftMs(row.lastCustomerMessageMs, atMs) > 0;
    case InboxView::Snoozed:
        return row.status == ConversationStatus::Snoozed;
    case InboxView::Done:
        return row.status == ConversationStatus::Done;
    case InboxView::Label:
        return open && row.labelIds.contains(viewLabelId);
    case InboxView::Mine:
        return open && !agent.isEmpty() && row.assignee == agent;
    case InboxView::Unassigned:
        return open && row.assignee.isEmpty();
    }
    return true;
}

} // namespace inlet
