#include "outbox/sendpolicy.h"

#include "graph/grapherror.h"

#include <algorithm>

namespace inlet::sendpolicy {

Status validate(const OutgoingMessage &m)
{
    if (m.accountId.isEmpty() || m.customerId.isEmpty()) {
        return fail(Error::Kind::Invalid, Error::Reason::NoRecipient,
            QStringLiteral("No account or recipient for the message."));
    }
    const bool hasText = !m.text.trimmed().isEmpty();
    const bool hasAttachment = !m.attachmentUrl.isEmpty() || !m.attachmentPath.isEmpty();
    if (!hasText && !hasAttachment) {
        return fail(Error::Kind::Invalid, Error::Reason::EmptyMessage,
            QStringLiteral("The message is empty."));
    }
    if (hasText && hasAttachment) {
        return fail(Error::Kind::Invalid, Error::Reason::TextAndAttachment,
            QStringLiteral("Instagram sends text and an attachment as two messages."));
    }
    const qsizetype bytes = m.text.toUtf8().size();
    if (bytes > maxTextBytes) {
        Error tooLong = Error::because(Error::Kind::Invalid, Error::Reason::TextTooLong,
            QStringLiteral("The text is too long: %1 bytes, Instagram allows %2.")
                .arg(bytes)
                .arg(maxTextBytes),
            { QString::number(bytes), QString::number(maxTextBytes) });
        tooLong.code = 100;
        return std::unexpected(tooLong);
    }
    return {};
}

QJsonObject sendBody(const OutgoingMessage &m)
{
    QJsonObject message;
    if (!m.attachmentUrl.isEmpty()) {
        message.insert(QStringLiteral("attachment"),
                       QJsonObject{{QStringLiteral("type"), m.attachmentType.isEmpty()
                                                                ? QStringLiteral("image")
                                                                : m.attachmentType},
                                   {QStringLiteral("payload"),
                                    QJsonObject{{QStringLiteral("url"), m.attachmentUrl}}}});
    } else {
        message.insert(QStringLiteral("text"), m.text);
    }
    QJsonObject body{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), m.customerId}}},
                     {QStringLiteral("message"), message}};
    if (!m.replyToMid.isEmpty()) {
        // Beside recipient, not inside message: there Graph answers (#100) Invalid keys.
        body.insert(
            QStringLiteral("reply_to"), QJsonObject { { QStringLiteral("mid"), m.replyToMid } });
    }
    if (m.humanAgent) {
        body.insert(QStringLiteral("messaging_type"), QStringLiteral("MESSAGE_TAG"));
        body.insert(QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT"));
    }
    return body;
}

Outcome classify(const Error &e)
{
    if (isRateLimit(e)) {
        return Outcome::Retry;
    }
    if (e.kind == Error::Kind::Network || e.kind == Error::Kind::Parse) {
        return Outcome::InDoubt;
    }
    if (isOutsideWindow(e) || isUserUnavailable(e) || isAuthInvalid(e)) {
        return Outcome::Final;
    }
    if (e.kind == Error::Kind::Keychain) {
        return Outcome::Retry; // no token right now (keyring locked): nothing was sent
    }
    if (e.kind == Error::Kind::Cancelled) {
        return Outcome::InDoubt;
    }
    if (isTransient(e) || e.httpStatus >= 500) {
        return Outcome::InDoubt;
    }
    return Outcome::Final;
}

} // namespace inlet::sendpolicy
