#pragma once

#include "common/result.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace inlet::server {

// Ends agents' PostgreSQL sessions that hold the others up: a transaction left open (it may hold
// the change log's lock) or a statement running past the limits. Each agent role has its own
// idle_in_transaction_session_timeout and statement_timeout, which end an honest client's
// mistakes; a hostile client can SET them off for its own session (PostgreSQL has no per-role
// ceiling), and these limits hold for it too. Every server runs one: ending a session that
// another server ended already is harmless. Needs inlet_server to be a member of
// pg_read_all_stats (to see other roles' sessions' state) and pg_signal_backend (to end them),
// which `inlet-server bootstrap` grants.
class SessionReaper : public QObject {
    Q_OBJECT
public:
    SessionReaper(DatabaseConfig db, SessionLimits limits, QObject *parent = nullptr);
    ~SessionReaper() override;

    // Checks every `intervalMs` (from the first check on).
    void start(int intervalMs);
    // One check now: the number of agent sessions ended.
    Result<int> reap();

signals:
    // An agent's session was ended: its backend pid, role and why ("idle in transaction 41 s").
    void ended(int pid, const QString &role, const QString &why);

private:
    QString endingSessions();
    DatabaseConfig m_db;
    SessionLimits m_limits;
    QString m_connectionName;
    QTimer m_timer;
    bool m_warnedBlind = false;
    QHash<QString, qint64> m_ending; // "pid@backend_start" -> when it was ended (ms)
};

} // namespace inlet::server
