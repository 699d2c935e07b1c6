#pragma once

#include "common/result.h"
#include "team/replicafollower.h"

#include <QString>

class QSettings;

namespace inlet {

// Why TeamSettings::connection() refused, in Error::code (Error::Kind::Invalid); the app words it.
enum class TeamSettingsProblem {
    Incomplete = 1, // host, database or role missing
    BadPort,
    RemoteNeedsVerifiedTls, // not loopback: sslmode verify-full and a CA file are required
    Refused, // anything else TeamConnection::parse refused (the message says what)
};

// Team mode's connection (docs/team.md, "The GUI's team mode"): the non-secret part, kept in the
// profile's inlet.ini under team/*. The agent's password is never here: it lives in the keychain
// under connection().vaultKey() (TokenVault), as the accounts' tokens do.
struct TeamSettings {
    QString host;
    int port = 5432;
    QString database;
    QString role; // the agent's PostgreSQL login role
    // libpq's sslmode; empty: "prefer" on loopback, "verify-full" elsewhere (TeamConnection).
    QString sslMode;
    QString sslRootCert; // the CA file verify-full checks the server's certificate against

    // Whether the profile is in team mode (a host, a database and a role are set).
    bool isSet() const { return !host.isEmpty() && !database.isEmpty() && !role.isEmpty(); }

    static TeamSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Leaves team mode: removes every team/* key (the password is the caller's to remove).
    static void clear(QSettings &settings);

    // The connection, checked as `inlet --headless --team` checks its URI and, beyond it, a host
    // that is not loopback needs verify-full with a CA file (the app leaves no choice there).
    // Invalid with a TeamSettingsProblem code.
    Result<team::TeamConnection> connection() const;
};

} // namespace inlet
