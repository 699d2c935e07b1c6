#pragma once

#include "common/result.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace inlet {

class GraphClient;

// Keeps every account's webhook subscription on (instagram-api.md §2.1, §2.4, §11): Meta retries
// a failed delivery for up to 36 h, then drops it, and switches an account's subscription off
// after sustained failures; a desktop that sleeps overnight is the normal case.
//
// Per account, in webhook mode: subscribes (POST /me/subscribed_apps, idempotent) when the
// account is added (start-up, sign-in), checks the subscription (GET /me/subscribed_apps) every
// checkIntervalMs and re-subscribes when it is off. It asks for a catch-up sync (catchUpNeeded)
// when webhooks may have missed something: the subscription was found off, or the machine slept
// (the wall clock jumped ahead of the monotonic one; see Timing). In polling mode it only reports
// Polling. The states are kinds and values; the app words them.
class SubscriptionKeeper : public QObject {
    Q_OBJECT
public:
    enum class State {
        Checking, // subscribing or checking, no answer yet
        Live, // subscribed; lastEventMs tells when an event last came in
        SubscriptionOff, // found off (Meta switched it off): re-subscribing
        Polling, // polling mode (no public URL): pollIntervalMs
        Failed, // the last subscribe or check failed: error
    };
    Q_ENUM(State)

    struct Status {
        State state = State::Checking;
        qint64 lastEventMs = 0; // wall clock, 0 = none since start
        int pollIntervalMs = 0;
        Error error;
    };

    struct Timing {
        int checkIntervalMs = 4 * 3600 * 1000; // GET /me/subscribed_apps this often
        int resumeTickMs = 60'000; // how often the wall clock is compared
        int resumeGapMs = 5 * 60'000; // wall time beyond the monotonic time that means a sleep
    };

    // The account's access token, read when needed (so a refreshed one is used at once).
    using TokenSource = std::function<QFuture<Result<QString>>(const QString &accountId)>;

    SubscriptionKeeper(
        GraphClient *graph, TokenSource tokens, QStringList fields, QObject *parent = nullptr);
    ~SubscriptionKeeper() override;

    void setTiming(const Timing &timing);
    const Timing &timing() const { return m_timing; }
    // The wall clock the sleep detector compares with the monotonic one (tests move it).
    void setWallClock(std::function<qint64()> nowMs);
    // Polling mode: no subscription upkeep, every account reports Polling.
    void setPollingMode(bool enabled, int intervalMs);
    bool pollingMode() const { return m_polling; }

    // Start-up and sign-in: subscribes the account now (webhook mode). Known accounts again.
    void addAccount(const QString &accountId);
    void removeAccount(const QString &accountId);
    QStringList accounts() const { return m_status.keys(); }

    // POST /me/subscribed_apps for one account (also when the manager presses Subscribe).
    void subscribe(const QString &accountId);
    // GET /me/subscribed_apps; re-subscribes (and asks for a catch-up) when it is off.
    void check(const QString &accountId);
    void checkAll();
    // Webhook events came in for these accounts (any thread may queue this).
    void noteEvents(const QStringList &accountIds, qint64 atMs);

    Status status(const QString &accountId) const { return m_status.value(accountId); }

    // Whether an answer of GET /me/subscribed_apps shows the account subscribed (to "messages").
    static bool isSubscribed(const QJsonObject &answer);
    // The webhook fields Inlet subscribes an account to (the desktop and inlet-server alike).
    static const QStringList &webhookFields();

signals:
    void statusChanged(const QString &accountId);
    void subscribed(const QString &accountId);
    void subscriptionFailed(const QString &accountId, const inlet::Error &error);
    // Webhooks may have missed messages of this account: run an Incremental sync.
    void catchUpNeeded(const QString &accountId);
    // The machine was asleep (or the process stopped) for about gapMs.
    void resumed(qint64 gapMs);

private:
    void setState(const QString &accountId, State state, const Error &error = {});
    void withToken(const QString &accountId,
        std::function<QFuture<Result<QJsonObject>>(const QString &token)> call,
        std::function<void(const Result<QJsonObject> &)> done);
    void tick();
    void onResumed(qint64 gapMs);

    GraphClient *m_graph;
    TokenSource m_tokens;
    QStringList m_fields;
    Timing m_timing;
    bool m_polling = false;
    int m_pollIntervalMs = 0;
    QHash<QString, Status> m_status;
    QHash<QString, bool> m_busy; // a subscribe or check in flight

    std::function<qint64()> m_wallMs;
    QElapsedTimer m_monotonic;
    qint64 m_lastWallMs = 0;
    qint64 m_lastMonotonicMs = 0;
    QTimer m_checkTimer;
    QTimer m_resumeTimer;
};

} // namespace inlet
