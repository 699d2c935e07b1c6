#include "service/accountservice.h"

#include "auth/oauthflow.h"
#include "auth/tokenrefreshscheduler.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QPromise>

#include <memory>

namespace inlet {

namespace {

template <typename T>
std::shared_ptr<QPromise<T>> startedPromise()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template <typename T, typename V>
void settle(const std::shared_ptr<QPromise<T>> &promise, V &&value)
{
    promise->addResult(std::forward<V>(value));
    promise->finish();
}

// Keychain errors in the manager's words: what happened and what to do about it.
Error explainKeychain(const Error &error, const QString &what)
{
    QString message;
    if (TokenVault::isNotFound(error))
        message = QStringLiteral("%1 is not in the keychain (or the keyring is locked: unlock it "
                                 "and try again).")
                      .arg(what);
    else if (TokenVault::isLocked(error))
        message = QStringLiteral("The keyring is locked or refused access to %1. Unlock your "
                                 "keyring, or sign in again.")
                      .arg(what);
    else if (TokenVault::isNoBackend(error))
        message = QStringLiteral("No keyring is available on this system, so %1 cannot be kept "
                                 "safely. You can keep it for this session only (in memory).")
                      .arg(what);
    else
        message = QStringLiteral("The keychain failed with %1: %2").arg(what, error.message);
    Error explained = error;
    explained.message = message;
    return explained;
}

} // namespace

AccountService::AccountService(Store *store, TokenVault *vault, GraphClient *graph,
                               TokenRefreshScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
    , m_graph(graph)
    , m_scheduler(scheduler)
{
    connect(m_graph, &GraphClient::tokenInvalid, this, [this](const QString &accountId) {
        markNeedsSignIn(accountId, QStringLiteral("Instagram no longer accepts this account's "
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

AccountService::~AccountService() = default;

void AccountService::setConfig(const AppConfig &config)
{
    m_config = config;
    m_graph->setHosts(config.hosts);
    emit configChanged(m_config);
}

QFuture<Status> AccountService::storeAppSecret(const QString &secret)
{
    if (m_config.appId.isEmpty())
        return QtFuture::makeReadyFuture<Status>(
            fail(Error::Kind::Invalid, QStringLiteral("Set the App ID before its secret.")));
    return announceSecret(m_vault->write(TokenVault::appSecretKey(m_config.appId), secret));
}

namespace {
// Whether the keychain holds a non-empty secret under `key` (a missing entry is "no").
QFuture<Result<bool>> hasSecret(TokenVault *vault, const QString &key)
{
    return vault->read(key).then([](const Result<QString> &secret) -> Result<bool> {
        if (secret)
            return !secret->isEmpty();
        if (TokenVault::isNotFound(secret.error()))
            return false;
        return std::unexpected(secret.error());
    });
}
} // namespace

QFuture<Result<bool>> AccountService::hasAppSecret()
{
    if (m_config.appId.isEmpty())
        return QtFuture::makeReadyFuture<Result<bool>>(false);
    return hasSecret(m_vault, TokenVault::appSecretKey(m_config.appId));
}

QFuture<Status> AccountService::storeMetaAppSecret(const QString &secret)
{
    if (m_config.metaAppId.isEmpty())
        return QtFuture::makeReadyFuture<Status>(
            fail(Error::Kind::Invalid, QStringLiteral("Set the Meta App ID before its secret.")));
    return announceSecret(m_vault->write(TokenVault::metaAppSecretKey(m_config.metaAppId), secret));
}

QFuture<Status> AccountService::announceSecret(QFuture<Status> written)
{
    auto promise = startedPromise<Status>();
    onDone(written, this, [this, promise](const Status &stored) {
        if (stored)
            emit appSecretsChanged();
        promise->addResult(stored);
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<bool>> AccountService::hasMetaAppSecret()
{
    if (m_config.metaAppId.isEmpty())
        return QtFuture::makeReadyFuture<Result<bool>>(false);
    return hasSecret(m_vault, TokenVault::metaAppSecretKey(m_config.metaAppId));
}

QFuture<Status> AccountService::load()
{
    auto promise = startedPromise<Status>();
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

void AccountService::applyLoaded(const QList<Account> &stored)
{
    m_accounts = stored;
    m_reasons.clear();
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.needsSignIn) {
            m_reasons.insert(a.id, QStringLiteral("Sign in again to continue."));
            continue;
        }
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
                m_reasons.insert(
                    id, explainKeychain(token.error(), QStringLiteral("The access token")).message);
                setAccount(marked);
                emit accountNeedsSignIn(id);
            });
    }
    qCInfo(lcApp) << "loaded" << m_accounts.size() << "account(s)";
    emit accountsChanged();
}

std::optional<Account> AccountService::account(const QString &accountId) const
{
    for (const Account &a : m_accounts) {
        if (a.id == accountId)
            return a;
    }
    return std::nullopt;
}

QFuture<Result<SignInRequest>> AccountService::beginSignIn()
{
    auto promise = startedPromise<Result<SignInRequest>>();
    QFuture<Result<SignInRequest>> future = promise->future();
    if (!m_config.isComplete()) {
        settle(promise, Result<SignInRequest>(fail(
                            Error::Kind::Invalid, QStringLiteral("Set the Instagram App ID and the "
                                                                 "redirect URI in Settings first."))));
        return future;
    }
    // A new attempt replaces an unfinished one; its late results go with the old flow.
    if (m_flow) {
        delete m_flow.data();
        m_flow.clear();
    }
    const AppConfig config = m_config;
    // With an account connected already, the login view may remember its Instagram session.
    const bool another = !m_accounts.isEmpty();
    onDone(m_vault->read(TokenVault::appSecretKey(config.appId)), this,
        [this, promise, config, another](const Result<QString> &secret) {
            if (!secret) {
                settle(promise, Result<SignInRequest>(std::unexpected(
                                    explainKeychain(secret.error(), QStringLiteral("The App Secret")))));
                return;
            }
            auto *flow = new OAuthFlow(
                m_graph,
                OAuthConfig{config.appId, *secret, config.redirectUri.toString(), another}, this);
            m_flow = flow;
            emit signInBusyChanged(true);
            settle(promise, Result<SignInRequest>(SignInRequest{flow->authorizeUrl(), config.redirectUri}));
        });
    return future;
}

Result<QString> AccountService::handleRedirect(const QUrl &url)
{
    if (!m_flow)
        return fail(Error::Kind::Invalid, QStringLiteral("No sign-in is in progress."));
    return m_flow->handleRedirect(url);
}

void AccountService::completeSignIn(const QString &code)
{
    if (!m_flow) {
        failSignIn(Error::make(Error::Kind::Invalid, QStringLiteral("No sign-in is in progress.")));
        return;
    }
    onDone(m_flow->signIn(code), this, [this](const Result<SignInResult> &result) {
        if (!result)
            failSignIn(result.error());
        else
            finishSignIn(*result);
    });
}

void AccountService::abortSignIn(const Error &error)
{
    failSignIn(error);
}

bool AccountService::hasPendingSignIn() const
{
    return m_pending != nullptr;
}

void AccountService::useSessionOnlyTokens()
{
    qCWarning(lcApp) << "keeping tokens for this session only (no usable keyring)";
    m_vault->setSessionOnlyFallback(true);
}

void AccountService::resumePendingSignIn()
{
    if (!m_pending)
        return;
    const SignInResult pending = *m_pending;
    m_pending.reset();
    emit signInBusyChanged(true);
    finishSignIn(pending);
}

void AccountService::finishSignIn(const SignInResult &result)
{
    const QString id = result.account.id;
    onDone(m_vault->write(TokenVault::accountKey(id), result.longLivedToken), this,
        [this, result](const Status &written) {
            if (!written) {
                m_pending = std::make_unique<SignInResult>(result);
                failSignIn(explainKeychain(written.error(), QStringLiteral("The access token")));
                return;
            }
            Account account = result.account;
            account.needsSignIn = false;
            onDone(m_store->upsertAccount(account), this, [this, account](const Status &stored) {
                if (!stored) {
                    failSignIn(stored.error());
                    return;
                }
                m_reasons.remove(account.id);
                setAccount(account);
                m_scheduler->track(account.id, account.tokenIssuedAt, account.tokenExpiresAt);
                endFlow();
                qCInfo(lcApp) << "account connected:" << account.username;
                emit signedIn(account);
            });
        });
}

void AccountService::failSignIn(const Error &error)
{
    qCInfo(lcApp) << "sign-in failed:" << error.message;
    endFlow();
    emit signInFailed(error);
}

void AccountService::endFlow()
{
    if (m_flow) {
        m_flow->deleteLater();
        m_flow.clear();
    }
    emit signInBusyChanged(false);
}

QFuture<Status> AccountService::disconnectAccount(const QString &accountId, bool deleteMessages)
{
    auto promise = startedPromise<Status>();
    QFuture<Status> future = promise->future();
    onDone(m_vault->remove(TokenVault::accountKey(accountId)), this,
        [this, promise, accountId, deleteMessages](const Status &removed) {
            if (!removed) {
                settle(promise, Status(std::unexpected(
                                    explainKeychain(removed.error(), QStringLiteral("The access token")))));
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

void AccountService::markNeedsSignIn(const QString &accountId, const QString &reason)
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

void AccountService::storeAccount(const Account &account)
{
    onDone(m_store->upsertAccount(account), this, [id = account.id](const Status &stored) {
        if (!stored)
            qCWarning(lcApp) << "cannot save account" << id << stored.error().message;
    });
}

void AccountService::setAccount(const Account &account)
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
