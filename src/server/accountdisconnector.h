#pragma once

#include "common/result.h"
#include "server/requestwaker.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QSet>

namespace inlet {
class GraphClient;
} // namespace inlet

namespace inlet::server {

// The server's side of disconnecting an account from an admin's desktop (docs/team.md,
// "Disconnecting an account"): the desktop writes the account's Instagram user id into
// inlet.account_disconnects; this claims pending rows (FOR UPDATE SKIP LOCKED), tells Instagram to
// stop the account's webhooks (DELETE /me/subscribed_apps with its token), then in one transaction
// deletes the token, marks the account removed (the change log carries that to every replica,
// which drops the account's rows) and marks the row done. A failed unsubscription does not keep
// the account: it is disconnected all the same (the row says unsubscribed = false and why; the
// ingest ignores a removed account's webhooks). A row whose server stopped mid-way is claimed
// again after ReclaimAfterS (every step can be done twice). Woken by NOTIFY inlet_disconnect, and
// polls.
class AccountDisconnector : public QObject {
    Q_OBJECT
public:
    AccountDisconnector(ServerConfig config, GraphClient *graph, QObject *parent = nullptr);
    ~AccountDisconnector() override;

    Status start();
    void claimSoon();

    static constexpr int ReclaimAfterS = 120;

signals:
    void finished(qint64 id, bool ok);

private:
    struct Claimed {
        qint64 id = 0;
        QString igUserId;
        QString agentRole;
    };

    void claim();
    void work(const Claimed &row);
    void finishDone(const Claimed &row, qint64 accountId, const Status &unsubscribed);
    void finishFailed(qint64 id, const Error &error);

    ServerConfig m_config;
    GraphClient *m_graph;
    RequestWaker m_wake;
    QSet<qint64> m_inFlight;
};

} // namespace inlet::server
