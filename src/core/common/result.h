#pragma once

#include <QString>
#include <QStringList>

#include <expected>

namespace inlet {

// What went wrong, as a value. `code`/`subcode` carry Graph API error numbers when the error came
// from Instagram (or the sandbox); `httpStatus` the HTTP status when there was one.
struct Error {
    enum class Kind {
        Network,      // no answer: connection refused, timeout, DNS, TLS
        Http,         // an HTTP error without a Graph envelope
        Graph,        // Instagram's {"error":{...}} envelope
        Auth,         // OAuth flow errors (denied, wrong state, bad code)
        Parse,        // a body we could not understand
        Storage,      // SQLite: full disk, corruption, constraint
        Keychain,     // the OS keychain
        Cancelled,
        Invalid,      // bad input from the caller
    };

    // What the core means, when the words are the core's own: the app words it with tr()
    // (app/shell/errortext.h) and shows `message` only where it is someone else's words
    // (Instagram's, the media host's, the system's), as a detail. None: no reason of the core's.
    // The store keeps reasons as numbers (SendFailure::encode): add new ones at the end only.
    enum class Reason {
        None,
        Worded, // the app's own error: `message` is its sentence, already in the UI's language
        // sendpolicy::validate
        NoRecipient,
        EmptyMessage,
        TextAndAttachment,
        TextTooLong, // args: the text's bytes, the limit
        // reactions
        NoReaction,
        ReactionNotSendable, // args: the reaction
        NoSuchMessage,
        MessageNotSentYet, // not on Instagram yet: no reaction to it
        MessageUnsent,
        // app set-up and sign-in
        SecretBeforeAppId,
        SecretBeforeMetaAppId,
        SignInNotConfigured,
        NoSignInInProgress,
        SignInUsed,
        SignInDenied,
        SignInRefused, // args: Instagram's error, its description
        SignInWrongState,
        SignInNoCode,
        SignInNoToken,
        SignInNoMessagingPermission,
        SignInNoUserId,
        // the keychain, about `args`: 0 the app secret, 1 the access token, 2 the Meta app secret,
        // 3 the media host token
        KeychainNotFound,
        KeychainLocked,
        KeychainNoBackend,
        KeychainFailed, // message: the keychain's own words
        // the media host (uploader)
        UploadCancelled,
        UploadUnreadable, // message: the system's words
        UploadStalled, // args: seconds without progress
        UploadHttpError, // args: the HTTP status; message: the host's words
        UploadRefused, // args: the HTTP status; message: the host's words
        UploadUnexpectedAnswer, // args: the HTTP status
        UploadUnreachable, // message: the system's words
        UploadTooManyRedirects, // args: the limit
        UploadRedirectedAway, // args: the address it redirected to
        // webhooks
        WebhookNoMetaAppId,
        WebhookNoMetaAppSecret,
        // a saved-replies file (savedreplyjson::read)
        SavedRepliesTooLarge, // args: the limit in bytes
        SavedRepliesNotJson, // message: Qt's words
        SavedRepliesNotOurs,
        SavedRepliesNewer, // args: the file's version
        SavedRepliesTooMany, // args: the count, the limit
        SavedReplyIncomplete, // args: the reply's number from 1; code: savedreply's problem
        // the profile's data
        DataDirNotCreatable, // args: the directory
    };
    static constexpr Reason lastReason = Reason::DataDirNotCreatable; // keep it the last one

    Kind kind = Kind::Invalid;
    QString message; // the core's own words are for the log only; see Reason
    int code = 0;
    int subcode = 0;
    int httpStatus = 0;
    Reason reason = Reason::None;
    QStringList args; // the reason's parameters, in the order its comment gives them

    bool operator==(const Error &) const = default; // lets Qt's meta-types carry Result<T>

    static Error make(Kind k, QString msg, int code = 0, int subcode = 0, int httpStatus = 0)
    {
        Error e;
        e.kind = k;
        e.message = std::move(msg);
        e.code = code;
        e.subcode = subcode;
        e.httpStatus = httpStatus;
        return e;
    }
    // An error of the core's own making: `reason` for the app, `logMessage` for the log.
    static Error because(Kind k, Reason why, QString logMessage, QStringList whyArgs = {})
    {
        Error e = make(k, std::move(logMessage));
        e.reason = why;
        e.args = std::move(whyArgs);
        return e;
    }
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error::Kind k, QString msg, int code = 0, int subcode = 0,
                                   int httpStatus = 0)
{
    return std::unexpected(Error::make(k, std::move(msg), code, subcode, httpStatus));
}

inline std::unexpected<Error> fail(
    Error::Kind k, Error::Reason why, QString logMessage, QStringList whyArgs = {})
{
    return std::unexpected(Error::because(k, why, std::move(logMessage), std::move(whyArgs)));
}

} // namespace inlet
