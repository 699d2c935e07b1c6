#include "app/login/chromiumsandbox.h"

#include "common/logging.h"

#include <QList>
#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace inlet::app {

namespace {
constexpr const char *kDisableVariable = "QTWEBENGINE_DISABLE_SANDBOX";
constexpr const char *kFlagsVariable = "QTWEBENGINE_CHROMIUM_FLAGS";
} // namespace

ChromiumSandbox chromiumSandboxFor(
    bool runsAsRoot, const QByteArray &disableVariable, const QByteArray &chromiumFlags)
{
    // An empty variable is taken as unset, so that root then still gets a value that counts.
    if (!disableVariable.isEmpty())
        return ChromiumSandbox::OffAlready;
    const QList<QByteArray> flags = chromiumFlags.simplified().split(' ');
    if (flags.contains(QByteArrayLiteral("--no-sandbox")))
        return ChromiumSandbox::OffAlready;
    return runsAsRoot ? ChromiumSandbox::OffAsRoot : ChromiumSandbox::On;
}

bool runsAsRoot()
{
#if defined(Q_OS_UNIX)
    return ::geteuid() == 0;
#else
    return false;
#endif
}

ChromiumSandbox prepareChromiumSandbox()
{
    static const ChromiumSandbox decided = [] {
        const ChromiumSandbox decision
            = chromiumSandboxFor(runsAsRoot(), qgetenv(kDisableVariable), qgetenv(kFlagsVariable));
        if (decision == ChromiumSandbox::OffAsRoot) {
            qputenv(kDisableVariable, QByteArrayLiteral("1"));
            qCInfo(lcApp) << "running as root: the login view runs without Chromium's sandbox "
                             "(Chromium refuses to start as root with it); run Inlet as a normal "
                             "user to keep it";
        }
        return decision;
    }();
    return decided;
}

} // namespace inlet::app
