#include "service/headlessrunner.h"

#include "common/logging.h"
#include "common/quitonsignal.h"
#include "service/corelifecycle.h"
#include "service/coreservices.h"
#include "service/teamreplicarunner.h"

#include <QCoreApplication>
#include <QTextStream>

namespace inlet {

void HeadlessRunner::installSignalHandlers()
{
    if (!quitOnTerminationSignals("inlet --headless"))
        qCWarning(lcApp) << "cannot install signal handlers";
}

HeadlessRunner::HeadlessRunner(HeadlessOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

HeadlessRunner::~HeadlessRunner() = default;

CoreServices *HeadlessRunner::core() const
{
    return m_lifecycle ? m_lifecycle->core() : nullptr;
}

Status HeadlessRunner::start()
{
    if (!m_options.teamConnection.isEmpty())
        return startTeam();
    LifecycleOptions options;
    options.dataDir = m_options.dataDir;
    options.webhookPort = m_options.webhookPort;
    options.pollingMode = m_options.pollingMode;
    options.pollIntervalMs = m_options.pollIntervalMs;
    options.sessionOnlySecrets = m_options.sessionOnlySecrets;
    options.webhookRequired = true;
    options.sandboxBase = m_options.sandboxBase;
    auto opened = CoreLifecycle::open(options);
    if (!opened)
        return std::unexpected(opened.error());
    m_lifecycle = std::move(*opened);
    CoreServices *core = m_lifecycle->core();

    connect(core, &CoreServices::webhookStarted, this, [this](const QUrl &url) {
        QTextStream out(stdout);
        out << "webhook: " << url.toString() << Qt::endl;
        emit ready(url);
    });
    connect(core, &CoreServices::webhookSubscriptionFailed, this,
        [](const QString &id, const Error &error) {
            qCWarning(lcWebhook) << "subscribing" << id << "failed:" << error.message;
        });
    connect(m_lifecycle.get(), &CoreLifecycle::fatal, this,
        [this](const Error &error) { failHard(error.message); });
    m_lifecycle->start();
    return {};
}

void HeadlessRunner::failHard(const QString &message)
{
    qCCritical(lcApp).noquote() << message;
    emit fatal(message);
    QCoreApplication::exit(1);
}

// `--team`: an agent's replica instead of the core (service/teamreplicarunner.h).
Status HeadlessRunner::startTeam()
{
    m_team = std::make_unique<TeamReplicaRunner>(
        m_options.dataDir, m_options.teamConnection, m_options.sessionOnlySecrets);
    connect(m_team.get(), &TeamReplicaRunner::fatal, this, &HeadlessRunner::failHard);
    return m_team->start();
}

} // namespace inlet
