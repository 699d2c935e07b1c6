#pragma once

// What runs below a process and what it has loaded, from Linux's /proc (tests of the login
// window's own process, inlet-login).
#include "app/shell/processtree.h"

#include <QStringList>

#include <optional>

namespace inlet::test {

// Whether the process `pid` has a Qt WebEngine library mapped (/proc/<pid>/maps); nullopt when
// its maps cannot be read (it is gone, or not Linux).
std::optional<bool> mapsQtWebEngine(qint64 pid);

// The login window's processes (inlet-login) below `pid`, as pids.
QStringList loginWindowProcesses(qint64 pid);

// True while the process `pid` exists and is not a zombie.
bool processAlive(qint64 pid);

inline std::optional<bool> mapsQtWebEngine(qint64 pid)
{
    const QByteArray maps = app::processtree::read(QStringLiteral("/proc/%1/maps").arg(pid));
    if (maps.isEmpty())
        return std::nullopt;
    return maps.contains("libQt6WebEngine");
}

inline QStringList loginWindowProcesses(qint64 pid)
{
    QStringList found;
    for (const QString &child : app::processtree::descendants(pid)) {
        const QByteArray command
            = app::processtree::read(QStringLiteral("/proc/%1/cmdline").arg(child));
        if (command.left(command.indexOf('\0')).endsWith("/inlet-login")
            && processAlive(child.toLongLong()))
            found << child;
    }
    return found;
}

inline bool processAlive(qint64 pid)
{
    const QList<QByteArray> fields = app::processtree::statFields(QString::number(pid));
    return !fields.isEmpty() && fields.first() != "Z" && fields.first() != "X";
}

} // namespace inlet::test
