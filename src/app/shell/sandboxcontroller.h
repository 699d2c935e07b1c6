#pragma once

#include "sandbox/sandboxoptions.h"
#include "service/appconfig.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QSettings;

namespace inlet::sandbox {
class SandboxHost;
}

namespace inlet::app {

// Starts the embedded sandbox (on its own thread) the first time it is needed. Kept in a profile,
// it is the same Instagram on every start: same port, same tokens (see keepInProfile()).
class SandboxController : public QObject {
    Q_OBJECT
public:
    explicit SandboxController(sandbox::SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxController() override;

    // Keeps the sandbox's state beside the profile's data (stateFilePath()) and its port in
    // `settings` (sandbox/port), reused on the next start so that the stored Instagram hosts and
    // tokens still work. A port taken meanwhile falls back to a free one (the hosts then follow
    // through ready()). Call before ensureStarted(); `settings` must outlive this object.
    void keepInProfile(const QString &dataDir, QSettings *settings);
    static QString stateFilePath(const QString &dataDir);

    // ready() follows, at once if it already runs; or failed().
    void ensureStarted();
    bool isRunning() const { return !m_baseUrl.isEmpty(); }
    QUrl baseUrl() const { return m_baseUrl; }
    const sandbox::SandboxOptions &options() const { return m_options; }
    // Both of its app credential pairs (Instagram and Meta app), for AccountService::useSandbox().
    AppCredentials credentials() const
    {
        return AppCredentials { m_options.appId, m_options.appSecret, m_options.metaAppId,
            m_options.metaAppSecret };
    }

signals:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    void onStarted(const QUrl &baseUrl);
    void onFailed(const QString &message);

    sandbox::SandboxOptions m_options;
    sandbox::SandboxHost *m_host = nullptr;
    QPointer<QSettings> m_settings;
    QUrl m_baseUrl;
    bool m_starting = false;
};

} // namespace inlet::app
