#pragma once

#include "common/result.h"

namespace inlet {

// What a keychain error is about; the app names it (app/shell/errortext.h).
enum class KeychainItem {
    AppSecret,
    AccessToken,
    MetaAppSecret,
    MediaHostToken,
};

// A keychain error (TokenVault) as a reason the app words: what happened to `item` and what to do
// about it (Error::Reason::Keychain*, args: the item's number). Same kind and code as `error`; the
// keychain's own words stay the message.
Error explainKeychain(const Error &error, KeychainItem item);

} // namespace inlet
