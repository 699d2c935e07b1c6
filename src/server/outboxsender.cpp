#include "server/outboxsender.h"

#include "common/backoff.h"
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "model/reactions.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/reconciler.h"
#include "outbox/sendfailure.h"
#include "outbox/sendpolicy.h"
#include "server/accounttoken.h"
#include "team/teamoutbox.h"
#include "team/teamsql.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

namespace inlet::server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// QPSQL binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QString workerLockSql()
{
    return QStringLiteral("hashtextextended('inlet-worker:' || ?::text, 0)");
}

OutboxSender::OutboxSender(ServerConfig config, GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connectionName(QStringLiteral("inlet-sender-%1").arg(quintptr(this), 0, 16))
    , m_graph(graph)
    , m_transport(new GraphOutboxTransport(
          graph, [this](const QString &igUserId) { return tokenFor(igUserId); }, this))
    , m_reconciler(new Reconciler(
          m_transport,
          [this](const QString &igUserId, const QStringList &mids) {
              return claimedMids(igUserId, mids);
          },
          this))
{
    m_transport->setMaxSuggestedDelayMs(0);
    m_poll.setInterval(m_config.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &OutboxSender::drain);
    m_soon.setSingleShot(true);
    m_soon.setInterval(20);
    connect(&m_soon, &QTimer::timeout, this, &OutboxSender::drain);
}

OutboxSender::~OutboxSender()
{
    dropConnection(m_connectionName);
}

Status OutboxSender::start()
{
    if (auto ok = ensureConnected(); !ok)
        return ok;
    m_poll.start();
    drainSoon();
    return {};
}

void OutboxSender::drainSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

Status OutboxSender::ensureConnected()
{
    bool fresh = false;
    auto opened = connection(m_config.db, m_connectionName, &fresh);
    if (!opened)
        return std::unexpected(opened.error());
    if (!fresh)
        return {};
    // Held for as long as this session lives: another server reading it free knows that this
    // one's claims are abandoned.
    if (auto ok = team::sql::exec(*opened,
            QStringLiteral("SELECT pg_advisory_lock(%1)").arg(workerLockSql()),
            { m_config.workerId });
        !ok)
        return ok;
    // Any change (an agent's enqueue among them) wakes the drain; the poll covers a lost NOTIFY.
    QSqlDriver *driver = opened->driver();
    if (driver->subscribeToNotification(QStringLiteral("inlet_changes")))
        connect(driver, &QSqlDriver::notification, this, &OutboxSender::drainSoon,
            Qt::UniqueConnection);
    qCInfo(lcTeam) << "outbox worker" << m_config.workerId << "connected";
    return {};
}

void OutboxSender::drain()
{
    if (auto ok = ensureConnected(); !ok) {
        qCWarning(lcTeam) << "outbox: no database:" << ok.error().message;
        return;
    }
    recoverAbandoned();
    const int room = m_maxInFlight - int(m_inFlight.size());
    if (room <= 0)
        return;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto claimed = team::outbox::claim(db, m_config.workerId, room, nowMs());
    if (!claimed) {
        qCWarning(lcTeam) << "outbox: claim failed:" << claimed.error().message;
        return;
    }
    for (const team::outbox::Claimed &row : std::as_const(*claimed))
        take(row, false);
    if (claimed->isEmpty() && m_inFlight.isEmpty())
        emit idle();
    else if (claimed->size() == room)
        drainSoon(); // there may be more
}

void OutboxSender::recoverAbandoned()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QList<team::outbox::Claimed> taken;
    Status done = team::sql::inTransaction(db, [&]() -> Status {
        QSqlQuery q(db);
        if (auto ok = team::sql::exec(q,
                QStringLiteral("SELECT id, claimed_by FROM inlet.outbox WHERE state = 'sending' "
                               "AND claimed_at < now() - make_interval(secs => ?) "
                               "ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED"),
                { m_config.sendLeaseMs / 1000.0 });
            !ok)
            return ok;
        QList<QPair<qint64, QString>> rows;
        while (q.next())
            rows.append({ q.value(0).toLongLong(), q.value(1).toString() });
        for (const auto &[id, owner] : std::as_const(rows)) {
            if (m_inFlight.contains(id))
                continue;
            if (!owner.isEmpty() && owner != m_config.workerId) {
                // Free only when the owner's session is gone (taken and released with the
                // transaction; our own lock would be re-entrant, hence the owner check).
                auto free = team::sql::scalar(db,
                    QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(workerLockSql()),
                    { owner });
                if (!free)
                    return std::unexpected(free.error());
                if (!free->toBool())
                    continue;
            }
            QSqlQuery u(db);
            if (auto ok = team::sql::exec(u,
                    QStringLiteral(
                        "UPDATE inlet.outbox SET claimed_by = ?, claimed_at = now() WHERE id = ? "
                        "RETURNING id, account_id, conversation_id, agent_role, kind, body::text, "
                        "attempts"),
                    { m_config.workerId, id });
                !ok)
                return ok;
            if (u.next()) {
                taken.append({ u.value(0).toLongLong(), u.value(1).toLongLong(),
                    u.value(2).toLongLong(), u.value(3).toString(), u.value(4).toString(),
                    u.value(5).toString().toUtf8(), u.value(6).toInt() });
            }
        }
        return {};
    });
    if (!done) {
        qCWarning(lcTeam) << "outbox: looking for abandoned sends failed:" << done.error().message;
        return;
    }
    for (const team::outbox::Claimed &row : std::as_const(taken)) {
        qCInfo(lcTeam) << "outbox row" << row.id
                       << "was being sent when its server stopped; reconciling";
        take(row, true);
    }
}

void OutboxSender::take(const team::outbox::Claimed &row, bool reconcileFirst)
{
    auto work = load(row);
    if (!work) {
        recordFailure(Work { row, {}, {}, {}, 0 }, work.error());
        return;
    }
    m_inFlight.insert(row.id);
    if (reconcileFirst)
        reconcileThenSend(*work);
    else
        send(*work);
}

Result<OutboxSender::Work> OutboxSender::load(const team::outbox::Claimed &row)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral("SELECT a.ig_user_id, c.igsid, "
                           "(extract(epoch FROM o.created_at) * 1000)::bigint "
                           "FROM inlet.outbox o JOIN inlet.accounts a ON a.id = o.account_id "
                           "JOIN inlet.conversations v ON v.id = o.conversation_id "
                           "JOIN inlet.contacts c ON c.id = v.contact_id WHERE o.id = ?"),
            { row.id });
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(Error::Kind::Invalid, QStringLiteral("the outbox row has no conversation"));
    Work work;
    work.row = row;
    work.igUserId = q.value(0).toString();
    // The body an agent wrote (docs/team.md): {"text", "reply_to_mid", "human_agent",
    // "attachment_type", "attachment_url"}. Anything else in it is ignored; a body that is not
    // an object, or a kind not sent yet, fails the row (never the server).
    const QJsonObject body = QJsonDocument::fromJson(row.body).object();
    OutgoingMessage &m = work.item.message;
    m.accountId = work.igUserId;
    m.customerId = q.value(1).toString();
    team::outbox::readReplyBody(body, m); // the one format desktops write (replyBody)
    work.item.localId = row.id;
    work.item.state = MessageState::Sending;
    work.item.attempts = row.attempts;
    work.item.enqueuedMs = q.value(2).toLongLong();
    if (row.kind == QLatin1String("reaction") || row.kind == QLatin1String("mark_seen")) {
        if (auto ok = loadAction(work, body); !ok)
            return std::unexpected(ok.error());
        return work;
    }
    if (row.kind != QLatin1String("text") && row.kind != QLatin1String("attachment"))
        return fail(Error::Kind::Invalid,
            QStringLiteral("outbox rows of kind '%1' are not sent").arg(row.kind));
    if (auto valid = sendpolicy::validate(m); !valid)
        return std::unexpected(valid.error());
    return work;
}

Status OutboxSender::loadAction(Work &work, const QJsonObject &body)
{
    const QJsonObject recipient { { QStringLiteral("id"), work.item.message.customerId } };
    if (work.row.kind == QLatin1String("mark_seen")) {
        work.action = { { QStringLiteral("recipient"), recipient },
            { QStringLiteral("sender_action"), QStringLiteral("mark_seen") } };
        return {};
    }
    // {"action": "react"|"unreact", "mid", "reaction"} (TeamActionTransport writes it).
    const QString action = body.value(QStringLiteral("action")).toString();
    const QString mid = body.value(QStringLiteral("mid")).toString();
    if (action != QLatin1String("react") && action != QLatin1String("unreact"))
        return fail(Error::Kind::Invalid, QStringLiteral("a reaction row without a valid action"));
    if (mid.isEmpty() || mid.size() > 512)
        return fail(Error::Kind::Invalid, QStringLiteral("a reaction row without a valid mid"));
    QJsonObject payload { { QStringLiteral("message_id"), mid } };
    if (action == QLatin1String("react")) {
        const QString name
            = reactions::sendableName(body.value(QStringLiteral("reaction")).toString());
        if (name.isEmpty())
            return fail(Error::Kind::Invalid,
                QStringLiteral("a reaction Instagram does not take from a business"));
        payload.insert(QStringLiteral("reaction"), name);
    }
    // Only on a message of the row's own conversation.
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto message = team::sql::scalar(db,
        QStringLiteral("SELECT id FROM inlet.messages WHERE conversation_id = ? AND mid = ? "
                       "AND NOT deleted"),
        { work.row.conversationId, mid });
    if (!message)
        return std::unexpected(message.error());
    if (!message->isValid())
        return fail(Error::Kind::Invalid,
            QStringLiteral("the reaction's message is not in its conversation"));
    work.reactedMessageId = message->toLongLong();
    work.action = { { QStringLiteral("recipient"), recipient },
        { QStringLiteral("sender_action"), action }, { QStringLiteral("payload"), payload } };
    return {};
}

void OutboxSender::send(const Work &work)
{
    if (!work.action.isEmpty()) {
        // Resending a sender action is harmless (a reaction replaces itself, mark_seen marks
        // again): any failure that is not final simply goes again, no reconciliation.
        onDone(m_transport->send(work.igUserId, work.action), this,
            [this, work](const Result<QJsonObject> &answer) {
                if (answer)
                    recordActionDone(work);
                else
                    recordFailure(work, answer.error());
            });
        return;
    }
    onDone(m_transport->send(work.igUserId, sendpolicy::sendBody(work.item.message)), this,
        [this, work](const Result<QJsonObject> &answer) {
            if (answer) {
                const QString mid = answer->value(QStringLiteral("message_id")).toString();
                if (!mid.isEmpty()) {
                    recordSent(work, mid);
                    return;
                }
                // 200 without an id: it may be there; look before sending again.
                reconcileThenSend(work);
                return;
            }
            switch (sendpolicy::classify(answer.error())) {
            case sendpolicy::Outcome::InDoubt:
                qCInfo(lcTeam) << "outbox row" << work.row.id
                               << "may have reached Instagram:" << answer.error().message;
                reconcileThenSend(work);
                return;
            case sendpolicy::Outcome::Retry:
            case sendpolicy::Outcome::Final:
                recordFailure(work, answer.error());
                return;
            }
        });
}

void OutboxSender::reconcileThenSend(const Work &work)
{
    m_reconciler->reconcile(work.item, [this, work](const Result<std::optional<QString>> &found) {
        if (!found) {
            qCWarning(lcTeam) << "outbox row" << work.row.id
                              << "could not be reconciled, will look again:"
                              << found.error().message;
            release(work);
            return;
        }
        if (*found) {
            ++m_stats.reconciled;
            qCInfo(lcTeam) << "outbox row" << work.row.id
                           << "had reached Instagram already; not sent again";
            recordSent(work, **found);
            return;
        }
        send(work);
    });
}

void OutboxSender::recordSent(const Work &work, const QString &mid)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const OutgoingMessage &m = work.item.message;
    const qint64 now = nowMs();
    bool ours = false;
    Status done = team::sql::inTransaction(db, [&]() -> Status {
        QJsonObject meta;
        if (!m.attachmentUrl.isEmpty()) {
            meta.insert(QStringLiteral("attachments"),
                QJsonArray { QJsonObject { { QStringLiteral("type"), m.attachmentType },
                    { QStringLiteral("url"), m.attachmentUrl } } });
        }
        // The echo webhook may have stored the message first: then it only gains its sender.
        auto message = team::sql::scalar(db,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, text, "
                "created_ms, sent_by, reply_to_mid, meta) VALUES (?, ?, ?, true, ?, ?, ?, ?, "
                "?::jsonb) ON CONFLICT (account_id, mid) DO UPDATE SET sent_by = EXCLUDED.sent_by "
                "RETURNING id"),
            { work.row.accountId, work.row.conversationId, mid, text(m.text), now,
                work.row.agentRole, text(m.replyToMid),
                QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)) });
        if (!message)
            return std::unexpected(message.error());
        QSqlQuery q(db);
        if (auto ok = team::sql::exec(q,
                QStringLiteral("UPDATE inlet.outbox SET state = 'sent', message_id = ?, "
                               "error_text = '' WHERE id = ? AND state = 'sending' "
                               "AND claimed_by = ?"),
                { message->toLongLong(), work.row.id, m_config.workerId });
            !ok)
            return ok;
        ours = q.numRowsAffected() == 1;
        if (!ours)
            return fail(Error::Kind::Invalid, QStringLiteral("taken over by another server"));
        return team::sql::exec(db,
            QStringLiteral("UPDATE inlet.conversations SET last_activity_ms = ?, "
                           "last_message_preview = ? WHERE id = ? AND last_activity_ms <= ?"),
            { now, text(m.text).left(200), work.row.conversationId, now });
    });
    if (done) {
        ++m_stats.sent;
        qCInfo(lcTeam) << "outbox row" << work.row.id << "sent";
    } else {
        qCWarning(lcTeam) << "outbox row" << work.row.id
                          << "was sent but not recorded:" << done.error().message;
    }
    finish(work.row.id);
}

void OutboxSender::recordActionDone(const Work &work)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const qint64 now = nowMs();
    Status done = team::sql::inTransaction(db, [&]() -> Status {
        QSqlQuery q(db);
        if (auto ok = team::sql::exec(q,
                QStringLiteral("UPDATE inlet.outbox SET state = 'sent', error_text = '', "
                               "message_id = ? WHERE id = ? AND state = 'sending' "
                               "AND claimed_by = ?"),
                { work.reactedMessageId > 0 ? QVariant(work.reactedMessageId)
                                            : QVariant(QMetaType(QMetaType::LongLong)),
                    work.row.id, m_config.workerId });
            !ok)
            return ok;
        if (q.numRowsAffected() != 1)
            return fail(Error::Kind::Invalid, QStringLiteral("taken over by another server"));
        if (work.row.kind == QLatin1String("mark_seen")) {
            return team::sql::exec(db,
                QStringLiteral("UPDATE inlet.conversations SET business_seen_ms = ? "
                               "WHERE id = ? AND business_seen_ms < ?"),
                { now, work.row.conversationId, now });
        }
        const QJsonObject payload = work.action.value(QStringLiteral("payload")).toObject();
        const bool removed = work.action.value(QStringLiteral("sender_action")).toString()
            == QLatin1String("unreact");
        const QString name = payload.value(QStringLiteral("reaction")).toString();
        const QJsonObject reaction { { QStringLiteral("reaction"), name },
            { QStringLiteral("emoji"), reactions::emojiForName(name) },
            { QStringLiteral("removed"), removed }, { QStringLiteral("reacted_ms"), now },
            { QStringLiteral("by"), work.row.agentRole } };
        return team::sql::exec(db,
            QStringLiteral("UPDATE inlet.messages SET meta = jsonb_set(meta, "
                           "'{business_reaction}', ?::jsonb) WHERE id = ?"),
            { QString::fromUtf8(QJsonDocument(reaction).toJson(QJsonDocument::Compact)),
                work.reactedMessageId });
    });
    if (done) {
        ++m_stats.sent;
        qCInfo(lcTeam) << "outbox row" << work.row.id << work.row.kind << "sent";
    } else {
        qCWarning(lcTeam) << "outbox row" << work.row.id
                          << "was sent but not recorded:" << done.error().message;
    }
    finish(work.row.id);
}

void OutboxSender::recordFailure(const Work &work, const Error &error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // A database error before the call sent nothing: queued again.
    const bool retry = error.kind == Error::Kind::Storage
        || (error.kind != Error::Kind::Invalid
            && sendpolicy::classify(error) != sendpolicy::Outcome::Final
            && !sendpolicy::givesUp(error, work.row.attempts, m_maxAttempts));
    SendFailure failure;
    failure.error = error;
    failure.attempts = retry ? 0 : work.row.attempts;
    Status ok;
    if (retry) {
        ++m_stats.retried;
        ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.outbox SET state = 'queued', next_attempt_ms = ?, "
                           "claimed_by = '', error_text = ? WHERE id = ? AND claimed_by = ?"),
            { nowMs() + backoffMs(work.row.attempts, 1000, 300'000), failure.encode(), work.row.id,
                m_config.workerId });
    } else {
        ++m_stats.failed;
        ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.outbox SET state = 'failed', error_text = ? "
                           "WHERE id = ? AND claimed_by = ?"),
            { failure.encode(), work.row.id, m_config.workerId });
    }
    qCInfo(lcTeam) << "outbox row" << work.row.id << (retry ? "will be retried:" : "failed:")
                   << error.message;
    if (!ok)
        qCWarning(lcTeam) << "outbox: recording a failure failed:" << ok.error().message;
    finish(work.row.id);
}

void OutboxSender::release(const Work &work)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (auto ok = team::sql::exec(db,
            QStringLiteral("UPDATE inlet.outbox SET claimed_by = '', claimed_at = now() "
                           "WHERE id = ? AND claimed_by = ? AND state = 'sending'"),
            { work.row.id, m_config.workerId });
        !ok)
        qCWarning(lcTeam) << "outbox: releasing a row failed:" << ok.error().message;
    finish(work.row.id);
}

void OutboxSender::finish(qint64 id)
{
    m_inFlight.remove(id);
    drainSoon();
}

QFuture<Result<QString>> OutboxSender::tokenFor(const QString &igUserId)
{
    return QtFuture::makeReadyFuture(
        instagramToken(QSqlDatabase::database(m_connectionName, false), igUserId));
}

QFuture<Result<QSet<QString>>> OutboxSender::claimedMids(
    const QString &igUserId, const QStringList &mids)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    auto ok = team::sql::exec(q,
        QStringLiteral("SELECT m.mid FROM inlet.outbox o JOIN inlet.messages m "
                       "ON m.id = o.message_id JOIN inlet.accounts a ON a.id = o.account_id "
                       "WHERE a.ig_user_id = ? AND m.mid IN "
                       "(SELECT jsonb_array_elements_text(?::jsonb))"),
        { igUserId,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(mids)).toJson(QJsonDocument::Compact)) });
    if (!ok)
        return QtFuture::makeReadyFuture(Result<QSet<QString>>(std::unexpected(ok.error())));
    QSet<QString> claimed;
    while (q.next())
        claimed.insert(q.value(0).toString());
    return QtFuture::makeReadyFuture(Result<QSet<QString>>(claimed));
}

} // namespace inlet::server
