#include "app/shell/corebridge.h"

#include "app/settings/teamdialog.h"
#include "app/shell/accountspanel.h"
#include "app/shell/connectivityindicator.h"
#include "app/shell/mainwindow.h"
#include "app/shell/syncindicator.h"
#include "app/shell/teamindicator.h"
#include "graph/connectivity.h"
#include "service/accountlist.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/subscriptionkeeper.h"
#include "service/teammode.h"
#include "service/triagewritequeue.h"
#include "sync/syncengine.h"

#include <QStatusBar>

namespace inlet::app {

CoreBridge::CoreBridge(CoreServices *core, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_window(window)
    , m_offline(new ConnectivityIndicator(window))
{
    Connectivity *connectivity = m_core->connectivity();
    m_window->statusBar()->addPermanentWidget(m_offline);
    m_offline->setConnectivity(connectivity);
    connect(connectivity, &Connectivity::onlineChanged, this, [this](bool online) {
        m_offline->setSandbox(m_core->sandboxLink()->isActive());
        if (!online)
            return;
        m_window->showStatus(m_core->sandboxLink()->isActive() ? tr("The sandbox answers again.")
                                                               : tr("Instagram answers again."));
        syncNow(); // catch up on what happened while offline
    });
    connect(m_offline, &ConnectivityIndicator::retryRequested, this, [this, connectivity] {
        connectivity->retryNow();
        syncNow();
    });
    // What follows from it (subscriptions, sync) is CoreLifecycle's, as in headless mode.
    connect(m_core, &CoreServices::webhookStarted, this, [this](const QUrl &url) {
        m_window->showStatus(tr("Receiving webhooks at %1").arg(url.toString()));
    });
    connect(m_core, &CoreServices::syncProgress, this, [this](const QString &, int done, int total) {
        m_window->showStatus(tr("Syncing conversations: %1 of %2").arg(done).arg(total));
    });
    connect(m_core, &CoreServices::syncProgress, m_window->syncIndicator(), &SyncIndicator::showProgress);
    connect(m_core, &CoreServices::syncFinished, m_window->syncIndicator(), &SyncIndicator::showFinished);
    // How each account's messages arrive, in the accounts panel.
    SubscriptionKeeper *keeper = m_core->subscriptions();
    connect(keeper, &SubscriptionKeeper::statusChanged, this, [this, keeper](const QString &id) {
        m_window->accountsPanel()->setSubscriptionStatus(id, keeper->status(id));
    });
}

void CoreBridge::showTeam(TeamMode *team, const std::optional<Error> &refused)
{
    delete m_teamIndicator;
    m_window->setTeamMode(team != nullptr);
    if (team) {
        m_teamIndicator = new TeamIndicator(team, m_core->outbox(), m_window);
        m_window->statusBar()->addPermanentWidget(m_teamIndicator);
        // (The indicator as the context: the connection goes with this team.)
        connect(team->writeQueue(), &TriageWriteQueue::rolledBack, m_teamIndicator,
            [this](const QJsonObject &write) { m_window->showStatus(refusedWriteText(write)); });
    } else if (refused) {
        m_window->showStatus(tr("Team mode is not started: %1 (File > Team)")
                                 .arg(TeamDialog::problemText(*refused)));
    }
}

QString CoreBridge::refusedWriteText(const QJsonObject &write)
{
    const QString op = write.value(QLatin1String("op")).toString();
    const QString name = write.value(QLatin1String("name")).toString();
    const QString title = write.value(QLatin1String("title")).toString();
    if (op == QLatin1String("saveLabel"))
        return tr("The team refused the label “%1” saved while offline; it is back as it was.")
            .arg(name);
    if (op == QLatin1String("removeLabel"))
        return tr("The team refused deleting the label “%1” while offline; it is back.").arg(name);
    if (op == QLatin1String("setConversationLabel"))
        return write.value(QLatin1String("on")).toBool()
            ? tr("The label “%1” put on a conversation while offline was refused by the team "
                 "(it may have been deleted); it was taken off again.")
                  .arg(name)
            : tr("The team refused taking the label “%1” off a conversation while offline; it "
                 "is on again.")
                  .arg(name);
    if (op == QLatin1String("saveReply"))
        return tr("The team refused the saved reply “%1” saved while offline; it is back as it "
                  "was.")
            .arg(title);
    if (op == QLatin1String("removeReply"))
        return tr("The team refused deleting the saved reply “%1” while offline; it is back.")
            .arg(title);
    return tr("The team refused a change made while offline; it was undone.");
}

void CoreBridge::syncNow()
{
    m_core->startAccounts(); // accounts not syncing yet
    for (const Account &account : m_core->accounts()->accounts()) {
        SyncEngine *engine = m_core->syncEngine(account.id);
        if (engine && !engine->isRunning())
            engine->start(SyncEngine::Mode::Incremental); // what changed since the last walk
    }
}

} // namespace inlet::app
