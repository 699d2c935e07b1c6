#pragma once

#include <QString>

class QObject;
class QWebEngineProfile;

namespace inlet::app {

// The web profile every login window uses: named and stored under the data dir, apart from any
// other Chromium state, so Instagram's session survives restarts and can be cleared on its own.
QWebEngineProfile *createLoginProfile(const QString &dataDir, QObject *parent);

} // namespace inlet::app
