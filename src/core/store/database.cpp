#include "store/database.h"

#include "common/logging.h"
#include "common/privatefiles.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

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
    if (mode == Mode::Writer) {
        // Private before SQLite creates anything: -wal and -shm take the database file's mode
        // (see common/privatefiles.h); files an older, 0644 profile left are narrowed.
        privatefiles::makePrivateDir(QFileInfo(path).absolutePath());
        privatefiles::makePrivateFile(path);
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            privatefiles::restrictFile(path + QLatin1String(suffix));
    }

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

Status Database::expireDeferred(const QSqlDatabase &db, qint64 nowMs)
{
    // Events waiting for a message that never came (deleted before we saw it, or never sent):
    // signed input that would otherwise grow the table for ever. Dropped by age and, since a
    // timestamp is the sender's word, also by count (the newest rows are kept).
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM deferred_events WHERE timestamp_ms < ? OR id <= "
                             "(SELECT MAX(id) FROM deferred_events) - ?"));
    q.addBindValue(nowMs - kDeferredMaxAgeMs);
    q.addBindValue(kDeferredMaxRows);
    if (!q.exec())
        return std::unexpected(sql::toError(q.lastError(), QStringLiteral("expiring deferred events")));
    if (q.numRowsAffected() > 0)
        qCInfo(lcStore) << "dropped" << q.numRowsAffected() << "events that waited too long for their message";
    return {};
}

Status Database::configure(Mode mode, const StoreOptions &options)
{
    const QSqlDatabase db = connection();
    // The first statement reads the header: a file that is not SQLite fails here (NOTADB).
    QStringList pragmas{QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
                        QStringLiteral("PRAGMA foreign_keys = ON")};
    if (mode == Mode::Writer) {
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                // A checkpoint that resets the WAL truncates it to this size, so a burst (a full
                // sync, a flood of webhooks) does not leave a file that big for good.
                << QStringLiteral("PRAGMA journal_size_limit = %1").arg(kJournalSizeLimitBytes)
                << (options.durableAgainstPowerLoss ? QStringLiteral("PRAGMA synchronous = FULL")
                                                    : QStringLiteral("PRAGMA synchronous = NORMAL"))
                // Savepoint journals in memory: every job runs in a SAVEPOINT of its group commit,
                // and a job that changes more than 64 KiB of pages (a message with its indexes and
                // full-text rows) otherwise spilled its journal into a temporary file, created and
                // deleted in every such transaction (seen in a team replica's profile).
                << QStringLiteral("PRAGMA temp_store = MEMORY");
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

    if (mode == Mode::Writer) {
        if (auto migrated = schema::migrate(db); !migrated)
            return migrated;
        return expireDeferred(db, QDateTime::currentMSecsSinceEpoch());
    }

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
