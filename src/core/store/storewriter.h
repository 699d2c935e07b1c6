#pragma once

#include "common/result.h"
#include "store/database.h"
#include "store/storechange.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace inlet {

class WriteSession;
class EventApplier;
class OutboxWriter;
class DirectoryWriter;

// The parts a write job may use, all on the writer thread inside the open transaction.
struct WriteContext {
    WriteSession &session;
    EventApplier &events;
    OutboxWriter &outbox;
    DirectoryWriter &directory;
    StoreChange &change;
};

// One unit of work from a caller. `run` executes inside a SAVEPOINT of the group's transaction (a
// failure rolls back only this job); `finish` delivers the outcome once the transaction has
// committed (or failed as a whole).
struct WriteJob {
    std::function<Status(WriteContext &)> run;
    std::function<void(const Status &)> finish;
    // Rows that can be had again from elsewhere (a team replica's batch, fetched again from
    // PostgreSQL after the number it stores): see Store::WriteDurability.
    bool refetchable = false;
};

// Owns the write connection and runs jobs on its own thread. Jobs that queue up while a
// transaction commits go together into the next one (group commit): one fsync/WAL append serves
// many callers.
class StoreWriter : public QObject {
    Q_OBJECT
public:
    StoreWriter();
    ~StoreWriter() override;

    // On the writer thread.
    Status open(const QString &path, const StoreOptions &options);
    void close();

    // From any thread.
    void enqueue(WriteJob job);
    qint64 transactionCount() const { return m_transactions.load(); }
    qint64 jobCount() const { return m_jobs.load(); }

signals:
    void committed(const inlet::StoreChange &change);

private:
    void drain();
    void runGroup(QList<WriteJob> &jobs);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<WriteSession> m_session;
    std::unique_ptr<EventApplier> m_events;
    std::unique_ptr<OutboxWriter> m_outbox;
    std::unique_ptr<DirectoryWriter> m_directory;
    bool m_fullSync = false; // StoreOptions::durableAgainstPowerLoss

    QMutex m_mutex;
    QList<WriteJob> m_queue;
    bool m_drainScheduled = false;
    bool m_closed = false;
    std::atomic<qint64> m_transactions{0};
    std::atomic<qint64> m_jobs{0};
};

} // namespace inlet
