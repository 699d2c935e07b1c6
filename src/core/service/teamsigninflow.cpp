#include "service/teamsigninflow.h"

#include "auth/oauthflow.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"

#include <QPromise>

namespace inlet {

TeamSignInFlow::TeamSignInFlow(ConnectionSource connection, QObject *parent)
    : SignInSteps(parent)
    , m_connection(std::move(connection))
{
    connect(this, &TeamSignInFlow::connected, this, [this] { emit attemptEnded(false); });
    connect(this, &TeamSignInFlow::failed, this, [this] { emit attemptEnded(true); });
}

TeamSignInFlow::~TeamSignInFlow() = default;

QFuture<Result<bool>> TeamSignInFlow::checkAdmin() const
{
    return team::signin::adminCheck(m_connection());
}

QFuture<Result<SignInRequest>> TeamSignInFlow::beginSignIn()
{
    auto promise = std::make_shared<QPromise<Result<SignInRequest>>>();
    promise->start();
    QFuture<Result<SignInRequest>> future = promise->future();
    // A new attempt replaces an unfinished one (its state is no longer accepted).
    delete m_flow.data();
    delete m_hosts.data();
    onDone(team::signin::loginSettings(m_connection()), this,
        [this, promise](const Result<team::signin::OAuthSettings> &settings) {
            Result<SignInRequest> request = [&]() -> Result<SignInRequest> {
                if (!settings)
                    return std::unexpected(settings.error());
                InstagramHosts hosts;
                if (!settings->authorizeBase.isEmpty())
                    hosts.www = QUrl(settings->authorizeBase);
                m_hosts = new GraphClient(hosts, this);
                // No App Secret here: the server has it. Always ask for the login again, so that
                // a session the login view remembers cannot connect an account unasked.
                m_flow = new OAuthFlow(m_hosts,
                    OAuthConfig { settings->appId, {}, settings->redirectUri, true }, this);
                m_busy = true;
                return SignInRequest { m_flow->authorizeUrl(), QUrl(settings->redirectUri) };
            }();
            promise->addResult(request);
            promise->finish();
        });
    return future;
}

Result<QString> TeamSignInFlow::handleRedirect(const QUrl &url)
{
    if (!m_flow)
        return fail(Error::Kind::Invalid, Error::Reason::NoSignInInProgress,
            QStringLiteral("No sign-in is in progress."));
    return m_flow->handleRedirect(url);
}

void TeamSignInFlow::completeSignIn(const QString &code)
{
    if (!m_flow) {
        emit failed(Error::because(Error::Kind::Invalid, Error::Reason::NoSignInInProgress,
            QStringLiteral("No sign-in is in progress.")));
        return;
    }
    delete m_flow.data(); // its state is spent
    m_busy = true;
    emit handingOff();
    onDone(team::signin::handOff(m_connection(), code, m_timeout), this,
        [this](const Result<team::signin::Handoff> &result) { finish(result); });
}

void TeamSignInFlow::abortSignIn(const Error &error)
{
    delete m_flow.data();
    m_busy = false;
    emit failed(error);
}

void TeamSignInFlow::finish(const Result<team::signin::Handoff> &result)
{
    m_busy = false;
    if (!result) {
        qCWarning(lcAuth) << "connecting an account through the team server failed:"
                          << result.error().message;
        emit failed(result.error());
        return;
    }
    qCInfo(lcAuth) << "the team server connected account" << result->igUserId;
    emit connected(result->igUserId, result->username);
}

} // namespace inlet
