#include "app/shell/sandboxcontroller.h"

#include "common/logging.h"
#include "sandbox/sandboxhost.h"

#include <QDir>
#include <QSettings>
#include <QTimer>

namespace inlet::app {

namespace {
const QString kPortKey = QStringLiteral("sandbox/port");
}

SandboxController::SandboxController(sandbox::SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SandboxController::~SandboxController() = default; // the host (a child) stops its thread

QString SandboxController::stateFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-state.json"));
}

void SandboxController::keepInProfile(const QString &dataDir, QSettings *settings)
{
    m_options.stateFile = stateFilePath(dataDir);
    m_settings = settings;
    if (settings)
        m_options.port = quint16(settings->value(kPortKey, 0).toUInt());
}

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
        connect(m_host, &sandbox::SandboxHost::started, this, &SandboxController::onStarted);
        connect(m_host, &sandbox::SandboxHost::failed, this, &SandboxController::onFailed);
    }
    m_host->start(m_options);
}

void SandboxController::onStarted(const QUrl &baseUrl)
{
    m_starting = false;
    m_baseUrl = baseUrl;
    if (m_settings && m_settings->value(kPortKey, 0).toUInt() != uint(baseUrl.port())) {
        m_settings->setValue(kPortKey, baseUrl.port());
        m_settings->sync();
    }
    qCInfo(lcApp) << "embedded sandbox running at" << baseUrl.toString();
    emit ready(baseUrl);
}

void SandboxController::onFailed(const QString &message)
{
    if (m_options.port != 0) {
        // The kept port is taken (another program, or a second Inlet on this profile): any port
        // is better than no sandbox; the account's hosts move with it.
        qCWarning(lcApp) << "embedded sandbox: port" << m_options.port
                         << "is taken, using a free one";
        m_options.port = 0;
        m_host->stop();
        m_host->start(m_options);
        return;
    }
    m_starting = false;
    m_host->stop(); // so that a later ensureStarted() can try again
    qCWarning(lcApp) << "embedded sandbox failed to start:" << message;
    emit failed(message);
}

} // namespace inlet::app
