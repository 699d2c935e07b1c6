#include "server/requestwaker.h"

#include <QSqlDriver>

namespace inlet::server {

RequestWaker::RequestWaker(DatabaseConfig db, QString channel, int pollMs)
    : m_db(std::move(db))
    , m_channel(std::move(channel))
    , m_connectionName(QStringLiteral("inlet-%1-%2").arg(m_channel).arg(quintptr(this), 0, 16))
{
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &RequestWaker::due);
    m_soon.setSingleShot(true);
    m_soon.setInterval(10);
    connect(&m_soon, &QTimer::timeout, this, &RequestWaker::due);
}

RequestWaker::~RequestWaker()
{
    dropConnection(m_connectionName);
}

Status RequestWaker::start()
{
    if (auto ok = ensureConnected(); !ok)
        return ok;
    m_poll.start();
    wakeSoon();
    return {};
}

void RequestWaker::wakeSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

Status RequestWaker::ensureConnected()
{
    bool fresh = false;
    auto opened = connection(m_db, m_connectionName, &fresh);
    if (!opened)
        return std::unexpected(opened.error());
    if (fresh) {
        QSqlDriver *driver = opened->driver();
        if (driver->subscribeToNotification(m_channel))
            connect(driver, &QSqlDriver::notification, this, &RequestWaker::wakeSoon,
                Qt::UniqueConnection);
    }
    return {};
}

QSqlDatabase RequestWaker::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

} // namespace inlet::server
