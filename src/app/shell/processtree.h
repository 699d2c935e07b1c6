#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace inlet::app::processtree {

// Linux's /proc, read for the start-up benchmark (startupprobe.h) and the tests of the login
// window's process; empty elsewhere.

// A file of /proc (e.g. "/proc/self/status"); empty when it cannot be read.
QByteArray read(const QString &path);

// A "Key:   123 kB" line of /proc/<pid>/status or smaps_rollup, in kB (0 if missing).
qint64 kb(const QString &path, const QByteArray &key);

// The fields of /proc/<pid>/stat after the command name (which may contain spaces): [0] is the
// state (field 3 of proc(5)), so field N is at index N - 3.
QList<QByteArray> statFields(const QString &pid);

// Every process below `pid` (children, their children, ...), as pids.
QStringList descendants(qint64 pid);

// What the process is: "renderer", "zygote", ... from a Chromium child's --type= argument, else
// its program's file name ("inlet-login"). Chromium rewrites its children's command lines into
// one string with spaces, so both separators count.
QString kind(const QString &pid);

} // namespace inlet::app::processtree
