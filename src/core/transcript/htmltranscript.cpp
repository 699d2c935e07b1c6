#include "transcript/htmltranscript.h"

#include <QDateTime>
#include <QStringList>
#include <QUrl>

namespace inlet {

namespace {

QString escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1String("\r\n"), QLatin1String("<br>"));
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return html;
}

// A link for http(s) addresses only: a `javascript:` or `file:` address from a message stays text.
QString link(const QString &url, const QString &text)
{
    const QString scheme = QUrl(url).scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return escaped(text) + QLatin1String(" (") + escaped(url) + QLatin1Char(')');
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), escaped(text));
}

// What QTextDocument (the PDF) follows too: margins in px only, no borders or padding on a div
// (a rule with one of those loses its margins).
const char kStyle[] = R"(body { font-family: sans-serif; font-size: 11pt; color: #1c1c1c; }
h1 { font-size: 16pt; }
h2 { font-size: 13pt; margin-top: 24px; margin-bottom: 4px; }
.meta { color: #555555; font-size: 9pt; margin-top: 12px; margin-bottom: 2px; }
.out .meta { color: #1d4f91; }
.note { background-color: #fff4c2; }
.note .meta { color: #7a5c00; font-weight: bold; }
.extra { color: #555555; font-size: 9pt; }
)";

} // namespace

QString TranscriptLabels::status(const StoredMessage &message) const
{
    const QString key = transcript::statusKey(message);
    if (key == QLatin1String("received"))
        return received;
    if (key == QLatin1String("queued"))
        return queued;
    if (key == QLatin1String("sending"))
        return sending;
    if (key == QLatin1String("sent"))
        return sent;
    if (key == QLatin1String("seen"))
        return seen;
    if (key == QLatin1String("failed"))
        return failed;
    return deleted;
}

HtmlTranscriptWriter::HtmlTranscriptWriter(
    QIODevice *out, TranscriptLabels labels, QLocale locale, QTimeZone zone)
    : TranscriptWriter(out)
    , m_labels(std::move(labels))
    , m_locale(std::move(locale))
    , m_zone(std::move(zone))
{
}

QString HtmlTranscriptWriter::time(qint64 ms) const
{
    return m_locale.toString(QDateTime::fromMSecsSinceEpoch(ms, m_zone), QLocale::ShortFormat);
}

void HtmlTranscriptWriter::begin()
{
    const QString title = escaped(m_labels.documentTitle);
    write(QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<title>%2</title>\n<style>\n%3</style>\n</head>\n<body>\n<h1>%2</h1>\n")
              .arg(m_locale.bcp47Name().toHtmlEscaped(), title, QString::fromLatin1(kStyle)));
}

void HtmlTranscriptWriter::beginConversation(
    const StoredConversation &conversation, const Account &account)
{
    m_contact = transcript::contactTitle(conversation.contact);
    m_accountName = transcript::accountTitle(account);
    m_messages = 0;
    write(QStringLiteral("<h2>%1</h2>\n").arg(escaped(m_labels.conversationWith.arg(m_contact))));
}

void HtmlTranscriptWriter::message(const StoredMessage &message)
{
    ++m_messages;
    QStringList meta { escaped(message.outgoing ? m_accountName : m_contact),
        escaped(time(message.createdMs)) };
    if (message.outgoing || message.deleted)
        meta.append(escaped(m_labels.status(message)));
    if (message.edited())
        meta.append(escaped(m_labels.edited));
    QString html = QStringLiteral("<div class=\"msg %1\">\n<div class=\"meta\">%2</div>\n")
                       .arg(message.outgoing ? QLatin1String("out") : QLatin1String("in"),
                           meta.join(QStringLiteral(" · ")));
    if (!message.text.isEmpty())
        html += QStringLiteral("<div class=\"text\">%1</div>\n").arg(escaped(message.text));
    for (const AttachmentData &a : message.attachments) {
        if (a.url.isEmpty())
            continue;
        const QString text = a.title.isEmpty() ? m_labels.attachment.arg(a.type) : a.title;
        html += QStringLiteral("<div class=\"extra\">%1</div>\n").arg(link(a.url, text));
    }
    const QString reactions = transcript::reactionsText(message);
    if (!reactions.isEmpty())
        html += QStringLiteral("<div class=\"extra\">%1</div>\n")
                    .arg(escaped(m_labels.reactions.arg(reactions)));
    write(html + QLatin1String("</div>\n"));
}

void HtmlTranscriptWriter::note(const TranscriptNote &note)
{
    ++m_messages;
    write(QStringLiteral("<div class=\"msg note\">\n<div class=\"meta\">%1 · %2 · %3</div>\n"
                         "<div class=\"text\">%4</div>\n</div>\n")
              .arg(escaped(m_labels.note), escaped(note.author), escaped(time(note.createdMs)),
                  escaped(note.text)));
}

void HtmlTranscriptWriter::endConversation()
{
    if (m_messages == 0)
        write(QStringLiteral("<p class=\"extra\">%1</p>\n").arg(escaped(m_labels.noMessages)));
}

void HtmlTranscriptWriter::end()
{
    write(QByteArray("</body>\n</html>\n"));
}

} // namespace inlet
