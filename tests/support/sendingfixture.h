#pragma once

// The app's sending path against a test's own in-process sandbox, as the tests of the outbox and
// of the inbox's composer use it: a sandbox whose first customer has written, the business's token
// in a session-only vault, a store in a temporary directory, the Graph client, and an
// OutboxService (short back-offs) whose uploads go to the sandbox's media host.
#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "outbox/httpmediauploader.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "support/await.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

namespace inlet::test {

class SendingFixture {
public:
    SendingFixture() = default;
    SendingFixture(const SendingFixture &) = delete;
    SendingFixture &operator=(const SendingFixture &) = delete;
    ~SendingFixture() { stop(); }

    // A sandbox with `customers` quiet customers, the first of whom writes `customerText` there
    // (which opens the messaging window on Instagram's side), the vault holding the business's
    // token, and the store. False (and a warning) when a part could not start.
    [[nodiscard]] bool start(int customers, const QString &customerText)
    {
        stop();
        sandbox::SandboxOptions options;
        options.customers = customers;
        options.eventsPerMinute = 0;
        business = options.businessId;
        sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> started = sandbox->start();
        if (!started) {
            qWarning("sandbox: %s", qPrintable(started.error().message));
            return false;
        }
        base = *started;
        client = std::make_unique<SandboxTestClient>(base);
        customer = sandbox->world().customers().first().profile.igsid;
        if (!sandbox->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer },
                { QStringLiteral("text"), customerText } })) {
            qWarning("the sandbox refused the customer's message");
            return false;
        }
        dir = std::make_unique<QTemporaryDir>();
        vault = std::make_unique<TokenVault>();
        vault->setSessionOnlyFallback(true); // in memory
        if (!awaitResult(vault->write(TokenVault::accountKey(business), sandbox->issueToken()))) {
            qWarning("the token could not be stored");
            return false;
        }
        auto opened = Store::open(dir->filePath(QStringLiteral("data")));
        if (!opened) {
            qWarning("store: %s", qPrintable(opened.error().message));
            return false;
        }
        store = std::move(*opened);
        graph = std::make_unique<GraphClient>(InstagramHosts::allAt(base));
        return true;
    }

    // What a sync would have brought: the account, the customer and their message (a minute ago)
    // in the store, so that an inbox lists the conversation.
    [[nodiscard]] bool seedConversation(const QString &customerText)
    {
        Account account;
        account.id = business;
        account.username = QStringLiteral("shop");
        Contact contact;
        contact.id = customer;
        contact.name = QStringLiteral("Customer");
        InboundEvent event;
        event.kind = InboundEvent::Kind::Message;
        event.accountId = business;
        event.customerId = customer;
        event.timestampMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
        event.mid = QStringLiteral("mid.customer.1");
        event.text = customerText;
        event.rawJson = "{}";
        return awaitResult(store->upsertAccount(account)).has_value()
            && awaitResult(store->upsertContact(contact)).has_value()
            && awaitResult(store->applyEvents({ event })).has_value();
    }

    // (Re)creates the OutboxService over the store; its outbox is started unless `run` is false
    // (then messages wait in the store, as after a restart).
    void startService(bool run = true)
    {
        service = std::make_unique<OutboxService>(store.get(), graph.get(), vault.get());
        service->mediaUploader()->setHost(mediaHost(), mediaHost());
        OutboxOptions options;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 100;
        service->outbox()->setOptions(options);
        if (run)
            service->outbox()->start();
    }

    // Everything, the outbox first (what an app that quits does).
    void stop()
    {
        service.reset();
        graph.reset();
        store.reset();
        vault.reset();
        dir.reset();
        client.reset();
        sandbox.reset();
    }

    Outbox *outbox() const { return service->outbox(); }
    QUrl mediaHost() const { return QUrl(base.toString() + QStringLiteral("/media")); }

    std::unique_ptr<sandbox::Sandbox> sandbox;
    std::unique_ptr<SandboxTestClient> client;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<TokenVault> vault;
    std::unique_ptr<Store> store;
    std::unique_ptr<GraphClient> graph;
    std::unique_ptr<OutboxService> service;
    QUrl base;
    QString business;
    QString customer;
};

} // namespace inlet::test
