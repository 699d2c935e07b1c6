#include "store/snoozewaker.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "store/store.h"

#include <QDateTime>

namespace inlet {

SnoozeWaker::SnoozeWaker(Store *store, std::function<qint64()> clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_now(clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SnoozeWaker::check);
    connect(m_store, &Store::changed, this, &SnoozeWaker::onStoreChanged);
}

void SnoozeWaker::start()
{
    check();
}

void SnoozeWaker::onStoreChanged(const StoreChange &change)
{
    if (change.snoozesChanged)
        check();
}

void SnoozeWaker::check()
{
    if (m_checking) {
        m_checkAgain = true; // a snooze changed while the store answered: ask once more
        return;
    }
    m_checking = true;
    onDone(m_store->wakeSnoozed(m_now()), this, [this](const Result<qint64> &next) {
        m_checking = false;
        if (!next) {
            if (next.error().kind != Error::Kind::Cancelled)
                qCWarning(lcStore) << "snoozes: cannot wake:" << next.error().message;
            arm(m_now() + kMaxSleepMs); // try again later
        } else {
            arm(*next);
        }
        if (m_checkAgain) {
            m_checkAgain = false;
            check();
        }
    });
}

void SnoozeWaker::arm(qint64 nextMs)
{
    m_nextMs = nextMs;
    if (nextMs <= 0) {
        m_timer.stop();
    } else {
        const qint64 wait = qBound<qint64>(0, nextMs - m_now(), kMaxSleepMs);
        m_timer.start(int(wait));
    }
    emit checked(nextMs);
}

} // namespace inlet
