#pragma once

// The windowed app as src/app/main.cpp composes it, for tests that start it, quit and start it
// again on one data dir: the core on the data dir, the profile's settings (inlet.ini, as main.cpp
// keeps AppConfig and the webhook port there), the sandbox kept in the profile (the inlet-sandbox
// executable as a child process, as in the app), sign-in (the login window in its own process,
// inlet-login, driven through Chromium's DevTools), the main window, CoreBridge and
// SandboxResume. Destroying it is quitting.
#include "app/login/signincontroller.h"
#include "app/shell/avatarloader.h"
#include "app/shell/corebridge.h"
#include "app/shell/mainwindow.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/sandboxresume.h"
#include "common/ondone.h"
#include "service/accountservice.h"
#include "service/appconfig.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"
#include "store/guithread.h"
#include "support/devtools.h"
#include "support/sandboxarguments.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

namespace inlet::test {

class AppHarness {
public:
    AppHarness(const QString &dataDir, const sandbox::SandboxOptions &sandboxOptions)
        : settings(QDir(dataDir).filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat)
        , devTools(useDevToolsPort()) // the login windows this app opens
    {
        guithread::declare(QThread::currentThread()); // as main.cpp: no SQL on this thread

        CoreOptions options;
        options.dataDir = dataDir;
        options.webhookPort = quint16(settings.value(QStringLiteral("webhook/port"), 0).toUInt());
        options.verifyToken = webhookVerifyToken(settings);
        auto created = CoreServices::create(options);
        if (!created) {
            error = created.error().message;
            return;
        }
        core = std::move(*created);
        accounts = core->accounts();
        QObject::connect(
            core.get(), &CoreServices::webhookStarted, core.get(), [this](const QUrl &url) {
                if (settings.value(QStringLiteral("webhook/port"), 0).toUInt() == 0)
                    settings.setValue(QStringLiteral("webhook/port"), url.port());
            });
        accounts->setConfig(AppConfig::load(settings));
        QObject::connect(accounts, &AccountService::configChanged, core.get(),
            [this](const AppConfig &config) { config.save(settings); });

        avatars = std::make_unique<app::AvatarLoader>(&network);
        sandbox = std::make_unique<app::SandboxController>(
            core->sandboxLink(), sandboxArguments(sandboxOptions));
        sandbox->keepInProfile(dataDir, &settings);
        signIn = std::make_unique<app::SignInController>(accounts, dataDir);
        window = std::make_unique<app::MainWindow>(
            accounts, signIn.get(), sandbox.get(), avatars.get());
        bridge = std::make_unique<app::CoreBridge>(core.get(), window.get());
        resume = std::make_unique<app::SandboxResume>(
            accounts, sandbox.get(), window.get(), &settings);
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
        core.reset();
    }

    bool isValid() const { return core != nullptr; }

    // What main() does once the window exists (`demo`: --sandbox-demo).
    void start(bool demo = false)
    {
        resume->start(demo, [this] {
            onDone(accounts->load(), bridge.get(), [this](const Status &) { bridge->start(); });
        });
        window->show();
    }

    // Waits for the login window and presses Allow on the sandbox's consent page.
    bool allowInLoginWindow(int timeoutMs = 15000)
    {
        return test::allowInLoginWindow(devTools, timeoutMs);
    }

    QString error;
    QSettings settings;
    quint16 devTools = 0;
    std::unique_ptr<CoreServices> core;
    AccountService *accounts = nullptr;
    QNetworkAccessManager network;
    std::unique_ptr<app::AvatarLoader> avatars;
    std::unique_ptr<app::SandboxController> sandbox;
    std::unique_ptr<app::SignInController> signIn;
    std::unique_ptr<app::MainWindow> window;
    std::unique_ptr<app::CoreBridge> bridge;
    std::unique_ptr<app::SandboxResume> resume;
};

} // namespace inlet::test
