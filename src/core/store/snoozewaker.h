#pragma once

#include "store/storechange.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace inlet {

class Store;

// Opens snoozed conversations when their time comes. It asks the store (on its writer) to wake
// what is due and to name the next snooze's end, then sleeps on one timer until then: no polling.
// A snooze set or woken elsewhere (StoreChange::snoozesChanged) re-arms it. The sleep is capped
// (kMaxSleepMs) so a changed system clock or a suspended machine is caught up within the hour.
class SnoozeWaker : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxSleepMs = 3600LL * 1000;

    explicit SnoozeWaker(
        Store *store, std::function<qint64()> clock = {}, QObject *parent = nullptr);

    // Wakes what is due now and arms the timer (call once the store is open).
    void start();
    // When the timer fires next (ms since epoch, by the clock), 0 while no snooze is left.
    qint64 nextSnoozeEndMs() const { return m_nextMs; }
    bool isArmed() const { return m_timer.isActive(); }

signals:
    // After each check (tests wait on it).
    void checked(qint64 nextSnoozeEndMs);

private:
    void onStoreChanged(const inlet::StoreChange &change);
    void check();
    void arm(qint64 nextMs);

    Store *m_store;
    std::function<qint64()> m_now;
    QTimer m_timer;
    qint64 m_nextMs = 0;
    bool m_checking = false;
    bool m_checkAgain = false;
};

} // namespace inlet
