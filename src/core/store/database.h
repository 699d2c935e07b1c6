#pragma once

#include "common/result.h"
#include "store/storetypes.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace inlet {

// One named SQLite connection (never Qt's default one), opened with the store's pragmas.
// A connection belongs to the thread that opened it: open, use and destroy it on that thread.
class Database {
public:
    enum class Mode {
        Writer, // creates the file if needed, runs the migrations
        Reader, // the file must exist at exactly the current schema version; query_only
    };

    // What a reset WAL is truncated to (PRAGMA journal_size_limit on the writer).
    static constexpr qint64 kJournalSizeLimitBytes = 64LL * 1024 * 1024;

    // deferred_events (events that arrived before their message) older than this, or beyond this
    // many rows, are dropped when the writer opens.
    static constexpr qint64 kDeferredMaxAgeMs = 14LL * 24 * 3600 * 1000;
    static constexpr qint64 kDeferredMaxRows = 50'000;
    static Status expireDeferred(const QSqlDatabase &db, qint64 nowMs);

    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode,
                                                  const StoreOptions &options = {});
    // The file inside a data dir: <dataDir>/inlet.sqlite.
    static QString pathInDataDir(const QString &dataDir);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }

private:
    Database(QString connectionName, QString path);
    Status configure(Mode mode, const StoreOptions &options);

    QString m_connectionName;
    QString m_path;
};

} // namespace inlet
