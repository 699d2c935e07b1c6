#pragma once

#include <QByteArray>

namespace inlet::app {

// The login view runs Chromium, whose zygote refuses to start as root with its sandbox on
// ("Running as root without --no-sandbox is not supported") and takes the whole app with it.
// A new user on a fresh container, VM or CI box is often root, so as root the web view runs
// without the Chromium sandbox (the app says so once in its log); every other user keeps it.
enum class ChromiumSandbox {
    On, // a normal user: Chromium's sandbox stays on
    OffAsRoot, // root: switched off by Inlet (QTWEBENGINE_DISABLE_SANDBOX=1)
    OffAlready, // the environment already switched it off (QTWEBENGINE_DISABLE_SANDBOX or
                // --no-sandbox in QTWEBENGINE_CHROMIUM_FLAGS)
};

// The decision alone. `disableVariable` and `chromiumFlags` are the values of
// QTWEBENGINE_DISABLE_SANDBOX and QTWEBENGINE_CHROMIUM_FLAGS (empty when unset).
ChromiumSandbox chromiumSandboxFor(
    bool runsAsRoot, const QByteArray &disableVariable, const QByteArray &chromiumFlags);

// True for the superuser (effective uid 0) on Unix; false elsewhere.
bool runsAsRoot();

// Decides for this process and applies the decision to its environment, where Qt WebEngine reads
// it when Chromium starts (the first QWebEngineProfile). main() calls it before QApplication
// exists, createLoginProfile() again (for tests); only the first call decides and logs.
ChromiumSandbox prepareChromiumSandbox();

} // namespace inlet::app
