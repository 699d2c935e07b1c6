#pragma once

// A team connection as an administrator hands it out for a database on another computer:
// verify-full with a CA file (what team mode accepts there). Header only.
#include "service/teamsettings.h"

namespace inlet::test {

inline TeamSettings remoteTeamSettings()
{
    TeamSettings s;
    s.host = QStringLiteral("db.example.com");
    s.port = 6432;
    s.database = QStringLiteral("inlet");
    s.role = QStringLiteral("ana");
    s.sslMode = QStringLiteral("verify-full");
    s.sslRootCert = QStringLiteral("/etc/inlet/team-ca.pem");
    return s;
}

} // namespace inlet::test
