#include "service/accountlist.h"

#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "service/keychainerror.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QPromise>

#include <memory>

namespace inlet {

namespace {

std::shared_ptr<QPromise<Status>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    return promise;
}

void settle(const std::shared_ptr<QPromise<Status>> &promise, const Status &value)
{
    promise->addResult(value);
    promise->finish();
}

} // namespace

AccountList::AccountList(Store *store, TokenVault *vault, GraphClient *graph,
    TokenRefreshScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
    , m_scheduler(scheduler)
{
    connect(graph, &GraphClient::tokenInvalid, this, [this](const QString &accountId) {
        markNeedsSignIn(accountId,
            QStringLiteral("Instagram no longer accepts this account's "
                           "access token (error 190)."));
    });
    connect(m_scheduler, &TokenRefreshScheduler::needsSignIn, this, [this](const QString &id) {
        markNeedsSignIn(id, QStringLiteral("The access token expired or was revoked."));
    });
    connect(m_scheduler, &TokenRefreshScheduler::tokenRefreshed, this,
        [this](const QString &id, const QDateTime &expiresAt) {
            auto current = account(id);
            if (!current)
                return;
            current->tokenIssuedAt = QDateTime::currentDateTimeUtc();
            current->tokenExpiresAt = expiresAt;
            setAccount(*current);
            storeAccount(*current);
        });
}

QFuture<Status> AccountList::load()
{
    auto promise = startedPromise();
    QFuture<Status> future = promise->future();
    onDone(m_store->readers()->read<QList<Account>>([](StoreReader &r) { return r.accounts(); }),
        this, [this, promise](const Result<QList<Account>> &stored) {
            if (!stored) {
                qCWarning(lcApp) << "cannot read accounts:" << stored.error().message;
                settle(promise, Status(std::unexpected(stored.error())));
                return;
            }
            applyLoaded(*stored);
            settle(promise, Status());
        });
    return future;
}

void AccountList::applyLoaded(const QList<Account> &stored)
{
    m_accounts = stored;
    m_reasons.clear();
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.needsSignIn) {
            m_reasons.insert(a.id, QStringLiteral("Sign in again to continue."));
            continue;
        }
        if (m_tokensOnServer)
            continue;
        // A token that went missing (or a locked keyring) shows as needing sign-in, for this
        // run only: unlocking the keyring and restarting brings it back.
        const QString id = a.id;
        onDone(m_vault->read(TokenVault::accountKey(id)), this,
            [this, id](const Result<QString> &token) {
                const auto current = account(id);
                if (!current)
                    return;
                if (token) {
                    m_scheduler->track(id, current->tokenIssuedAt, current->tokenExpiresAt);
                    return;
                }
                Account marked = *current;
                marked.needsSignIn = true;
                m_reasons.insert(id,
                    QStringLiteral("The access token could not be read from the keychain: %1")
                        .arg(token.error().message));
                setAccount(marked);
                emit accountNeedsSignIn(id);
            });
    }
    qCInfo(lcApp) << "loaded" << m_accounts.size() << "account(s)";
    emit accountsChanged();
}

std::optional<Account> AccountList::account(const QString &accountId) const
{
    for (const Account &a : m_accounts) {
        if (a.id == accountId)
            return a;
    }
    return std::nullopt;
}

QFuture<Status> AccountList::addSignedIn(const Account &signedIn)
{
    auto promise = startedPromise();
    QFuture<Status> future = promise->future();
    Account account = signedIn;
    account.needsSignIn = false;
    onDone(m_store->upsertAccount(account), this, [this, promise, account](const Status &stored) {
        if (stored) {
            m_reasons.remove(account.id);
            setAccount(account);
            m_scheduler->track(account.id, account.tokenIssuedAt, account.tokenExpiresAt);
        }
        settle(promise, stored);
    });
    return future;
}

QFuture<Status> AccountList::disconnectAccount(const QString &accountId, bool deleteMessages)
{
    auto promise = startedPromise();
    QFuture<Status> future = promise->future();
    onDone(m_vault->remove(TokenVault::accountKey(accountId)), this,
        [this, promise, accountId, deleteMessages](const Status &removed) {
            if (!removed) {
                settle(promise,
                    Status(std::unexpected(
                        explainKeychain(removed.error(), KeychainItem::AccessToken))));
                return;
            }
            m_scheduler->untrack(accountId);
            onDone(m_store->removeAccount(accountId, deleteMessages), this,
                [this, promise, accountId](const Status &gone) {
                    if (gone) {
                        m_accounts.removeIf([&](const Account &a) { return a.id == accountId; });
                        m_reasons.remove(accountId);
                        qCInfo(lcApp) << "account disconnected:" << accountId;
                        emit accountDisconnected(accountId);
                        emit accountsChanged();
                    }
                    settle(promise, gone);
                });
        });
    return future;
}

void AccountList::markNeedsSignIn(const QString &accountId, const QString &reason)
{
    auto current = account(accountId);
    if (!current || current->needsSignIn)
        return;
    qCWarning(lcApp) << "account needs sign-in:" << accountId << reason;
    current->needsSignIn = true;
    m_reasons.insert(accountId, reason);
    m_scheduler->untrack(accountId);
    setAccount(*current);
    storeAccount(*current);
    emit accountNeedsSignIn(accountId);
}

void AccountList::storeAccount(const Account &account)
{
    onDone(m_store->upsertAccount(account), this, [id = account.id](const Status &stored) {
        if (!stored)
            qCWarning(lcApp) << "cannot save account" << id << stored.error().message;
    });
}

void AccountList::setAccount(const Account &account)
{
    bool replaced = false;
    for (Account &a : m_accounts) {
        if (a.id == account.id) {
            a = account;
            replaced = true;
        }
    }
    if (!replaced)
        m_accounts.append(account);
    emit accountsChanged();
}

} // namespace inlet
