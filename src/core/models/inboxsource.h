#pragma once

#include "common/result.h"
#include "models/modelrows.h"
#include "store/contactindex.h"

#include <optional>

namespace inlet {

// The reads the inbox models need. Implementations must be callable from any thread (the
// conversation list queries from a worker thread so typing in the search box never blocks
// painting): a store-backed one keeps one database connection per thread.
class InboxSource {
public:
    virtual ~InboxSource() = default;

    // Conversations newest activity first, after `after` (none = from the top).
    virtual Result<QList<ConversationRow>> inboxPage(const InboxFilter &filter,
                                                     std::optional<InboxKey> after, int limit) = 0;
    virtual Result<std::optional<ConversationRow>> conversation(qint64 id) = 0;
    // How many conversations each triage view holds with `filter`'s account and filters (its view
    // is ignored; the Reply window is counted at filter.nowMs).
    virtual Result<ViewCounts> viewCounts(const InboxFilter &filter)
    {
        (void)filter;
        return std::unexpected(
            Error::make(Error::Kind::Invalid, QStringLiteral("this source counts no views")));
    }
    // Conversations whose messages (full text) or contact name/username match `query`; each row
    // carries the hit. Best matches first.
    virtual Result<QList<ConversationRow>> search(const QString &query, const InboxFilter &filter,
                                                  int limit) = 0;
    // Conversations whose contact name or username matches `text` (the quick switcher): case
    // and accent insensitive, prefix matches first, then substrings, each newest activity first.
    // Only filter.accountId applies. A source without such a lookup falls back to search().
    virtual Result<QList<ConversationRow>> findByContact(const QString &text,
                                                         const InboxFilter &filter, int limit)
    {
        return search(text, filter, limit);
    }
    // A snapshot of every conversation's contact name and username, to match keystroke after
    // keystroke in memory (ContactIndex::find) instead of a findByContact scan each time.
    // std::nullopt: this source has none (callers use findByContact).
    virtual Result<std::optional<ContactIndex>> contactIndex()
    {
        return std::optional<ContactIndex> {};
    }
    // The conversations with these ids, in the order given (ids not found are left out).
    virtual Result<QList<ConversationRow>> conversationsByIds(const QList<qint64> &ids)
    {
        QList<ConversationRow> rows;
        for (qint64 id : ids) {
            auto row = conversation(id);
            if (!row)
                return std::unexpected(row.error());
            if (*row)
                rows.append(std::move(**row));
        }
        return rows;
    }

    // Message pages are returned oldest first.
    virtual Result<QList<MessageRow>> newestMessages(qint64 conversationId, int limit) = 0;
    virtual Result<QList<MessageRow>> messagesBefore(qint64 conversationId, MessageKey before,
                                                     int limit) = 0;
    virtual Result<QList<MessageRow>> messagesAfter(qint64 conversationId, MessageKey after,
                                                    int limit) = 0;
    virtual Result<std::optional<MessageRow>> message(qint64 id) = 0;
};

} // namespace inlet
