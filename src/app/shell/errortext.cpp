#include "app/shell/errortext.h"

#include "auth/tokenvault.h"
#include "model/savedreply.h"
#include "service/keychainerror.h"
#include "service/triagewrites.h"
#include "store/storetypes.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkReply>

namespace inlet::app {

namespace {

// The translation context of these sentences (a class, so that lupdate finds them).
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(inlet::app::ErrorText)
};

QString arg(const Error &e, qsizetype i)
{
    return e.args.value(i);
}

QString keychainItem(const Error &e)
{
    if (e.args.isEmpty())
        return ErrorText::tr("the secret");
    switch (KeychainItem(arg(e, 0).toInt())) {
    case KeychainItem::AppSecret:
        return ErrorText::tr("the App Secret");
    case KeychainItem::AccessToken:
        return ErrorText::tr("the access token");
    case KeychainItem::MetaAppSecret:
        return ErrorText::tr("the Meta App Secret");
    case KeychainItem::MediaHostToken:
        return ErrorText::tr("the media host token");
    }
    return ErrorText::tr("the secret");
}

QString uploadRefusedText(const Error &e)
{
    const int status = arg(e, 0).toInt();
    const QString refused = ErrorText::tr("The media host refused the file (HTTP %1).").arg(status);
    if (status == 401 || status == 403)
        return ErrorText::tr("%1 Check the media host's token in Settings.").arg(refused);
    if (status == 413)
        return ErrorText::tr("%1 The file is too large for it.").arg(refused);
    return refused;
}

QString signInText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::SignInNotConfigured:
        return ErrorText::tr("Set the Instagram App ID and the redirect URI in Settings first.");
    case Error::Reason::NoSignInInProgress:
        return ErrorText::tr("No sign-in is in progress.");
    case Error::Reason::SignInUsed:
        return ErrorText::tr("This sign-in attempt was already used. Please start again.");
    case Error::Reason::SignInDenied:
        return ErrorText::tr(
            "Sign-in was cancelled: access to the Instagram account was not granted.");
    case Error::Reason::SignInRefused:
        return ErrorText::tr("Instagram refused the sign-in (%1).").arg(arg(e, 0));
    case Error::Reason::SignInWrongState:
        return ErrorText::tr(
            "The sign-in answer did not belong to this attempt. Please try again.");
    case Error::Reason::SignInNoCode:
        return ErrorText::tr("Instagram's answer carried no sign-in code.");
    case Error::Reason::SignInNoToken:
        return ErrorText::tr("Instagram gave no access token for the sign-in code.");
    case Error::Reason::SignInNoMessagingPermission:
        return ErrorText::tr("The permission to manage messages was not granted. Sign in again "
                             "and keep \"Manage messages\" ticked.");
    case Error::Reason::SignInNoUserId:
        return ErrorText::tr("Instagram did not say which account signed in.");
    default:
        return {};
    }
}

QString keychainText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::KeychainNotFound:
        return ErrorText::tr("The keychain does not hold %1 (or the keyring is locked: unlock it "
                             "and try again).")
            .arg(keychainItem(e));
    case Error::Reason::KeychainLocked:
        return ErrorText::tr("The keyring is locked or refused access to %1. Unlock your "
                             "keyring, or sign in again.")
            .arg(keychainItem(e));
    case Error::Reason::KeychainNoBackend:
        return ErrorText::tr("No keyring is available on this system, so %1 cannot be kept "
                             "safely. You can keep it for this session only (in memory).")
            .arg(keychainItem(e));
    case Error::Reason::KeychainFailed:
        return ErrorText::tr("The keychain failed while handling %1.").arg(keychainItem(e));
    default:
        return {};
    }
}

QString uploadText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::UploadCancelled:
        return ErrorText::tr("The upload was cancelled.");
    case Error::Reason::UploadUnreadable:
        return ErrorText::tr("The file cannot be read.");
    case Error::Reason::UploadStalled:
        return ErrorText::tr(
            "The media host stopped answering (no progress for %n s).", nullptr, arg(e, 0).toInt());
    case Error::Reason::UploadHttpError:
        return ErrorText::tr("The media host answered HTTP %1.").arg(arg(e, 0));
    case Error::Reason::UploadRefused:
        return uploadRefusedText(e);
    case Error::Reason::UploadUnexpectedAnswer:
        return ErrorText::tr("The media host gave an unexpected answer: HTTP %1.").arg(arg(e, 0));
    case Error::Reason::UploadUnreachable:
        return ErrorText::tr("The media host could not be reached.");
    case Error::Reason::UploadTooManyRedirects:
        return ErrorText::tr("The media host redirected the upload more than %1 times.")
            .arg(arg(e, 0));
    case Error::Reason::UploadRedirectedAway:
        return ErrorText::tr("The media host redirected the upload to another address (%1), "
                             "which Inlet does not follow: it would get the file and the host's "
                             "token. Set the address the host wants as the upload URL in "
                             "Settings.")
            .arg(arg(e, 0));
    default:
        return {};
    }
}

QString messageText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::NoRecipient:
        return ErrorText::tr("No account or recipient for the message.");
    case Error::Reason::EmptyMessage:
        return ErrorText::tr("The message is empty.");
    case Error::Reason::TextAndAttachment:
        return ErrorText::tr("Instagram sends text and an attachment as two messages.");
    case Error::Reason::TextTooLong:
        return ErrorText::tr("The text is too long: %1 bytes, Instagram allows %2.")
            .arg(arg(e, 0), arg(e, 1));
    case Error::Reason::NoReaction:
        return ErrorText::tr("No reaction was given.");
    case Error::Reason::ReactionNotSendable:
        // The heart as an argument: an escape in tr()'s text would not reach the catalogue as is.
        return ErrorText::tr("Instagram accepts only %1 (love) as a business's reaction, not %2.")
            .arg(QStringLiteral("\u2764\ufe0f"), arg(e, 0));
    case Error::Reason::NoSuchMessage:
        return ErrorText::tr("The message no longer exists.");
    case Error::Reason::MessageNotSentYet:
        return ErrorText::tr("The message is not on Instagram yet.");
    case Error::Reason::MessageUnsent:
        return ErrorText::tr("The message was unsent.");
    default:
        return {};
    }
}

QString savedRepliesText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::SavedRepliesTooLarge:
        return ErrorText::tr("The file is larger than %1.")
            .arg(QLocale().formattedDataSize(arg(e, 0).toLongLong(), 0, QLocale::DataSizeSIFormat));
    case Error::Reason::SavedRepliesNotJson:
        return ErrorText::tr("The file is not JSON.");
    case Error::Reason::SavedRepliesNotOurs:
        return ErrorText::tr("The file is not a saved-replies file of Inlet.");
    case Error::Reason::SavedRepliesNewer:
        return ErrorText::tr("The file was written by a newer Inlet (version %1).").arg(arg(e, 0));
    case Error::Reason::SavedRepliesTooMany:
        return ErrorText::tr("The file holds %1 replies, more than the %2 a file may hold.")
            .arg(arg(e, 0), arg(e, 1));
    case Error::Reason::SavedReplyIncomplete:
        if (e.code == savedreply::TitleMissing)
            return ErrorText::tr("Reply %1 has no title.").arg(arg(e, 0));
        if (e.code == savedreply::TextMissing)
            return ErrorText::tr("Reply %1 has no text.").arg(arg(e, 0));
        return ErrorText::tr("Reply %1 has a space in its shortcut.").arg(arg(e, 0));
    default:
        return {};
    }
}

QString setupText(const Error &e)
{
    switch (e.reason) {
    case Error::Reason::SecretBeforeAppId:
        return ErrorText::tr("Set the App ID before its secret.");
    case Error::Reason::SecretBeforeMetaAppId:
        return ErrorText::tr("Set the Meta App ID before its secret.");
    case Error::Reason::WebhookNoMetaAppId:
        return ErrorText::tr("No Meta App ID in Settings: the app-level webhook subscription is "
                             "left to Meta's dashboard.");
    case Error::Reason::WebhookNoMetaAppSecret:
        return ErrorText::tr("No Meta App Secret in the keychain: the app-level webhook "
                             "subscription is left to Meta's dashboard.");
    case Error::Reason::DataDirNotCreatable:
        return ErrorText::tr("The folder %1 cannot be created.").arg(arg(e, 0));
    default:
        return {};
    }
}

// The store's errors by SQLite's primary result code (the message is the store's log line).
QString storageText(const Error &e)
{
    switch (e.code) {
    case sqlite::Busy:
    case sqlite::Busy + 1: // SQLITE_LOCKED
        return ErrorText::tr("The data is locked by another program (another Inlet?).");
    case sqlite::ReadOnly:
        return ErrorText::tr("The data file is read-only.");
    case sqlite::IoError:
        return ErrorText::tr("The disk could not be read or written.");
    case sqlite::Corrupt:
        return ErrorText::tr("The data file is damaged.");
    case sqlite::Full:
        return ErrorText::tr("The disk is full, or the data reached its size limit.");
    case sqlite::CantOpen:
        return ErrorText::tr("The data file cannot be opened.");
    case sqlite::NotADatabase:
        return ErrorText::tr("The file is not Inlet's data (it is damaged or of another kind).");
    case sqlite::SchemaTooNew:
        return ErrorText::tr("The data was written by a newer Inlet.");
    default:
        return ErrorText::tr("The data could not be read or written.");
    }
}

// A sentence for an error without a reason of the core's, by its kind.
QString kindText(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Network:
        if (e.code == triagewrites::TeamUnreachable)
            return ErrorText::tr("The team database cannot be reached; try again once the status "
                                 "bar shows the team connected.");
        // GraphClient's timeout: the request it gave up on (the message is its log line).
        if (e.code == QNetworkReply::OperationCanceledError)
            return ErrorText::tr("Instagram did not answer in time.");
        return ErrorText::tr("Instagram could not be reached.");
    case Error::Kind::Http:
    case Error::Kind::Graph:
        return ErrorText::tr("Instagram refused the request.");
    case Error::Kind::Auth:
        return ErrorText::tr("The sign-in failed.");
    case Error::Kind::Parse:
        return ErrorText::tr("Instagram's answer could not be read.");
    case Error::Kind::Storage:
        return storageText(e);
    case Error::Kind::Keychain: {
        // TokenVault's error, not explained for one secret: worded by its code.
        Error explained = e;
        explained.reason = TokenVault::isNotFound(e) ? Error::Reason::KeychainNotFound
            : TokenVault::isLocked(e)                ? Error::Reason::KeychainLocked
            : TokenVault::isNoBackend(e)             ? Error::Reason::KeychainNoBackend
                                                     : Error::Reason::KeychainFailed;
        return keychainText(explained);
    }
    case Error::Kind::Cancelled:
        return ErrorText::tr("Cancelled.");
    case Error::Kind::Invalid:
        if (e.code == triagewrites::TeamRefused) // PostgreSQL's words stay in the log
            return ErrorText::tr("The team database refused the change.");
        return ErrorText::tr("Inlet could not do this.");
    }
    return {};
}

} // namespace

QString reasonText(const Error &error)
{
    if (error.reason == Error::Reason::None)
        return {};
    if (error.reason == Error::Reason::Worded)
        return error.message;
    for (const auto wording :
        { messageText, signInText, keychainText, uploadText, savedRepliesText, setupText }) {
        if (QString text = wording(error); !text.isEmpty())
            return text;
    }
    return {};
}

QString errorDetail(const Error &error)
{
    switch (error.reason) {
    case Error::Reason::SignInRefused: // Instagram's description
    case Error::Reason::UploadUnreadable: // the system's words
    case Error::Reason::UploadHttpError: // the host's words
    case Error::Reason::UploadRefused:
    case Error::Reason::UploadUnreachable:
        return error.message;
    case Error::Reason::None:
        if (error.kind == Error::Kind::Network
            && error.code == QNetworkReply::OperationCanceledError)
            return {};
        // The core's own words (bad input, the store's log line, what it could not parse) stay in
        // the log.
        return error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Storage
                || error.kind == Error::Kind::Parse || error.kind == Error::Kind::Keychain
            ? QString()
            : error.message;
    default:
        return {};
    }
}

QString errorText(const Error &error)
{
    QString sentence = reasonText(error);
    if (sentence.isEmpty())
        sentence = kindText(error);
    const QString detail = errorDetail(error);
    return detail.isEmpty() ? sentence : ErrorText::tr("%1 (%2)").arg(sentence, detail);
}

} // namespace inlet::app
