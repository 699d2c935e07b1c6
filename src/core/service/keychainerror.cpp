#include "service/keychainerror.h"

#include "auth/tokenvault.h"

namespace inlet {

Error explainKeychain(const Error &error, const QString &what)
{
    QString message;
    if (TokenVault::isNotFound(error))
        message = QStringLiteral("%1 is not in the keychain (or the keyring is locked: unlock it "
                                 "and try again).")
                      .arg(what);
    else if (TokenVault::isLocked(error))
        message = QStringLiteral("The keyring is locked or refused access to %1. Unlock your "
                                 "keyring, or sign in again.")
                      .arg(what);
    else if (TokenVault::isNoBackend(error))
        message = QStringLiteral("No keyring is available on this system, so %1 cannot be kept "
                                 "safely. You can keep it for this session only (in memory).")
                      .arg(what);
    else
        message = QStringLiteral("The keychain failed with %1: %2").arg(what, error.message);
    Error explained = error;
    explained.message = message;
    return explained;
}

} // namespace inlet
