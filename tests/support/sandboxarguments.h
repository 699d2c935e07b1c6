#pragma once

// The inlet-sandbox command line for a SandboxOptions: what app-level tests give the app's
// SandboxController, which runs the sandbox as a child process (their own app and business ids,
// since the keyring is shared with tests running beside them). Port and state file are the
// controller's own (keepInProfile).
#include "sandbox/sandboxoptions.h"

#include <QStringList>

namespace inlet::test {

inline QStringList sandboxArguments(const sandbox::SandboxOptions &o)
{
    return { QStringLiteral("--app-id"), o.appId, QStringLiteral("--app-secret"), o.appSecret,
        QStringLiteral("--meta-app-id"), o.metaAppId, QStringLiteral("--meta-app-secret"),
        o.metaAppSecret, QStringLiteral("--business-id"), o.businessId,
        QStringLiteral("--customers"), QString::number(o.customers), QStringLiteral("--rate"),
        QString::number(o.eventsPerMinute), QStringLiteral("--seed"), QString::number(o.seed) };
}

} // namespace inlet::test
