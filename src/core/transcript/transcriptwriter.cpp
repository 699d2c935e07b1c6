#include "transcript/transcriptwriter.h"

#include "model/reactions.h"

#include <QIODevice>
#include <QStringList>

namespace inlet {

void TranscriptWriter::write(const QByteArray &bytes)
{
    if (m_failed || bytes.isEmpty())
        return;
    if (m_out->write(bytes) != bytes.size())
        m_failed = true;
}

namespace transcript {

QString statusKey(const StoredMessage &message)
{
    if (message.deleted)
        return QStringLiteral("deleted");
    switch (message.state) {
    case MessageState::Received:
        return QStringLiteral("received");
    case MessageState::Queued:
        return QStringLiteral("queued");
    case MessageState::Sending:
        return QStringLiteral("sending");
    case MessageState::Sent:
        return message.seen ? QStringLiteral("seen") : QStringLiteral("sent");
    case MessageState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString reactionsText(const StoredMessage &message)
{
    QStringList shown;
    for (const StoredReaction &r : message.reactions)
        shown.append(reactions::display(r.reaction, r.emoji));
    return shown.join(QLatin1Char(' '));
}

QString contactTitle(const Contact &contact)
{
    if (contact.username.isEmpty())
        return contact.name.isEmpty() ? contact.id : contact.name;
    const QString handle = QLatin1Char('@') + contact.username;
    return contact.name.isEmpty() ? handle : QStringLiteral("%1 (%2)").arg(contact.name, handle);
}

QString accountTitle(const Account &account)
{
    if (account.username.isEmpty())
        return account.name.isEmpty() ? account.id : account.name;
    return QLatin1Char('@') + account.username;
}

} // namespace transcript

} // namespace inlet
