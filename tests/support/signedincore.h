#pragma once

// The whole core (CoreServices) signed in to a test's sandbox, as `inlet --headless --sandbox`
// does it: the sandbox's app credentials through SandboxLink::use, then OAuth with the sandbox's
// headless consent (POST /__sandbox/consent) in place of a browser. The steps are also there one
// by one, for tests that act between them.
#include "auth/tokenvault.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "support/await.h"
#include "support/sandboxfixture.h"
#include "sync/syncengine.h"

#include <QSignalSpy>

#include <memory>
#include <optional>

namespace inlet::test {

// The sandbox's app: both credential pairs (instagram-api.md §11), or the Instagram pair alone.
inline AppCredentials appCredentials(const TestSandbox &sandbox, bool withMetaPair = true)
{
    const sandbox::SandboxOptions &o = sandbox.options();
    return withMetaPair ? AppCredentials { o.appId, o.appSecret, o.metaAppId, o.metaAppSecret }
                        : AppCredentials { o.appId, o.appSecret, {}, {} };
}

// Points `link`'s accounts at the sandbox with `app` (SandboxLink::use); false on failure.
inline bool useSandbox(SandboxLink &link, const TestSandbox &sandbox, const AppCredentials &app)
{
    const auto stored = await(link.use(sandbox.base(), app));
    return stored && *stored;
}

// One whole sign-in through the sandbox's headless consent; the new account, or nullopt.
inline std::optional<Account> signIn(
    SignInFlow &flow, TestSandbox &sandbox, int timeoutMs = kAwaitTimeoutMs)
{
    const auto request = await(flow.beginSignIn());
    if (!request || !*request)
        return std::nullopt;
    const Result<QString> code
        = flow.handleRedirect(sandbox.control().consent((*request)->authorizeUrl));
    if (!code)
        return std::nullopt;
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    flow.completeSignIn(*code);
    if (!signedIn.wait(timeoutMs))
        return std::nullopt;
    return signedIn.first().first().value<Account>();
}

// CoreServices on `options`; null (and a warning) when it cannot start.
inline std::unique_ptr<CoreServices> createCore(const CoreOptions &options)
{
    auto created = CoreServices::create(options);
    if (!created) {
        qWarning("core: %s", qPrintable(created.error().message));
        return nullptr;
    }
    return std::move(*created);
}

// What signedInCore does besides signing in.
struct SignedInSteps {
    AppCredentials app {}; // empty: the sandbox's two pairs
    bool sessionOnlyVault = false; // tokens in memory only, not in the keychain
    bool firstSync = false; // wait until the sync that signing in starts has ended
    bool webhookServer = false; // start the embedded webhook server and wait until it listens
};

// The core on `options`, signed in to `sandbox`; null (and a warning) when a step failed.
inline std::unique_ptr<CoreServices> signedInCore(
    TestSandbox &sandbox, const CoreOptions &options, SignedInSteps steps = {})
{
    std::unique_ptr<CoreServices> core = createCore(options);
    if (!core)
        return nullptr;
    if (steps.sessionOnlyVault)
        core->vault()->setSessionOnlyFallback(true);
    if (steps.app.appId.isEmpty())
        steps.app = appCredentials(sandbox);
    if (!useSandbox(*core->sandboxLink(), sandbox, steps.app)) {
        qWarning("the sandbox's app was not taken");
        return nullptr;
    }
    const std::optional<Account> account = signIn(*core->signInFlow(), sandbox);
    if (!account) {
        qWarning("sign-in to the sandbox failed");
        return nullptr;
    }
    if (steps.firstSync) {
        if (!QTest::qWaitFor([&] { return core->syncEngine(account->id) != nullptr; }, 5000)) {
            qWarning("signing in started no sync");
            return nullptr;
        }
        SyncEngine *engine = core->syncEngine(account->id);
        QSignalSpy finished(engine, &SyncEngine::finished);
        if (engine->isRunning() && !finished.wait(30000)) {
            qWarning("the first sync did not end");
            return nullptr;
        }
    }
    if (steps.webhookServer) {
        QSignalSpy started(core.get(), &CoreServices::webhookStarted);
        core->startWebhookServer();
        if (!started.wait(10000)) {
            qWarning("the webhook server did not start");
            return nullptr;
        }
    }
    return core;
}

} // namespace inlet::test
