#pragma once

#include "common/result.h"

#include <QObject>
#include <QUrl>

#include <memory>


namespace inlet {

class CoreLifecycle;
class CoreServices;
class TeamReplicaRunner;

struct HeadlessOptions {
    QString dataDir;
    QUrl sandboxBase;         // --sandbox BASE_URL: credentials and consent from its control API
    quint16 webhookPort = 0;  // --webhook-port
    bool pollingMode = false; // --polling
    int pollIntervalMs = 30'000;
    bool sessionOnlySecrets = false; // --session-only-secrets: no keyring, keep secrets in memory
    // --team postgresql://ROLE@HOST[:PORT]/DB: an agent's replica of the team database
    // (docs/team.md); the password from INLET_TEAM_PASSWORD, else the keychain.
    QString teamConnection;
};

// `inlet --headless`: the core without windows, for servers and tests. Logs to stderr; prints the
// callback URL on stdout as "webhook: http://127.0.0.1:PORT/webhook/instagram"; stops cleanly on
// SIGTERM/SIGINT. The start-up is CoreLifecycle's (the app's too), with the webhook server
// required: with --sandbox it reads the app id/secret from the sandbox, signs in through the
// sandbox's consent control (no browser) and then takes the same code exchange path as the app, and
// registers its webhook URL through the real subscription endpoints.
class HeadlessRunner : public QObject {
    Q_OBJECT
public:
    explicit HeadlessRunner(HeadlessOptions options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Starts everything; the returned error means the process should exit with status 1.
    Status start();

    CoreServices *core() const;

    // SIGTERM and SIGINT quit the application's event loop (installed once per process).
    static void installSignalHandlers();

signals:
    void ready(const QUrl &webhookUrl);
    void fatal(const QString &message);

private:
    void failHard(const QString &message);
    Status startTeam();

    HeadlessOptions m_options;
    std::unique_ptr<CoreLifecycle> m_lifecycle;
    std::unique_ptr<TeamReplicaRunner> m_team; // --team instead of the core
};

} // namespace inlet
