#include "server/pgingest.h"

#include "team/teamsql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtConcurrent>

#include <utility>

namespace inlet::server {

namespace {

QString kindName(InboundEvent::Kind kind)
{
    switch (kind) {
    case InboundEvent::Kind::Message:
        return QStringLiteral("message");
    case InboundEvent::Kind::Edit:
        return QStringLiteral("edit");
    case InboundEvent::Kind::Reaction:
        return QStringLiteral("reaction");
    case InboundEvent::Kind::Unreaction:
        return QStringLiteral("unreaction");
    case InboundEvent::Kind::Read:
        return QStringLiteral("read");
    case InboundEvent::Kind::Deleted:
        return QStringLiteral("deleted");
    case InboundEvent::Kind::Postback:
        return QStringLiteral("postback");
    case InboundEvent::Kind::Referral:
        return QStringLiteral("referral");
    case InboundEvent::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// QPSQL binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{
}

StatementCache::~StatementCache() = default;

Result<QSqlQuery *> StatementCache::run(const QString &sql, const QVariantList &values)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        if (!query->prepare(sql))
            return std::unexpected(
                team::sql::toError(query->lastError(), sql.simplified().left(80)));
        it = m_queries.emplace(sql, std::move(query)).first;
    }
    QSqlQuery *query = it->second.get();
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec())
        return std::unexpected(team::sql::toError(query->lastError(), sql.simplified().left(80)));
    return query;
}

Status StatementCache::exec(const QString &sql, const QVariantList &values)
{
    auto query = run(sql, values);
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<QVariant> StatementCache::scalar(const QString &sql, const QVariantList &values)
{
    auto query = run(sql, values);
    if (!query)
        return std::unexpected(query.error());
    return (*query)->next() ? (*query)->value(0) : QVariant();
}

namespace {

class Batch {
public:
    explicit Batch(StatementCache &statements)
        : m_statements(statements)
    {
    }

    // Messages, postbacks and referrals with a mid and a customer: what inlet.ingest stores
    // set-based. Everything else goes through apply(), one event after the other.
    static bool setBased(const InboundEvent &e)
    {
        switch (e.kind) {
        case InboundEvent::Kind::Message:
        case InboundEvent::Kind::Postback:
        case InboundEvent::Kind::Referral:
            return !e.mid.isEmpty() && !e.customerId.isEmpty();
        default:
            return false;
        }
    }

    // Queued for the next flush(): in order, so a run of set-based events stays between the
    // events before and after it.
    void add(const InboundEvent &e)
    {
        QJsonObject meta;
        if (!e.attachments.isEmpty()) {
            QJsonArray attachments;
            for (const AttachmentData &a : e.attachments) {
                attachments.append(QJsonObject { { QStringLiteral("type"), a.type },
                    { QStringLiteral("url"), a.url }, { QStringLiteral("title"), a.title },
                    { QStringLiteral("payload"), a.payload } });
            }
            meta.insert(QStringLiteral("attachments"), attachments);
        }
        // The item as Instagram sent it: what a replica (or a later version) reads the rest from.
        meta.insert(QStringLiteral("raw"), QJsonDocument::fromJson(e.rawJson).object());
        m_run.append(QJsonObject {
            { QStringLiteral("i"), int(m_runEvents.size()) },
            { QStringLiteral("a"), text(e.accountId) },
            { QStringLiteral("c"), e.customerId },
            { QStringLiteral("u"), text(e.customerUsername) },
            { QStringLiteral("m"), e.mid },
            { QStringLiteral("o"), e.outgoing },
            { QStringLiteral("k"), int(e.kind) },
            { QStringLiteral("t"),
                text(e.kind == InboundEvent::Kind::Postback ? e.postbackTitle : e.text) },
            { QStringLiteral("ts"), e.timestampMs },
            { QStringLiteral("r"), text(e.replyToMid) },
            { QStringLiteral("n"), e.editCount },
            { QStringLiteral("meta"), meta },
        });
        m_runEvents.append(&e);
    }

    // The queued run in one statement (inlet.ingest); the events of accounts not connected are
    // kept raw.
    Status flush()
    {
        if (m_runEvents.isEmpty())
            return {};
        const QList<const InboundEvent *> events = std::exchange(m_runEvents, {});
        const QJsonArray run = std::exchange(m_run, {});
        auto q = m_statements.run(QStringLiteral("SELECT * FROM inlet.ingest(?::jsonb)"),
            { QString::fromUtf8(QJsonDocument(run).toJson(QJsonDocument::Compact)) });
        if (!q)
            return std::unexpected(q.error());
        QList<qsizetype> unknown;
        while ((*q)->next())
            unknown.append((*q)->value(0).toLongLong());
        for (qsizetype i : std::as_const(unknown)) {
            if (i < 0 || i >= events.size())
                return fail(
                    Error::Kind::Storage, QStringLiteral("inlet.ingest: no event %1").arg(i));
            if (auto ok = keepRaw(*events.at(i)); !ok)
                return ok;
        }
        return {};
    }

    Status apply(const InboundEvent &e)
    {
        auto account = accountId(e.accountId);
        if (!account)
            return std::unexpected(account.error());
        if (*account == 0)
            return keepRaw(e); // not a connected account (yet): kept, not dropped
        switch (e.kind) {
        case InboundEvent::Kind::Message:
        case InboundEvent::Kind::Postback:
        case InboundEvent::Kind::Referral:
            break; // without a mid or a customer (the others go through add())
        case InboundEvent::Kind::Edit:
            return onMessage(e,
                QStringLiteral("UPDATE inlet.messages SET text = ?, edit_count = ? "
                               "WHERE account_id = ? AND mid = ? AND edit_count < ?"),
                { text(e.text), e.editCount, *account, e.mid, e.editCount }, *account);
        case InboundEvent::Kind::Deleted:
            return onMessage(e,
                QStringLiteral("UPDATE inlet.messages SET deleted = true "
                               "WHERE account_id = ? AND mid = ? AND NOT deleted"),
                { *account, e.mid }, *account);
        case InboundEvent::Kind::Reaction:
            return onMessage(e,
                QStringLiteral("UPDATE inlet.messages SET meta = jsonb_set(meta, "
                               "'{customer_reaction}', jsonb_build_object('reaction', ?::text, "
                               "'emoji', ?::text, 'reacted_ms', ?::bigint)) "
                               "WHERE account_id = ? AND mid = ?"),
                { text(e.reaction), text(e.emoji), e.timestampMs, *account, e.mid }, *account);
        case InboundEvent::Kind::Unreaction:
            return onMessage(e,
                QStringLiteral(
                    "UPDATE inlet.messages SET meta = meta - 'customer_reaction' "
                    "WHERE account_id = ? AND mid = ? AND meta->'customer_reaction' IS NOT NULL"),
                { *account, e.mid }, *account);
        case InboundEvent::Kind::Read:
        case InboundEvent::Kind::Unknown:
            break;
        }
        return keepRaw(e);
    }

private:
    Result<qint64> accountId(const QString &igUserId)
    {
        if (auto it = m_accounts.constFind(igUserId); it != m_accounts.constEnd())
            return *it;
        auto id = m_statements.scalar(
            QStringLiteral("SELECT id FROM inlet.accounts WHERE ig_user_id = ? AND NOT removed"),
            { igUserId });
        if (!id)
            return std::unexpected(id.error());
        const qint64 value = id->isValid() ? id->toLongLong() : 0;
        m_accounts.insert(igUserId, value);
        return value;
    }

    // An event about a stored message: applied, or kept raw when the message is not stored
    // (yet: it may come later from sync) or nothing changed.
    Status onMessage(
        const InboundEvent &e, const QString &update, const QVariantList &values, qint64 account)
    {
        auto q = m_statements.run(update, values);
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->numRowsAffected() > 0)
            return {};
        auto exists = m_statements.scalar(
            QStringLiteral("SELECT 1 FROM inlet.messages WHERE account_id = ? AND mid = ?"),
            { account, e.mid });
        if (!exists)
            return std::unexpected(exists.error());
        return exists->isValid() ? Status {} : keepRaw(e);
    }

    Status keepRaw(const InboundEvent &e)
    {
        return m_statements.exec(
            QStringLiteral("INSERT INTO inlet.webhook_events (ig_account_id, kind, mid, raw) "
                           "VALUES (?, ?, ?, ?)"),
            { text(e.accountId), kindName(e.kind), text(e.mid), QString::fromUtf8(e.rawJson) });
    }

    StatementCache &m_statements;
    QHash<QString, qint64> m_accounts;
    QJsonArray m_run;
    QList<const InboundEvent *> m_runEvents;
};

bool connectionAlive(const QSqlDatabase &db)
{
    return db.isOpen() && team::sql::scalar(db, QStringLiteral("SELECT 1")).has_value();
}

} // namespace

Status ingestBatch(const QSqlDatabase &db, const QList<InboundEvent> &events)
{
    StatementCache statements(db);
    return ingestBatch(statements, events);
}

Status ingestBatch(StatementCache &statements, const QList<InboundEvent> &events)
{
    // One transaction per run of new messages with the events before it (all of a batch when
    // it is only messages): inlet.ingest takes the change log's lock after its writes, and the
    // transaction commits right after it, so the ingest never waits for a row while holding the
    // lock. A batch that fails after a part of it committed is run again whole (idempotent).
    qsizetype from = 0;
    while (from < events.size()) {
        qsizetype to = from;
        while (to < events.size() && !Batch::setBased(events.at(to)))
            ++to;
        while (to < events.size() && Batch::setBased(events.at(to)))
            ++to;
        const Status ok = team::sql::inTransaction(statements.db(), [&]() -> Status {
            Batch batch(statements);
            for (qsizetype i = from; i < to; ++i) {
                const InboundEvent &e = events.at(i);
                if (Batch::setBased(e)) {
                    batch.add(e);
                } else if (auto applied = batch.apply(e); !applied) {
                    return applied;
                }
            }
            return batch.flush();
        });
        if (!ok)
            return ok;
        from = to;
    }
    return {};
}

PgIngest::PgIngest(DatabaseConfig config)
    : m_config(std::move(config))
    , m_connectionName(QStringLiteral("inlet-ingest-%1").arg(quintptr(this), 0, 16))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // the connection belongs to this one thread
}

PgIngest::~PgIngest()
{
    m_pool.waitForDone();
    QtConcurrent::run(&m_pool, [this] {
        m_statements.reset(); // its queries before their connection
        dropConnection(m_connectionName);
    }).waitForFinished();
}

EventCommitter PgIngest::committer()
{
    return [this](const QList<InboundEvent> &events) {
        auto promise = std::make_shared<QPromise<Status>>();
        promise->start();
        QFuture<Status> future = promise->future();
        bool start = false;
        {
            QMutexLocker lock(&m_mutex);
            m_waiting.append({ events, std::move(promise) });
            start = !std::exchange(m_draining, true);
        }
        if (start)
            m_pool.start([this] { drain(); });
        return future;
    };
}

void PgIngest::drain()
{
    for (;;) {
        QList<Waiting> group;
        {
            QMutexLocker lock(&m_mutex);
            if (m_waiting.isEmpty()) {
                m_draining = false;
                return;
            }
            group.swap(m_waiting);
        }
        QList<InboundEvent> events;
        for (const Waiting &w : std::as_const(group))
            events += w.events;
        const Status result = commit(events);
        for (const Waiting &w : std::as_const(group)) {
            // One POST that the database refuses must not fail the others: each alone (a batch
            // is idempotent, and the group's transaction was rolled back).
            w.promise->addResult(result || group.size() == 1 ? result : commit(w.events));
            w.promise->finish();
        }
    }
}

Status PgIngest::commit(const QList<InboundEvent> &events)
{
    // Twice at most: a batch is idempotent, so a connection that broke (database restarted)
    // is made again and the batch run once more. No "SELECT 1" before each batch: a batch that
    // fails on a dead connection is what finds it dead.
    Status result;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_statements) {
            dropConnection(m_connectionName);
            auto db = openDatabase(m_config, m_connectionName);
            if (!db)
                return std::unexpected(db.error());
            m_statements = std::make_unique<StatementCache>(*db);
        }
        result = ingestBatch(*m_statements, events);
        if (result || connectionAlive(m_statements->db()))
            return result;
        qCWarning(lcTeam) << "the ingest connection broke; connecting again:"
                          << result.error().message;
        m_statements.reset();
    }
    return result;
}

} // namespace inlet::server
