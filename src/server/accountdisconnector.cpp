#include "server/accountdisconnector.h"

#include "common/ondone.h"
#include "graph/graphclient.h"
#include "team/teamdisconnect.h"
#include "team/teamsignin.h"
#include "team/teamsql.h"

#include <QSqlQuery>

namespace inlet::server {

namespace {

// Written into error_message, which the admin's desktop reads: no token, ever.
QString scrubbed(QString message, const QString &token)
{
    if (!token.isEmpty())
        message.replace(token, QStringLiteral("***"));
    return message.left(1000);
}

} // namespace

AccountDisconnector::AccountDisconnector(ServerConfig config, GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_graph(graph)
    , m_wake(m_config.db, QStringLiteral("inlet_disconnect"), m_config.pollMs)
{
    connect(&m_wake, &RequestWaker::due, this, &AccountDisconnector::claim);
}

AccountDisconnector::~AccountDisconnector() = default;

Status AccountDisconnector::start()
{
    return m_wake.start();
}

void AccountDisconnector::claimSoon()
{
    m_wake.wakeSoon();
}

void AccountDisconnector::claim()
{
    if (auto ok = m_wake.ensureConnected(); !ok) {
        qCWarning(lcTeam) << "account disconnection: no database:" << ok.error().message;
        return;
    }
    const QSqlDatabase db = m_wake.database();
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral(
                "WITH c AS (SELECT id FROM inlet.account_disconnects WHERE state = 'pending' OR "
                "(state = 'working' AND claimed_at < now() - make_interval(secs => ?)) "
                "ORDER BY id LIMIT 4 FOR UPDATE SKIP LOCKED) "
                "UPDATE inlet.account_disconnects d SET state = 'working', claimed_by = ?, "
                "claimed_at = now() FROM c WHERE d.id = c.id "
                "RETURNING d.id, d.account_ig_user_id, d.agent_role"),
            { ReclaimAfterS, m_config.workerId });
        !ok) {
        qCWarning(lcTeam) << "account disconnection: claim failed:" << ok.error().message;
        return;
    }
    QList<Claimed> claimed;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!m_inFlight.contains(id))
            claimed.append({ id, q.value(1).toString(), q.value(2).toString() });
    }
    for (const Claimed &row : std::as_const(claimed))
        work(row);
    if (claimed.size() == 4)
        claimSoon(); // there may be more
}

void AccountDisconnector::work(const Claimed &row)
{
    qCInfo(lcTeam) << "account disconnection" << row.id << "of account" << row.igUserId
                   << "by agent" << row.agentRole << "claimed";
    const QSqlDatabase db = m_wake.database();
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral("SELECT a.id, s.value FROM inlet.accounts a LEFT JOIN inlet.secrets "
                           "s ON s.account_id = a.id AND s.name = 'instagram_token' "
                           "WHERE a.ig_user_id = ?"),
            { row.igUserId });
        !ok) {
        finishFailed(row.id, ok.error());
        return;
    }
    if (!q.next()) {
        finishFailed(row.id,
            team::disconnect::failureError(team::disconnect::Failure::NotConnected,
                QStringLiteral("no account %1 on the team server").arg(row.igUserId)));
        return;
    }
    const qint64 accountId = q.value(0).toLongLong();
    const QString token = q.value(1).toString();
    if (token.isEmpty()) {
        // Nothing to unsubscribe with (removed before, or never given): disconnected all the same.
        finishDone(row, accountId,
            std::unexpected(team::disconnect::failureError(team::disconnect::Failure::NoToken,
                QStringLiteral("the server has no token for account %1").arg(row.igUserId))));
        return;
    }
    m_inFlight.insert(row.id);
    onDone(m_graph->unsubscribeApp({ token, row.igUserId }), this,
        [this, row, accountId, token](const Result<QJsonObject> &answer) {
            m_inFlight.remove(row.id);
            Status unsubscribed;
            if (!answer) {
                Error e = answer.error();
                e.message = scrubbed(e.message, token);
                qCWarning(lcTeam) << "account" << row.igUserId
                                  << "could not be unsubscribed from webhooks (disconnected all "
                                     "the same):"
                                  << e.message;
                unsubscribed = std::unexpected(e);
            }
            finishDone(row, accountId, unsubscribed);
        });
}

void AccountDisconnector::finishDone(
    const Claimed &row, qint64 accountId, const Status &unsubscribed)
{
    if (auto ok = m_wake.ensureConnected(); !ok) {
        qCWarning(lcTeam) << "account disconnection" << row.id
                          << "left for later, no database:" << ok.error().message;
        return; // claimed again after ReclaimAfterS
    }
    const QSqlDatabase db = m_wake.database();
    const Error why = unsubscribed ? Error {} : unsubscribed.error();
    const Status ok = team::sql::inTransaction(db, [&]() -> Status {
        if (auto deleted = team::sql::exec(db,
                QStringLiteral("DELETE FROM inlet.secrets WHERE account_id = ?"), { accountId });
            !deleted)
            return deleted;
        if (auto removed = team::sql::exec(db,
                QStringLiteral("UPDATE inlet.accounts SET removed = true WHERE id = ?"),
                { accountId });
            !removed)
            return removed;
        return team::sql::exec(db,
            QStringLiteral("UPDATE inlet.account_disconnects SET state = 'done', unsubscribed = "
                           "?, error_kind = ?, error_reason = ?, error_code = ?, error_message = "
                           "?, finished_at = now() WHERE id = ? AND state = 'working'"),
            { bool(unsubscribed),
                unsubscribed ? QStringLiteral("") : team::signin::kindName(why.kind),
                int(why.reason), why.code,
                why.message.isNull() ? QStringLiteral("") : why.message.left(1000), row.id });
    });
    if (!ok) {
        qCWarning(lcTeam) << "account disconnection" << row.id
                          << "could not be stored (claimed again later):" << ok.error().message;
        return;
    }
    qCInfo(lcTeam) << "account" << row.igUserId << "disconnected by" << row.agentRole
                   << (unsubscribed ? "(webhooks unsubscribed)" : "(webhooks not unsubscribed)");
    emit finished(row.id, true);
}

void AccountDisconnector::finishFailed(qint64 id, const Error &error)
{
    qCWarning(lcTeam) << "account disconnection" << id << "failed:" << error.message;
    (void)m_wake.ensureConnected();
    const QSqlDatabase db = m_wake.database();
    if (auto ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.account_disconnects SET state = 'failed', error_kind = "
                           "?, error_reason = ?, error_code = ?, error_message = ?, "
                           "finished_at = now() WHERE id = ? AND state = 'working'"),
            { team::signin::kindName(error.kind), int(error.reason), error.code,
                error.message.left(1000), id });
        !ok)
        qCWarning(lcTeam) << "account disconnection" << id
                          << "could not be marked failed:" << ok.error().message;
    emit finished(id, false);
}

} // namespace inlet::server
