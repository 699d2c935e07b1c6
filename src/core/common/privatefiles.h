#pragma once

#include <QString>

namespace inlet::privatefiles {

// Inlet's data (messages, customer names and pictures, settings) is readable by its user only.
// Two layers, because either alone leaves a gap:
//  - restrictUmask() once at process start (main.cpp): every file any library creates later
//    (QSettings' save files, SQLite's -wal/-shm/-journal, WebEngine's profile, caches) is born
//    0600 / 0700 without chasing each call site, including ones added in future;
//  - makePrivateDir()/makePrivateFile() where the data dir, the database and inlet.ini are
//    created or opened: they also narrow a profile an older Inlet created 0644/0755, and they
//    hold for the core on its own (tests, tools) where main() did not set the umask.
// SQLite creates -wal and -shm with the permissions of the database file, so a 0600 database
// gives 0600 companions. On Windows these are no-ops (the profile directory is per-user already).

// Sets the process umask to 077 (Unix). Returns the previous mask.
unsigned restrictUmask();
// Creates `path` (and missing parents) and narrows `path` itself to 0700. False if it cannot be
// created.
bool makePrivateDir(const QString &path);
// Creates an empty `path` if absent, and narrows it to 0600. False if it cannot be created.
bool makePrivateFile(const QString &path);
// Narrows an existing file to 0600; nothing if it does not exist.
void restrictFile(const QString &path);

} // namespace inlet::privatefiles
