#pragma once

#include "common/result.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace inlet {
class GraphClient;
class WebhookServer;
} // namespace inlet

namespace inlet::server {

class AccountDisconnector;
class CatchUp;
class OutboxSender;
class PgIngest;
class ProfileFetcher;
class SessionReaper;
class SignInExchanger;
class SingletonJobs;

// inlet-server's composition root: the team database (migrated at start), the webhook receiver
// writing into it (the core's WebhookServer: HTTP parser, size limits, signature check, event
// parser; PgIngest as its committer), the outbox sender, the sign-in hand-off's exchanger, the
// singleton jobs (token refresh, subscription check, catch-up) and the check of agents' sessions.
// Several of these may run on one database (docs/team.md, "Scale-out").
class InletServer : public QObject {
    Q_OBJECT
public:
    explicit InletServer(ServerConfig config, QObject *parent = nullptr);
    ~InletServer() override;

    // Connects, migrates, starts everything; an error means exit with status 1.
    Status start();
    QUrl webhookUrl() const;

    OutboxSender *sender() const { return m_sender; }
    SingletonJobs *jobs() const { return m_jobs; }
    SignInExchanger *signIns() const { return m_signIns; }

private:
    ServerConfig m_config;
    GraphClient *m_graph = nullptr;
    std::unique_ptr<PgIngest> m_ingest;
    std::unique_ptr<WebhookServer> m_webhook;
    OutboxSender *m_sender = nullptr;
    ProfileFetcher *m_profiles = nullptr;
    SingletonJobs *m_jobs = nullptr;
    SignInExchanger *m_signIns = nullptr;
    AccountDisconnector *m_disconnects = nullptr;
    SessionReaper *m_reaper = nullptr;
    CatchUp *m_catchUp = nullptr;
};

} // namespace inlet::server
