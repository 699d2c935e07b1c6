#pragma once

#include "common/result.h"
#include "store/storetypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace inlet {

class Database;

// Moves WAL checkpoints off the writer thread. With SQLite's automatic checkpoints the commit that
// crosses the WAL threshold copies pages back and fdatasyncs the database file itself (up to
// ~35 ms here), and every webhook waiting behind that commit waits too. So the writer runs with
// wal_autocheckpoint = 0 and this object, on its own thread and connection, runs a PASSIVE
// checkpoint on a timer: it never blocks the writer or readers, and the WAL stays small.
// When no commit came for StoreOptions::walTruncateIdleMs, one TRUNCATE checkpoint empties the
// -wal file (0 bytes) until the next commit. It does not wait (busy_timeout 0): if a writer or a
// reader is in the way, it is tried again on the next tick.
class Checkpointer : public QObject {
    Q_OBJECT
public:
    Checkpointer(QString path, StoreOptions options, int intervalMs);
    ~Checkpointer() override;

    // On the checkpointer's thread.
    Status start();
    void stop();

private:
    void checkpoint();
    // true: done (the WAL is empty); false: something was in the way or it failed.
    bool truncate();

    QString m_path;
    StoreOptions m_options;
    int m_intervalMs;
    std::unique_ptr<Database> m_database;
    QTimer *m_timer = nullptr;
    qint64 m_dataVersion = -1; // PRAGMA data_version: changes when another connection commits
    QElapsedTimer m_sinceCommit;
    bool m_truncated = false; // since the last commit seen
};

} // namespace inlet
