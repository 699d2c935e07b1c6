#pragma once

// An in-memory InboxSource for model tests that need exact control (the store-backed source is
// tested against a real Store separately). Thread-safe: the conversation list reads from a worker.
#include "models/inboxsource.h"

#include <QMutex>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace inlet::test {

class FakeInboxSource : public InboxSource {
public:
    void putConversation(const ConversationRow &row)
    {
        QMutexLocker lock(&m_mutex);
        m_conversations.insert(row.id, row);
    }
    void removeConversation(qint64 id)
    {
        QMutexLocker lock(&m_mutex);
        m_conversations.remove(id);
    }
    void putMessage(const MessageRow &row)
    {
        QMutexLocker lock(&m_mutex);
        m_messages.insert(row.id, row);
    }
    void removeMessage(qint64 id)
    {
        QMutexLocker lock(&m_mutex);
        m_messages.remove(id);
    }
    int queries() const
    {
        QMutexLocker lock(&m_mutex);
        return m_queries;
    }
    // The threads message reads ran on (pages and single messages).
    QSet<QThread *> messageThreads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messageThreads;
    }

    Result<QList<ConversationRow>> inboxPage(const InboxFilter &filter,
                                             std::optional<InboxKey> after, int limit) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_queries;
        QList<ConversationRow> rows;
        for (const auto &c : std::as_const(m_conversations)) {
            if (!filter.accountId.isEmpty() && c.accountId != filter.accountId)
                continue;
            if (filter.unreadOnly && c.unreadCount <= 0)
                continue;
            if (filter.needsReplyOnly && !c.lastFromCustomer)
                continue;
            if (after && std::pair(c.lastActivityMs, c.id) >= std::pair(after->lastActivityMs, after->id))
                continue;
            rows.append(c);
        }
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
            return std::pair(a.lastActivityMs, a.id) > std::pair(b.lastActivityMs, b.id);
        });
        return rows.mid(0, limit);
    }
    Result<std::optional<ConversationRow>> conversation(qint64 id) override
    {
        QMutexLocker lock(&m_mutex);
        if (!m_conversations.contains(id))
            return std::optional<ConversationRow>{};
        return std::optional<ConversationRow>{m_conversations.value(id)};
    }
    Result<QList<ConversationRow>> search(const QString &query, const InboxFilter &, int limit) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_queries;
        QList<ConversationRow> rows;
        for (const auto &c : std::as_const(m_conversations)) {
            if (c.name.contains(query, Qt::CaseInsensitive))
                rows.append(c);
        }
        for (const auto &m : std::as_const(m_messages)) {
            if (m.text.contains(query, Qt::CaseInsensitive) && m_conversations.contains(m.conversationId)) {
                ConversationRow c = m_conversations.value(m.conversationId);
                c.hitMessageId = m.id;
                c.snippet = m.text;
                rows.append(c);
            }
        }
        return rows.mid(0, limit);
    }
    Result<QList<MessageRow>> newestMessages(qint64 conversationId, int limit) override
    {
        return page(conversationId, [](const MessageRow &) { return true; }, limit, true);
    }
    Result<QList<MessageRow>> messagesBefore(qint64 conversationId, MessageKey before, int limit) override
    {
        return page(conversationId, [before](const MessageRow &m) { return m.key() < before; }, limit, true);
    }
    Result<QList<MessageRow>> messagesAfter(qint64 conversationId, MessageKey after, int limit) override
    {
        return page(conversationId, [after](const MessageRow &m) { return m.key() > after; }, limit, false);
    }
    Result<std::optional<MessageRow>> message(qint64 id) override
    {
        QMutexLocker lock(&m_mutex);
        m_messageThreads.insert(QThread::currentThread());
        if (!m_messages.contains(id))
            return std::optional<MessageRow>{};
        return std::optional<MessageRow>{m_messages.value(id)};
    }

private:
    template <typename Pred>
    Result<QList<MessageRow>> page(qint64 conversationId, Pred pred, int limit, bool newest)
    {
        QMutexLocker lock(&m_mutex);
        ++m_queries;
        m_messageThreads.insert(QThread::currentThread());
        QList<MessageRow> rows;
        for (const auto &m : std::as_const(m_messages)) {
            if (m.conversationId == conversationId && pred(m))
                rows.append(m);
        }
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.key() < b.key(); });
        if (newest)
            return rows.mid(qMax(0, int(rows.size()) - limit));
        return rows.mid(0, limit);
    }

    mutable QMutex m_mutex;
    QMap<qint64, ConversationRow> m_conversations;
    QMap<qint64, MessageRow> m_messages;
    int m_queries = 0;
    QSet<QThread *> m_messageThreads;
};

} // namespace inlet::test
