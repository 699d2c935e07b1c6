#pragma once

#include "common/result.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace inlet::server {

// What wakes a server job that works through request rows desktops write (the sign-in hand-off,
// account disconnections): its own database connection, LISTEN on `channel` (restored on every
// new session), and a poll for the NOTIFYs a lost connection missed. due() comes once for a burst
// of NOTIFYs (10 ms), and every `pollMs`.
class RequestWaker : public QObject {
    Q_OBJECT
public:
    RequestWaker(DatabaseConfig db, QString channel, int pollMs);
    ~RequestWaker() override;

    Status start(); // connects, polls, and is due at once
    void wakeSoon(); // due in 10 ms unless already pending
    // The job's connection, opened again (and LISTENing again) if it was lost.
    Status ensureConnected();
    QSqlDatabase database() const;

signals:
    void due();

private:
    DatabaseConfig m_db;
    QString m_channel;
    QString m_connectionName;
    QTimer m_poll;
    QTimer m_soon;
};

} // namespace inlet::server
