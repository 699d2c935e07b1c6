#include "auth/tokenrefreshscheduler.h"

#include "auth/tokenvault.h"
#include "common/backoff.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "graph/grapherror.h"

#include <QTimer>

#include <algorithm>

namespace inlet {

TokenRefreshScheduler::TokenRefreshScheduler(GraphClient *client, TokenVault *vault,
                                             QObject *parent)
    : QObject(parent),
      m_client(client),
      m_vault(vault),
      m_clock([] { return QDateTime::currentDateTimeUtc(); }),
      m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &TokenRefreshScheduler::checkNow);
}

void TokenRefreshScheduler::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void TokenRefreshScheduler::setPolicy(const RefreshPolicy &policy)
{
    m_policy = policy;
    m_timer->setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(policy.checkInterval));
}

void TokenRefreshScheduler::start()
{
    m_timer->start(std::chrono::duration_cast<std::chrono::milliseconds>(m_policy.checkInterval));
    checkNow();
}

void TokenRefreshScheduler::track(const QString &accountId, const QDateTime &issuedAt,
                                  const QDateTime &expiresAt)
{
    Entry &entry = m_accounts[accountId];
    entry = Entry{issuedAt, expiresAt, {}, 0, false, m_nextGeneration++};
    checkNow();
}

void TokenRefreshScheduler::untrack(const QString &accountId)
{
    m_accounts.remove(accountId);
}

QDateTime TokenRefreshScheduler::dueAt(const QString &accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    if (it == m_accounts.cend())
        return {};
    const QDateTime oldEnough = it->issuedAt.addSecs(m_policy.minAge.count());
    const QDateTime closeEnough = it->expiresAt.addSecs(-m_policy.refreshWhenLeft.count());
    QDateTime due = std::max(oldEnough, closeEnough);
    if (it->retryAt.isValid())
        due = std::max(due, it->retryAt);
    return due;
}

bool TokenRefreshScheduler::isCurrent(const QString &accountId, quint64 generation) const
{
    const auto it = m_accounts.constFind(accountId);
    return it != m_accounts.cend() && it->generation == generation;
}

QDateTime TokenRefreshScheduler::issuedAt(const QString &accountId) const
{
    return m_accounts.value(accountId).issuedAt;
}

QDateTime TokenRefreshScheduler::expiresAt(const QString &accountId) const
{
    return m_accounts.value(accountId).expiresAt;
}

int TokenRefreshScheduler::consecutiveFailures(const QString &accountId) const
{
    return m_accounts.value(accountId).failures;
}

void TokenRefreshScheduler::checkNow()
{
    const QDateTime now = m_clock();
    QStringList expired;
    QStringList due;
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it) {
        if (it->inFlight)
            continue;
        if (it->expiresAt <= now)
            expired.append(it.key());
        else if (dueAt(it.key()) <= now)
            due.append(it.key());
    }
    for (const QString &accountId : expired) {
        qCWarning(lcAuth) << "token of account" << accountId << "expired at"
                          << m_accounts.value(accountId).expiresAt << ": sign-in needed";
        m_accounts.remove(accountId);
        emit needsSignIn(accountId);
    }
    for (const QString &accountId : due)
        refresh(accountId);
}

void TokenRefreshScheduler::refresh(const QString &accountId)
{
    Entry &entry = m_accounts[accountId];
    entry.inFlight = true;
    const quint64 generation = entry.generation;
    qCInfo(lcAuth) << "refreshing the token of account" << accountId;

    onDone(m_vault->read(TokenVault::accountKey(accountId)), this,
        [this, accountId, generation](const Result<QString> &token) {
            if (!token)
                return onFailure(accountId, generation, token.error());
            onDone(m_client->refreshToken(AccessToken{*token, accountId}), this,
                [this, accountId, generation](const Result<TokenGrant> &grant) {
                    if (!grant)
                        return onFailure(accountId, generation, grant.error());
                    if (!isCurrent(accountId, generation))
                        return; // untracked or signed in again meanwhile: that token wins
                    const TokenGrant fresh = *grant;
                    onDone(m_vault->write(TokenVault::accountKey(accountId), fresh.token), this,
                        [this, accountId, generation, fresh](const Status &stored) {
                            if (!stored)
                                return onFailure(accountId, generation, stored.error());
                            const auto it = m_accounts.find(accountId);
                            if (it == m_accounts.end() || it->generation != generation)
                                return;
                            const QDateTime now = m_clock();
                            it->issuedAt = now;
                            it->expiresAt = now.addSecs(fresh.expiresIn);
                            it->retryAt = {};
                            it->failures = 0;
                            it->inFlight = false;
                            qCInfo(lcAuth) << "token of account" << accountId
                                           << "refreshed, expires" << it->expiresAt;
                            emit tokenRefreshed(accountId, it->expiresAt);
                        });
                });
        });
}

void TokenRefreshScheduler::onFailure(const QString &accountId, quint64 generation,
                                      const Error &error)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end() || it->generation != generation)
        return;
    if (isAuthInvalid(error)) {
        qCWarning(lcAuth) << "refresh for account" << accountId << "refused with" << error.code
                          << ": sign-in needed";
        m_accounts.erase(it);
        emit needsSignIn(accountId);
        return;
    }
    it->inFlight = false;
    ++it->failures;
    // No jitter: the retry time is shown to the manager, and one refresh per account is no herd.
    using std::chrono::milliseconds;
    const auto backoff = std::chrono::duration_cast<std::chrono::seconds>(
        milliseconds(backoffMs(it->failures, milliseconds(m_policy.initialBackoff).count(),
            milliseconds(m_policy.maxBackoff).count(), Jitter::None)));
    it->retryAt = m_clock().addSecs(backoff.count());
    qCWarning(lcAuth) << "refresh for account" << accountId << "failed (" << error.message
                      << "), retry in" << backoff.count() << "s";
    emit refreshFailed(accountId, error.message, it->retryAt);
}

} // namespace inlet
