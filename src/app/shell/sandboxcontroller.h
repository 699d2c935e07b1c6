#pragma once

#include "sandbox/sandboxoptions.h"

#include <QObject>
#include <QUrl>

namespace inlet::sandbox {
class SandboxHost;
}

namespace inlet::app {

// Starts the embedded sandbox (on its own thread, port 0) the first time it is needed.
class SandboxController : public QObject {
    Q_OBJECT
public:
    explicit SandboxController(sandbox::SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxController() override;

    // ready() follows, at once if it already runs; or failed().
    void ensureStarted();
    bool isRunning() const { return !m_baseUrl.isEmpty(); }
    QUrl baseUrl() const { return m_baseUrl; }
    const sandbox::SandboxOptions &options() const { return m_options; }

signals:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    sandbox::SandboxOptions m_options;
    sandbox::SandboxHost *m_host = nullptr;
    QUrl m_baseUrl;
    bool m_starting = false;
};

} // namespace inlet::app
