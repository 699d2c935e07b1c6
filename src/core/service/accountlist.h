#pragma once

#include "common/result.h"
#include "model/types.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace inlet {

class GraphClient;
class Store;
class TokenRefreshScheduler;
class TokenVault;

// The connected accounts: read from the store, kept in step with it, each tracked by the token
// refresh scheduler while its token works. A 190 from any Graph call or the scheduler marks an
// account "needs sign-in" (stored, so it survives a restart); a sign-in (SignInFlow) adds the
// account or, as the same Instagram account, clears the mark and keeps everything else.
class AccountList : public QObject {
    Q_OBJECT
public:
    AccountList(Store *store, TokenVault *vault, GraphClient *graph,
        TokenRefreshScheduler *scheduler, QObject *parent = nullptr);

    // Reads the accounts from the store (on its reader thread: no SQL on this object's thread),
    // then, on this object's thread, checks their tokens are in the keychain, starts tracking them
    // for refresh and emits accountsChanged(). The future finishes after that (accounts() is then
    // the stored list), with the store's error if it could not be read.
    QFuture<Status> load();
    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString &accountId) const;
    // Why an account needs sign-in, in words for the manager (empty when it does not).
    QString signInReason(const QString &accountId) const { return m_reasons.value(accountId); }

    // A signed-in account (its token already in the keychain): stored, listed, tracked for
    // refresh, its needs-sign-in mark gone. Fails with the store's error.
    QFuture<Status> addSignedIn(const Account &account);
    // Deletes the token from the keychain and the account (and, if asked, its messages).
    QFuture<Status> disconnectAccount(const QString &accountId, bool deleteMessages);
    // Team mode: the tokens are the team server's, so load() neither looks for them in the
    // keychain nor tracks them for refresh (an account is not "needing sign-in" for lack of one).
    void setTokensOnServer(bool onServer) { m_tokensOnServer = onServer; }

    // Marks an account as needing sign-in (190 from anywhere, expired token, missing token).
    void markNeedsSignIn(const QString &accountId, const QString &reason);

signals:
    void accountsChanged();
    void accountNeedsSignIn(const QString &accountId);
    void accountDisconnected(const QString &accountId);

private:
    void applyLoaded(const QList<Account> &stored);
    void storeAccount(const Account &account);
    void setAccount(const Account &account);

    Store *m_store;
    TokenVault *m_vault;
    TokenRefreshScheduler *m_scheduler;
    QList<Account> m_accounts;
    QHash<QString, QString> m_reasons;
    bool m_tokensOnServer = false;
};

} // namespace inlet
