#pragma once

#include "common/result.h"

namespace inlet {

// A keychain error (TokenVault) in the manager's words: what happened to `what` ("The access
// token", "The App Secret") and what to do about it. Same kind and code as `error`.
Error explainKeychain(const Error &error, const QString &what);

} // namespace inlet
