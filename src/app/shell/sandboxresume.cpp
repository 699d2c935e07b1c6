#include "app/shell/sandboxresume.h"

#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "common/logging.h"
#include "service/accountlist.h"
#include "service/appsetup.h"

#include <QSettings>

namespace inlet::app {

namespace {
const QString kUsesSandboxKey = QStringLiteral("app/sandbox");
}

SandboxResume::SandboxResume(AccountList *accounts, AppSetup *app, SandboxController *sandbox,
    MainWindow *window, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_sandbox(sandbox)
    , m_window(window)
    , m_settings(settings)
{
    // Remembered for the next start: switching to real Instagram hosts (Settings) forgets it.
    connect(app, &AppSetup::configChanged, this, [this] {
        if (m_settings)
            m_settings->setValue(kUsesSandboxKey, m_sandbox->isActive());
    });
    connect(m_accounts, &AccountList::accountNeedsSignIn, this, [this](const QString &id) {
        if (m_coreStarted && m_sandbox->isActive() && id == m_sandbox->businessId())
            promptOnce();
    });
}

bool SandboxResume::profileUsesSandbox() const
{
    return m_settings && m_settings->value(kUsesSandboxKey).toBool();
}

void SandboxResume::start(bool demo, std::function<void()> startCore)
{
    m_startCore = std::move(startCore);
    m_demo = demo;
    if (!demo && !profileUsesSandbox()) {
        this->startCore();
        return;
    }
    m_window->showStatus(MainWindow::tr("Starting the sandbox…")); // (translated there)
    connect(m_sandbox, &SandboxController::ready, this, &SandboxResume::onSandboxReady,
        Qt::SingleShotConnection);
    // Without a sandbox the core still starts; the window says why the sandbox is missing.
    connect(m_sandbox, &SandboxController::failed, this, &SandboxResume::startCore,
        Qt::SingleShotConnection);
    m_sandbox->ensureStarted();
}

void SandboxResume::onSandboxReady()
{
    // Ready means: the hosts follow the sandbox (a new port if the kept one was taken) and the
    // app secrets are in the keychain as for a real Meta app, before the core reads them for the
    // webhook server.
    startCore();
    signInIfNeeded();
}

void SandboxResume::startCore()
{
    if (m_coreStarted)
        return;
    m_coreStarted = true;
    if (m_startCore)
        m_startCore();
    emit coreStarted();
}

void SandboxResume::signInIfNeeded()
{
    const auto account = m_accounts->account(m_sandbox->businessId());
    // No account: --sandbox-demo asks at once; a manager who disconnected it gets the welcome
    // page (Try the sandbox is then instant).
    if ((!account && m_demo) || (account && account->needsSignIn)) {
        promptOnce();
        return;
    }
    if (!account)
        return;
    // Otherwise its token goes keychain -> sandbox like any account's; a missing token or a 190
    // arrives as accountNeedsSignIn (connected in the constructor).
    qCInfo(lcApp) << "sandbox account found: resuming without the consent page";
}

void SandboxResume::promptOnce()
{
    if (m_prompted)
        return;
    m_prompted = true;
    m_window->trySandbox();
}

} // namespace inlet::app
