#pragma once

#include "common/result.h"
#include "store/storetypes.h"

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

    QString m_path;
    StoreOptions m_options;
    int m_intervalMs;
    std::unique_ptr<Database> m_database;
    QTimer *m_timer = nullptr;
};

} // namespace inlet
