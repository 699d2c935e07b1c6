#pragma once

#include <QString>
#include <QStringList>

namespace inlet::app {

// Where a program that ships with Inlet (inlet-sandbox, inlet-login) is: `override` when set
// (an environment variable; nothing else is tried then); else the first of `dirs`, relative to
// `appDir` (the app's own folder), that holds an executable `program` (.exe added on Windows).
// Empty when none; `looked` gets the places tried.
QString findCompanionProgram(const QString &program, const QString &override, const QString &appDir,
    const QStringList &dirs, QStringList *looked = nullptr);

} // namespace inlet::app
