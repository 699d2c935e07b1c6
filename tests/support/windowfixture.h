#pragma once

// The main window with the inbox in it, wired as src/app/main.cpp wires them, on one data dir
// (the profile): the store, the accounts, the window, the inbox, the notifier's unread counts
// (title and rail badges) and the inbox layout kept in the profile's inlet.ini. Destroying it is
// quitting; a second one on the same dir is the next start. No sandbox and no network: accounts
// and messages are written into the store (addAccount, customerWrites). Header only: the test
// support library does not link the app.
#include "app/inbox/inboxlayout.h"
#include "app/inbox/inboxwidget.h"
#include "app/login/signincontroller.h"
#include "app/shell/avatarloader.h"
#include "app/shell/mainwindow.h"
#include "app/shell/notifier.h"
#include "app/shell/sandboxcontroller.h"
#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/signinflow.h"
#include "store/store.h"
#include "support/await.h"

#include <QDateTime>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>

#include <memory>

namespace inlet::test {

class WindowFixture {
public:
    // `keychain`: a vault that outlives this start (the tokens of an earlier one); null: a
    // session-only vault of its own.
    explicit WindowFixture(const QString &dataDir, TokenVault *keychain = nullptr)
        : m_dataDir(dataDir)
        , settings(QDir(dataDir).filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat)
    {
        auto opened = Store::open(dataDir);
        if (!opened) {
            error = opened.error().message;
            return;
        }
        store = std::move(*opened);
        if (!keychain) {
            m_ownVault = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
            m_ownVault->setSessionOnlyFallback(true);
            keychain = m_ownVault.get();
        }
        vault = keychain;
        graph = std::make_unique<GraphClient>();
        scheduler = std::make_unique<TokenRefreshScheduler>(graph.get(), vault);
        appSetup = std::make_unique<AppSetup>(vault, graph.get());
        accounts = std::make_unique<AccountList>(store.get(), vault, graph.get(), scheduler.get());
        signInFlow
            = std::make_unique<SignInFlow>(appSetup.get(), accounts.get(), vault, graph.get());
        avatars = std::make_unique<app::AvatarLoader>(&network);
        sandbox = std::make_unique<app::SandboxController>();
        signIn = std::make_unique<app::SignInController>(signInFlow.get(), m_dataDir);
        window = std::make_unique<app::MainWindow>(
            app::MainWindow::AccountServices { accounts.get(), signInFlow.get(), appSetup.get() },
            signIn.get(), sandbox.get(), avatars.get());

        app::InboxServices services;
        services.store = store.get();
        services.source = std::make_shared<StoreInboxSource>(store->readers());
        inbox = new app::InboxWidget(services);
        feedModels(store.get(), inbox->conversations(), inbox->messages(), inbox->views());
        window->setInboxWidget(inbox);
        app::InboxLayout::keepInProfile(inbox, &settings);
        notifier = std::make_unique<app::Notifier>(store.get(), &settings, window.get());
        QObject::connect(notifier.get(), &app::Notifier::unreadCountChanged, window.get(),
            &app::MainWindow::setUnreadCount);
        QObject::connect(notifier.get(), &app::Notifier::unreadByAccountChanged, window.get(),
            &app::MainWindow::setUnreadByAccount);
        notifier->refreshUnread();
    }

    ~WindowFixture()
    {
        notifier.reset();
        window.reset(); // and the inbox in it
        signIn.reset();
        sandbox.reset();
        avatars.reset();
        signInFlow.reset();
        accounts.reset();
        appSetup.reset();
        scheduler.reset();
        graph.reset();
        m_ownVault.reset();
        store.reset();
        settings.sync();
    }

    // Whether the write or read succeeded (waiting with the event loop turning: the accounts and
    // the vault answer through it).
    template <typename T> static bool done(QFuture<T> future)
    {
        const std::optional<T> result = await(std::move(future));
        return result && result->has_value();
    }

    // A connected account (its token in the session's vault). Call load() after.
    bool addAccount(const QString &id, const QString &username, const QString &name)
    {
        Account account;
        account.id = id;
        account.username = username;
        account.name = name;
        account.tokenIssuedAt = QDateTime::currentDateTimeUtc();
        account.tokenExpiresAt = account.tokenIssuedAt.addDays(60);
        return done(store->upsertAccount(account))
            && done(vault->write(TokenVault::accountKey(id), QStringLiteral("token-") + id));
    }

    bool load() { return done(accounts->load()); }

    // Customer `customerId` writes to account `accountId`: one more unread conversation.
    bool customerWrites(const QString &accountId, const QString &customerId, qint64 ms)
    {
        InboundEvent e;
        e.kind = InboundEvent::Kind::Message;
        e.accountId = accountId;
        e.customerId = customerId;
        e.timestampMs = ms;
        e.mid = QStringLiteral("m.%1.%2").arg(customerId).arg(ms);
        e.text = QStringLiteral("Hello from %1").arg(customerId);
        e.rawJson = "{}";
        return done(store->applyEvents({ e }));
    }

    QString error;

private:
    QString m_dataDir;
    std::unique_ptr<TokenVault> m_ownVault;

public:
    QSettings settings;
    std::unique_ptr<Store> store;
    TokenVault *vault = nullptr;
    std::unique_ptr<GraphClient> graph;
    std::unique_ptr<TokenRefreshScheduler> scheduler;
    std::unique_ptr<AppSetup> appSetup;
    std::unique_ptr<AccountList> accounts;
    std::unique_ptr<SignInFlow> signInFlow;
    QNetworkAccessManager network;
    std::unique_ptr<app::AvatarLoader> avatars;
    std::unique_ptr<app::SandboxController> sandbox;
    std::unique_ptr<app::SignInController> signIn;
    std::unique_ptr<app::MainWindow> window;
    app::InboxWidget *inbox = nullptr; // owned by the window
    std::unique_ptr<app::Notifier> notifier;
};

} // namespace inlet::test
