#pragma once

#include "store/storetypes.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace inlet {

// An internal note in a conversation's timeline (issue 13, Team work): the store keeps them as
// messages of kind Note, and the export hands them here instead of message(); the writers set
// them apart from messages (CSV direction "note", HTML a "Note" block).
struct TranscriptNote {
    QString author;
    QString text;
    qint64 createdMs = 0;
};

// One format of a transcript, written piece by piece as the exporter reads the store (nothing is
// kept but the current message). Writes go straight to the device; failed() tells whether one of
// them did not go through (a full disk), and the exporter stops then.
class TranscriptWriter {
public:
    explicit TranscriptWriter(QIODevice *out)
        : m_out(out)
    {
    }
    virtual ~TranscriptWriter() = default;
    TranscriptWriter(const TranscriptWriter &) = delete;
    TranscriptWriter &operator=(const TranscriptWriter &) = delete;

    virtual void begin() = 0;
    // `account` is the business that answers in it (its messages' sender).
    virtual void beginConversation(const StoredConversation &conversation, const Account &account)
        = 0;
    virtual void message(const StoredMessage &message) = 0;
    virtual void note(const TranscriptNote &note) = 0;
    virtual void endConversation() = 0;
    virtual void end() = 0;

    bool failed() const { return m_failed; }

protected:
    void write(const QByteArray &bytes);
    void write(const QString &text) { write(text.toUtf8()); }

private:
    QIODevice *m_out;
    bool m_failed = false;
};

namespace transcript {

// What a message's status column or line says: received, queued, sending, sent, seen, failed or
// deleted (fixed words: the CSV is data; the HTML words them through TranscriptLabels).
QString statusKey(const StoredMessage &message);
// The message's reactions as shown in a bubble ("❤️ 😂"), space separated.
QString reactionsText(const StoredMessage &message);
// The contact as a line names them: "Name (@username)", or whichever of them is known.
QString contactTitle(const Contact &contact);
// The business as its messages are signed: "@username", or its name.
QString accountTitle(const Account &account);

} // namespace transcript

} // namespace inlet
