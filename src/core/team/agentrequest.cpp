#include "team/agentrequest.h"

#include <QEventLoop>
#include <QSqlDriver>
#include <QTimer>

namespace inlet::team {

void awaitRow(const QSqlDatabase &db, const QString &channel, bool listening,
    const QDeadlineTimer &deadline, const std::function<bool()> &check)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(listening ? 3000 : 250); // with LISTEN the poll is only a safety net
    const auto tick = [&] {
        if (check() || deadline.hasExpired())
            loop.quit();
    };
    QObject::connect(&poll, &QTimer::timeout, &loop, tick);
    if (listening)
        QObject::connect(db.driver(),
            qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(
                &QSqlDriver::notification),
            &loop, [&](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                if (name == channel)
                    tick();
            });
    QTimer::singleShot(
        std::chrono::milliseconds(deadline.remainingTime()), &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
}

} // namespace inlet::team
