#include "store/database.h"

#include "common/logging.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace inlet {

namespace {
std::atomic<int> g_connectionCounter{0};
} // namespace

QString Database::pathInDataDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("inlet.sqlite"));
}

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const { return QSqlDatabase::database(m_connectionName, false); }

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode,
                                                 const StoreOptions &options)
{
    if (mode == Mode::Reader && !QFileInfo::exists(path))
        return fail(Error::Kind::Storage, QStringLiteral("no database at %1").arg(path),
                    sqlite::CantOpen);
    if (mode == Mode::Writer)
        QDir().mkpath(QFileInfo(path).absolutePath());

    const QString name = QStringLiteral("inlet-%1-%2")
                             .arg(mode == Mode::Writer ? QStringLiteral("writer") : QStringLiteral("reader"))
                             .arg(++g_connectionCounter);
    std::unique_ptr<Database> database(new Database(name, path));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return std::unexpected(sql::toError(db.lastError(), QStringLiteral("opening %1").arg(path)));
    }
    if (auto ok = database->configure(mode, options); !ok)
        return std::unexpected(ok.error());
    return database;
}

Status Database::configure(Mode mode, const StoreOptions &options)
{
    const QSqlDatabase db = connection();
    // The first statement reads the header: a file that is not SQLite fails here (NOTADB).
    QStringList pragmas{QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
                        QStringLiteral("PRAGMA foreign_keys = ON")};
    if (mode == Mode::Writer) {
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                << (options.durableAgainstPowerLoss ? QStringLiteral("PRAGMA synchronous = FULL")
                                                    : QStringLiteral("PRAGMA synchronous = NORMAL"));
        if (options.checkpointIntervalMs > 0) // the Checkpointer does it, off the writer thread
            pragmas << QStringLiteral("PRAGMA wal_autocheckpoint = 0");
    }
    if (options.maxPageCount > 0)
        pragmas << QStringLiteral("PRAGMA max_page_count = %1").arg(options.maxPageCount);
    for (const QString &pragma : pragmas) {
        if (auto ok = sql::execText(db, pragma); !ok)
            return std::unexpected(Error::make(Error::Kind::Storage,
                                               QStringLiteral("cannot open %1: %2").arg(m_path, ok.error().message),
                                               ok.error().code));
    }
    auto journal = sql::scalar(db, QStringLiteral("PRAGMA journal_mode"));
    if (!journal)
        return std::unexpected(journal.error());
    if (mode == Mode::Writer && journal->toString() != QStringLiteral("wal"))
        return fail(Error::Kind::Storage, QStringLiteral("cannot switch %1 to WAL mode").arg(m_path));

    if (options.checkIntegrity) {
        auto check = sql::scalar(db, QStringLiteral("PRAGMA quick_check"));
        if (!check)
            return std::unexpected(check.error());
        if (check->toString() != QStringLiteral("ok")) {
            return fail(Error::Kind::Storage,
                        QStringLiteral("the database file %1 is corrupted (%2)")
                            .arg(m_path, check->toString().left(200)),
                        sqlite::Corrupt);
        }
    }

    if (mode == Mode::Writer)
        return schema::migrate(db);

    auto v = schema::version(db);
    if (!v)
        return std::unexpected(v.error());
    if (*v > schema::currentVersion())
        return fail(Error::Kind::Storage,
                    QStringLiteral("the database was written by a newer Inlet (schema version %1)").arg(*v),
                    sqlite::SchemaTooNew);
    if (*v < schema::currentVersion())
        return fail(Error::Kind::Storage,
                    QStringLiteral("the database is at schema version %1, not migrated yet").arg(*v));
    return sql::execText(db, QStringLiteral("PRAGMA query_only = ON"));
}

} // namespace inlet
