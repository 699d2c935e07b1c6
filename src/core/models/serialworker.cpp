#include "models/serialworker.h"

namespace inlet {

SerialWorker::SerialWorker(const QString &name)
{
    m_thread.setObjectName(name);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

SerialWorker::~SerialWorker()
{
    m_thread.quit();
    m_thread.wait();
    delete m_context; // the thread is gone: safe here, and jobs never run drop with it
}

void SerialWorker::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

} // namespace inlet
