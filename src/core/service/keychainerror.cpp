#include "service/keychainerror.h"

#include "auth/tokenvault.h"

namespace inlet {

Error explainKeychain(const Error &error, KeychainItem item)
{
    Error explained = error;
    if (TokenVault::isNotFound(error))
        explained.reason = Error::Reason::KeychainNotFound;
    else if (TokenVault::isLocked(error))
        explained.reason = Error::Reason::KeychainLocked;
    else if (TokenVault::isNoBackend(error))
        explained.reason = Error::Reason::KeychainNoBackend;
    else
        explained.reason = Error::Reason::KeychainFailed;
    explained.args = { QString::number(int(item)) };
    return explained;
}

} // namespace inlet
