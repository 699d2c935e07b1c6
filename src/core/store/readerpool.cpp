#include "store/readerpool.h"

#include "common/logging.h"
#include "store/storereader.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QThread>

namespace inlet {

struct ReaderPool::Readers {
    QMutex mutex;
    QHash<QThread *, StoreReader *> byThread;

    ~Readers()
    {
        for (auto it = byThread.cbegin(); it != byThread.cend(); ++it) {
            if (it.key() != QThread::currentThread())
                qCWarning(lcStore) << "closing a store reader of another thread" << it.key();
            delete it.value();
        }
    }
};

ReaderPool::ReaderPool(QString databasePath)
    : m_path(std::move(databasePath))
    , m_readers(std::make_shared<Readers>())
{
    m_threads.setObjectName(QStringLiteral("inlet-store-readers"));
    m_threads.setMaxThreadCount(1); // in order; small indexed look-ups, one connection
    m_threads.setExpiryTimeout(
        -1); // keep the thread, and its open connection, while the pool lives
}

ReaderPool::~ReaderPool()
{
    m_threads.waitForDone();
}

Result<StoreReader *> ReaderPool::reader()
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_readers->mutex);
        if (auto *r = m_readers->byThread.value(thread))
            return r;
    }
    auto opened = StoreReader::open(m_path);
    if (!opened)
        return std::unexpected(opened.error());
    StoreReader *r = opened->release();
    {
        QMutexLocker lock(&m_readers->mutex);
        m_readers->byThread.insert(thread, r);
    }
    // Close it on its own thread when that thread ends (the pool may be gone by then).
    auto *app = QCoreApplication::instance();
    if (app && thread != app->thread()) {
        QObject::connect(
            thread, &QThread::finished, [weak = std::weak_ptr<Readers>(m_readers), thread] {
                if (auto readers = weak.lock()) {
                    QMutexLocker lock(&readers->mutex);
                    delete readers->byThread.take(thread);
                }
            });
    }
    return r;
}

} // namespace inlet
