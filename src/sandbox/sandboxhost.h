#pragma once

#include "sandbox/sandboxoptions.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QThread;

namespace inlet::sandbox {

class Sandbox;

// Runs a Sandbox on its own thread, so that the app's GUI thread never serves HTTP.
// start() then wait for started(baseUrl) or failed(message); the destructor stops it.
class SandboxHost : public QObject {
    Q_OBJECT
public:
    explicit SandboxHost(QObject *parent = nullptr);
    ~SandboxHost() override;

    void start(SandboxOptions options);
    void stop();
    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }

signals:
    void started(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    QThread *m_thread = nullptr;
    QPointer<Sandbox> m_sandbox;
    QUrl m_baseUrl;
};

} // namespace inlet::sandbox
