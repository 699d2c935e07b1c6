#pragma once

#include <QString>

class QObject;
class QWebEngineProfile;

namespace inlet::app {

// The web profile every login window uses: off the record, so Chromium writes nothing of
// Instagram's web session (cookies, local storage, cache) to disk: that session is broader than
// the API token, and secrets live only in the keychain. What it holds in memory is dropped by
// forgetLoginSession() after every sign-in and on Disconnect. `dataDir` is only cleaned: the
// on-disk profile of earlier versions (<dataDir>/webengine) is removed.
QWebEngineProfile *createLoginProfile(const QString &dataDir, QObject *parent);

// Signs the login view out of Instagram: cookies and visited links are dropped, so
// the next sign-in shows Instagram's login again, not a remembered session.
void forgetLoginSession(QWebEngineProfile *profile);

} // namespace inlet::app
