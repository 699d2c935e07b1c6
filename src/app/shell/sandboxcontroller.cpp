#include "app/shell/sandboxcontroller.h"

#include "common/logging.h"
#include "sandbox/sandboxhost.h"

#include <QTimer>

namespace inlet::app {

SandboxController::SandboxController(sandbox::SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SandboxController::~SandboxController() = default; // the host (a child) stops its thread

void SandboxController::ensureStarted()
{
    if (isRunning()) {
        QTimer::singleShot(0, this, [this] { emit ready(m_baseUrl); });
        return;
    }
    if (m_starting)
        return;
    m_starting = true;
    if (!m_host) {
        m_host = new sandbox::SandboxHost(this);
        connect(m_host, &sandbox::SandboxHost::started, this, [this](const QUrl &baseUrl) {
            m_starting = false;
            m_baseUrl = baseUrl;
            qCInfo(lcApp) << "embedded sandbox running at" << baseUrl.toString();
            emit ready(baseUrl);
        });
        connect(m_host, &sandbox::SandboxHost::failed, this, [this](const QString &message) {
            m_starting = false;
            qCWarning(lcApp) << "embedded sandbox failed to start:" << message;
            emit failed(message);
        });
    }
    m_host->start(m_options);
}

} // namespace inlet::app
