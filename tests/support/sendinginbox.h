#pragma once

// The inbox window's widgets over a SendingFixture (the production outbox wiring against a test's
// own sandbox), as the composer's tests drive them offscreen.
#include "app/inbox/inboxwidget.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "support/sendingfixture.h"

#include <QTest>

#include <memory>

namespace inlet::test {

// An InboxWidget over `send`'s store and outbox (and what else `services` gives), shown at `size`
// with the seeded conversation (SendingFixture::seedConversation) open; null (and a warning) when
// it did not list or open.
inline std::unique_ptr<app::InboxWidget> openSeededInbox(
    SendingFixture &send, app::InboxServices services, QSize size)
{
    services.store = send.store.get();
    services.source = std::make_shared<StoreInboxSource>(send.store->readers());
    services.outbox = send.outbox();
    auto widget = std::make_unique<app::InboxWidget>(services);
    feedModels(send.store.get(), widget->conversations(), widget->messages());
    widget->setAccounts({ { send.business, QStringLiteral("Shop") } });
    widget->resize(size);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget.get())
        || !QTest::qWaitFor([&] { return widget->conversations()->rowCount() == 1; })) {
        qWarning("the inbox did not list the seeded conversation");
        return nullptr;
    }
    widget->openConversation(widget->conversations()->rowAt(0).id);
    if (!QTest::qWaitFor([&] { return widget->messages()->rowCount() == 1; })) {
        qWarning("the seeded conversation did not open");
        return nullptr;
    }
    return widget;
}

} // namespace inlet::test
