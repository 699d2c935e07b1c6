#include "graph/ratelimiter.h"

#include "common/logging.h"
#include "graph/grapherror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace inlet {

using namespace std::chrono_literals;

namespace {

const QString appKey;

int maxUsage(const QJsonObject &usage)
{
    int percent = 0;
    for (const char *key : {"call_count", "total_cputime", "total_time"})
        percent = std::max(percent, usage.value(QLatin1String(key)).toInt());
    return percent;
}

} // namespace

RateLimiter::RateLimiter(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

std::chrono::seconds RateLimiter::delayForUsage(int percent)
{
    if (percent >= 100)
        return 5min;
    if (percent >= throttlePercent)
        return std::chrono::seconds((percent - throttlePercent + 1) * 60 / (100 - throttlePercent));
    return 0s;
}

void RateLimiter::blockLocked(const QString &key, std::chrono::seconds delay)
{
    if (delay <= 0s)
        return;
    const QDateTime until = m_clock().addSecs(delay.count());
    QDateTime &current = m_blockedUntil[key];
    if (!current.isValid() || current < until)
        current = until;
}

void RateLimiter::observeHeaders(const QString &accountId, const QByteArray &appUsage,
                                 const QByteArray &businessUseCaseUsage)
{
    QMutexLocker lock(&m_mutex);
    if (!appUsage.isEmpty()) {
        const int percent = maxUsage(QJsonDocument::fromJson(appUsage).object());
        m_usage[appKey] = percent;
        blockLocked(appKey, delayForUsage(percent));
        if (percent >= throttlePercent)
            qCInfo(lcGraph) << "app usage at" << percent << "% of Instagram's limit: slowing down";
    }
    if (!businessUseCaseUsage.isEmpty()) {
        // {"<business id>":[{"type":"instagram","call_count":15,...,"estimated_time_to_regain_access":0}]}
        const QJsonObject byBusiness = QJsonDocument::fromJson(businessUseCaseUsage).object();
        int percent = 0;
        int regainMinutes = 0;
        for (const QJsonValue &entries : byBusiness) {
            for (const QJsonValue &entry : entries.toArray()) {
                const QJsonObject usage = entry.toObject();
                percent = std::max(percent, maxUsage(usage));
                regainMinutes = std::max(
                    regainMinutes, usage.value(QLatin1String("estimated_time_to_regain_access")).toInt());
            }
        }
        const QString key = accountId.isEmpty() ? appKey : accountId;
        m_usage[key] = std::max(percent, key == appKey ? m_usage.value(appKey) : 0);
        blockLocked(key, std::max(delayForUsage(percent),
                                  std::chrono::seconds(std::chrono::minutes(regainMinutes))));
        if (percent >= throttlePercent || regainMinutes > 0)
            qCInfo(lcGraph) << "account usage at" << percent << "%, regain in" << regainMinutes
                            << "min: slowing down";
    }
}

void RateLimiter::observeError(const QString &accountId, const Error &error)
{
    if (!isRateLimit(error))
        return;
    QMutexLocker lock(&m_mutex);
    // 4 is the app-wide limit; the others are per user/account.
    const QString key = (error.code == 4 || accountId.isEmpty()) ? appKey : accountId;
    const int streak = ++m_errorStreak[key];
    const auto delay = std::min<std::chrono::seconds>(60s * (1 << std::min(streak - 1, 4)), 15min);
    blockLocked(key, delay);
    qCInfo(lcGraph) << "rate limited (code" << error.code << "), waiting" << delay.count() << "s";
}

void RateLimiter::observeSuccess(const QString &accountId)
{
    QMutexLocker lock(&m_mutex);
    m_errorStreak.remove(accountId.isEmpty() ? appKey : accountId);
    m_errorStreak.remove(appKey);
}

std::chrono::milliseconds RateLimiter::suggestedDelay(const QString &accountId) const
{
    QMutexLocker lock(&m_mutex);
    const QDateTime now = m_clock();
    qint64 ms = 0;
    for (const QString &key : {appKey, accountId}) {
        const QDateTime until = m_blockedUntil.value(key);
        if (until.isValid())
            ms = std::max(ms, now.msecsTo(until));
    }
    return std::chrono::milliseconds(ms);
}

int RateLimiter::appUsagePercent() const
{
    QMutexLocker lock(&m_mutex);
    return m_usage.value(appKey);
}

int RateLimiter::accountUsagePercent(const QString &accountId) const
{
    QMutexLocker lock(&m_mutex);
    return m_usage.value(accountId);
}

} // namespace inlet
