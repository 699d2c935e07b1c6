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
