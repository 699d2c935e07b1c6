#include "store/checkpointer.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/sqlutil.h"

#include <QSqlError>
#include <QSqlQuery>

namespace inlet {

Checkpointer::Checkpointer(QString path, StoreOptions options, int intervalMs)
    : m_path(std::move(path))
    , m_options(std::move(options))
    , m_intervalMs(intervalMs)
{
    m_options.checkIntegrity = false; // the writer already checked the file
}

Checkpointer::~Checkpointer() = default;

Status Checkpointer::start()
{
    auto database = Database::open(m_path, Database::Mode::Reader, m_options);
    if (!database)
        return std::unexpected(database.error());
    m_database = std::move(*database);
    m_timer = new QTimer(this);
    m_timer->setInterval(m_intervalMs);
    connect(m_timer, &QTimer::timeout, this, &Checkpointer::checkpoint);
    m_timer->start();
    return {};
}

void Checkpointer::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_database)
        checkpoint();
    m_database.reset();
}

void Checkpointer::checkpoint()
{
    const QSqlDatabase db = m_database->connection();
    if (m_options.walTruncateIdleMs > 0) {
        const auto version = sql::scalar(db, QStringLiteral("PRAGMA data_version"));
        if (version && version->toLongLong() != m_dataVersion) {
            m_dataVersion = version->toLongLong();
            m_sinceCommit.start();
            m_truncated = false;
        }
        if (!m_truncated && m_sinceCommit.isValid()
            && m_sinceCommit.elapsed() >= m_options.walTruncateIdleMs) {
            m_truncated = truncate();
            return;
        }
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        qCWarning(lcStore) << "WAL checkpoint failed:" << query.lastError().text();
}

bool Checkpointer::truncate()
{
    // TRUNCATE takes the write lock and waits for readers on older snapshots; with the usual busy
    // timeout a reader could hold the writer (and so a webhook's 200) for seconds. Without one it
    // gives up at once and the next tick tries again.
    const QSqlDatabase db = m_database->connection();
    if (!sql::execText(db, QStringLiteral("PRAGMA busy_timeout = 0")))
        return false;
    bool done = false;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
            qCWarning(lcStore) << "WAL checkpoint (TRUNCATE) failed:" << query.lastError().text();
        else
            done = query.next() && query.value(0).toInt() == 0; // column 0: 1 if blocked
    }
    (void)sql::execText(
        db, QStringLiteral("PRAGMA busy_timeout = %1").arg(m_options.busyTimeoutMs));
    if (done)
        qCDebug(lcStore) << "idle: WAL truncated";
    return done;
}

} // namespace inlet
