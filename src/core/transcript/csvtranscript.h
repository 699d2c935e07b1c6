#pragma once

#include "transcript/transcriptwriter.h"

namespace inlet {

// A transcript as CSV (RFC 4180: every field quoted when it holds a quote, comma or line break,
// quotes doubled, CRLF between records), UTF-8 with a byte order mark so that Excel reads it as
// UTF-8. One record per message, with a header record:
//   conversation, contact_username, contact_name, time_utc (ISO 8601), direction (in, out,
//   note), sender, text, attachment_urls (one per line), reactions, status (statusKey).
// A text field that starts like a formula (= + - @, tab, CR) gets a leading apostrophe, so a
// spreadsheet shows what the customer wrote instead of running it.
class CsvTranscriptWriter : public TranscriptWriter {
public:
    using TranscriptWriter::TranscriptWriter;

    void begin() override;
    void beginConversation(const StoredConversation &conversation, const Account &account) override;
    void message(const StoredMessage &message) override;
    void note(const TranscriptNote &note) override;
    void endConversation() override { }
    void end() override { }

    // One field as it goes into a record (quoted when needed).
    static QString field(const QString &value);
    // A field of free text (names, message text): field(), after disarming a formula.
    static QString textField(const QString &value);

private:
    void record(const QStringList &fields);

    QString m_conversation;
    QString m_username;
    QString m_name;
    QString m_accountName;
};

} // namespace inlet
