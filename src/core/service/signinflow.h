#pragma once

#include "common/result.h"
#include "model/types.h"
#include "service/signinsteps.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace inlet {

class AccountList;
class AppSetup;
class GraphClient;
class OAuthFlow;
class TokenVault;
struct SignInResult;

// One sign-in at a time, without any UI:
//   beginSignIn() -> (login view) -> handleRedirect(url) -> completeSignIn(code)
//   = OAuthFlow (code -> short-lived -> long-lived -> /me) -> TokenVault (token under the account
//   id) -> AccountList::addSignedIn (account row, no token; refresh tracking).
// It reads the app's id, redirect URI and App Secret from AppSetup.
class SignInFlow : public SignInSteps {
    Q_OBJECT
public:
    SignInFlow(AppSetup *app, AccountList *accounts, TokenVault *vault, GraphClient *graph,
        QObject *parent = nullptr);
    ~SignInFlow() override;

    // Step 1: reads the App Secret and prepares a fresh single-use OAuth state.
    QFuture<Result<SignInRequest>> beginSignIn() override;
    bool isSigningIn() const { return !m_flow.isNull(); }
    // Step 2: the login view hands over the captured redirect; returns the code or why not.
    Result<QString> handleRedirect(const QUrl &url) override;
    // Step 3: exchanges the code and stores the account; ends in signedIn() or signInFailed().
    void completeSignIn(const QString &code) override;
    // The login view ended without a code (deny, closed, network): ends in signInFailed().
    void abortSignIn(const Error &error) override;
    // After a keychain failure while storing a fresh token, the manager may choose to keep tokens
    // for this session only; this stores the pending sign-in that way.
    bool hasPendingSignIn() const;
    void useSessionOnlyTokens();
    void resumePendingSignIn();

signals:
    void signInBusyChanged(bool busy);
    void signedIn(const inlet::Account &account);
    void signInFailed(const inlet::Error &error);

private:
    void finishSignIn(const SignInResult &result);
    void failSignIn(const Error &error);
    void endFlow();

    AppSetup *m_app;
    AccountList *m_accounts;
    TokenVault *m_vault;
    GraphClient *m_graph;
    QPointer<OAuthFlow> m_flow;
    std::unique_ptr<SignInResult> m_pending;
};

} // namespace inlet
