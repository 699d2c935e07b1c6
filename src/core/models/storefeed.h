#pragma once

namespace inlet {

class ConversationListModel;
class ConversationViewsModel;
class MessageListModel;
class Store;

// Store::changed -> each model's applyStoreChange. The composition root (src/app/main.cpp, and a
// test's set-up standing in for it) feeds the models it hands to the views; the widgets that show
// them do not subscribe to the store themselves. Any model may be null.
void feedModels(Store *store, ConversationListModel *conversations, MessageListModel *messages,
    ConversationViewsModel *views = nullptr);

} // namespace inlet
