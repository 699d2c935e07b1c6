#pragma once

// The conversation list's rows as tests look at them: which customers it lists (by the last
// character of their ids, tests number their customers 1 to 9), a customer's row, and what the
// store holds for a conversation (a test's own read on the GUI thread).
#include "models/conversationlistmodel.h"
#include "store/guithread.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QStringList>

namespace inlet::test {

// The customers the list shows, in order, each as the last character of its id.
inline QStringList customersIn(const ConversationListModel &model)
{
    QStringList who;
    for (int i = 0; i < model.rowCount(); ++i)
        who << model.rowAt(i).customerId.right(1);
    return who;
}

// The row of `customerId`, -1 if the list does not show it.
inline int rowOfCustomer(const ConversationListModel &model, const QString &customerId)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.rowAt(i).customerId == customerId)
            return i;
    return -1;
}

// The stored conversation of (account, customer); fails the process if there is none.
inline StoredConversation storedConversation(
    Store &store, const QString &accountId, const QString &customerId)
{
    return guithread::allowed([&] {
        auto reader = StoreReader::open(store.databasePath());
        if (!reader)
            qFatal("no reader: %s", qPrintable(reader.error().message));
        auto found = (*reader)->conversationFor(accountId, customerId);
        if (!found || !*found)
            qFatal("no conversation for %s", qPrintable(customerId));
        return **found;
    });
}

} // namespace inlet::test
