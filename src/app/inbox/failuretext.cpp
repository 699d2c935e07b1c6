#include "app/inbox/failuretext.h"

#include <QCoreApplication>

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

} // namespace

QString failureText(const SendFailure &failure)
{
    const QString detail = failure.error.message;
    QString text;
    switch (failure.reason()) {
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
        return withDetail(
            FailureText::tr("Not saved: the message could not be written to disk."), error.message);
    case Error::Kind::Invalid:
        return error.message.isEmpty() ? FailureText::tr("Instagram would refuse this message.")
                                       : error.message;
    default:
        return failureText(SendFailure { SendFailure::Stage::Send, error });
    }
}

} // namespace inlet::app
