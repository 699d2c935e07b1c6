#pragma once

#include <QString>
#include <QUrl>

namespace inlet {

// Log-safe forms of secrets: never log a token or a secret in clear, anywhere.
// "IGAAbc…xyz" -> "IGAA…(40 chars)". Enough to tell two tokens apart in a log, not to use one.
QString redactSecret(const QString &secret);

// A URL with access_token, client_secret, code and similar query values replaced by "REDACTED".
QString redactUrl(const QUrl &url);

} // namespace inlet
