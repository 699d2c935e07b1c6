#include "server/inletserver.h"

#include "graph/graphclient.h"
#include "server/accountdisconnector.h"
#include "server/catchup.h"
#include "server/outboxsender.h"
#include "server/pgingest.h"
#include "server/profilefetcher.h"
#include "server/sessionreaper.h"
#include "server/signinexchanger.h"
#include "server/singletonjobs.h"
#include "team/teamschema.h"
#include "team/teamsql.h"
#include "webhook/webhookserver.h"

namespace inlet::server {

InletServer::InletServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

InletServer::~InletServer()
{
    if (m_webhook)
        m_webhook->stop(); // no commit is started after this
    delete m_catchUp; // its sync target commits through the ingest
    m_catchUp = nullptr;
    m_ingest.reset();
}

Status InletServer::start()
{
    const QString setup = QStringLiteral("inlet-server-setup");
    {
        auto db = openDatabase(m_config.db, setup);
        if (!db)
            return std::unexpected(db.error());
        Status ok = team::schema::migrate(*db);
        if (ok)
            ok = loadSecretsFromDatabase(*db, m_config);
        db->close();
        *db = QSqlDatabase();
        QSqlDatabase::removeDatabase(setup);
        if (!ok)
            return ok;
    }
    if (m_config.appSecret.isEmpty() && m_config.metaAppSecret.isEmpty()) {
        return fail(Error::Kind::Invalid,
            QStringLiteral("no app secret: webhooks could not be checked. Give the credential "
                           "%1 or %2, or store instagram_app_secret / meta_app_secret in "
                           "inlet.secrets (inlet-server secret set)")
                .arg(QLatin1String(AppSecretFile), QLatin1String(MetaAppSecretFile)));
    }

    m_graph
        = new GraphClient(m_config.graphBase.isEmpty() ? InstagramHosts {}
                                                       : InstagramHosts::allAt(m_config.graphBase),
            this);
    m_graph->setTransferTimeout(std::chrono::milliseconds(m_config.graphTimeoutMs));

    m_ingest = std::make_unique<PgIngest>(m_config.db);
    WebhookServerConfig webhook;
    webhook.address = m_config.listenAddress;
    webhook.port = m_config.port;
    webhook.path = m_config.webhookPath;
    // WebhookServer requires the first secret; either app secret may sign (instagram-api.md §11).
    webhook.appSecret = m_config.appSecret.isEmpty() ? m_config.metaAppSecret : m_config.appSecret;
    webhook.metaAppSecret = m_config.appSecret.isEmpty() ? QByteArray() : m_config.metaAppSecret;
    webhook.verifyToken = m_config.verifyToken;
    m_webhook = std::make_unique<WebhookServer>(webhook, m_ingest->committer());
    if (auto port = m_webhook->start(); !port)
        return std::unexpected(port.error());

    m_sender = new OutboxSender(m_config, m_graph, this);
    if (auto ok = m_sender->start(); !ok)
        return ok;

    m_profiles = new ProfileFetcher(m_config.db, m_graph, std::max(m_config.pollMs, 1000), this);
    if (auto ok = m_profiles->start(); !ok)
        return ok;

    m_signIns = new SignInExchanger(m_config, m_graph, this);
    if (auto ok = m_signIns->start(); !ok)
        return ok;

    m_disconnects = new AccountDisconnector(m_config, m_graph, this);
    if (auto ok = m_disconnects->start(); !ok)
        return ok;

    int tickMs = std::min(m_config.jobIntervalMs, 60'000);
    if (m_config.catchUpIntervalMs > 0)
        tickMs = std::min(tickMs, m_config.catchUpIntervalMs);
    m_jobs = new SingletonJobs(m_config.db, m_config.workerId, tickMs, this);
    m_jobs->add({ QStringLiteral("token-refresh"), m_config.jobIntervalMs,
        tokenRefreshJob(m_graph, m_config.refreshBeforeMs, this) });
    m_jobs->add({ QStringLiteral("subscription-check"), m_config.jobIntervalMs,
        subscriptionJob(m_graph, this) });
    const AppCallback callback { m_config.metaAppId, m_config.metaAppSecret, m_config.publicUrl,
        m_config.verifyToken };
    if (callback.complete()) {
        m_jobs->add({ QStringLiteral("app-callback"), m_config.jobIntervalMs,
            appCallbackJob(m_graph, callback, this), /*atStart=*/true });
    } else {
        qCInfo(lcTeam).noquote()
            << "the app-level webhook registration is left to Meta's dashboard; missing:"
            << callback.missing().join(QStringLiteral(", "));
    }
    if (m_config.catchUpIntervalMs > 0) {
        m_catchUp = new CatchUp(m_graph, m_ingest->committer(), m_config.catchUpPaceMs, this);
        m_jobs->add({ QStringLiteral("catch-up"), m_config.catchUpIntervalMs, m_catchUp->job(),
            /*atStart=*/true });
    }
    m_jobs->start();

    m_reaper = new SessionReaper(m_config.db, m_config.agentLimits, this);
    m_reaper->start(int(std::min<qint64>(5'000,
        std::min(m_config.agentLimits.idleInTransactionMs, m_config.agentLimits.statementMs) / 2)));
    qCInfo(lcTeam) << "inlet-server" << m_config.workerId << "running; webhook at"
                   << webhookUrl().toString();
    return {};
}

QUrl InletServer::webhookUrl() const
{
    if (!m_webhook)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_config.listenAddress.toString());
    url.setPort(m_webhook->port());
    url.setPath(m_config.webhookPath);
    return url;
}

} // namespace inlet::server
