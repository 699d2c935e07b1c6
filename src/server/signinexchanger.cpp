#include "server/signinexchanger.h"

#include "auth/oauthflow.h"
#include "common/ondone.h"
#include "common/redact.h"
#include "graph/graphclient.h"
#include "server/accountstore.h"
#include "service/subscriptionkeeper.h"
#include "team/teamsignin.h"
#include "team/teamsql.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace inlet::server {

namespace {

// What is written into error_message, which the admin's desktop reads: never a secret, even
// where a network error's text carries the URL it failed on.
QString scrubbed(QString message, const QByteArray &appSecret)
{
    if (!appSecret.isEmpty())
        message.replace(QString::fromUtf8(appSecret), QStringLiteral("***"));
    static const QRegularExpression secrets(
        QStringLiteral("(client_secret|access_token|code)=[^&\\s]*"));
    message.replace(secrets, QStringLiteral("\\1=***"));
    return message.left(1000);
}

} // namespace

SignInExchanger::SignInExchanger(ServerConfig config, GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_graph(graph)
    , m_wake(m_config.db, QStringLiteral("inlet_signin"), m_config.pollMs)
{
    connect(&m_wake, &RequestWaker::due, this, &SignInExchanger::claim);
}

SignInExchanger::~SignInExchanger() = default;

Status SignInExchanger::start()
{
    return m_wake.start();
}

void SignInExchanger::claimSoon()
{
    m_wake.wakeSoon();
}

void SignInExchanger::claim()
{
    if (auto ok = m_wake.ensureConnected(); !ok) {
        qCWarning(lcTeam) << "sign-in hand-off: no database:" << ok.error().message;
        return;
    }
    const QSqlDatabase db = m_wake.database();
    // An exchange whose server stopped (or lost the database) is not retried: the code may be
    // spent. The admin connects again.
    QSqlQuery abandoned(db);
    if (auto ok = team::sql::exec(abandoned,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'failed', error_kind = "
                           "'network', error_code = ?, error_message = 'the server stopped "
                           "during the exchange', finished_at = now() WHERE state = 'exchanging' "
                           "AND claimed_at < now() - make_interval(secs => ?) RETURNING id"),
            { int(team::signin::HandoffFailure::Interrupted), AbandonedAfterS });
        ok) {
        while (abandoned.next())
            emit finished(abandoned.value(0).toLongLong(), false);
    }
    // The code is cleared in the claiming statement: whoever claims a row has the only copy.
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral(
                "WITH c AS (SELECT id, code, agent_role, created_at < now() - interval '1 hour' "
                "AS expired FROM inlet.signin_handoffs WHERE state = 'pending' ORDER BY id "
                "LIMIT 4 FOR UPDATE SKIP LOCKED) "
                "UPDATE inlet.signin_handoffs h SET state = 'exchanging', code = NULL, "
                "claimed_by = ?, claimed_at = now() FROM c WHERE h.id = c.id "
                "RETURNING c.id, c.code, c.agent_role, c.expired"),
            { m_config.workerId });
        !ok) {
        qCWarning(lcTeam) << "sign-in hand-off: claim failed:" << ok.error().message;
        return;
    }
    QList<Claimed> claimed;
    while (q.next())
        claimed.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toBool() });
    for (const Claimed &row : std::as_const(claimed))
        exchange(row);
    if (claimed.size() == 4)
        claimSoon(); // there may be more
}

void SignInExchanger::exchange(const Claimed &row)
{
    qCInfo(lcTeam) << "sign-in hand-off" << row.id << "of agent" << row.agentRole << "claimed";
    if (row.expired) {
        finishFailed(row.id,
            team::signin::handoffError(team::signin::HandoffFailure::CodeExpired,
                QStringLiteral("the code waited more than an hour; not sent to Instagram")));
        return;
    }
    if (row.code.isEmpty()) {
        finishFailed(row.id,
            Error::because(Error::Kind::Auth, Error::Reason::SignInNoCode,
                QStringLiteral("the hand-off carried no code")));
        return;
    }
    if (m_config.appSecret.isEmpty()) {
        finishFailed(row.id,
            team::signin::handoffError(team::signin::HandoffFailure::NoAppSecret,
                QStringLiteral("no Instagram App Secret (credential %1 or inlet.secrets "
                               "instagram_app_secret)")
                    .arg(QLatin1String(AppSecretFile))));
        return;
    }
    const QSqlDatabase db = m_wake.database();
    auto settings = team::signin::readOAuthSettings(db);
    if (!settings) {
        finishFailed(row.id, settings.error());
        return;
    }
    OAuthConfig config;
    config.appId = settings->appId;
    config.appSecret = QString::fromUtf8(m_config.appSecret);
    config.redirectUri = settings->redirectUri;
    auto *flow = new OAuthFlow(m_graph, config, this);
    m_inFlight.insert(row.id);
    onDone(flow->signIn(row.code), this, [this, flow, row](const Result<SignInResult> &result) {
        flow->deleteLater();
        if (!result) {
            m_inFlight.remove(row.id);
            finishFailed(row.id, result.error());
            return;
        }
        stored(row, *result);
    });
}

void SignInExchanger::stored(const Claimed &row, const SignInResult &result)
{
    if (auto ok = m_wake.ensureConnected(); !ok) {
        m_inFlight.remove(row.id);
        qCWarning(lcTeam) << "sign-in hand-off" << row.id
                          << "exchanged, but the database is gone:" << ok.error().message;
        return; // left 'exchanging': failed as interrupted later; the admin connects again
    }
    auto account = storeAccount(m_wake.database(), result.account, result.longLivedToken,
        result.expiresAt.toMSecsSinceEpoch(), row.agentRole);
    if (!account) {
        m_inFlight.remove(row.id);
        finishFailed(row.id, account.error());
        return;
    }
    qCInfo(lcTeam) << "sign-in hand-off" << row.id << "connected account" << result.account.id
                   << "token" << redactSecret(result.longLivedToken) << "for" << row.agentRole;
    const AccessToken auth { result.longLivedToken, result.account.id };
    const Account connected = result.account;
    onDone(m_graph->subscribeApp(auth, SubscriptionKeeper::webhookFields()), this,
        [this, row, connected](const Result<QJsonObject> &subscribed) {
            m_inFlight.remove(row.id);
            if (!subscribed)
                qCWarning(lcTeam) << "the webhook subscription of account" << connected.id
                                  << "failed (the subscription check tries again):"
                                  << subscribed.error().message;
            finishDone(row.id, connected.id, connected.username, bool(subscribed));
        });
}

void SignInExchanger::finishDone(
    qint64 id, const QString &igUserId, const QString &username, bool subscribed)
{
    (void)m_wake.ensureConnected();
    const QSqlDatabase db = m_wake.database();
    if (auto ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'done', account_ig_user_id = "
                           "?, account_username = ?, subscribed = ?, finished_at = now() "
                           "WHERE id = ? AND state = 'exchanging'"),
            { igUserId, username.isNull() ? QStringLiteral("") : username, subscribed, id });
        !ok)
        qCWarning(lcTeam) << "sign-in hand-off" << id
                          << "could not be marked done:" << ok.error().message;
    emit finished(id, true);
}

void SignInExchanger::finishFailed(qint64 id, const Error &error)
{
    qCWarning(lcTeam) << "sign-in hand-off" << id
                      << "failed:" << scrubbed(error.message, m_config.appSecret);
    (void)m_wake.ensureConnected();
    const QSqlDatabase db = m_wake.database();
    if (auto ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'failed', error_kind = ?, "
                           "error_reason = ?, error_code = ?, error_message = ?, "
                           "finished_at = now() WHERE id = ? AND state = 'exchanging'"),
            { team::signin::kindName(error.kind), int(error.reason), error.code,
                scrubbed(error.message, m_config.appSecret), id });
        !ok)
        qCWarning(lcTeam) << "sign-in hand-off" << id
                          << "could not be marked failed:" << ok.error().message;
    emit finished(id, false);
}

} // namespace inlet::server
