#include "service/signinflow.h"

#include "auth/oauthflow.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/keychainerror.h"

#include <QPromise>

namespace inlet {

SignInFlow::SignInFlow(
    AppSetup *app, AccountList *accounts, TokenVault *vault, GraphClient *graph, QObject *parent)
    : SignInSteps(parent)
    , m_app(app)
    , m_accounts(accounts)
    , m_vault(vault)
    , m_graph(graph)
{
    connect(this, &SignInFlow::signedIn, this, [this] { emit attemptEnded(false); });
    connect(this, &SignInFlow::signInFailed, this, [this] { emit attemptEnded(true); });
}

SignInFlow::~SignInFlow() = default;

QFuture<Result<SignInRequest>> SignInFlow::beginSignIn()
{
    auto promise = std::make_shared<QPromise<Result<SignInRequest>>>();
    promise->start();
    QFuture<Result<SignInRequest>> future = promise->future();
    const auto settle = [promise](const Result<SignInRequest> &request) {
        promise->addResult(request);
        promise->finish();
    };
    const AppConfig config = m_app->config();
    if (!config.isComplete()) {
        settle(fail(Error::Kind::Invalid, Error::Reason::SignInNotConfigured,
            QStringLiteral("Set the Instagram App ID and the redirect URI in Settings first.")));
        return future;
    }
    // A new attempt replaces an unfinished one; its late results go with the old flow.
    if (m_flow) {
        delete m_flow.data();
        m_flow.clear();
    }
    // With an account connected already, the login view may remember its Instagram session.
    const bool another = !m_accounts->accounts().isEmpty();
    onDone(
        m_app->appSecret(), this, [this, settle, config, another](const Result<QString> &secret) {
            if (!secret) {
                settle(std::unexpected(explainKeychain(secret.error(), KeychainItem::AppSecret)));
                return;
            }
            auto *flow = new OAuthFlow(m_graph,
                OAuthConfig { config.appId, *secret, config.redirectUri.toString(), another },
                this);
            m_flow = flow;
            emit signInBusyChanged(true);
            settle(SignInRequest { flow->authorizeUrl(), config.redirectUri });
        });
    return future;
}

Result<QString> SignInFlow::handleRedirect(const QUrl &url)
{
    if (!m_flow)
        return fail(Error::Kind::Invalid, Error::Reason::NoSignInInProgress,
            QStringLiteral("No sign-in is in progress."));
    return m_flow->handleRedirect(url);
}

void SignInFlow::completeSignIn(const QString &code)
{
    if (!m_flow) {
        failSignIn(Error::because(Error::Kind::Invalid, Error::Reason::NoSignInInProgress,
            QStringLiteral("No sign-in is in progress.")));
        return;
    }
    onDone(m_flow->signIn(code), this, [this](const Result<SignInResult> &result) {
        if (!result)
            failSignIn(result.error());
        else
            finishSignIn(*result);
    });
}

void SignInFlow::abortSignIn(const Error &error)
{
    failSignIn(error);
}

bool SignInFlow::hasPendingSignIn() const
{
    return m_pending != nullptr;
}

void SignInFlow::useSessionOnlyTokens()
{
    qCWarning(lcApp) << "keeping tokens for this session only (no usable keyring)";
    m_vault->setSessionOnlyFallback(true);
}

void SignInFlow::resumePendingSignIn()
{
    if (!m_pending)
        return;
    const SignInResult pending = *m_pending;
    m_pending.reset();
    emit signInBusyChanged(true);
    finishSignIn(pending);
}

void SignInFlow::finishSignIn(const SignInResult &result)
{
    const QString id = result.account.id;
    onDone(m_vault->write(TokenVault::accountKey(id), result.longLivedToken), this,
        [this, result](const Status &written) {
            if (!written) {
                m_pending = std::make_unique<SignInResult>(result);
                failSignIn(explainKeychain(written.error(), KeychainItem::AccessToken));
                return;
            }
            Account account = result.account;
            account.needsSignIn = false;
            onDone(m_accounts->addSignedIn(account), this, [this, account](const Status &stored) {
                if (!stored) {
                    failSignIn(stored.error());
                    return;
                }
                endFlow();
                qCInfo(lcApp) << "account connected:" << account.username;
                emit signedIn(account);
            });
        });
}

void SignInFlow::failSignIn(const Error &error)
{
    qCInfo(lcApp) << "sign-in failed:" << error.message;
    endFlow();
    emit signInFailed(error);
}

void SignInFlow::endFlow()
{
    if (m_flow) {
        m_flow->deleteLater();
        m_flow.clear();
    }
    emit signInBusyChanged(false);
}

} // namespace inlet
