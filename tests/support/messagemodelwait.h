#pragma once

// MessageListModel reads on its worker thread: these wait for its answers (header only; the test
// links the models through its own library).
#include "models/messagelistmodel.h"

#include <QTest>

namespace inlet::test {

// open() and waits for its answer: true when the rows are in.
inline bool openMessages(
    MessageListModel &model, qint64 conversationId, qint64 atMessageId = 0, int timeoutMs = 5000)
{
    const QFuture<Status> opened = model.open(conversationId, atMessageId);
    return QTest::qWaitFor([&opened] { return opened.isFinished(); }, timeoutMs)
        && opened.resultCount() > 0 && opened.result().has_value();
}

// Waits until every read the model posted (pages, changed rows) was applied.
inline bool messagesSettled(const MessageListModel &model, int timeoutMs = 5000)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, timeoutMs);
}

} // namespace inlet::test
