#pragma once

#include "common/result.h"
#include "model/types.h"
#include "service/appconfig.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

namespace inlet {

class GraphClient;
class OAuthFlow;
class Store;
class TokenRefreshScheduler;
class TokenVault;
struct SignInResult;

// What the login view needs for one attempt.
struct SignInRequest {
    QUrl authorizeUrl;
    QUrl redirectUri;
};

// The connected accounts and their sign-in lifecycle, without any UI:
//   beginSignIn() -> (login view) -> handleRedirect(url) -> completeSignIn(code)
//   = OAuthFlow (code -> short-lived -> long-lived -> /me) -> TokenVault (token under the account
//   id) -> Store (account row, no token) -> TokenRefreshScheduler (keeps it fresh).
// A 190 from any Graph call or the scheduler marks the account "needs sign-in"; signing in again
// as the same Instagram account clears the mark and keeps everything else.
class AccountService : public QObject {
    Q_OBJECT
public:
    AccountService(Store *store, TokenVault *vault, GraphClient *graph,
                   TokenRefreshScheduler *scheduler, QObject *parent = nullptr);
    ~AccountService() override;

    // Non-secret Meta app set-up; also points the Graph client at its hosts.
    void setConfig(const AppConfig &config);
    const AppConfig &config() const { return m_config; }
    // The Instagram App Secret goes to the keychain under "app-secret/<app id>", nowhere else.
    QFuture<Status> storeAppSecret(const QString &secret);
    // True when a secret for the current app id is in the keychain.
    QFuture<Result<bool>> hasAppSecret();
    // The Meta app's App Secret, under "meta-app-secret/<meta app id>" (needs config().metaAppId).
    QFuture<Status> storeMetaAppSecret(const QString &secret);
    QFuture<Result<bool>> hasMetaAppSecret();

    // Reads the accounts from the store (on its reader thread: no SQL on this object's thread),
    // then, on this object's thread, checks their tokens are in the keychain, starts tracking them
    // for refresh and emits accountsChanged(). The future finishes after that (accounts() is then
    // the stored list), with the store's error if it could not be read.
    QFuture<Status> load();
    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString &accountId) const;
    // Why an account needs sign-in, in words for the manager (empty when it does not).
    QString signInReason(const QString &accountId) const { return m_reasons.value(accountId); }

    // Step 1: reads the App Secret and prepares a fresh single-use OAuth state.
    QFuture<Result<SignInRequest>> beginSignIn();
    bool isSigningIn() const { return !m_flow.isNull(); }
    // Step 2: the login view hands over the captured redirect; returns the code or why not.
    Result<QString> handleRedirect(const QUrl &url);
    // Step 3: exchanges the code and stores the account; ends in signedIn() or signInFailed().
    void completeSignIn(const QString &code);
    // The login view ended without a code (deny, closed, network): ends in signInFailed().
    void abortSignIn(const Error &error);
    // After a keychain failure while storing a fresh token, the manager may choose to keep tokens
    // for this session only; this stores the pending sign-in that way.
    bool hasPendingSignIn() const;
    void useSessionOnlyTokens();
    void resumePendingSignIn();

    // Deletes the token from the keychain and the account (and, if asked, its messages).
    QFuture<Status> disconnectAccount(const QString &accountId, bool deleteMessages);

    // Marks an account as needing sign-in (190 from anywhere, expired token, missing token).
    void markNeedsSignIn(const QString &accountId, const QString &reason);

signals:
    void accountsChanged();
    // An app secret (Instagram or Meta) was written to the keychain.
    void appSecretsChanged();
    void configChanged(const inlet::AppConfig &config);
    void signInBusyChanged(bool busy);
    void signedIn(const inlet::Account &account);
    void signInFailed(const inlet::Error &error);
    void accountNeedsSignIn(const QString &accountId);
    void accountDisconnected(const QString &accountId);

private:
    QFuture<Status> announceSecret(QFuture<Status> written); // emits appSecretsChanged on success
    void finishSignIn(const SignInResult &result);
    void failSignIn(const Error &error);
    void storeAccount(const Account &account);
    void setAccount(const Account &account);
    void endFlow();

    void applyLoaded(const QList<Account> &stored);

    Store *m_store;
    TokenVault *m_vault;
    GraphClient *m_graph;
    TokenRefreshScheduler *m_scheduler;
    AppConfig m_config;
    QList<Account> m_accounts;
    QHash<QString, QString> m_reasons;
    QPointer<OAuthFlow> m_flow;
    std::unique_ptr<SignInResult> m_pending;
};

} // namespace inlet
