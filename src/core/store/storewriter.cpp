#include "store/storewriter.h"

#include "common/logging.h"
#include "store/directorywriter.h"
#include "store/eventapplier.h"
#include "store/outboxwriter.h"
#include "store/writesession.h"

#include <QDateTime>

#include <algorithm>

namespace inlet {

namespace {
// Upper bound of jobs per transaction, so one commit never holds the write lock for long.
constexpr qsizetype kMaxJobsPerTransaction = 512;
} // namespace

StoreWriter::StoreWriter() = default;

StoreWriter::~StoreWriter() { close(); }

Status StoreWriter::open(const QString &path, const StoreOptions &options)
{
    auto db = Database::open(path, Database::Mode::Writer, options);
    if (!db)
        return std::unexpected(db.error());
    m_database = std::move(*db);
    m_fullSync = options.durableAgainstPowerLoss;
    std::function<qint64()> clock = options.clock;
    if (!clock)
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_session = std::make_unique<WriteSession>(m_database->connection(), std::move(clock));
    m_events = std::make_unique<EventApplier>(*m_session);
    m_outbox = std::make_unique<OutboxWriter>(*m_session, *m_events);
    m_directory = std::make_unique<DirectoryWriter>(*m_session);
    return {};
}

void StoreWriter::close()
{
    QList<WriteJob> left;
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        left.swap(m_queue);
    }
    if (!left.isEmpty() && m_session)
        runGroup(left); // finishes and empties `left`
    for (const WriteJob &job : std::as_const(left))
        job.finish(fail(Error::Kind::Cancelled, QStringLiteral("the store is closed")));
    // Statements before the connection they belong to.
    m_directory.reset();
    m_outbox.reset();
    m_events.reset();
    m_session.reset();
    m_database.reset();
}

void StoreWriter::enqueue(WriteJob job)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_closed) {
            m_queue.append(std::move(job));
            if (!m_drainScheduled) {
                m_drainScheduled = true;
                QMetaObject::invokeMethod(this, &StoreWriter::drain, Qt::QueuedConnection);
            }
            return;
        }
    }
    job.finish(fail(Error::Kind::Cancelled, QStringLiteral("the store is closed")));
}

void StoreWriter::drain()
{
    for (;;) {
        QList<WriteJob> jobs;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty() || !m_session) {
                m_drainScheduled = false;
                return;
            }
            const qsizetype n = qMin(m_queue.size(), kMaxJobsPerTransaction);
            jobs = m_queue.mid(0, n);
            m_queue.remove(0, n);
        }
        runGroup(jobs);
        jobs.clear();
    }
}

// Runs `jobs` in one transaction and finishes each. `jobs` is emptied.
void StoreWriter::runGroup(QList<WriteJob> &jobs)
{
    const QSqlDatabase db = m_database->connection();
    QList<Status> outcomes(jobs.size());
    StoreChange change;
    auto failAll = [&](const Status &why) {
        for (Status &s : outcomes)
            if (s)
                s = why;
        change = {};
        m_session->forgetCaches();
    };

    // Transaction control through cached statements: they run for every job.
    auto control = [this](const QString &sql) -> Status {
        auto q = m_session->run(sql, {});
        if (!q)
            return std::unexpected(q.error());
        return {};
    };
    // A group of refetchable jobs only (a team replica's batches) commits without the fsync
    // (synchronous=NORMAL: in WAL mode a crash of the process keeps it, a power cut may take the
    // newest such commits, whose rows and stored number go back together and are read again);
    // one durable job makes the whole group FULL, and a FULL commit syncs the WAL with every
    // earlier NORMAL commit in it. The level can only change outside a transaction.
    const bool relaxed = m_fullSync
        && std::all_of(jobs.cbegin(), jobs.cend(), [](const WriteJob &j) { return j.refetchable; });
    if (relaxed) {
        if (Status ok = control(QStringLiteral("PRAGMA synchronous = NORMAL")); !ok)
            qCWarning(lcStore) << "cannot relax the commit:" << ok.error().message;
    }
    if (Status begun = control(QStringLiteral("BEGIN IMMEDIATE")); !begun) {
        qCWarning(lcStore) << "cannot begin a transaction:" << begun.error().message;
        failAll(begun);
    } else {
        bool lost = false; // SQLite rolled the whole transaction back (e.g. on SQLITE_FULL)
        for (qsizetype i = 0; i < jobs.size() && !lost; ++i) {
            StoreChange jobChange;
            WriteContext context{*m_session, *m_events, *m_outbox, *m_directory, jobChange};
            Status s = control(QStringLiteral("SAVEPOINT job"));
            if (s)
                s = jobs[i].run(context);
            if (s)
                s = control(QStringLiteral("RELEASE job"));
            if (s) {
                change.merge(jobChange);
            } else {
                outcomes[i] = s;
                m_session->forgetCaches(); // they may name rows the rollback takes away
                if (!control(QStringLiteral("ROLLBACK TO job"))) {
                    lost = true;
                    failAll(s);
                } else {
                    (void)control(QStringLiteral("RELEASE job"));
                }
            }
        }
        if (!lost) {
            if (Status committed = control(QStringLiteral("COMMIT")); !committed) {
                qCWarning(lcStore) << "commit failed:" << committed.error().message;
                (void)sql::execText(db, QStringLiteral("ROLLBACK"));
                failAll(committed);
            }
        }
    }
    if (relaxed) {
        if (Status ok = control(QStringLiteral("PRAGMA synchronous = FULL")); !ok)
            qCWarning(lcStore) << "cannot make commits durable again:" << ok.error().message;
    }
    m_transactions.fetch_add(1);
    m_jobs.fetch_add(jobs.size());
    if (!change.isEmpty()) {
        change.normalize();
        emit committed(change);
    }
    for (qsizetype i = 0; i < jobs.size(); ++i)
        jobs[i].finish(outcomes.at(i));
    jobs.clear();
}

} // namespace inlet
