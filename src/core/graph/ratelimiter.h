#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>
#include <chrono>
#include <functional>

namespace inlet {

// Turns Instagram's usage headers and rate-limit errors into "wait this long before the next
// call". Advisory: GraphClient feeds it, callers (sync, outbox) ask suggestedDelay() before
// sending. Thread-safe, because callers live on other threads than the client.
//
// Policy: usage is the highest percentage in X-App-Usage (app-wide) or
// X-Business-Use-Case-Usage (per account). Below 80 % nothing; from 80 % a delay growing to 60 s
// at 99 %; at 100 % (or estimated_time_to_regain_access > 0) wait that long, at least 5 minutes.
// A rate-limit error waits 60 s, doubling with every consecutive one, up to 15 minutes.
class RateLimiter {
public:
    using Clock = std::function<QDateTime()>;

    static constexpr int throttlePercent = 80;

    explicit RateLimiter(Clock clock = {});

    void observeHeaders(const QString &accountId, const QByteArray &appUsage,
                        const QByteArray &businessUseCaseUsage);
    void observeError(const QString &accountId, const Error &error);
    void observeSuccess(const QString &accountId);

    // How long to wait before the next call for this account (0 = go ahead).
    std::chrono::milliseconds suggestedDelay(const QString &accountId = {}) const;
    // Last seen usage, in percent of the limit (app-wide, or the account's BUC usage).
    int appUsagePercent() const;
    int accountUsagePercent(const QString &accountId) const;

private:
    static std::chrono::seconds delayForUsage(int percent);
    void blockLocked(const QString &key, std::chrono::seconds delay);

    Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QString, QDateTime> m_blockedUntil; // key: account id, "" for the whole app
    QHash<QString, int> m_errorStreak;
    QHash<QString, int> m_usage;
};

} // namespace inlet
