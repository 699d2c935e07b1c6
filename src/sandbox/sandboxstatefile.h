#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace inlet::sandbox {

struct SandboxState;

// What a sandbox keeps across restarts (SandboxOptions::stateFile), so an app that stored a token
// finds it still accepted, as on Instagram: the tokens it issued (by SHA-256, never in clear, with
// their times and permissions), the clock offset (time never goes backwards) and the message id
// counter (new mids never repeat ones the app already stored). Authorization codes (1 h) and the
// demo world (regenerated from its seed) are not kept.
class SandboxStateFile {
public:
    explicit SandboxStateFile(QString path)
        : m_path(std::move(path))
    {
    }
    const QString &path() const { return m_path; }

    // Restores an earlier run's state into `state` (whose options are set). A missing file is a
    // first start. A file of another app (id or secret) or business account restores no tokens:
    // they were not issued to this one. An unreadable file is an error; `state` is untouched.
    Status load(SandboxState &state);
    // Writes atomically (QSaveFile, owner-only), and only when something changed since the last
    // load or save.
    Status save(const SandboxState &state);

private:
    QString m_path;
    QByteArray m_written; // what the file holds, as far as this object knows
};

} // namespace inlet::sandbox
