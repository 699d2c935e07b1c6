#include "service/subscriptionkeeper.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace inlet {

SubscriptionKeeper::SubscriptionKeeper(
    GraphClient *graph, TokenSource tokens, QStringList fields, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
    , m_tokens(std::move(tokens))
    , m_fields(std::move(fields))
    , m_wallMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_monotonic.start();
    m_lastWallMs = m_wallMs();
    connect(&m_checkTimer, &QTimer::timeout, this, &SubscriptionKeeper::checkAll);
    connect(&m_resumeTimer, &QTimer::timeout, this, &SubscriptionKeeper::tick);
    setTiming(m_timing);
}

SubscriptionKeeper::~SubscriptionKeeper() = default;

void SubscriptionKeeper::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_checkTimer.start(std::max(1, m_timing.checkIntervalMs));
    m_resumeTimer.start(std::max(1, m_timing.resumeTickMs));
    m_lastWallMs = m_wallMs();
    m_lastMonotonicMs = m_monotonic.elapsed();
}

void SubscriptionKeeper::setWallClock(std::function<qint64()> nowMs)
{
    m_wallMs = std::move(nowMs);
    m_lastWallMs = m_wallMs();
    m_lastMonotonicMs = m_monotonic.elapsed();
}

void SubscriptionKeeper::setPollingMode(bool enabled, int intervalMs)
{
    const bool was = m_polling;
    m_polling = enabled;
    m_pollIntervalMs = intervalMs;
    const QStringList ids = m_status.keys();
    for (const QString &id : ids) {
        if (enabled) {
            m_status[id].pollIntervalMs = intervalMs;
            setState(id, State::Polling);
        } else if (was) {
            setState(id, State::Checking);
            subscribe(id);
        }
    }
}

void SubscriptionKeeper::addAccount(const QString &accountId)
{
    if (!m_status.contains(accountId))
        m_status.insert(accountId, Status {});
    if (m_polling) {
        m_status[accountId].pollIntervalMs = m_pollIntervalMs;
        setState(accountId, State::Polling);
        return;
    }
    subscribe(accountId);
}

void SubscriptionKeeper::removeAccount(const QString &accountId)
{
    m_status.remove(accountId);
    m_busy.remove(accountId);
}

void SubscriptionKeeper::setState(const QString &accountId, State state, const Error &error)
{
    auto it = m_status.find(accountId);
    if (it == m_status.end())
        return;
    if (it->state == state && it->error == error)
        return;
    it->state = state;
    it->error = error;
    emit statusChanged(accountId);
}

void SubscriptionKeeper::withToken(const QString &accountId,
    std::function<QFuture<Result<QJsonObject>>(const QString &)> call,
    std::function<void(const Result<QJsonObject> &)> done)
{
    onDone(m_tokens(accountId), this,
        [this, call = std::move(call), done = std::move(done)](const Result<QString> &token) {
            if (!token) {
                done(std::unexpected(token.error()));
                return;
            }
            onDone(call(*token), this, done);
        });
}

void SubscriptionKeeper::subscribe(const QString &accountId)
{
    if (!m_status.contains(accountId))
        m_status.insert(accountId, Status { State::Checking, 0, m_pollIntervalMs, {} });
    withToken(
        accountId,
        [this, accountId](const QString &token) {
            return m_graph->subscribeApp(AccessToken { token, accountId }, m_fields);
        },
        [this, accountId](const Result<QJsonObject> &done) {
            if (!m_status.contains(accountId))
                return;
            // Polling mode keeps its state; a subscription asked for by hand is still reported.
            if (!done) {
                qCWarning(lcWebhook) << "account" << accountId
                                     << "could not subscribe to webhooks:" << done.error().message;
                if (!m_polling)
                    setState(accountId, State::Failed, done.error());
                emit subscriptionFailed(accountId, done.error());
                return;
            }
            qCInfo(lcWebhook) << "account" << accountId << "subscribed to webhooks";
            if (!m_polling)
                setState(accountId, State::Live);
            emit subscribed(accountId);
        });
}

const QStringList &SubscriptionKeeper::webhookFields()
{
    static const QStringList fields = {
        QStringLiteral("messages"),
        QStringLiteral("messaging_postbacks"),
        QStringLiteral("messaging_seen"),
        QStringLiteral("message_reactions"),
        QStringLiteral("message_edit"),
        QStringLiteral("messaging_referral"),
    };
    return fields;
}

bool SubscriptionKeeper::isSubscribed(const QJsonObject &answer)
{
    const QJsonArray apps = answer.value(QLatin1String("data")).toArray();
    for (const QJsonValue &app : apps) {
        const QJsonObject o = app.toObject();
        if (!o.contains(QLatin1String("subscribed_fields")))
            return true; // an app listed without its fields: subscribed
        for (const QJsonValue &field : o.value(QLatin1String("subscribed_fields")).toArray()) {
            if (field.toString() == QLatin1String("messages"))
                return true;
        }
    }
    return false;
}

void SubscriptionKeeper::check(const QString &accountId)
{
    if (m_polling || !m_status.contains(accountId) || m_busy.value(accountId))
        return;
    m_busy.insert(accountId, true);
    withToken(
        accountId,
        [this, accountId](const QString &token) {
            return m_graph->subscribedApps(AccessToken { token, accountId });
        },
        [this, accountId](const Result<QJsonObject> &answer) {
            m_busy.remove(accountId);
            if (!m_status.contains(accountId) || m_polling)
                return;
            if (!answer) {
                qCWarning(lcWebhook) << "could not check the webhook subscription of" << accountId
                                     << answer.error().message;
                setState(accountId, State::Failed, answer.error());
                return;
            }
            if (isSubscribed(*answer)) {
                setState(accountId, State::Live);
                return;
            }
            // Meta switched it off (sustained failed deliveries) or it was never made: whatever
            // was delivered meanwhile may be lost; sync reaches what Instagram still lists.
            qCWarning(lcWebhook) << "webhook subscription of" << accountId
                                 << "is off; re-subscribing and catching up";
            setState(accountId, State::SubscriptionOff);
            emit catchUpNeeded(accountId);
            subscribe(accountId);
        });
}

void SubscriptionKeeper::checkAll()
{
    const QStringList ids = m_status.keys();
    for (const QString &id : ids)
        check(id);
}

void SubscriptionKeeper::noteEvents(const QStringList &accountIds, qint64 atMs)
{
    for (const QString &id : accountIds) {
        auto it = m_status.find(id);
        if (it == m_status.end() || it->lastEventMs >= atMs)
            continue;
        it->lastEventMs = atMs;
        // An event arriving proves the subscription works.
        if (it->state == State::Checking || it->state == State::Failed) {
            it->state = State::Live;
            it->error = {};
        }
        emit statusChanged(id);
    }
}

void SubscriptionKeeper::tick()
{
    const qint64 wall = m_wallMs();
    const qint64 monotonic = m_monotonic.elapsed();
    const qint64 wallPassed = wall - m_lastWallMs;
    const qint64 monotonicPassed = monotonic - m_lastMonotonicMs;
    m_lastWallMs = wall;
    m_lastMonotonicMs = monotonic;
    // Suspended: the monotonic clock stood still while the wall clock went on. A process that was
    // stopped (or an event loop that hung) shows as a tick far later than planned.
    const qint64 slept = wallPassed - monotonicPassed;
    const qint64 late = monotonicPassed - m_timing.resumeTickMs;
    const qint64 gap = std::max(slept, late);
    if (gap > m_timing.resumeGapMs)
        onResumed(gap);
}

void SubscriptionKeeper::onResumed(qint64 gapMs)
{
    qCInfo(lcWebhook) << "resumed after a gap of about" << gapMs / 1000 << "s";
    emit resumed(gapMs);
    if (m_polling)
        return;
    const QStringList ids = m_status.keys();
    for (const QString &id : ids) {
        emit catchUpNeeded(id);
        check(id);
    }
}

} // namespace inlet
