#include "models/storefeed.h"

#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/messagelistmodel.h"
#include "store/store.h"

namespace inlet {

void feedModels(Store *store, ConversationListModel *conversations, MessageListModel *messages,
    ConversationViewsModel *views)
{
    if (conversations)
        QObject::connect(
            store, &Store::changed, conversations, &ConversationListModel::applyStoreChange);
    if (messages)
        QObject::connect(store, &Store::changed, messages, &MessageListModel::applyStoreChange);
    if (views)
        QObject::connect(store, &Store::changed, views, &ConversationViewsModel::applyStoreChange);
}

} // namespace inlet
