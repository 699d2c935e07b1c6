#pragma once

#include "transcript/transcriptwriter.h"

#include <QLocale>
#include <QTimeZone>

namespace inlet {

// The words of a readable transcript. The core's defaults are English; the app passes its tr()
// wording (app/transcript/transcriptlabels.h).
struct TranscriptLabels {
    QString documentTitle = QStringLiteral("Inlet transcript");
    QString conversationWith = QStringLiteral("Conversation with %1"); // %1: name (@username)
    QString note = QStringLiteral("Note");
    QString attachment = QStringLiteral("Attachment (%1)"); // %1: its type, when it has no title
    QString reactions = QStringLiteral("Reactions: %1");
    QString noMessages = QStringLiteral("No messages.");
    QString received = QStringLiteral("received");
    QString queued = QStringLiteral("queued");
    QString sending = QStringLiteral("sending");
    QString sent = QStringLiteral("sent");
    QString seen = QStringLiteral("seen");
    QString failed = QStringLiteral("not sent");
    QString deleted = QStringLiteral("deleted");
    QString edited = QStringLiteral("edited");

    // The word for statusKey(message).
    QString status(const StoredMessage &message) const;
};

// A transcript as one self-contained HTML page (inline style, no scripts, nothing fetched):
// a section per conversation, a block per message with its sender, time (in `locale` and `zone`),
// text (escaped, line breaks kept), attachment links (http and https only; any other address is
// shown as text), reactions and status; notes in a block of their own, marked as notes.
// QTextDocument reads it too (the PDF is made from it).
class HtmlTranscriptWriter : public TranscriptWriter {
public:
    HtmlTranscriptWriter(QIODevice *out, TranscriptLabels labels, QLocale locale, QTimeZone zone);

    void begin() override;
    void beginConversation(const StoredConversation &conversation, const Account &account) override;
    void message(const StoredMessage &message) override;
    void note(const TranscriptNote &note) override;
    void endConversation() override;
    void end() override;

private:
    QString time(qint64 ms) const;

    TranscriptLabels m_labels;
    QLocale m_locale;
    QTimeZone m_zone;
    QString m_contact;
    QString m_accountName;
    int m_messages = 0;
};

} // namespace inlet
