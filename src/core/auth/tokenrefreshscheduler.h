#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>

class QTimer;

namespace inlet {

class GraphClient;
class TokenVault;

// When to refresh a long-lived token (60 days; refreshable once 24 h old, instagram-api.md §1.4).
// Default: refresh once the token is older than 24 h AND has less than 50 days left, i.e. about
// every 10 days. An app started at least once every 50 days never lets a token expire, and a
// token that aged while the app was closed is refreshed right at start-up (track() checks).
struct RefreshPolicy {
    std::chrono::seconds minAge = std::chrono::hours(24);
    std::chrono::seconds refreshWhenLeft = std::chrono::days(50);
    std::chrono::seconds checkInterval = std::chrono::hours(1); // real-time timer between checks
    std::chrono::seconds initialBackoff = std::chrono::minutes(5);
    std::chrono::seconds maxBackoff = std::chrono::hours(6);
};

// Keeps the long-lived tokens of all connected accounts fresh. The token itself is read from and
// written back to the TokenVault (key TokenVault::accountKey(id)); only dates are held here.
// On failure: exponential backoff (initialBackoff, doubling, up to maxBackoff). On 190/102 or an
// already expired token: needsSignIn (and the account is no longer tracked).
class TokenRefreshScheduler : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    TokenRefreshScheduler(GraphClient *client, TokenVault *vault, QObject *parent = nullptr);

    void setClock(Clock clock);
    void setPolicy(const RefreshPolicy &policy);
    const RefreshPolicy &policy() const { return m_policy; }

    // Starts or updates tracking (after sign-in, or at start-up from stored accounts) and checks
    // at once.
    void track(const QString &accountId, const QDateTime &issuedAt, const QDateTime &expiresAt);
    void untrack(const QString &accountId);
    bool isTracked(const QString &accountId) const { return m_accounts.contains(accountId); }

    // When the next attempt for this account is due (invalid if not tracked).
    QDateTime dueAt(const QString &accountId) const;
    QDateTime issuedAt(const QString &accountId) const; // updated by each refresh
    QDateTime expiresAt(const QString &accountId) const;
    int consecutiveFailures(const QString &accountId) const;

    // Starts the periodic check (policy().checkInterval).
    void start();
    // Refreshes every tracked account that is due now (by the injected clock).
    void checkNow();

signals:
    // The vault already holds the new token; persist issuedAt(accountId)/expiresAt with the account.
    void tokenRefreshed(const QString &accountId, const QDateTime &expiresAt);
    void refreshFailed(const QString &accountId, const QString &reason, const QDateTime &retryAt);
    void needsSignIn(const QString &accountId);

private:
    struct Entry {
        QDateTime issuedAt;
        QDateTime expiresAt;
        QDateTime retryAt; // backoff after a failure
        int failures = 0;
        bool inFlight = false;
        quint64 generation = 0; // bumped by track(): results of older attempts are ignored
    };

    void refresh(const QString &accountId);
    bool isCurrent(const QString &accountId, quint64 generation) const;
    void onFailure(const QString &accountId, quint64 generation, const Error &error);

    GraphClient *m_client;
    TokenVault *m_vault;
    Clock m_clock;
    RefreshPolicy m_policy;
    QTimer *m_timer;
    QHash<QString, Entry> m_accounts;
    quint64 m_nextGeneration = 1;
};

} // namespace inlet
