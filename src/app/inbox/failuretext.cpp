#include "app/inbox/failuretext.h"

#include "app/shell/errortext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMimeDatabase>

namespace inlet::app {

namespace {

// The translation context of these sentences (a class, so that lupdate finds them).
class FailureText {
    Q_DECLARE_TR_FUNCTIONS(inlet::app::FailureText)
};

QString withDetail(const QString &sentence, const QString &detail)
{
    return detail.isEmpty() ? sentence : FailureText::tr("%1 (%2)").arg(sentence, detail);
}

// An error's own words: a media refusal or a reason of the core's worded here, anything else as
// its sender (Instagram, the media host) said it.
QString detailOf(const Error &error)
{
    if (const std::optional<MediaRefusal> refusal = MediaRefusal::of(error))
        return mediaRefusalText(*refusal);
    if (error.reason != Error::Reason::None)
        return errorText(error);
    if (error.kind == Error::Kind::Keychain)
        return errorDetail(error); // TokenVault's log line: nothing to add
    return error.message;
}

// "an image (.jpg)"-style wording of an Instagram attachment type.
QString article(const QString &type)
{
    if (type == QLatin1String("image"))
        return FailureText::tr("an image");
    if (type == QLatin1String("video"))
        return FailureText::tr("a video");
    if (type == QLatin1String("audio"))
        return FailureText::tr("an audio file");
    return FailureText::tr("a PDF");
}

// What the MIME database calls a type ("PNG image"), in the UI's language where it has one.
QString mimeComment(const QString &mimeType)
{
    const QMimeType mime = QMimeDatabase().mimeTypeForName(mimeType);
    return mime.isValid() ? mime.comment() : mimeType;
}

QString dataSize(qint64 bytes, int precision)
{
    return QLocale().formattedDataSize(bytes, precision, QLocale::DataSizeSIFormat);
}

QString tooLargeText(const MediaRefusal &r)
{
    const QString limit = dataSize(r.limitBytes, 0);
    const QString size = dataSize(r.sizeBytes, 1);
    if (r.type == QLatin1String("image"))
        return FailureText::tr("Instagram takes images up to %1; this one is %2.").arg(limit, size);
    if (r.type == QLatin1String("video"))
        return FailureText::tr("Instagram takes videos up to %1; this one is %2.").arg(limit, size);
    if (r.type == QLatin1String("audio"))
        return FailureText::tr("Instagram takes audio files up to %1; this one is %2.")
            .arg(limit, size);
    return FailureText::tr("Instagram takes PDF files up to %1; this one is %2.").arg(limit, size);
}

} // namespace

QString mediaRefusalText(const MediaRefusal &r)
{
    switch (r.reason) {
    case MediaRefusal::Reason::Missing:
        return FailureText::tr("The file %1 no longer exists.").arg(r.fileName);
    case MediaRefusal::Reason::Unreadable:
        return FailureText::tr("The file %1 cannot be read.").arg(r.fileName);
    case MediaRefusal::Reason::Empty:
        return FailureText::tr("The file %1 is empty.").arg(r.fileName);
    case MediaRefusal::Reason::Unsupported:
        return FailureText::tr("Instagram takes images (PNG, JPEG, GIF), videos (MP4, OGG, AVI, "
                               "MOV, WEBM), audio (AAC, M4A, WAV) and PDF files; %1 is %2.")
            .arg(r.fileName, mimeComment(r.mimeType));
    case MediaRefusal::Reason::NotAsNamed:
        return FailureText::tr("%1 is named like %2 (%3) but its content is not %4.")
            .arg(r.fileName, article(r.namedType), r.suffix, mimeComment(r.namedMimeType));
    case MediaRefusal::Reason::NameMismatch:
        return FailureText::tr("%1 is named like %2 (%3) but contains %4 (%5). Rename it or pick "
                               "another file.")
            .arg(r.fileName, article(r.namedType), r.suffix, article(r.type),
                mimeComment(r.mimeType));
    case MediaRefusal::Reason::TooLarge:
        return tooLargeText(r);
    case MediaRefusal::Reason::NoMediaHost:
        return FailureText::tr("Attachments from a file need a media host: Instagram only takes "
                               "media by public URL. Set one up in Settings.");
    }
    return FailureText::tr("The file %1 cannot be attached.").arg(r.fileName);
}

QString failureText(const SendFailure &failure)
{
    const QString detail = detailOf(failure.error);
    QString text;
    // The media host's failure, worded by its reason: says more than the stage's sentence.
    const bool worded = failure.stage == SendFailure::Stage::Upload
        && failure.error.reason != Error::Reason::None;
    switch (worded ? SendFailure::Reason::Other : failure.reason()) {
    case SendFailure::Reason::OutsideWindow:
        text = FailureText::tr(
            "Outside the messaging window: the customer's last message is more than 24 hours "
            "old (7 days with the human agent tag). Retry after they write again.");
        break;
    case SendFailure::Reason::UserUnavailable:
        text = FailureText::tr(
            "This person isn't available right now (blocked the account, deactivated, or not "
            "receiving messages).");
        break;
    case SendFailure::Reason::SignInNeeded:
        text = FailureText::tr(
            "Instagram no longer accepts this account's sign-in. Reconnect the account, then "
            "retry.");
        break;
    case SendFailure::Reason::RateLimited:
        text = FailureText::tr("Instagram is rate limiting this account.");
        break;
    case SendFailure::Reason::Unreachable:
        text = withDetail(failure.stage == SendFailure::Stage::Send
                ? FailureText::tr("Instagram could not be reached.")
                : FailureText::tr("The media host could not be reached."),
            detail);
        break;
    case SendFailure::Reason::KeychainLocked:
        text = withDetail(
            FailureText::tr("The account's token could not be read from the keyring."), detail);
        break;
    case SendFailure::Reason::Refused:
        text = withDetail(FailureText::tr("Instagram refused the message."), detail);
        break;
    case SendFailure::Reason::MediaHost:
        text = withDetail(FailureText::tr("The media host could not take the attachment."), detail);
        break;
    case SendFailure::Reason::File:
        text = withDetail(FailureText::tr("The attachment could not be sent."), detail);
        break;
    case SendFailure::Reason::Other:
        text = detail.isEmpty() ? FailureText::tr("Not sent.") : detail;
        break;
    }
    if (failure.attempts > 0)
        return FailureText::tr("Not sent after %1 attempts. %2").arg(failure.attempts).arg(text);
    return text;
}

QString failureText(const QString &stored)
{
    return stored.isEmpty() ? QString() : failureText(SendFailure::decode(stored));
}

QString refusalText(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Storage:
        return withDetail(FailureText::tr("Not saved: the message could not be written to disk."),
            errorText(error));
    case Error::Kind::Invalid:
        return MediaRefusal::of(error) || error.reason != Error::Reason::None
            ? detailOf(error)
            : FailureText::tr("Instagram would refuse this message.");
    default:
        return failureText(SendFailure { SendFailure::Stage::Send, error });
    }
}

} // namespace inlet::app
