#include "transcript/csvtranscript.h"

#include <QDateTime>
#include <QStringList>

namespace inlet {

namespace {

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); // "...Z"
}

} // namespace

QString CsvTranscriptWriter::field(const QString &value)
{
    static const QString special = QStringLiteral("\",\r\n");
    bool quote = false;
    for (const QChar c : value) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvTranscriptWriter::textField(const QString &value)
{
    static const QString formulaStart = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && formulaStart.contains(value.front()))
        return field(QLatin1Char('\'') + value);
    return field(value);
}

void CsvTranscriptWriter::record(const QStringList &fields)
{
    write(fields.join(QLatin1Char(',')) + QLatin1String("\r\n"));
}

void CsvTranscriptWriter::begin()
{
    write(QByteArray("\xEF\xBB\xBF"));
    record({ QStringLiteral("conversation"), QStringLiteral("contact_username"),
        QStringLiteral("contact_name"), QStringLiteral("time_utc"), QStringLiteral("direction"),
        QStringLiteral("sender"), QStringLiteral("text"), QStringLiteral("attachment_urls"),
        QStringLiteral("reactions"), QStringLiteral("status") });
}

void CsvTranscriptWriter::beginConversation(
    const StoredConversation &conversation, const Account &account)
{
    m_conversation = QString::number(conversation.id);
    m_username = textField(conversation.contact.username);
    m_name = textField(conversation.contact.name);
    m_accountName = textField(account.username.isEmpty() ? account.name : account.username);
}

void CsvTranscriptWriter::message(const StoredMessage &message)
{
    QStringList urls;
    for (const AttachmentData &a : message.attachments) {
        if (!a.url.isEmpty())
            urls.append(a.url);
    }
    const QString sender
        = message.outgoing ? m_accountName : (m_username.isEmpty() ? m_name : m_username);
    record({ m_conversation, m_username, m_name, utcTime(message.createdMs),
        message.outgoing ? QStringLiteral("out") : QStringLiteral("in"), sender,
        textField(message.text), textField(urls.join(QLatin1Char('\n'))),
        field(transcript::reactionsText(message)), transcript::statusKey(message) });
}

void CsvTranscriptWriter::note(const TranscriptNote &note)
{
    record({ m_conversation, m_username, m_name, utcTime(note.createdMs), QStringLiteral("note"),
        textField(note.author), textField(note.text), QString(), QString(), QString() });
}

} // namespace inlet
