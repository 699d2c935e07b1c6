#include "sandbox/sandboxhost.h"

#include "common/logging.h"
#include "sandbox/sandbox.h"

#include <QThread>

namespace inlet::sandbox {

SandboxHost::SandboxHost(QObject *parent) : QObject(parent) {}

SandboxHost::~SandboxHost()
{
    stop();
}

bool SandboxHost::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void SandboxHost::start(SandboxOptions options)
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("inlet-sandbox"));
    auto *sandbox = new Sandbox(std::move(options));
    sandbox->moveToThread(m_thread);
    m_sandbox = sandbox;
    // Created here, started and destroyed on the sandbox thread (deleteLater runs as it finishes).
    connect(m_thread, &QThread::finished, sandbox, &QObject::deleteLater);
    connect(m_thread, &QThread::started, sandbox, [this, sandbox]() {
        const auto url = sandbox->start();
        if (url) {
            QMetaObject::invokeMethod(this, [this, u = *url]() {
                m_baseUrl = u;
                emit started(u);
            }, Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(this, [this, message = url.error().message]() { emit failed(message); },
                                      Qt::QueuedConnection);
        }
    });
    m_thread->start();
}

void SandboxHost::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_baseUrl.clear();
}

} // namespace inlet::sandbox
