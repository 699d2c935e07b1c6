#include "store/checkpointer.h"

#include "common/logging.h"
#include "store/database.h"

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
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        qCWarning(lcStore) << "WAL checkpoint failed:" << query.lastError().text();
}

} // namespace inlet
