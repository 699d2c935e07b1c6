#pragma once

// The windowed app as src/app/main.cpp composes it, for tests that start it, quit and start it
// again on one data dir: CoreLifecycle on the data dir (the core and the profile's inlet.ini,
// where AppConfig and the webhook port are kept), the login web profile, the sandbox kept in the
// profile (the inlet-sandbox executable as a child process, as in the app), sign-in, the main
// window, CoreBridge and SandboxResume. Destroying it is quitting.
#include "app/login/loginprofile.h"
#include "app/login/loginwindow.h"
#include "app/login/signincontroller.h"
#include "app/shell/avatarloader.h"
#include "app/shell/corebridge.h"
#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/sandboxresume.h"
#include "service/accountlist.h"
#include "service/corelifecycle.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "service/signinflow.h"
#include "store/guithread.h"
#include "support/sandboxarguments.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>
#include <optional>

namespace inlet::test {

class AppHarness {
public:
    AppHarness(const QString &dataDir, const sandbox::SandboxOptions &sandboxOptions)
    {
        guithread::declare(QThread::currentThread()); // as main.cpp: no SQL on this thread

        LifecycleOptions options;
        options.dataDir = dataDir;
        auto opened = CoreLifecycle::open(options);
        if (!opened) {
            error = opened.error().message;
            return;
        }
        lifecycle = std::move(*opened);
        core = lifecycle->core();
        settings = lifecycle->settings();
        accounts = core->accounts();

        profile.reset(app::createLoginProfile(dataDir, nullptr));
        avatars = std::make_unique<app::AvatarLoader>(&network);
        sandbox = std::make_unique<app::SandboxController>(
            core->sandboxLink(), sandboxArguments(sandboxOptions));
        sandbox->keepInProfile(dataDir, settings);
        signIn = std::make_unique<app::SignInController>(core->signInFlow(), profile.get());
        window = std::make_unique<app::MainWindow>(
            app::MainWindow::AccountServices { accounts, core->signInFlow(), core->appSetup() },
            signIn.get(), sandbox.get(), avatars.get());
        bridge = std::make_unique<app::CoreBridge>(core, window.get());
        resume = std::make_unique<app::SandboxResume>(
            accounts, core->appSetup(), sandbox.get(), window.get(), settings);
    }

    ~AppHarness()
    {
        // main.cpp's order: its locals go in reverse, then the core.
        resume.reset();
        bridge.reset();
        window.reset();
        signIn.reset();
        sandbox.reset();
        avatars.reset();
        profile.reset();
        lifecycle.reset();
    }

    bool isValid() const { return lifecycle != nullptr; }

    // What main() does once the window exists (`demo`: --sandbox-demo).
    void start(bool demo = false)
    {
        resume->start(demo, [this] { lifecycle->start(); });
        window->show();
    }

    // Waits for the login window and presses Allow on the sandbox's consent page.
    bool allowInLoginWindow(int timeoutMs = 15000)
    {
        if (!QTest::qWaitFor([this] { return signIn->window() != nullptr; }, timeoutMs))
            return false;
        QWebEnginePage *page = signIn->window()->view()->page();
        // Polled rather than waited for with loadFinished, which may have passed already. The
        // answer is shared: a late one must not write into a finished frame.
        const auto hasAllow = [page] {
            auto found = std::make_shared<std::optional<bool>>();
            page->runJavaScript(QStringLiteral("document.getElementById('allow') !== null"),
                [found](const QVariant &v) { *found = v.toBool(); });
            (void)QTest::qWaitFor([found] { return found->has_value(); }, 2000);
            return found->value_or(false);
        };
        if (!QTest::qWaitFor(hasAllow, timeoutMs))
            return false;
        page->runJavaScript(QStringLiteral("document.getElementById('allow').click();"));
        return true;
    }

    QString error;
    std::unique_ptr<CoreLifecycle> lifecycle; // owns the core and the profile's settings
    CoreServices *core = nullptr;
    QSettings *settings = nullptr; // the profile's inlet.ini
    AccountList *accounts = nullptr;
    std::unique_ptr<QWebEngineProfile> profile;
    QNetworkAccessManager network;
    std::unique_ptr<app::AvatarLoader> avatars;
    std::unique_ptr<app::SandboxController> sandbox;
    std::unique_ptr<app::SignInController> signIn;
    std::unique_ptr<app::MainWindow> window;
    std::unique_ptr<app::CoreBridge> bridge;
    std::unique_ptr<app::SandboxResume> resume;
};

} // namespace inlet::test
